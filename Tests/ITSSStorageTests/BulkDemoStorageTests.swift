import Foundation
import ITSSDomain
import ITSSImport
import SQLKit
import Testing
import ITSSTestSupport

@testable import ITSSStorage

/// `generateDemo` and the batched paths of the bulk imports it drives.
@Suite("Demo organisation and batched bulk writes")
struct BulkDemoStorageTests {
    static let principal = Principal.operator(systemUser: "test")

    /// Counts and sums that change when any generated value does (sums cast to BIGINT: PostgreSQL sums bigints
    /// as numeric).
    static func fingerprint(_ database: AppDatabase) async throws -> [String: Int] {
        let sql = try database.sql()
        var result: [String: Int] = [:]
        let queries = [
            "people": "SELECT COUNT(*) AS n FROM people",
            "units": "SELECT COUNT(*) AS n FROM org_units",
            "fields": "SELECT COUNT(*) AS n FROM person_fields",
            "assessments": "SELECT COUNT(*) AS n FROM assessments WHERE state = 'approved'",
            "cycles": "SELECT COUNT(DISTINCT cycle) AS n FROM assessments WHERE state = 'approved'",
            "ratings": "SELECT CAST(COALESCE(SUM(evaluator_level * 7 + self_level), 0) AS BIGINT) AS n FROM assessment_ratings",
            "records": "SELECT COUNT(*) AS n FROM experience_records",
            "verified": "SELECT COUNT(*) AS n FROM experience_records WHERE verified_by IS NOT NULL",
            "levels": "SELECT CAST(COALESCE(SUM(COALESCE(level, 0) * (person_id % 97)), 0) AS BIGINT) AS n FROM person_levels",
            "plans": "SELECT COUNT(*) AS n FROM development_plans",
            "names": "SELECT CAST(COALESCE(SUM(LENGTH(name) * (id % 89)), 0) AS BIGINT) AS n FROM people",
            "without fields": "SELECT COUNT(*) AS n FROM people WHERE id NOT IN (SELECT person_id FROM person_fields)",
        ]
        for (name, query) in queries {
            result[name] = try await sql.raw("\(unsafeRaw: query)").first()?.decode(column: "n", as: Int.self)
        }
        return result
    }

    /// The depth of the org tree.
    static func orgDepth(_ database: AppDatabase) async throws -> Int {
        var parent: [Int64: Int64] = [:]
        var ids: [Int64] = []
        for row in try await database.sql().raw("SELECT id, parent_id FROM org_units").all() {
            let id = try row.decode(column: "id", as: Int64.self)
            ids.append(id)
            if let up = try row.decode(column: "parent_id", as: Int64?.self) { parent[id] = up }
        }
        return ids.map { id in
            var depth = 1
            var current = id
            while let up = parent[current] {
                depth += 1
                current = up
            }
            return depth
        }.max() ?? 0
    }

    @Test("the demo is deterministic, whatever the chunk size, and plausible", arguments: TestBackend.enabled)
    func deterministic(backend: TestBackend) async throws {
        let (first, summary) = try await backend.withDatabase { database in
            let summary = try await database.loadedDemo(people: 150, seed: 7, peoplePerChunk: 60, by: Self.principal)
            return (try await Self.fingerprint(database), summary)
        }
        let (second, again) = try await backend.withDatabase { database in
            let summary = try await database.loadedDemo(people: 150, seed: 7, by: Self.principal)
            #expect(try await Self.orgDepth(database) >= 4)
            return (try await Self.fingerprint(database), summary)
        }
        #expect(first == second)
        #expect(summary == again)
        #expect(first["people"] == 150)
        #expect(first["without fields"] == 0)
        #expect(first["cycles"] == 3)
        #expect((first["verified"] ?? 0) > 0)
        #expect((first["verified"] ?? 0) < (first["records"] ?? 0))
        #expect((first["plans"] ?? 0) > 0)
        #expect(summary.people == 150)
        let other = try await backend.withDatabase { database in
            try await database.loadedDemo(people: 150, seed: 8, by: Self.principal)
            return try await Self.fingerprint(database)
        }
        #expect(other != first)
    }

