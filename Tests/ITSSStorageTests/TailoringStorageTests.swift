import Foundation
import ITSSDomain
import ITSSTestSupport
import SQLKit
import Testing

@testable import ITSSStorage

/// Tailoring profiles in storage: append-only versions, stale versions, audit, least privilege, nothing
/// half-written, and levels under a profile beside the standard's.
@Suite("Tailoring profile storage")
struct TailoringStorageTests {
    static let v3 = StandardKey(name: "IT Service Management", version: "V3 2008")
    static let operationManagement = "V3:Operation Management"

    static func admin() -> Principal { Principal(origin: .account(login: "admin"), role: .administrator) }
    static func hr() -> Principal { Principal(origin: .account(login: "hr"), role: .hr) }

    static func smallTeams(_ minimum: Int64 = 50, name: String = "Small teams") -> TailoringProfile {
        TailoringProfile(
            name: name, standard: v3,
            fields: [
                FieldTailoring(
                    field: "Operation Management",
                    thresholds: [
                        ThresholdAdjustment(level: 5, measure: .peakStaff, minimum: minimum, reason: "our teams are smaller")
                    ])
            ])
    }

    static func count(_ database: AppDatabase, _ table: String) async throws -> Int {
        try await database.sql().raw("SELECT COUNT(*) AS n FROM \(unsafeRaw: table)").first()?.decode(column: "n", as: Int.self)
            ?? -1
    }

    @Test("versions are append-only: each save adds one, earlier ones stay as they were", arguments: TestBackend.enabled)
    func appendOnly(backend: TestBackend) async throws {
        try await backend.withDatabase { database in
            try await Fixtures.seed(database)
            let first = try await database.createProfile(Self.smallTeams(50), by: Self.admin())
            #expect(first.version == 1)
            let second = try await database.saveProfileVersion(
                first.profileID, Self.smallTeams(40), expectedVersion: 1, by: Self.admin())
            var renamed = Self.smallTeams(30, name: "Smaller teams")
            renamed.note = "renamed"
            let third = try await database.saveProfileVersion(first.profileID, renamed, expectedVersion: 2, by: Self.admin())
            #expect(second.version == 2 && third.version == 3)
            #expect(third.note == "renamed")
            #expect(try await database.profileVersion(first.profileID, version: 1).profile == Self.smallTeams(50).content)
            #expect(try await database.profileVersion(first.profileID, version: 2).profile == Self.smallTeams(40).content)
            #expect(try await database.profile(id: first.profileID).name == "Smaller teams")
            #expect(try await database.profileID(named: "Smaller teams") == first.profileID)
            let history = try await database.profileVersions(first.profileID)
            #expect(history.items.map(\.version) == [3, 2, 1])
            #expect(try await Self.count(database, "tailoring_profile_versions") == 3)
            let list = try await database.profiles()
            #expect(list.total == 1 && list.items.first?.version == 3 && list.items.first?.changeCount == 1)
        }
    }

