import Foundation
import ITSSDomain
import ITSSStorage
import Testing

/// Numbers, dates and texts out of `InputBounds` through the `itss` binary: each is refused with a non-zero exit
/// and one line naming the option or column — never a crash, a usage screen or a database constraint message.
@Suite("input bounds (CLI)")
struct InputBoundsCLITests {
    static let person = Organisation.person
    static let evaluator = Organisation.evaluator

    static func addExperience(_ extra: String...) -> [String] {
        ["experience", "add", person, "--field", "Service Desk", "--role", "leader", "--from", "2023-04-01"] + extra
    }

    @Test(
        "--contract values that used to crash (1e30, 999999999999b, inf, Int64.max, Int64.max + 1) fail with one line",
        arguments: [
            ("1e30", "is not an amount in yen"), ("999999999999b", "is more than the maximum, ¥1,000,000,000,000,000"),
            ("inf", "is not an amount in yen"), ("nan", "is not an amount in yen"),
            ("9223372036854775807", "is more than the maximum"), ("9223372036854775808", "is more than the maximum"),
            ("-5", "negative numbers are not allowed (got -5)"), ("1.5", "is not a whole number of yen"),
        ])
    func contract(_ value: String, _ message: String) throws {
        let cli = CLIRunner()
        defer { cli.cleanUp() }
        let error = try cli.fails(arguments: Self.addExperience("--contract", value))
        #expect(error.hasPrefix("--contract: "), "\(error)")
        #expect(error.contains(message), "\(error)")
    }

    @Test("--contract 750m, 1.5b and 750,000,000 are recorded exactly; --staff takes grouped digits")
    func goodNumbers() throws {
        let cli = CLIRunner()
        defer { cli.cleanUp() }
        try Organisation.create(cli)
        try cli.ok(arguments: Self.addExperience("--contract", "750m", "--staff", "1,200"))
        try cli.ok(arguments: Self.addExperience("--contract", "1.5b", "--staff", "1000000"))
        try cli.ok(arguments: Self.addExperience("--contract", "750,000,000", "--staff", "0"))
        let records = try cli.json([ExperienceRecord].self, "experience", "list", Self.person)
        #expect(records.map { $0.measures[.annualContractYen] } == [750_000_000, 1_500_000_000, 750_000_000])
        #expect(records.map { $0.measures[.peakStaff] } == [1_200, 1_000_000, 0])
    }

