import Foundation
import ITSSDomain
import ITSSTestSupport
import SQLKit
import Testing

@testable import ITSSStorage

/// Assessments made under a tailoring profile: the person rates the tailored field (items the profile leaves out
/// are not asked for, the company's own items are), the level under the profile weighs the company items, and
/// the official level stays the standard's.
@Suite("Assessments under a tailoring profile")
struct ProfileAssessmentStorageTests {
    static let v3 = StandardKey(name: "IT Service Management", version: "V3 2008")

    static func admin() -> Principal { Principal(origin: .account(login: "admin"), role: .administrator) }

    static func start(_ database: AppDatabase, profile: Int64?, cycle: String = "2026H1") async throws -> AssessmentView {
        try await database.startAssessment(
            personID: database.personID("E1001"), fieldID: database.fieldID("Service Desk"),
            cycle: try #require(Cycle(cycle)), profileID: profile, by: database.operatorFor(nil))
    }

    @Test("the tailored field is rated, company items count under the profile only", arguments: TestBackend.enabled)
    func assessUnderProfile(backend: TestBackend) async throws {
        try await backend.withDatabase { database in
            try await Fixtures.seed(database)
            let record = try await database.addExperience(
                ExperienceForm(
                    employeeNumber: "E1001", field: "Service Desk", role: .leader, from: try #require(Day("2022-04-01")),
                    customer: "ACME"),
                actor: "test")
            try await database.verifyExperience(recordID: record.recordID, by: "M001")
            let profile = try await database.createProfile(Fixtures.helpDeskProfile(), by: Self.admin())
            let started = try await Self.start(database, profile: profile.profileID)

            #expect(started.profile == AssessmentProfile(id: profile.profileID, name: "ACME Help Desk", version: 1))
            #expect(started.companyItems == ["Chat Support"])
            #expect(started.ratings.count == 17)
            #expect(started.ratings.last?.item == "Chat Support")
            #expect(!started.ratings.contains { $0.item == "Staffing" })
            #expect(try await database.auditLog(limit: 1).first?.detail.contains("under profile \"ACME Help Desk\" version 1") == true)

            // The excluded item is not rated, by name or by id.
            await #expect(throws: StorageError.self) {
                try await database.rate(assessment: started.id, item: "Staffing", level: 3, by: "E1001", asEvaluator: false)
            }
            let staffingID = try #require(try await database.catalogIndex().resolveField("Service Desk").itemIDs["Staffing"])
            await #expect(throws: StorageError.notFound(what: "skill item #\(staffingID) in Service Desk")) {
                try await database.rate(
                    assessment: started.id, item: .standard(staffingID), level: 3, asEvaluator: false,
                    by: database.operatorFor("E1001"))
            }
            // A company item's levels are its own: 5 is not one of them.
            await #expect(throws: AssessmentRuleError.self) {
                try await database.rate(assessment: started.id, item: "Chat Support", level: 5, by: "E1001", asEvaluator: false)
            }

            let itssItems = started.ratings.map(\.item).filter { $0 != "Chat Support" }
            for item in itssItems {
                try await database.rate(assessment: started.id, item: item, level: 4, by: "E1001", asEvaluator: false)
            }
            // Submitting needs the company item too.
            await #expect(throws: AssessmentRuleError.self) { try await database.submitAssessment(started.id, by: "E1001") }
            try await database.rate(assessment: started.id, item: "Chat Support", level: 4, by: "E1001", asEvaluator: false)
            try await database.submitAssessment(started.id, by: "E1001")
            for item in itssItems {
                try await database.rate(assessment: started.id, item: item, level: 4, by: "M001", asEvaluator: true)
            }
            try await database.rate(
                assessment: started.id, item: "Chat Support", level: 3, by: "M001", asEvaluator: true, reason: "leads no team yet")
            let approved = try await database.approveAssessment(started.id, by: "M001")
            let chat = try #require(approved.ratings.first { $0.item == "Chat Support" })
            #expect(chat.selfLevel == 4 && chat.evaluatorLevel == 3 && chat.evaluatorReason == "leads no team yet")

            // Under the profile: every ITSS item at 4, Chat Support at 3 → level 3; self-assessed 4 everywhere → 4.
            let tailored = try await database.levels(of: "E1001", underProfile: profile.profileID)
            let desk = try #require(tailored.fields.first { $0.standard.field.field == "Service Desk" })
            #expect(desk.tailoredOfficial?.attainedLevel == 3)
            #expect(desk.tailoredProvisional?.attainedLevel == 4)
            #expect(desk.unassessedCompanyItems.isEmpty)
            // Under the standard as published, the company item does not count and "Staffing" was not rated.
            #expect(desk.standard.official.attainedLevel == nil)
            #expect(try await Self.companyRatingCount(database) == 1)
        }
    }

    @Test("an assessment under the standard leaves company items unweighed", arguments: TestBackend.enabled)
    func assessedUnderStandard(backend: TestBackend) async throws {
        try await backend.withDatabase { database in
            try await Fixtures.seed(database)
            let profile = try await database.createProfile(Fixtures.helpDeskProfile(), by: Self.admin())
            let started = try await Self.start(database, profile: nil)
            #expect(started.profile == nil && started.companyItems.isEmpty && started.ratings.count == 17)
            await #expect(throws: StorageError.self) {
                try await database.rate(assessment: started.id, item: "Chat Support", level: 3, by: "E1001", asEvaluator: false)
            }
            let tailored = try await database.levels(of: "E1001", underProfile: profile.profileID)
            #expect(tailored.fields.first { $0.standard.field.field == "Service Desk" }?.unassessedCompanyItems == ["Chat Support"])
        }
    }

    @Test("a profile that is archived or leaves the field out cannot be assessed under", arguments: TestBackend.enabled)
    func refusedProfiles(backend: TestBackend) async throws {
        try await backend.withDatabase { database in
            try await Fixtures.seed(database)
            let withoutDesk = try await database.createProfile(
                TailoringProfile(
                    name: "No desk", standard: Self.v3,
                    fields: [FieldTailoring(field: "Service Desk", exclude: Exclusion(reason: "outsourced"))]),
                by: Self.admin())
            await #expect(throws: StorageError.self) { try await Self.start(database, profile: withoutDesk.profileID) }
            let archived = try await database.createProfile(Fixtures.helpDeskProfile(name: "Old"), by: Self.admin())
            try await database.archiveProfile(archived.profileID, by: Self.admin())
            await #expect(throws: StorageError.self) { try await Self.start(database, profile: archived.profileID) }
            await #expect(throws: StorageError.notFound(what: "profile 999")) { try await Self.start(database, profile: 999) }
            #expect(try await database.assessments(of: "E1001").isEmpty)
        }
    }

    static func companyRatingCount(_ database: AppDatabase) async throws -> Int {
        try await database.sql().raw("SELECT COUNT(*) AS n FROM company_item_ratings").first()?.decode(column: "n", as: Int.self)
            ?? -1
    }
}
