import Foundation
import ITSSDomain
import ITSSImport
import ITSSTestSupport
import SQLKit
import Testing

@testable import ITSSStorage

/// Every scale measure stored and counted; levels recomputed after M013; the crosswalk's carry and link.
@Suite("Scale measures, CASE and the crosswalk in storage")
struct InterchangeStorageTests {
    static let networkOperation = "V2:Network operation"
    static let v2Desk = "V2:Service desk"

    @discardableResult
    static func approved(
        _ database: AppDatabase, _ person: String, field: String, level: Int
    ) async throws -> AssessmentView {
        try await Fixtures.approvedAssessment(database, field: field, person: person, level: level)
    }

    /// A verified record of `person` in `field`.
    @discardableResult
    static func verified(
        _ database: AppDatabase, _ person: String, field: String, role: Role, measures: [ScaleMeasure: Int64] = [:]
    ) async throws -> ExperienceRecord {
        let record = try await database.addExperience(
            ExperienceForm(
                employeeNumber: person, field: field, role: role, from: try #require(Day("2020-04-01")),
                to: try #require(Day("2023-03-31")), measures: measures),
            actor: "test")
        return try await database.verifyExperience(recordID: record.recordID, by: "M001")
    }

    @Test("installation sites and inquiries are stored, read back and raise the level they reach", arguments: TestBackend.enabled)
    func measuresCount(backend: TestBackend) async throws {
        try await backend.withDatabase { database in
            try await Fixtures.seed(database)
            try await Self.approved(database, "E1002", field: Self.networkOperation, level: 5)
            try await Self.verified(database, "E1002", field: Self.networkOperation, role: .member)
            try await Self.verified(database, "E1002", field: Self.networkOperation, role: .leader)
            #expect(try await database.levels(of: "E1002", field: Self.networkOperation).first?.official.attainedLevel == 4)
            // The example: a responsible person of 150 sites with 8 staff.
            let record = try await Self.verified(
                database, "E1002", field: Self.networkOperation, role: .responsiblePerson,
                measures: [.peakStaff: 8, .installationSites: 150, .annualInquiries: 0])
            #expect(record.measures == [.peakStaff: 8, .installationSites: 150, .annualInquiries: 0])
            let level = try #require(try await database.levels(of: "E1002", field: Self.networkOperation).first)
            #expect(level.official.attainedLevel == 5)
            #expect(level.official.check(atLevel: 5)?.scale?.decidingRecord?.measures[.installationSites] == 150)
            #expect(try await database.experience(of: "E1002").contains { $0.measures[.installationSites] == 150 })
            // Negative figures are refused by the bounds, naming the measure.
            await #expect(throws: InputError.self) {
                try await database.addExperience(
                    ExperienceForm(
                        employeeNumber: "E1002", field: Self.networkOperation, role: .member,
                        from: try #require(Day("2022-01-01")), measures: [.installationSites: -1]),
                    actor: "test")
            }
        }
    }

    @Test("after M013 stale levels of fields naming sites or inquiries are recomputed, with history and audit", arguments: TestBackend.enabled)
    func migrationRecomputes(backend: TestBackend) async throws {
        try await backend.withDatabase { database in
            try await Fixtures.seed(database)
            try await Self.approved(database, "E1002", field: Self.networkOperation, level: 5)
            try await Self.verified(database, "E1002", field: Self.networkOperation, role: .member)
            try await Self.verified(database, "E1002", field: Self.networkOperation, role: .leader)
            try await Self.verified(
                database, "E1002", field: Self.networkOperation, role: .responsiblePerson, measures: [.peakStaff: 12])
            let sql = try database.sql()
            let fieldID = try await database.fieldID(Self.networkOperation)
            // A level stored by the rule before M013 (say 4), then M013 and M014 undone as if never applied.
            try await sql.raw(
                "UPDATE person_levels SET level = 4 WHERE field_id = \(bind: fieldID) AND basis = 'approved'"
            ).run()
            let fluent = try database.fluent()
            try await M014_Crosswalk().revert(on: fluent)
            try await M013_ExperienceMeasures().revert(on: fluent)
            try await sql.raw("DELETE FROM _fluent_migrations WHERE name IN ('M013_ExperienceMeasures', 'M014_Crosswalk')").run()
            try await database.migrate()
            #expect(try await database.appliedMigrations().contains("M013_ExperienceMeasures"))
            let history = try await database.levelHistory(of: "E1002").last
            #expect(history?.level == 5)
            #expect(history?.previousLevel == 4)
            #expect(history?.cause.contains("M013") == true)
            let audit = try await database.auditEntries(action: .levelRecompute).items
            #expect(audit.count == 1)
            #expect(audit.first?.detail.hasPrefix("4 → 5: level rule: every minimum") == true)
            #expect(audit.first?.actor == "system (migration M013)")
            // Run again: nothing changes, nothing is audited.
            let again = try await database.recomputeLevels(
                naming: [.installationSites, .annualInquiries], reason: "again", by: .system("test"))
            #expect(again.raised == 0)
            #expect(again.fields.map(\.field).sorted() == ["Network operation", "Service desk"])
            #expect(try await database.auditEntries(action: .levelRecompute).items.count == 1)
        }
    }

    @Test("carry: a V3 draft prefilled from the approved V2 ratings with their provenance, no official level", arguments: TestBackend.enabled)
    func carry(backend: TestBackend) async throws {
        try await backend.withDatabase { database in
            try await Fixtures.seed(database)
            let source = try await Self.approved(database, "E1001", field: Self.v2Desk, level: 4)
            let before = try await database.levels(of: "E1001", field: Fixtures.serviceDesk).first?.official.attainedLevel
            let summary = try await database.carryAcrossEditions(
                personID: try await database.personID("E1001"), fromFieldID: try await database.fieldID(Self.v2Desk),
                toFieldID: try await database.fieldID(Fixtures.serviceDesk), cycle: try #require(Cycle("2026H2")),
                by: try await database.operatorFor("M001"))
            let draft = summary.assessment
            #expect(draft.state == .draft)
            #expect(draft.field.field == "Service Desk")
            #expect(summary.sourceAssessmentID == source.id)
            let leadership = try #require(draft.ratings.first { $0.item == "Leadership" })
            #expect(leadership.selfLevel == 4)
            #expect(leadership.evaluatorLevel == nil)
            #expect(
                leadership.carriedFrom
                    == "V2 2006 Service desk / Leadership: approved 4 in assessment \(source.id) (2025H2); crosswalk same")
            // Personnel Management has only a narrower V2 counterpart (Stress management): carried as well.
            #expect(draft.ratings.first { $0.item == "Personnel Management" }?.carriedFrom?.contains("crosswalk narrower") == true)
            // Customer Support Skills is only related to a V2 item: not carried.
            #expect(draft.ratings.first { $0.item == "Customer Support Skills" }?.selfLevel == nil)
            #expect(summary.carried == draft.ratings.filter { $0.carriedFrom != nil }.count)
            // Never an official level by itself.
            #expect(try await database.levels(of: "E1001", field: Fixtures.serviceDesk).first?.official.attainedLevel == before)
            #expect(try await database.auditEntries(action: .crosswalkCarry).items.count == 1)
            // The same cycle again is refused; nothing without an approved source; an unpaired field is refused.
            await #expect(throws: StorageError.self) {
                try await database.carryAcrossEditions(
                    personID: try await database.personID("E1001"), fromFieldID: try await database.fieldID(Self.v2Desk),
                    toFieldID: try await database.fieldID(Fixtures.serviceDesk), cycle: try #require(Cycle("2026H2")),
                    by: try await database.operatorFor("M001"))
            }
            await #expect(throws: StorageError.refused(reason: "E1002 has no approved assessment in Service desk [Operations V2 2006] to carry")) {
                try await database.carryAcrossEditions(
                    personID: try await database.personID("E1002"), fromFieldID: try await database.fieldID(Self.v2Desk),
                    toFieldID: try await database.fieldID(Fixtures.serviceDesk), cycle: try #require(Cycle("2026H2")),
                    by: try await database.operatorFor("M001"))
            }
            await #expect(throws: StorageError.self) {
                try await database.carryAcrossEditions(
                    personID: try await database.personID("E1001"), fromFieldID: try await database.fieldID(Self.v2Desk),
                    toFieldID: try await database.fieldID("V3:Operation Management"), cycle: try #require(Cycle("2027")),
                    by: try await database.operatorFor("M001"))
            }
            // Taro may not carry Hanako.
            let taro = Principal(origin: .account(login: "taro"), role: .employee, personID: try await database.personID("E1002"))
            await #expect(throws: StorageError.self) {
                try await database.carryAcrossEditions(
                    personID: try await database.personID("E1001"), fromFieldID: try await database.fieldID(Self.v2Desk),
                    toFieldID: try await database.fieldID(Fixtures.serviceDesk), cycle: try #require(Cycle("2027")), by: taro)
            }
        }
    }

    @Test("link: an experience record copied into the counterpart field, unverified and linked", arguments: TestBackend.enabled)
    func link(backend: TestBackend) async throws {
        try await backend.withDatabase { database in
            try await Fixtures.seed(database)
            let original = try await Self.verified(
                database, "E1001", field: Self.v2Desk, role: .leader, measures: [.peakStaff: 12, .annualInquiries: 4_000])
            let copy = try await database.linkExperience(
                recordID: original.recordID, toFieldID: try await database.fieldID(Fixtures.serviceDesk),
                by: try await database.operatorFor(nil))
            #expect(copy.field.field == "Service Desk")
            #expect(copy.linkedFromRecordID == original.recordID)
            #expect(copy.measures == original.measures)
            #expect(!copy.isVerified)
            #expect(try await database.auditEntries(action: .experienceLink).items.count == 1)
            await #expect(throws: StorageError.self) {
                try await database.linkExperience(
                    recordID: original.recordID, toFieldID: try await database.fieldID(Fixtures.serviceDesk),
                    by: try await database.operatorFor(nil))
            }
            await #expect(throws: StorageError.self) {
                try await database.linkExperience(
                    recordID: original.recordID, toFieldID: try await database.fieldID("V3:Operation Management"),
                    by: try await database.operatorFor(nil))
            }
        }
    }

    @Test("CASE packages from the stored catalog equal the export of the built-in standards", arguments: TestBackend.enabled)
    func casePackages(backend: TestBackend) async throws {
        try await backend.withDatabase { database in
            try await Fixtures.seed(database)
            let packages = try await database.casePackages()
            #expect(packages.map(\.key.version) == ["V2 2006", "V3 2008"])
            let catalog = try BuiltInStandards.catalog()
            for (key, package) in packages {
                let standard = try #require(catalog.standard(key))
                let expected = CASEExport.package(standard, links: try Crosswalk.builtIn().caseLinks(from: standard, in: catalog))
                #expect(try CASEExport.json(package) == CASEExport.json(expected))
            }
            let v3 = try #require(packages.last?.package)
            #expect(try await database.casePackage(identifier: v3.CFDocument.identifier.uppercased()) != nil)
            #expect(try await database.caseItem(identifier: v3.CFItems[5].identifier)?.item == v3.CFItems[5])
            #expect(try await database.caseAssociation(identifier: "00000000-0000-5000-8000-000000000000") == nil)
        }
    }
}
