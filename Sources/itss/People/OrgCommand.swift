import ArgumentParser
import ITSSDomain
import ITSSStorage

/// `itss org add|list`: the organisation's units (a tree).
struct OrgCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "org", abstract: "Manage org units (a tree).", subcommands: [Add.self, List.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add an org unit.")
        @Argument(help: "A short unique code, e.g. OPS-1.") var code: String
        @Argument(help: "The unit's name.") var name: String
        @Option(help: "The parent unit's code.") var parent: String?

        func run() async throws {
            try await reportingErrors {
                let unit = try await DatabaseSession.with {
                    let database = $0
                    var parentID: Int64?
                    if let parent { parentID = try await database.orgUnitID(parent) }
                    return try await database.createOrgUnit(
                        code: code, name: name, parentID: parentID, by: try await DatabaseSession.principal(database))
                }
                Output.line("Added org unit \(unit.code) \"\(unit.name)\".")
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List org units as a tree.")
        @Flag(help: "Print JSON.") var json = false

        func run() async throws {
            try await reportingErrors {
                let units = try await DatabaseSession.with { try await $0.orgUnits() }
                if json { return try Output.json(units) }
                guard !units.isEmpty else { return Output.line("No org units yet. Add one with `itss org add CODE NAME`.") }
                func render(_ parent: Int64?, depth: Int) {
                    for unit in units where unit.parentID == parent {
                        Output.line(String(repeating: "  ", count: depth) + "\(unit.code)  \(unit.name)")
                        render(unit.id, depth: depth + 1)
                    }
                }
                render(nil, depth: 0)
            }
        }
    }
}