    @Test("levels stored by the batched experience import equal levels computed one by one", arguments: TestBackend.enabled)
    func batchedLevelsMatch(backend: TestBackend) async throws {
        try await backend.withDatabase { database in
            try await database.loadedDemo(people: 120, seed: 3, by: Self.principal)
            let sql = try database.sql()
            let index = try await database.catalogIndex()
            var compared = 0
            for person in [2, 3, 5, 8, 13, 21, 34, 55, 89, 119] {
                let number = DemoPlan(people: 120, seed: 3, prefix: "").employeeNumber(person)
                let id = try await database.personID(number)
                var stored: [String: Int?] = [:]
                for row in try await sql.raw(
                    "SELECT field_id, basis, level FROM person_levels WHERE person_id = \(bind: id)"
                ).all() {
                    let field = index.field(id: try row.decode(column: "field_id", as: Int64.self))?.reference
                    let basis = try row.decode(column: "basis", as: String.self)
                    stored["\(field?.description ?? "?") \(basis)"] = try row.decode(column: "level", as: Int?.self)
                }
                for level in try await database.levels(of: number) {
                    let field = level.field.description
                    #expect(stored["\(field) approved"] == .some(level.official.attainedLevel), "\(number) \(level.field)")
                    #expect(
                        stored["\(field) provisional"] == .some(level.provisional?.attainedLevel), "\(number) \(level.field)")
                    compared += 1
                }
            }
            #expect(compared >= 10)
        }
    }

    @Test("the demo refuses a database with people it did not make, and writes nothing", arguments: TestBackend.enabled)
    func refusesOtherDatabases(backend: TestBackend) async throws {
        try await backend.withDatabase { database in
            try await Fixtures.seed(database)
            let before = try await Self.fingerprint(database)
            do {
                try await database.loadedDemo(people: 50, seed: 1, by: Self.principal)
                Issue.record("expected a refusal")
            } catch let error as StorageError {
                #expect(error.localizedDescription.contains("ITSS_DATA_DIR"))
            }
            #expect(try await Self.fingerprint(database) == before)
        }
    }

    @Test("a demo database is refused again without --force, and extended with it", arguments: TestBackend.enabled)
    func forceAddsAnother(backend: TestBackend) async throws {
        try await backend.withDatabase { database in
            try await database.loadedDemo(people: 40, seed: 1, by: Self.principal)
            await #expect(throws: StorageError.self) {
                try await database.loadedDemo(people: 40, seed: 1, by: Self.principal)
            }
            let summary = try await database.loadedDemo(people: 40, seed: 2, force: true, by: Self.principal)
            #expect(summary.people == 40)
            #expect(try await Self.fingerprint(database)["people"] == 80)
        }
    }

    @Test(
        "bulk inserts keep tabs, newlines and backslashes, and roll back with their transaction", arguments: TestBackend.enabled)
    func bulkInsertEscapesAndRollsBack(backend: TestBackend) async throws {
        try await backend.withDatabase { database in
            let awkward = "Tab\there, line\nbreak, back\\slash, return\r, \\N and ü"
            try await database.importPeople(
                ParsedRows(rows: [SpreadsheetRows.PersonRow(atLine: 2, employeeNumber: "X1", name: awkward, email: nil)]),
                by: Self.principal)
            #expect(try await database.person("X1").name == awkward)
            struct Abort: Error {}
            await #expect(throws: (any Error).self) {
                try await database.transaction { sql in
                    try await BatchInsert.run(
                        sql, into: "org_units", columns: ["code", "name", "parent_id", "created_at"],
                        rows: (0..<20_000).map { [.text("U\($0)"), .text("Unit \($0)"), .integer(nil), .text("2026-01-01")] })
                    throw Abort()
                }
            }
            #expect(try await Self.fingerprint(database)["units"] == 0)
        }
    }
}

extension AppDatabase {
    /// The demo on a test database, which starts without the built-in standards (the CLI loads them on first use).
    @discardableResult
    func loadedDemo(
        people: Int, seed: UInt64, force: Bool = false, peoplePerChunk: Int = 10_000, by principal: Principal
    ) async throws -> DemoSummary {
        try await loadBuiltInStandardsIfEmpty()
        return try await generateDemo(people: people, seed: seed, force: force, peoplePerChunk: peoplePerChunk, by: principal)
    }
}