    @Test("a stale version is a conflict and writes nothing", arguments: TestBackend.enabled)
    func staleVersion(backend: TestBackend) async throws {
        try await backend.withDatabase { database in
            try await Fixtures.seed(database)
            let first = try await database.createProfile(Self.smallTeams(50), by: Self.admin())
            try await database.saveProfileVersion(first.profileID, Self.smallTeams(40), expectedVersion: 1, by: Self.admin())
            await #expect(throws: StorageError.conflict(what: "profile \(first.profileID)", expectedVersion: 1, actualVersion: 2))
            {
                try await database.saveProfileVersion(first.profileID, Self.smallTeams(30), expectedVersion: 1, by: Self.admin())
            }
            await #expect(throws: StorageError.self) {
                try await database.archiveProfile(first.profileID, expectedVersion: 1, by: Self.admin())
            }
            #expect(try await Self.count(database, "tailoring_profile_versions") == 2)
            #expect(try await database.profile(id: first.profileID).archivedAt == nil)
        }
    }

    @Test("writes are audited with the principal; HR and others may not write", arguments: TestBackend.enabled)
    func auditAndPrivilege(backend: TestBackend) async throws {
        try await backend.withDatabase { database in
            try await Fixtures.seed(database)
            let created = try await database.createProfile(Self.smallTeams(), by: Self.admin())
            try await database.saveProfileVersion(created.profileID, Self.smallTeams(45), expectedVersion: 1, by: Self.admin())
            try await database.archiveProfile(created.profileID, by: Self.admin())
            let entries = try await database.auditLog(limit: 3)
            #expect(entries.map(\.action) == ["profile.archive", "profile.save-version", "profile.create"])
            #expect(entries.allSatisfy { $0.actor == "account admin (admin)" && $0.subject == "profile \(created.profileID)" })
            #expect(entries[2].detail.contains("\"Small teams\"") && entries[2].detail.contains("1 change(s)"))
            for principal in [
                Self.hr(), Principal(origin: .account(login: "manager"), role: .evaluator, personID: 1),
                Principal(origin: .account(login: "hanako"), role: .employee, personID: 2),
            ] {
                await #expect(throws: StorageError.self) {
                    try await database.createProfile(Self.smallTeams(name: "Other"), by: principal)
                }
            }
            // An archived profile takes no new versions.
            await #expect(throws: StorageError.self) {
                try await database.saveProfileVersion(
                    created.profileID, Self.smallTeams(44), expectedVersion: nil, by: Self.admin())
            }
            #expect(try await database.profiles().total == 0)
            #expect(try await database.profiles(includeArchived: true).total == 1)
            #expect(try await Self.count(database, "tailoring_profiles") == 1)
        }
    }

    @Test("a bad profile is refused naming the place, and nothing is half-written", arguments: TestBackend.enabled)
    func nothingHalfWritten(backend: TestBackend) async throws {
        try await backend.withDatabase { database in
            try await Fixtures.seed(database)
            let audit = try await Self.count(database, "audit_log")
            var bad = Self.smallTeams()
            bad.fields[0].thresholds[0].minimum = .text("fifty")
            do {
                try await database.createProfile(bad, by: Self.admin())
                Issue.record("accepted")
            } catch let error as InputError {
                #expect(error.field == "fields[0].thresholds[0].minimum")
                #expect(error.message.contains("\"fifty\" is not a number"))
            }
            let created = try await database.createProfile(Self.smallTeams(), by: Self.admin())
            var unknown = Self.smallTeams()
            unknown.fields.append(
                FieldTailoring(field: "Service Desk", items: [ItemTailoring(item: "Juggling", exclude: Exclusion(reason: "x"))]))
            await #expect(throws: InputError.self) {
                try await database.saveProfileVersion(created.profileID, unknown, expectedVersion: 1, by: Self.admin())
            }
            // The same name twice.
            await #expect(throws: StorageError.alreadyExists(what: "profile \"Small teams\"")) {
                try await database.createProfile(Self.smallTeams(60), by: Self.admin())
            }
            // Another standard under the same profile.
            var other = Self.smallTeams()
            other.standard = StandardKey(name: "Operations", version: "V2 2006")
            other.fields = []
            await #expect(throws: InputError.self) {
                try await database.saveProfileVersion(created.profileID, other, expectedVersion: 1, by: Self.admin())
            }
            #expect(try await Self.count(database, "tailoring_profiles") == 1)
            #expect(try await Self.count(database, "tailoring_profile_versions") == 1)
            #expect(try await Self.count(database, "audit_log") == audit + 1)
            #expect(try await database.profile(id: created.profileID).version == 1)
        }
    }

    /// E1001 in V3 Operation Management: every item approved at 5, a verified record as responsible person
    /// with 60 staff (below the standard's 75, above the profile's 50).
    static func personWithSixtyStaff(_ database: AppDatabase) async throws {
        try await database.addField(operationManagement, toPerson: "E1001", actor: "test")
        let items = try await database.catalogIndex().resolveField(operationManagement).effective.items
        guard let cycle = Cycle("2026H1") else { return }
        let started = try await database.startAssessment(of: "E1001", field: operationManagement, cycle: cycle, actor: "test")
        for item in items {
            try await database.rate(assessment: started.id, item: item.name, level: 5, by: "E1001", asEvaluator: false)
        }
        try await database.submitAssessment(started.id, by: "E1001")
        for item in items {
            try await database.rate(assessment: started.id, item: item.name, level: 5, by: "M001", asEvaluator: true)
        }
        try await database.approveAssessment(started.id, by: "M001")
        let record = try await database.addExperience(
            ExperienceForm(
                employeeNumber: "E1001", field: operationManagement, role: .responsiblePerson,
                from: try #require(Day("2022-04-01")), measures: [.peakStaff: 60], customer: "ACME"),
            actor: "test")
        try await database.verifyExperience(recordID: record.recordID, by: "M001")
    }

    @Test(
        "level-5 threshold lowered from 75 to 50 staff: 60 staff is level 5 under the profile, 4 under the standard",
        arguments: TestBackend.enabled)
    func levelsUnderProfile(backend: TestBackend) async throws {
        try await backend.withDatabase { database in
            try await Fixtures.seed(database)
            try await Self.personWithSixtyStaff(database)
            var profile = Self.smallTeams()
            profile.fields.append(FieldTailoring(field: "Service Desk", exclude: Exclusion(reason: "outsourced")))
            let created = try await database.createProfile(profile, by: Self.admin())
            let levels = try await database.levels(of: "E1001", underProfile: created.profileID)
            #expect(levels.profile.name == "Small teams" && levels.profileVersion == 1)
            let om = try #require(levels.fields.first { $0.standard.field.field == "Operation Management" })
            #expect(om.standard.official.attainedLevel == 4)
            #expect(om.tailoredOfficial?.attainedLevel == 5)
            #expect(om.tailoredProvisional?.attainedLevel == 5)
            #expect(om.adjustments.map(\.after) == ["≥ 50 staff"])
            let desk = try #require(levels.fields.first { $0.standard.field.field == "Service Desk" })
            #expect(desk.absence == .fieldExcluded && desk.tailoredOfficial == nil)
            // The standard's stored level is untouched.
            #expect(try await database.levels(of: "E1001", field: Self.operationManagement).first?.official.attainedLevel == 4)
            // Version 1 stays computable after a new version raises the threshold again.
            try await database.saveProfileVersion(created.profileID, Self.smallTeams(70), expectedVersion: 1, by: Self.admin())
            let current = try await database.levels(of: "E1001", underProfile: created.profileID)
            #expect(current.profileVersion == 2)
            #expect(
                current.fields.first { $0.standard.field.field == "Operation Management" }?.tailoredOfficial?.attainedLevel == 4)
            let old = try await database.levels(of: "E1001", underProfile: created.profileID, version: 1)
            #expect(old.fields.first { $0.standard.field.field == "Operation Management" }?.tailoredOfficial?.attainedLevel == 5)
        }
    }

    @Test("export then import (a new version from the exported document) keeps the content", arguments: TestBackend.enabled)
    func exportImportRoundTrip(backend: TestBackend) async throws {
        try await backend.withDatabase { database in
            try await Fixtures.seed(database)
            var profile = Self.smallTeams()
            profile.fields.append(
                FieldTailoring(
                    field: "Service Desk", displayName: DisplayName(name: "Help Desk", reason: "our name"),
                    companyItems: [
                        CompanyItem(
                            name: "Chat Support", reason: "we run chat", levels: [CompanyLevel(level: 3, text: "Answers chats")],
                            knowledgeItems: ["Chat tools"])
                    ]))
            let created = try await database.createProfile(profile, by: Self.admin())
            var exported = try await database.profileVersion(created.profileID).profile
            exported.version = 1
            let text = try TailoringJSON.text(exported)
            let imported = try TailoringJSON.decode(text)
            let saved = try await database.saveProfileVersion(
                created.profileID, imported, expectedVersion: imported.version, by: Self.admin())
            #expect(saved.version == 2)
            #expect(saved.profile == created.profile)
            #expect(try await database.tailoredCatalog(saved).diff == (try await database.tailoredCatalog(created).diff))
            // Importing the same export again is stale.
            await #expect(throws: StorageError.self) {
                try await database.saveProfileVersion(
                    created.profileID, imported, expectedVersion: imported.version, by: Self.admin())
            }
        }
    }
}
