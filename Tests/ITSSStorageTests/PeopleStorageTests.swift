import Foundation
import ITSSDomain
import ITSSImport
import SQLKit
import Testing
import ITSSTestSupport

@testable import ITSSStorage

@Suite("People storage")
struct PeopleStorageTests {
    @Test("people, org tree and evaluator assignments", arguments: TestBackend.enabled)
    func peopleAndEvaluators(backend: TestBackend) async throws {
        try await backend.withDatabase { database in
            try await Fixtures.seed(database)
            #expect(try await database.people().map(\.employeeNumber) == ["E1001", "E1002", "M001"])
            #expect(try await database.people(inOrgUnit: "OPS").count == 3)
            #expect(try await database.people(inOrgUnit: "OPS-SD").map(\.employeeNumber) == ["E1001", "E1002"])
            #expect(try await database.person("E1001").fields.map(\.field) == ["Service Desk"])
            // Assigned to OPS, M001 evaluates the people of its sub-unit OPS-SD, but not themselves.
            #expect(try await database.evaluators(of: "E1001").map(\.employeeNumber) == ["M001"])
            #expect(try await database.evaluators(of: "M001").isEmpty)
            await #expect(throws: StorageError.alreadyExists(what: "employee number \"E1001\"")) {
                try await database.addPerson(PersonForm(employeeNumber: "E1001", name: "Again"), actor: "test")
            }
            await #expect(throws: StorageError.self) {
                try await database.assignEvaluator("M001", toPerson: "M001", actor: "test")
            }
            do {
                try await database.addPerson(
                    PersonForm(employeeNumber: "E2000", name: "X", fields: ["Servise Desk"]), actor: "test")
                Issue.record("expected an unknown field")
            } catch let error as StorageError {
                #expect(error.errorDescription?.contains("did you mean") == true)
            }
            #expect(try await database.people().count == 3)
        }
    }

    @Test("people, org units and plan actions out of InputBounds are refused by field", arguments: TestBackend.enabled)
    func inputBounds(backend: TestBackend) async throws {
        // The test clock reads 2027-01-15: people may join up to 2028-01-15.
        try await backend.withDatabase { database in
            try await Fixtures.seed(database)
            try await database.addPerson(
                PersonForm(employeeNumber: "E2001", name: "Joins Next Year", joinedOn: Day("2028-01-15")), actor: "test")
            await #expect(throws: InputError.self) {
                try await database.addPerson(
                    PersonForm(employeeNumber: "E2002", name: "Too Early", joinedOn: Day("2028-01-16")), actor: "test")
            }
            await #expect(throws: InputError.self) {
                try await database.addPerson(PersonForm(employeeNumber: "E2002", name: "Mail", email: "p@x"), actor: "test")
            }
            await #expect(throws: InputError(field: "name", message: "is empty; expected a value")) {
                try await database.addPerson(PersonForm(employeeNumber: "E2002", name: "  "), actor: "test")
            }
            await #expect(throws: InputError.self) {
                try await database.createOrgUnit(code: "", name: "No Code", parentCode: nil, actor: "test")
            }
            #expect(try await database.people().count == 4)

            // The domain refuses an empty title before the database's CHECK constraint would.
            let plan = try await database.createPlan(for: "E1001", field: Fixtures.serviceDesk, target: 4, actor: "test")
            await #expect(throws: InputError(field: "title", message: "is empty; expected a value")) {
                try await database.updatePlan(plan.id, append: PlanAction(kind: .training, title: ""), actor: "test")
            }
            await #expect(throws: InputError.self) {
                try await database.createPlan(
                    for: "E1001", field: Fixtures.serviceDesk, target: 4, actions: [PlanAction(kind: .training, title: " ")],
                    actor: "test")
            }
            #expect(try await database.plan(plan.id).version == 1)

            // Bulk import: the bounds relative to today are checked on import, with line and column.
            let rows = try SpreadsheetRows.people(Array("employee_number,name,joined_on\nE2003,Later,2100-01-01\n".utf8))
            do {
                try await database.importPeople(rows, actor: "test")
                Issue.record("expected the import to be refused")
            } catch let error as BulkImportError {
                #expect(error.rows.map { "\($0.line):\($0.column ?? "")" } == ["2:joined_on"])
            }
        }
    }

    @Test("bulk imports are all or nothing", arguments: TestBackend.enabled)
    func bulkImportAllOrNothing(backend: TestBackend) async throws {
        try await backend.withDatabase { database in
            try await Fixtures.seed(database)
            let csv = """
                employee_number,name,org_unit,fields
                E3001,Good One,OPS-SD,Service Desk
                E3002,Bad Unit,NOPE,Service Desk
                E3001,Duplicate,OPS-SD,
                E3003,Bad Field,OPS,Servise Desk

                """
            let rows = try SpreadsheetRows.people(Array(csv.utf8))
            do {
                try await database.importPeople(rows, actor: "test")
                Issue.record("expected the import to be refused")
            } catch let error as BulkImportError {
                #expect(error.rows.map(\.line) == [3, 4, 5])
            }
            #expect(try await database.people().count == 3)
            let good = try SpreadsheetRows.people(
                Array("employee_number,name,org_unit,fields\nE3001,Good One,OPS-SD,Service Desk;V2:Service desk\n".utf8))
            #expect(try await database.importPeople(good, actor: "test").created == 1)
            #expect(try await database.person("E3001").fields.count == 2)
        }
    }

    @Test("approved assessment import stores levels", arguments: TestBackend.enabled)
    func assessmentImportApproved(backend: TestBackend) async throws {
        try await backend.withDatabase { database in
            try await Fixtures.seed(database)
            let items = try await Fixtures.serviceDeskItems(database)
            var csv = "employee_number,field,cycle,item,self_level,evaluator_level\n"
            for item in items { csv += "E1001,V3:Service Desk,2026H2,\(item.name),3,3\n" }
            let rows = try SpreadsheetRows.ratings(Array(csv.utf8))
            await #expect(throws: BulkImportError.self) {
                try await database.importAssessments(rows, approvedBy: "E1002", actor: "test")
            }
            let experience = try SpreadsheetRows.experience(
                Array(
                    "employee_number,field,role,from,verified_by\nE1001,Service Desk,member,2020-01-01,M001\n".utf8))
            #expect(try await database.importExperience(experience, actor: "test").created == 1)
            let summary = try await database.importAssessments(rows, approvedBy: "M001", actor: "test")
            #expect(summary.created == 1)
            #expect(summary.rows == items.count)
            #expect(try await database.levels(of: "E1001").first?.official.attainedLevel == 3)
            #expect(try await database.assessments(of: "E1001").first?.state == .approved)
            // The same cycle again is refused, with the line of its first row.
            do {
                try await database.importAssessments(rows, approvedBy: "M001", actor: "test")
                Issue.record("expected a refusal")
            } catch let error as BulkImportError {
                #expect(error.rows.first?.line == 2)
            }
        }
    }
}