    @Test("--staff -5 says negative numbers are not allowed; huge and non-numeric counts name the option")
    func staff() throws {
        let cli = CLIRunner()
        defer { cli.cleanUp() }
        #expect(
            try cli.fails(arguments: Self.addExperience("--staff", "-5")) == "--staff: negative numbers are not allowed (got -5)")
        #expect(
            try cli.fails(arguments: Self.addExperience("--staff", "9223372036854775807"))
                == "--staff: 9223372036854775807 is more than the maximum, 1,000,000")
        #expect(
            try cli.fails(arguments: Self.addExperience("--staff", "1000001"))
                == "--staff: 1000001 is more than the maximum, 1,000,000")
        #expect(try cli.fails(arguments: Self.addExperience("--staff", "ten")) == "--staff: \"ten\" is not a whole number")
        #expect(try cli.fails(arguments: Self.addExperience("--staff", "-5", "--contract", "1m")).hasPrefix("--staff: "))
    }

    @Test("person add: a joining date far ahead, a 100,000-character name, a malformed e-mail are refused")
    func person() throws {
        let cli = CLIRunner()
        defer { cli.cleanUp() }
        try Organisation.create(cli)
        let before = try BulkImportCLITests.people(cli)
        let joined = try cli.fails("person", "add", "P1", "Future Person", "--joined", "2100-01-01")
        #expect(joined.hasPrefix("joined_on: 2100-01-01 is more than a year after today"), "\(joined)")
        let early = try cli.fails("person", "add", "P1", "Old Person", "--joined", "1899-12-31")
        #expect(early == "joined_on: 1899-12-31 is outside the years 1900–2999; is it a typo?")
        let name = try cli.fails("person", "add", "P1", String(repeating: "a", count: 100_000))
        #expect(name == "name: is 100,000 characters long; at most 200 are allowed")
        let number = try cli.fails("person", "add", String(repeating: "9", count: 65), "Long Number")
        #expect(number == "employee_number: is 65 characters long; at most 64 are allowed")
        for email in ["p@x", "hanako", "a b@example.com", "a@@example.com"] {
            let error = try cli.fails("person", "add", "P1", "Mail Person", "--email", email)
            #expect(error.hasPrefix("email: \"\(email)\" is not an e-mail address"), "\(error)")
        }
        #expect(try BulkImportCLITests.people(cli) == before)
        try cli.ok("person", "add", "P1", "Mail Person", "--email", "p1@example.com", "--joined", "2020-04-01")
    }

    @Test("experience: from in the future, an open-end placeholder, to before from are refused naming the field")
    func experienceDates() throws {
        let cli = CLIRunner()
        defer { cli.cleanUp() }
        try Organisation.create(cli)
        let future = try cli.fails(
            "experience", "add", Self.person, "--field", "Service Desk", "--role", "leader", "--from", "2999-01-01")
        #expect(future.hasPrefix("from: 2999-01-01 is in the future"), "\(future)")
        let openEnd = try cli.fails(arguments: Self.addExperience("--to", "9999-12-31"))
        #expect(openEnd == "to: 9999-12-31 is outside the years 1900–2999; is it a typo?")
        let backwards = try cli.fails(arguments: Self.addExperience("--to", "2023-03-31"))
        #expect(backwards == "to: 2023-03-31 is before from (2023-04-01)")
        let description = try cli.fails(arguments: Self.addExperience("--description", String(repeating: "d", count: 2_001)))
        #expect(description == "description: is 2,001 characters long; at most 2,000 are allowed")
        #expect(try cli.json([ExperienceRecord].self, "experience", "list", Self.person).isEmpty)
    }

    @Test("experience verify: a date before the record starts, or in the future, is refused; the record stays unverified")
    func verifyDate() throws {
        let cli = CLIRunner()
        defer { cli.cleanUp() }
        try Organisation.create(cli)
        try cli.ok(arguments: Self.addExperience())
        let early = try cli.fails("experience", "verify", "1", "--as", Self.evaluator, "--on", "2023-03-31")
        #expect(early == "verified_on: 2023-03-31 is before the record starts (2023-04-01)")
        let future = try cli.fails("experience", "verify", "1", "--as", Self.evaluator, "--on", "2999-01-01")
        #expect(future.hasPrefix("verified_on: 2999-01-01 is in the future (today is "), "\(future)")
        #expect(try cli.json([ExperienceRecord].self, "experience", "list", Self.person).first?.isVerified == false)
        try cli.ok("experience", "verify", "1", "--as", Self.evaluator, "--on", "2023-04-01")
    }

    @Test("plan update --add \"\" gets a clear message, not a CHECK constraint failure; owner and due are bounded")
    func planAction() throws {
        let cli = CLIRunner()
        defer { cli.cleanUp() }
        try Organisation.create(cli)
        try cli.ok("plan", "create", Self.person, "--target", "Service Desk:4")
        let before = try cli.json(PlanView.self, "plan", "show", "1")
        #expect(try cli.fails("plan", "update", "1", "--add", "") == "--add: is empty; expected a value")
        #expect(try cli.fails("plan", "update", "1", "--add", "   ") == "--add: is empty; expected a value")
        let owner = try cli.fails("plan", "update", "1", "--action", "1", "--owner", String(repeating: "o", count: 201))
        #expect(owner == "owner: is 201 characters long; at most 200 are allowed")
        let due = try cli.fails("plan", "update", "1", "--add", "Someday", "--due", "2999-01-01")
        #expect(due.hasPrefix("due_on: 2999-01-01 is more than 10 years after today"), "\(due)")
        #expect(try cli.json(PlanView.self, "plan", "show", "1") == before)
    }

    // MARK: - import

    @Test("import people: a row with fewer cells than the header is refused with its line (the issue's file)")
    func tooFewCells() throws {
        let cli = CLIRunner()
        defer { cli.cleanUp() }
        try Organisation.create(cli)
        let before = try BulkImportCLITests.people(cli)
        let file = try cli.csv(
            "people.csv",
            [
                "employee_number,name,email,org_unit,active,joined_on,fields",
                "P1,One,p1@example.com,OPS,yes,2020-04-01,",
                "P2,Two,p@x,OPS,yes",
                "P3,Three,p3@example.com,OPS,yes,2020-04-01,Service Desk,extra",
            ])
        let rows = try BulkImportCLITests.failedImport(cli, ["import", "people", file], file: file, badRows: 2)
        #expect(
            rows[3] == [
                "has 5 cells but the header has 7 (employee_number, name, email, org_unit, active, joined_on, fields); "
                    + "give every row one cell per column, empty ones as ,,"
            ])
        #expect(rows[4]?.first?.hasPrefix("has 8 cells but the header has 7") == true, "\(rows)")
        #expect(try BulkImportCLITests.people(cli) == before)
    }

    @Test("import people: the CLI's bounds apply to every cell, reported with line and column")
    func peopleBounds() throws {
        let cli = CLIRunner()
        defer { cli.cleanUp() }
        try Organisation.create(cli)
        let file = try cli.csv(
            "people.csv",
            [
                "employee_number,name,email,joined_on",
                "P1,\(String(repeating: "n", count: 201)),,",
                "P2,Two,p@x,",
                "P3,Three,,2100-01-01",
                "P4,Four,,1899-12-31",
                "\(String(repeating: "9", count: 65)),Five,,",
                "P6,Six,six@example.com,2020-04-01",
            ])
        let rows = try BulkImportCLITests.failedImport(cli, ["import", "people", file], file: file, badRows: 5)
        #expect(rows[2] == ["name: is 201 characters long; at most 200 are allowed"])
        #expect(rows[3]?.first?.hasPrefix("email: \"p@x\" is not an e-mail address") == true, "\(rows)")
        #expect(rows[4]?.first?.hasPrefix("joined_on: 2100-01-01 is more than a year after today") == true, "\(rows)")
        #expect(rows[5] == ["joined_on: 1899-12-31 is outside the years 1900–2999; is it a typo?"])
        #expect(rows[6] == ["employee_number: is 65 characters long; at most 64 are allowed"])
    }

    @Test("import experience: staff, yen and dates are bounded like the CLI's options")
    func experienceBounds() throws {
        let cli = CLIRunner()
        defer { cli.cleanUp() }
        try Organisation.create(cli)
        let file = try cli.csv(
            "experience.csv",
            [
                "employee_number,field,role,from,to,peak_staff,annual_contract_yen",
                "\(Self.person),Service Desk,leader,2023-04-01,,-5,",
                "\(Self.person),Service Desk,leader,2023-04-01,,9223372036854775808,",
                "\(Self.person),Service Desk,leader,2023-04-01,,,1e30",
                "\(Self.person),Service Desk,leader,2023-04-01,,,\"1,000,000,000,000,001\"",
                "\(Self.person),Service Desk,leader,2999-01-01,,,",
                "\(Self.person),Service Desk,leader,2023-04-01,9999-12-31,,",
                "\(Self.person),Service Desk,leader,2023-04-01,,12,\"750,000,000\"",
            ])
        let rows = try BulkImportCLITests.failedImport(cli, ["import", "experience", file], file: file, badRows: 6)
        #expect(rows[2] == ["peak_staff: negative numbers are not allowed (got -5)"])
        #expect(rows[3] == ["peak_staff: 9223372036854775808 is more than the maximum, 1,000,000"])
        #expect(rows[4] == ["annual_contract_yen: \"1e30\" is not a whole number"])
        #expect(rows[5] == ["annual_contract_yen: 1,000,000,000,000,001 is more than the maximum, ¥1,000,000,000,000,000"])
        #expect(rows[6]?.first?.hasPrefix("from: 2999-01-01 is in the future") == true, "\(rows)")
        #expect(rows[7] == ["to: 9999-12-31 is outside the years 1900–2999; is it a typo?"])
        #expect(try cli.json([ExperienceRecord].self, "experience", "list", Self.person).isEmpty)
    }
}
