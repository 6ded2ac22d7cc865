import Foundation
import ITSSDomain
import ITSSImport
import ITSSTestSupport
import SQLKit
import Testing

@testable import ITSSStorage

/// `person_levels.assessed_at` (M020), which tells the skill map "below the first level" from "not assessed":
/// written with the level by approval, the start of an assessment, the bulk imports (approved and drafts), and
/// backfilled by the migration from the stored assessments — checked on `SkillMapFixture` and through the map.
@Suite("Skill map: since when each pair is assessed (storage)")
struct SkillMapAssessedStorageTests {
    /// Every level row as `E2001 V2 approved 2 2026-01-15` (field V2 or V3, level or –, the day assessed or never).
    static func levelRows(_ database: AppDatabase) async throws -> [String] {
        let v2 = try await database.fieldID(SkillMapFixture.v2ServiceDesk)
        return try await database.sql().raw(
            """
            SELECT p.employee_number, l.field_id, l.basis, l.level, l.assessed_at FROM person_levels l
            JOIN people p ON p.id = l.person_id ORDER BY p.employee_number, l.field_id, l.basis
            """
        ).all().map { row in
            let field = try row.decode(column: "field_id", as: Int64.self) == v2 ? "V2" : "V3"
            let level = try row.decode(column: "level", as: Int?.self).map(String.init) ?? "–"
            let assessed = try row.decode(column: "assessed_at", as: String?.self).map { String($0.prefix(10)) } ?? "never"
            return "\(try row.decode(column: "employee_number", as: String.self)) \(field) "
                + "\(try row.decode(column: "basis", as: String.self)) \(level) \(assessed)"
        }
    }

    /// Ratings rows of V2 Service desk for one person, every item at the highest level it defines up to `level`.
    static func ratingsCSV(_ database: AppDatabase, person: String, level: Int, evaluator: Bool) async throws -> String {
        let items = try await database.catalogIndex().resolveField(SkillMapFixture.v2ServiceDesk).effective.items
        var csv = "employee_number,field,cycle,item,self_level,evaluator_level,evaluator_reason\n"
        for item in items {
            let rating = item.definedLevels.last { $0 <= level } ?? 0
            csv += "\(person),V2:Service desk,2026H1,\"\(item.name)\",\(rating),\(evaluator ? String(rating) : ""),\n"
        }
        return csv
    }

    @Test(
        "approval, start and the imports write it with the level; the map counts below and not assessed from it",
        arguments: TestBackend.enabled)
    func writePaths(backend: TestBackend) async throws {
        try await SkillMapStorageTests.withOrganisation(backend) { database in
            let v2 = try await database.fieldID(SkillMapFixture.v2ServiceDesk)
            // Approvals: the first approval's day, kept when a later one changes the level (Aiko); a submitted-only
            // self-assessment (Dai) is assessed provisionally, not officially; Hanako is assessed below level 3.
            #expect(
                try await Self.levelRows(database) == [
                    "E1001 V3 approved – 2026-01-15", "E1001 V3 provisional – 2026-01-15",
                    "E2001 V2 approved 2 2026-01-15", "E2001 V2 provisional 2 2026-01-15",
                    "E2002 V2 approved 1 2026-01-15", "E2002 V2 provisional 1 2026-01-15",
                    "E2003 V2 approved 2 2026-04-10", "E2003 V2 provisional 2 2026-04-10",
                    "E2004 V2 approved – never", "E2004 V2 provisional 2 2026-04-10",
                    "E2005 V2 approved 1 2026-01-15", "E2005 V2 provisional 1 2026-01-15",
                    "E3001 V2 approved 2 2026-01-15", "E3001 V2 provisional 2 2026-01-15",
                ])
            let team = try await database.skillMapScope(orgUnit: "OPS-SD", for: SkillMapStorageTests.admin)
            func v2Row(_ basis: SkillMapBasis = .official) async throws -> SkillMap.Row? {
                try await database.skillMap(team, filter: SkillMapFilter(fieldIDs: [v2], basis: basis)).rows.first
            }

            // Starting an assessment (no rating yet): E1002 is assessed provisionally — below the first level there —
            // and still not assessed officially.
            let cycle = try #require(Cycle("2026H2"))
            try await database.startAssessment(of: "E1002", field: SkillMapFixture.v2ServiceDesk, cycle: cycle, actor: "test")
            #expect(
                try await Self.levelRows(database).filter { $0.hasPrefix("E1002") } == [
                    "E1002 V2 approved – never", "E1002 V2 provisional – 2026-04-20",
                ])
            let started = try await v2Row()
            #expect(started?.notAssessed == 2 && started?.below == 0)
            let startedProvisional = try await v2Row(.provisional)
            #expect(startedProvisional?.below == 1 && startedProvisional?.notAssessed == 0)
            let official = try await database.skillMap(team)
            #expect(official.people == 5 && official.withoutAssessment == 2, "E1002 and E2004 have no approved assessment")
            #expect(try await database.skillMap(team, filter: SkillMapFilter(basis: .provisional)).withoutAssessment == 0)

