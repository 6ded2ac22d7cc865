import Foundation
import Testing

/// Several `itss` processes writing to one database at once, as a web server and operators at terminals would:
/// every command must succeed (writers queue for the write lock), a duplicate must get the same clear message as
/// a sequential one, and a long bulk import must not be lost to short writes arriving during it. Runs on SQLite,
/// and on PostgreSQL with `ITSS_CLI_TEST_BACKEND=postgres`.
@Suite("Concurrent writers", .serialized)
struct ConcurrentWritersCLITests {
    /// Runs `work(index)` for each index on its own thread (processes block their thread while they run, so the
    /// cooperative pool is left alone) and returns the results in index order.
    static func inParallel<T: Sendable>(_ count: Int, _ work: @escaping @Sendable (Int) -> T) -> [T] {
        let results = ResultsBox<T>(count: count)
        let group = DispatchGroup()
        for index in 0..<count {
            group.enter()
            let thread = Thread {
                results.set(index, work(index))
                group.leave()
            }
            thread.start()
        }
        group.wait()
        return results.values
    }

    final class ResultsBox<T: Sendable>: @unchecked Sendable {
        private let lock = NSLock()
        private var stored: [T?]
        init(count: Int) { stored = Array(repeating: nil, count: count) }
        func set(_ index: Int, _ value: T) { lock.withLock { stored[index] = value } }
        var values: [T] { lock.withLock { stored.compactMap { $0 } } }
    }

    struct PersonPage: Decodable {
        var total: Int
    }

    @Test("four processes adding people at once: every command succeeds and every person is there")
    func concurrentPersonAdds() throws {
        let cli = CLIRunner()
        defer { cli.cleanUp() }
        try Organisation.create(cli)
        let failures = Self.inParallel(4) { writer in
            var failed: [String] = []
            for index in 0..<12 {
                let result = try? cli.run("person", "add", "W\(writer)-\(index)", "Writer \(writer)", "--org", "OPS")
                if result?.status != 0 { failed.append(result?.standardError ?? "did not run") }
            }
            return failed
        }
        #expect(failures.flatMap { $0 }.isEmpty, "\(failures.flatMap { $0 })")
        let people = try cli.json(PersonPage.self, "person", "list", "--per-page", "1000")
        #expect(people.total == 4 + 48)
    }

    @Test("four evaluators rating one assessment at once without --expect-version: no conflict, every rating kept")
    func concurrentBlindRatings() throws {
        let cli = CLIRunner()
        defer { cli.cleanUp() }
        try Organisation.create(cli)
        for evaluator in ["M2", "M3", "M4"] {
            try cli.ok("person", "add", evaluator, "Evaluator \(evaluator)", "--org", "HQ")
            try cli.ok("evaluator", "assign", evaluator, "--org", "OPS")
        }
        let items = try FieldItems.of("Service Desk", cli).items
        try cli.ok("assess", "start", Organisation.person, "--field", "Service Desk", "--cycle", "2026H2")
        for item in items {
            try cli.ok(
                "assess", "rate", "1", "--item", item.name, "--level", "\(item.definedLevels.first ?? 1)", "--as",
                Organisation.person)
        }
        try cli.ok("assess", "submit", "1", "--as", Organisation.person)
        let evaluators = [Organisation.evaluator, "M2", "M3", "M4"]
        let failures = Self.inParallel(evaluators.count) { index in
            var failed: [String] = []
            for item in items {
                let result = try? cli.run(
                    "assess", "rate", "1", "--item", item.name, "--level", "\(item.definedLevels.first ?? 1)", "--evaluator",
                    "--as",
                    evaluators[index])
                if result?.status != 0 { failed.append(result?.standardError ?? "did not run") }
            }
            return failed
        }
        #expect(failures.flatMap { $0 }.isEmpty, "\(failures.flatMap { $0 })")
        let assessment = try cli.json(AssessmentVersion.self, "assess", "show", "1")
        // start (1) + one version per self rating + submit + one per evaluator rating of every evaluator
        #expect(assessment.version == 1 + items.count + 1 + items.count * evaluators.count)
    }

