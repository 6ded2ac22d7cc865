import Foundation
import ITSSDomain
import Testing
import ITSSTestSupport

@testable import ITSSStorage

@Suite("Principals and permissions in storage")
struct PrincipalStorageTests {
    static func account(_ role: AccessRole, _ database: AppDatabase, as number: String) async throws -> Principal {
        Principal(
            origin: .account(login: number.lowercased()), role: role, personID: try await database.personID(number),
            employeeNumber: number)
    }

    @Test("an employee may not add people or appoint evaluators; nothing is written", arguments: TestBackend.enabled)
    func employeeCannotAdminister(backend: TestBackend) async throws {
        try await backend.withDatabase { database in
            try await Fixtures.seed(database)
            let employee = try await Self.account(.employee, database, as: "E1001")
            await #expect(throws: StorageError.self) {
                try await database.addPerson(NewPerson(employeeNumber: "Z9", name: "Sneaky"), by: employee)
            }
            await #expect(throws: StorageError.self) {
                try await database.assignEvaluator(try await database.personID("E1001"), to: .orgUnit(try await database.orgUnitID("OPS")), by: employee)
            }
            #expect(try await database.people().count == 3)
        }
    }

    @Test("an employee starts their own assessment but not a colleague's", arguments: TestBackend.enabled)
    func employeeStartsOwnAssessmentOnly(backend: TestBackend) async throws {
        try await backend.withDatabase { database in
            try await Fixtures.seed(database)
            let employee = try await Self.account(.employee, database, as: "E1001")
            let field = try await database.fieldID(Fixtures.serviceDesk)
            let cycle = try #require(Cycle("2026H2"))
            let own = try await database.startAssessment(
                personID: try await database.personID("E1001"), fieldID: field, cycle: cycle, by: employee)
            #expect(own.employeeNumber == "E1001")
            await #expect(throws: StorageError.self) {
                try await database.startAssessment(
                    personID: try await database.personID("E1002"), fieldID: field, cycle: cycle, by: employee)
            }
        }
    }

    @Test("an evaluator account starts assessments of the people it evaluates", arguments: TestBackend.enabled)
    func evaluatorStartsForEvaluatees(backend: TestBackend) async throws {
        try await backend.withDatabase { database in
            try await Fixtures.seed(database)
            let evaluator = try await Self.account(.evaluator, database, as: "M001")
            let view = try await database.startAssessment(
                personID: try await database.personID("E1002"), fieldID: try await database.fieldID(Fixtures.serviceDesk),
                cycle: try #require(Cycle("2026H2")), by: evaluator)
            #expect(view.employeeNumber == "E1002")
        }
    }

    @Test("every write is audited with its principal's name, role and person", arguments: TestBackend.enabled)
    func auditRecordsPrincipal(backend: TestBackend) async throws {
        try await backend.withDatabase { database in
            try await Fixtures.seed(database)
            let hr = try await Self.account(.hr, database, as: "M001")
            try await database.createOrgUnit(code: "NEW", name: "New unit", parentID: nil, by: hr)
            let entry = try #require(try await database.auditLog(limit: 1).first)
            #expect(entry.action == AuditAction.orgCreate.rawValue)
            #expect(entry.actor == "account m001 (hr) M001")
            #expect(entry.actorRole == .hr)
        }
    }

    @Test("an unknown employee number suggests close ones from a bounded query", arguments: TestBackend.enabled)
    func boundedSuggestions(backend: TestBackend) async throws {
        try await backend.withDatabase { database in
            try await Fixtures.seed(database)
            do {
                _ = try await database.personID("E1003")
                Issue.record("E1003 should not exist")
            } catch let error as StorageError {
                #expect(error.errorDescription?.contains("did you mean \"E1001\", \"E1002\"") == true, "\(error)")
            }
        }
    }

    @Test("a page of people, filtered by unit in SQL, with the total", arguments: TestBackend.enabled)
    func pagedPeople(backend: TestBackend) async throws {
        try await backend.withDatabase { database in
            try await Fixtures.seed(database)
            let unit = try await database.orgUnitID("OPS")
            let first = try await database.people(inOrgUnit: unit, page: PageRequest(page: 1, perPage: 2))
            #expect(first.total == 3)
            #expect(first.pageCount == 2)
            #expect(first.items.map(\.employeeNumber) == ["E1001", "E1002"])
            let second = try await database.people(inOrgUnit: unit, page: PageRequest(page: 2, perPage: 2))
            #expect(second.items.map(\.employeeNumber) == ["M001"])
            let team = try await database.people(inOrgUnit: try await database.orgUnitID("OPS-SD"))
            #expect(team.items.map(\.employeeNumber) == ["E1001", "E1002"])
            #expect(try await database.evaluators(of: "E1001").map(\.employeeNumber) == ["M001"])
        }
    }
}
