import Foundation
import ITSSDomain
import ITSSStorage
import Testing

/// `itss demo`: a living organisation in an empty database, refused in one that has people.
@Suite("itss demo (CLI)")
struct DemoCLITests {
    @Test("demo fills an empty database; people and levels can be read back")
    func demo() throws {
        let cli = CLIRunner()
        defer { cli.cleanUp() }
        let result = try cli.run("demo", "--people", "300", "--seed", "7")
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("Demo organisation: 300 people"), "\(result.standardOutput)")
        let page = try cli.json(BulkImportCLITests.PersonPage.self, "person", "list", "--per-page", "50")
        #expect(page.total == 300)
        #expect(page.items.contains { $0.employeeNumber == "D000002" })
        let levels = try cli.ok(arguments: ["level", "D000002", "--json"])
        #expect(!levels.isEmpty)
        // One demo account per role, printed with its password, stored as accounts.
        for (login, role) in [
            ("demo-admin", "admin"), ("demo-hr", "hr"), ("demo-evaluator", "evaluator"), ("demo-employee", "employee"),
        ] {
            #expect(result.standardOutput.contains("  \(login)\t"), "\(login) printed")
            #expect(try cli.ok("user", "list").contains("\(login)\t\(role)\t"))
        }
        // The employee's evaluator is the evaluator account's person: self-assessments land in that review queue.
        let accounts = try cli.ok("user", "list")
        let evaluator = try #require(accounts.firstMatch(of: /demo-evaluator\tevaluator\t(\S+)/).map { String($0.1) })
        let employee = try #require(accounts.firstMatch(of: /demo-employee\temployee\t(\S+)/).map { String($0.1) })
        #expect(try cli.ok("person", "show", employee).contains(evaluator))
        // Again without --force: refused, nothing added.
        let again = try cli.run("demo", "--people", "300", "--seed", "7")
        #expect(again.status != 0)
        #expect(again.standardError.contains("--force"), "\(again.standardError)")
        #expect(try cli.json(BulkImportCLITests.PersonPage.self, "person", "list", "--per-page", "1").total == 300)
    }

    @Test("demo refuses a database with people it did not make")
    func refusesOtherData() throws {
        let cli = CLIRunner()
        defer { cli.cleanUp() }
        let file = try cli.csv("people.csv", ["employee_number,name", "E1,Someone Real"])
        #expect(try cli.run("import", "people", file).status == 0)
        let result = try cli.run("demo", "--people", "50")
        #expect(result.status != 0)
        #expect(result.standardError.contains("ITSS_DATA_DIR"), "\(result.standardError)")
        #expect(try cli.json(BulkImportCLITests.PersonPage.self, "person", "list").total == 1)
    }
}
