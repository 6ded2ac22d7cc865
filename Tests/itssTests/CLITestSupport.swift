import Foundation
import ITSSDomain
import ITSSStorage
import Testing

/// Shorthands for the people-side CLI tests: run a command that must succeed, one that must fail with a
/// one-line `Error:` message, or decode a command's `--json` output.
extension CLIRunner {
    /// Runs a command that must succeed; returns its standard output.
    @discardableResult
    func ok(_ arguments: String..., sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        try ok(arguments: arguments, sourceLocation: sourceLocation)
    }

    @discardableResult
    func ok(arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let result = try run(arguments: arguments)
        #expect(
            result.status == 0, "itss \(arguments.joined(separator: " ")) failed: \(result.standardError)",
            sourceLocation: sourceLocation)
        return result.standardOutput
    }

    /// Runs a command that must fail with a non-zero exit and exactly one line on standard error, starting
    /// `Error: `; returns that line without the prefix (empty when the expectations failed).
    func fails(_ arguments: String..., sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        try fails(arguments: arguments, sourceLocation: sourceLocation)
    }

    func fails(arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let result = try run(arguments: arguments)
        let command = "itss " + arguments.joined(separator: " ")
        #expect(result.status != 0, "\(command) succeeded: \(result.standardOutput)", sourceLocation: sourceLocation)
        let lines = result.standardError.split(separator: "\n", omittingEmptySubsequences: true)
        #expect(
            lines.count == 1, "\(command): expected one line on stderr, got \(lines.count): \(result.standardError)",
            sourceLocation: sourceLocation)
        guard let line = lines.last, line.hasPrefix("Error: ") else {
            Issue.record("\(command): no `Error:` line: \(result.standardError)", sourceLocation: sourceLocation)
            return ""
        }
        return String(line.dropFirst("Error: ".count))
    }

    /// Runs a command with `--json` (added here) and decodes its output.
    func json<T: Decodable>(_ type: T.Type, _ arguments: String..., sourceLocation: SourceLocation = #_sourceLocation) throws -> T
    {
        let output = try ok(arguments: arguments + ["--json"], sourceLocation: sourceLocation)
        do {
            return try JSONDecoder().decode(T.self, from: Data(output.utf8))
        } catch {
            Issue.record("itss \(arguments.joined(separator: " ")) --json: \(error)\n\(output)", sourceLocation: sourceLocation)
            throw error
        }
    }

    /// Writes a CSV file into the data directory and returns its path.
    func csv(_ name: String, _ lines: [String]) throws -> String {
        try writeFile(name, Data((lines.joined(separator: "\n") + "\n").utf8))
    }
}

/// The part of `itss catalog show FIELD --json` these tests need: item names and their defined levels.
struct FieldItems: Decodable {
    struct Item: Decodable {
        struct Level: Decodable { var level: Int }
        var name: String
        var levels: [Level]
        var definedLevels: [Int] { levels.map(\.level) }
    }

    var name: String
    var items: [Item]

    static func of(_ field: String, _ cli: CLIRunner, sourceLocation: SourceLocation = #_sourceLocation) throws -> FieldItems {
        try cli.json(FieldItems.self, "catalog", "show", field, sourceLocation: sourceLocation)
    }
}

/// A small organisation: org unit OPS with E1001 (Service Desk) and E1002 (V2 Service desk), evaluator M1
/// assigned to OPS (M1 belongs to the parent unit HQ), and outsider X1 who evaluates nobody.
enum Organisation {
    static let person = "E1001"
    static let v2Person = "E1002"
    static let evaluator = "M1"
    static let outsider = "X1"

    static func create(_ cli: CLIRunner) throws {
        try cli.ok("org", "add", "HQ", "Headquarters")
        try cli.ok("org", "add", "OPS", "Operations", "--parent", "HQ")
        try cli.ok("person", "add", evaluator, "Mori Kenji", "--org", "HQ")
        try cli.ok("person", "add", outsider, "Outsider Ken")
        try cli.ok("person", "add", person, "Sato Hanako", "--org", "OPS", "--field", "Service Desk")
        try cli.ok("person", "add", v2Person, "Tanaka Jiro", "--org", "OPS", "--field", "V2:Service desk")
        try cli.ok("evaluator", "assign", evaluator, "--org", "OPS")
    }
}