    struct AssessmentVersion: Decodable {
        var version: Int
    }

    @Test("three processes adding the same employee number: one wins, the others get the duplicate message")
    func duplicateRace() throws {
        let cli = CLIRunner()
        defer { cli.cleanUp() }
        try Organisation.create(cli)
        let results = Self.inParallel(3) { _ in try? cli.run("person", "add", "R1", "Racer", "--org", "OPS") }
            .compactMap { $0 }
        #expect(results.count == 3)
        #expect(results.filter { $0.status == 0 }.count == 1)
        for loser in results where loser.status != 0 {
            #expect(loser.standardError == "Error: employee number \"R1\" already exists\n", "\(loser.standardError)")
        }
    }

    @Test("a bulk import and short writes arriving during it: both are kept")
    func bulkImportWithShortWrites() throws {
        let cli = CLIRunner()
        defer { cli.cleanUp() }
        try Organisation.create(cli)
        let rows = (0..<20_000).map { "B\($0),Bulk \($0),OPS" }
        let file = try cli.csv("people.csv", ["employee_number,name,org_unit"] + rows)
        let results = Self.inParallel(4) { index -> CLIRunner.Result? in
            if index == 0 { return try? cli.run("import", "people", file) }
            Thread.sleep(forTimeInterval: 0.3 * Double(index))
            return try? cli.run("person", "add", "S\(index)", "Short \(index)", "--org", "OPS")
        }
        for result in results { #expect(result?.status == 0, "\(result?.standardError ?? "did not run")") }
        let people = try cli.json(PersonPage.self, "person", "list", "--per-page", "1")
        #expect(people.total == 4 + 20_000 + 3)
    }

    @Test(
        "a write that waits longer than the busy timeout says what was busy and that nothing was written",
        .enabled(if: CLIRunner.usesSQLite, "the SQLite write lock only exists on SQLite"))
    func busyTimeoutMessage() throws {
        var cli = CLIRunner()
        defer { cli.cleanUp() }
        try Organisation.create(cli)
        // Another process holds SQLite's write lock for eight seconds (Python's sqlite3, as any other tool could).
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        holder.arguments = [
            "python3", "-c",
            """
            import sqlite3, sys, time
            c = sqlite3.connect(sys.argv[1], isolation_level=None)
            c.execute('BEGIN IMMEDIATE'); print('locked', flush=True); time.sleep(8)
            """,
            cli.dataDirectory.appendingPathComponent("itss.sqlite").path,
        ]
        let output = Pipe()
        holder.standardOutput = output
        try ProcessLaunch.run(holder)
        let signal = output.fileHandleForReading.readData(ofLength: 7)
        #expect(String(decoding: signal, as: UTF8.self).hasPrefix("locked"))
        cli.environment["ITSS_SQLITE_BUSY_TIMEOUT_MS"] = "300"
        let message = try cli.fails("person", "add", "T1", "Timed Out", "--org", "OPS")
        #expect(message.contains("busy with another writer"), "\(message)")
        #expect(message.contains("nothing was written"), "\(message)")
        holder.waitUntilExit()
        cli.environment["ITSS_SQLITE_BUSY_TIMEOUT_MS"] = nil
        #expect(try cli.fails("person", "show", "T1").contains("does not exist"))
    }

    @Test(
        "the data directory and the database file are readable by their owner only",
        .enabled(if: CLIRunner.usesSQLite, "PostgreSQL keeps its own files"))
    func privateFiles() throws {
        let cli = CLIRunner()
        defer { cli.cleanUp() }
        try cli.ok("org", "add", "OPS", "Operations")
        let files = FileManager.default
        let directory = try files.attributesOfItem(atPath: cli.dataDirectory.path)
        let database = try files.attributesOfItem(atPath: cli.dataDirectory.appendingPathComponent("itss.sqlite").path)
        #expect((directory[.posixPermissions] as? Int).map { $0 & 0o077 } == 0)
        #expect((database[.posixPermissions] as? Int).map { $0 & 0o077 } == 0)
    }
}
