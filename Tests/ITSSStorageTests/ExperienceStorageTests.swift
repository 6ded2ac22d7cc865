import Foundation
import ITSSDomain
import SQLKit
import Testing
import ITSSTestSupport

@testable import ITSSStorage

@Suite("Experience storage")
struct ExperienceStorageTests {
    @Test(
        "verified records are immutable; a correction is a new version that counts once verified", arguments: TestBackend.enabled)
    func correctionsAreVersions(backend: TestBackend) async throws {
        try await backend.withDatabase { database in
            try await Fixtures.seed(database)
            let record = try await database.addExperience(
                ExperienceForm(
                    employeeNumber: "E1001", field: Fixtures.serviceDesk, role: .member, from: Day("2021-04-01")!,
                    customer: "ACME"),
                actor: "test")
            await #expect(throws: StorageError.self) {
                try await database.verifyExperience(recordID: record.recordID, by: "E1001")
            }
            await #expect(throws: StorageError.self) {
                try await database.verifyExperience(recordID: record.recordID, by: "E1002")
            }
            try await database.verifyExperience(recordID: record.recordID, by: "M001")
            await #expect(throws: StorageError.self) {
                try await database.verifyExperience(recordID: record.recordID, by: "M001")
            }
            try await Fixtures.approvedAssessment(database, cycle: "2026H1", selfLevel: 4, evaluatorLevel: 4)
            #expect(try await database.levels(of: "E1001").first?.official.attainedLevel == 3)

            let corrected = try await database.correctExperience(
                recordID: record.recordID,
                with: ExperienceForm(
                    employeeNumber: "E1001", field: Fixtures.serviceDesk, role: .leader, from: Day("2021-04-01")!,
                    customer: "ACME"),
                actor: "test")
            #expect(corrected.version == 2)
            #expect(!corrected.isVerified)
            // Until the correction is verified, the verified first version stays in force.
            #expect(try await database.levels(of: "E1001").first?.official.attainedLevel == 3)
            #expect(try await database.levels(of: "E1001").first?.provisional?.attainedLevel == 4)
            try await database.verifyExperience(recordID: record.recordID, by: "M001")
            #expect(try await database.levels(of: "E1001").first?.official.attainedLevel == 4)
            let versions = try await database.sql().raw(
                "SELECT version, role, verified_by FROM experience_records ORDER BY version"
            ).all()
            #expect(versions.count == 2)
            #expect(try versions[0].decode(column: "role", as: String.self) == "member")
            #expect(try versions[0].decode(column: "verified_by", as: Int64?.self) != nil)
        }
    }

    @Test("invalid records are refused before anything is written", arguments: TestBackend.enabled)
    func invalidRecords(backend: TestBackend) async throws {
        try await backend.withDatabase { database in
            try await Fixtures.seed(database)
            await #expect(throws: InputError(field: "to", message: "2021-01-01 is before from (2022-01-01)")) {
                try await database.addExperience(
                    ExperienceForm(
                        employeeNumber: "E1001", field: Fixtures.serviceDesk, role: .member, from: Day("2022-01-01")!,
                        to: Day("2021-01-01")),
                    actor: "test")
            }
            // The test clock reads 2027-01-15: a record starting later has not started yet.
            await #expect(throws: InputError.self) {
                try await database.addExperience(
                    ExperienceForm(employeeNumber: "E1001", field: Fixtures.serviceDesk, role: .member, from: Day("2027-01-16")!),
                    actor: "test")
            }
            await #expect(throws: InputError.self) {
                try await database.addExperience(
                    ExperienceForm(
                        employeeNumber: "E1001", field: Fixtures.serviceDesk, role: .member, from: Day("2022-01-01")!,
                        measures: [.peakStaff: 1_000_001]),
                    actor: "test")
            }
            await #expect(throws: StorageError.self) {
                try await database.addExperience(
                    ExperienceForm(employeeNumber: "E9999", field: Fixtures.serviceDesk, role: .member, from: Day("2022-01-01")!),
                    actor: "test")
            }
            #expect(try await database.experience(of: "E1001").isEmpty)
        }
    }

    @Test("a verification date before the record starts or after today is refused", arguments: TestBackend.enabled)
    func verificationDate(backend: TestBackend) async throws {
        try await backend.withDatabase { database in
            try await Fixtures.seed(database)
            let record = try await database.addExperience(
                ExperienceForm(employeeNumber: "E1001", field: Fixtures.serviceDesk, role: .member, from: Day("2022-01-01")!),
                actor: "test")
            await #expect(
                throws: InputError(field: "verified_on", message: "2021-12-31 is before the record starts (2022-01-01)")
            ) {
                try await database.verifyExperience(recordID: record.recordID, by: "M001", on: Day("2021-12-31"))
            }
            await #expect(throws: InputError(field: "verified_on", message: "2027-01-16 is in the future (today is 2027-01-15)"))
            {
                try await database.verifyExperience(recordID: record.recordID, by: "M001", on: Day("2027-01-16"))
            }
            #expect(try await database.experience(of: "E1001").first?.isVerified == false)
            let verified = try await database.verifyExperience(recordID: record.recordID, by: "M001", on: Day("2022-01-01"))
            #expect(verified.verifiedOn == Day("2022-01-01"))
        }
    }
}
