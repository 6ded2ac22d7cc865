import Foundation
import Testing

/// Runs the built `itss` executable in a fresh data directory, as a user would.
///
/// With `ITSS_CLI_TEST_BACKEND=postgres` (and `ITSS_TEST_POSTGRES_URL`), every runner gets its own schema on
/// that PostgreSQL server instead, so the whole CLI suite runs on PostgreSQL too (.ci/run does both).
struct CLIRunner {
    struct Result {
        var status: Int32
        var standardOutput: String
        var standardError: String
    }

    let dataDirectory: URL
    var environment: [String: String] = [:]
    /// The PostgreSQL schema of this runner, when the suite runs on PostgreSQL.
    private let postgres: (url: String, schema: String)?

    init() {
        let id = UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        dataDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("itss-cli-\(id)")
        let settings = ProcessInfo.processInfo.environment
        if settings["ITSS_CLI_TEST_BACKEND"] == "postgres", let url = settings["ITSS_TEST_POSTGRES_URL"], !url.isEmpty {
            let schema = "cli_" + id
            postgres = (url, schema)
            CLIRunner.psql(url, "CREATE SCHEMA \(schema)")
            environment["DATABASE_URL"] = url + (url.contains("?") ? "&" : "?") + "search_path=" + schema
        } else {
            postgres = nil
        }
    }

    /// Runs one SQL statement with psql (the client comes with Debian's postgresql package).
    private static func psql(_ url: String, _ statement: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["psql", url, "-qc", statement]
        process.standardOutput = FileHandle.nullDevice
        try? ProcessLaunch.run(process)
        process.waitUntilExit()
    }

    /// Whether runners use SQLite files (not `ITSS_CLI_TEST_BACKEND=postgres`).
    static var usesSQLite: Bool {
        let settings = ProcessInfo.processInfo.environment
        return !(settings["ITSS_CLI_TEST_BACKEND"] == "postgres" && !(settings["ITSS_TEST_POSTGRES_URL"] ?? "").isEmpty)
    }

    /// The `itss` binary next to the test bundle in the build folder.
    static var executable: URL {
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("itss")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return URL(fileURLWithPath: ".build/debug/itss")
    }

    func run(_ arguments: String...) throws -> Result {
        try run(arguments: arguments)
    }

    func run(arguments: [String], input: Data? = nil) throws -> Result {
        let process = Process()
        process.executableURL = CLIRunner.executable
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["ITSS_DATA_DIR"] = dataDirectory.path
        environment["DATABASE_URL"] = nil
        environment["USER"] = "cli-test"
        for (key, value) in self.environment { environment[key] = value }
        process.environment = environment
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        let standardInput = Pipe()
        if input != nil { process.standardInput = standardInput }
        try ProcessLaunch.run(process)
        if let input {
            standardInput.fileHandleForWriting.write(input)
            try standardInput.fileHandleForWriting.close()
        }
        // Read both pipes before waiting so a large output cannot fill a pipe and block the child.
        let collected = OutputBox()
        let reader = DispatchGroup()
        DispatchQueue.global().async(group: reader) {
            collected.data = output.fileHandleForReading.readDataToEndOfFile()
        }
        let errData = error.fileHandleForReading.readDataToEndOfFile()
        reader.wait()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus,
            standardOutput: String(decoding: collected.data, as: UTF8.self),
            standardError: String(decoding: errData, as: UTF8.self))
    }

    private final class OutputBox: @unchecked Sendable {
        var data = Data()
    }

    func writeFile(_ name: String, _ contents: Data) throws -> String {
        try FileManager.default.createDirectory(at: dataDirectory, withIntermediateDirectories: true)
        let url = dataDirectory.appendingPathComponent(name)
        try contents.write(to: url)
        return url.path
    }

    func cleanUp() {
        try? FileManager.default.removeItem(at: dataDirectory)
        if let postgres { CLIRunner.psql(postgres.url, "DROP SCHEMA \(postgres.schema) CASCADE") }
    }
}
