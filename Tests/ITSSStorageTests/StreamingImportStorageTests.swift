import Foundation
import ITSSDomain
import ITSSImport
import SQLKit
import Testing
import ITSSTestSupport

@testable import ITSSStorage

/// `importAssessments(batches:)`: a file read and written a batch at a time is still one transaction — the same
/// result as the whole file at once, and a bad row in the last batch leaves the database as it was.
@Suite("Streaming assessment import")
struct StreamingImportStorageTests {
    static let people = 30

    /// Seeds the fixtures plus `people` people P01… in OPS-SD (evaluated by M001); returns the Service Desk items.
    static func prepare(_ database: AppDatabase) async throws -> [String] {
        try await Fixtures.seed(database)
        var csv = "employee_number,name,org_unit\n"
        for number in 1...people { csv += "P\(String(format: "%02d", number)),Person \(number),OPS-SD\n" }
        try await database.importPeople(SpreadsheetRows.people(Array(csv.utf8)), actor: "test")
        return try await Fixtures.serviceDeskItems(database).map(\.name)
    }

    /// Every person rated on every item: self 3 and evaluator 3, or self 4 and evaluator 3 with a reason (odd people).
    static func ratingsCSV(_ items: [String]) -> String {
        var csv = "employee_number,field,cycle,item,self_level,evaluator_level,evaluator_reason\n"
        for number in 1...people {
            for item in items {
                let levels = number % 2 == 1 ? "4,3,\"calibrated, as agreed\"" : "3,3,"
                csv += "P\(String(format: "%02d", number)),Service Desk,2026H1,\"\(item)\",\(levels)\n"
            }
        }
        return csv
    }

    /// Row counts and highest ids of every table an assessment import writes.
    static func state(_ database: AppDatabase) async throws -> [String] {
        let sql = try database.sql()
        var result: [String] = []
        for table in [
            "assessments", "assessment_ratings", "assessment_events", "person_levels", "level_history", "person_fields",
            "audit_log",
        ] {
            let row = try await sql.raw("SELECT COUNT(*) AS n, COALESCE(MAX(id), 0) AS top FROM \(unsafeRaw: table)").first()
            result.append(
                "\(table) \(try row?.decode(column: "n", as: Int.self) ?? -1) \(try row?.decode(column: "top", as: Int.self) ?? -1)"
            )
        }
        return result
    }

    /// The SQLite file's bytes once the log is checkpointed into it; nil on PostgreSQL.
    static func fileBytes(_ database: AppDatabase) async throws -> Data? {
        guard case let .sqlite(path) = database.location else { return nil }
        try await database.sql().raw("PRAGMA wal_checkpoint(TRUNCATE)").run()
        return try Data(contentsOf: URL(fileURLWithPath: path))
    }

    @discardableResult
    static func importInBatches(
        _ database: AppDatabase, _ bytes: [UInt8], approvedBy: Int64?
    ) async throws -> BulkImportSummary {
        try await database.importAssessments(
            batches: { try SpreadsheetRows.ratingBatches(CSVInput(bytes: bytes, chunkSize: 64), rowsPerBatch: 7) },
            approvedBy: approvedBy, by: try await database.operatorFor(nil))
    }

    @Test("small chunks and batches store what the whole file stores", arguments: TestBackend.enabled)
    func sameAsWholeFile(backend: TestBackend) async throws {
        var results: [[String]] = []
        var levels: [[Int?]] = []
        for streaming in [false, true] {
            try await backend.withDatabase { database in
                let items = try await Self.prepare(database)
                let csv = Self.ratingsCSV(items)
                let approver = try await database.personID("M001")
                let summary =
                    streaming
                    ? try await Self.importInBatches(database, Array(csv.utf8), approvedBy: approver)
                    : try await database.importAssessments(
                        SpreadsheetRows.ratings(Array(csv.utf8)), approvedBy: approver, by: try await database.operatorFor(nil))
                #expect(summary.created == Self.people)
                #expect(summary.rows == Self.people * items.count)
                #expect(summary.levelsComputed == Self.people)
                results.append(try await Self.state(database))
                var attained: [Int?] = []
                for number in 1...Self.people {
                    attained.append(
                        try await database.levels(of: "P\(String(format: "%02d", number))").first?.official.attainedLevel)
                }
                levels.append(attained)
                let view = try #require(try await database.assessments(of: "P01").first)
                #expect(view.state == .approved)
                #expect(view.ratings.allSatisfy { $0.evaluatorReason == "calibrated, as agreed" })
            }
        }
        #expect(results[0] == results[1])
        #expect(levels[0] == levels[1])
    }

    @Test(
        "a bad row in the last batch — a database check or an unreadable file — leaves the database unchanged",
        arguments: TestBackend.enabled)
    func badRowInLastBatch(backend: TestBackend) async throws {
        try await backend.withDatabase { database in
            let items = try await Self.prepare(database)
            let approver = try await database.personID("M001")
            let good = Self.ratingsCSV(items)
            let lastLine = Self.people * items.count + 1
            // The last row names someone unknown; the last row repeats an item; the file ends inside a quote;
            // the last assessment lacks an evaluator rating (found once the file is read).
            let cases: [(String, Int, String)] = [
                (good + "Q99,Service Desk,2026H1,\"\(items[0])\",3,3,\n", lastLine + 1, "unknown person"),
                (good + "P30,Service Desk,2026H1,\"\(items[0])\",3,3,\n", lastLine + 1, "rated again"),
                (good + "P30,Service Desk,2026H2,\"never closed\n", lastLine + 1, "not closed"),
                (good + "P30,Service Desk,2026H2,\"\(items[0])\",3,,\n", lastLine + 1, "P30 in Service Desk 2026H2"),
            ]
            let before = try await Self.state(database)
            let bytesBefore = try await Self.fileBytes(database)
            for (csv, line, message) in cases {
                do {
                    try await Self.importInBatches(database, Array(csv.utf8), approvedBy: approver)
                    Issue.record("expected a refusal: \(message)")
                } catch let error as BulkImportError {
                    #expect(error.rows.map(\.line) == [line], "\(message): \(error.rows)")
                    #expect(error.rows.first?.message.contains(message) == true, "\(error.rows)")
                }
                #expect(try await Self.state(database) == before, "\(message)")
                #expect(try await Self.fileBytes(database) == bytesBefore, "\(message)")
            }
            // The good file then imports, and importing it again is refused at each assessment's first line.
            #expect(try await Self.importInBatches(database, Array(good.utf8), approvedBy: approver).created == Self.people)
            let after = try await Self.state(database)
            do {
                try await Self.importInBatches(database, Array(good.utf8), approvedBy: approver)
                Issue.record("expected a refusal of existing assessments")
            } catch let error as BulkImportError {
                #expect(error.rows.map(\.line) == (0..<Self.people).map { $0 * items.count + 2 })
            }
            #expect(try await Self.state(database) == after)
        }
    }
}