            // An approved import: E1002 at level 1, assessed officially today.
            let approver = try await database.personID("M001")
            let approved = try await Self.ratingsCSV(database, person: "E1002", level: 1, evaluator: true)
            try await database.importAssessments(
                SpreadsheetRows.ratings(Array(approved.utf8)), approvedBy: approver, by: try await database.operatorFor(nil))
            #expect(
                try await Self.levelRows(database).filter { $0.hasPrefix("E1002") } == [
                    "E1002 V2 approved 1 2026-04-20", "E1002 V2 provisional 1 2026-04-20",
                ])
            let imported = try await v2Row()
            #expect(imported?.levels.prefix(2) == [1, 2] && imported?.notAssessed == 1)
            #expect(try await database.skillMap(team).withoutAssessment == 1)

            // A drafts import: M001's self ratings count provisionally (level 1), nothing officially.
            let drafts = try await Self.ratingsCSV(database, person: "M001", level: 1, evaluator: false)
            try await database.importAssessments(
                SpreadsheetRows.ratings(Array(drafts.utf8)), approvedBy: nil, by: try await database.operatorFor(nil))
            #expect(
                try await Self.levelRows(database).filter { $0.hasPrefix("M001") } == [
                    "M001 V2 approved – never", "M001 V2 provisional 1 2026-04-20",
                ])
            let ops = try await database.skillMapScope(orgUnit: "OPS", for: SkillMapStorageTests.admin)
            let provisional = try await database.skillMap(ops, filter: SkillMapFilter(fieldIDs: [v2], basis: .provisional))
            // Level 1: Ben, E1002 and M001; level 2: Aiko, Chie and Dai.
            #expect(provisional.rows.first?.levels.prefix(2) == [3, 3] && provisional.withoutAssessment == 0)
            let now = try await database.skillMap(ops, filter: SkillMapFilter(fieldIDs: [v2]))
            #expect(now.rows.first?.notAssessed == 2 && now.withoutAssessment == 2, "E2004 and M001")
        }
    }

    @Test(
        "the migration backfills it from the stored assessments, and adds a row for an assessed pair without one",
        arguments: TestBackend.enabled)
    func backfill(backend: TestBackend) async throws {
        try await SkillMapStorageTests.withOrganisation(backend) { database in
            let written = try await Self.levelRows(database)
            let team = try await database.skillMapScope(orgUnit: "OPS-SD", for: SkillMapStorageTests.admin)
            let pastBefore = try await database.skillMap(team, filter: SkillMapFilter(asOf: Day(SkillMapFixture.betweenRounds)))
            let todayBefore = try await database.skillMap(team)
            // As before M020, and without Dai's level rows (as after a drafts import, which stored no level then).
            let sql = try database.sql()
            try await M020_LevelsAssessedAt().revert(on: try database.fluent())
            try await sql.raw("DELETE FROM _fluent_migrations WHERE name = 'M020_LevelsAssessedAt'").run()
            let dai = try await database.personID("E2004")
            try await sql.raw("DELETE FROM person_levels WHERE person_id = \(bind: dai)").run()
            try await database.migrate()
            #expect(try await database.appliedMigrations().last == "M020_LevelsAssessedAt")
            // The same days as the write paths store; Dai gets a provisional row (no level: below the first level,
            // as the map counted such a pair before) and no official one.
            let expected = written.filter { !$0.hasPrefix("E2004") } + ["E2004 V2 provisional – 2026-04-10"]
            #expect(try await Self.levelRows(database) == expected.sorted())
            #expect(
                try await database.skillMap(team, filter: SkillMapFilter(asOf: Day(SkillMapFixture.betweenRounds))) == pastBefore)
            #expect(try await database.skillMap(team) == todayBefore)
        }
    }
}
