import Foundation
import ITSSDomain
import ITSSStorage
import Testing

/// `itss import people|experience|assessments`: all or nothing, every bad row reported with its line.
@Suite("itss import (CLI)")
struct BulkImportCLITests {
    /// The result of an import that must fail: non-zero exit, a last line `Error: FILE: N bad row(s); nothing
    /// was imported`, and one `FILE:LINE: column: message` line per bad row (returned by line number).
    static func failedImport(
        _ cli: CLIRunner, _ arguments: [String], file: String, badRows: Int, sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> [Int: [String]] {
        let result = try cli.run(arguments: arguments)
        #expect(result.status != 0, "the import succeeded: \(result.standardOutput)", sourceLocation: sourceLocation)
        let lines = result.standardError.split(separator: "\n").map(String.init)
        #expect(
            lines.last == "Error: \(file): \(badRows) bad row(s); nothing was imported", "\(result.standardError)",
            sourceLocation: sourceLocation)
        var byLine: [Int: [String]] = [:]
        for line in lines where line.hasPrefix(file + ":") {
            let rest = line.dropFirst(file.count + 1)
            guard let colon = rest.firstIndex(of: ":"), let number = Int(rest[..<colon]) else { continue }
            byLine[number, default: []].append(String(rest[rest.index(after: colon)...]).trimmingCharacters(in: .whitespaces))
        }
        #expect(byLine.values.map(\.count).reduce(0, +) == badRows, "\(result.standardError)", sourceLocation: sourceLocation)
        return byLine
    }

    static func people(_ cli: CLIRunner) throws -> [Person] {
        try cli.json(PersonPage.self, "person", "list", "--per-page", "1000").items
    }

    /// The JSON of `itss person list`: one page.
    struct PersonPage: Decodable {
        var items: [Person]
        var total: Int
    }

    /// Every item of V3 Service Desk, in field order.
    static func serviceDeskItems(_ cli: CLIRunner) throws -> [String] {
        try FieldItems.of("Service Desk", cli).items.map(\.name)
    }

    // MARK: - people

    @Test("people: a good file is imported with org units, fields, active flags and dates")
    func importPeople() throws {
        let cli = CLIRunner()
        defer { cli.cleanUp() }
        try Organisation.create(cli)
        let before = try Self.people(cli)
        let file = try cli.csv(
            "people.csv",
            [
                "employee_number,name,email,org_unit,active,joined_on,fields",
                "E2001,\"Sato, Hanako\",hanako@example.com,OPS,yes,2019-04-01,Service Desk;V2:Service desk",
                "E2002,Tanaka Jiro,,HQ,no,,",
                "E2003,Suzuki Ichiro,,,,2021-10-01,netw",
            ])
        let output = try cli.ok("import", "people", file)
        #expect(output.contains("Imported 3 people."), "\(output)")
        let people = try Self.people(cli)
        #expect(people.count == before.count + 3)
        let units = try cli.json([OrgUnit].self, "org", "list")
        let hanako = try #require(people.first { $0.employeeNumber == "E2001" })
        #expect(hanako.name == "Sato, Hanako")
        #expect(hanako.email == "hanako@example.com")
        #expect(hanako.orgUnitID == units.first { $0.code == "OPS" }?.id)
        #expect(hanako.active)
        #expect(hanako.joinedOn == Day("2019-04-01"))
        #expect(hanako.fields.map(\.field) == ["Service Desk", "Service desk"])
        let jiro = try #require(people.first { $0.employeeNumber == "E2002" })
        #expect(!jiro.active)
        #expect(jiro.fields.isEmpty)
        #expect(people.first { $0.employeeNumber == "E2003" }?.fields.map(\.field) == ["Network operation"])
        // The imported people are evaluated by M1 through OPS.
        let evaluators = try cli.ok("person", "show", "E2001")
        #expect(evaluators.contains("evaluators: M1"), "\(evaluators)")
        // Importing the same file again: every row already exists, nothing is written.
        let again = try Self.failedImport(cli, ["import", "people", file], file: file, badRows: 3)
        #expect(again.keys.sorted() == [2, 3, 4])
        #expect(again[2]?.first?.contains("\"E2001\" already exists") == true)
        #expect(try Self.people(cli).count == before.count + 3)
    }

    @Test("people: unknown org unit, duplicate and existing employee numbers, unknown field — all reported, nothing written")
    func badPeople() throws {
        let cli = CLIRunner()
        defer { cli.cleanUp() }
        try Organisation.create(cli)
        let before = try Self.people(cli)
        let file = try cli.csv(
            "people.csv",
            [
                "employee_number,name,org_unit,fields",
                "E3001,Good One,OPS,Service Desk",
                "E3002,Bad Unit,OSP,",
                "E3001,Duplicate,OPS,",
                "E3003,Bad Field,OPS,Service Desk;Servise Dsk",
                "E1001,Existing,,",
                "E3004,Also Good,,",
            ])
        let rows = try Self.failedImport(cli, ["import", "people", file], file: file, badRows: 4)
        #expect(rows.keys.sorted() == [3, 4, 5, 6])
        #expect(rows[3]?.first?.hasPrefix("org_unit: unknown org unit \"OSP\"; did you mean \"OPS\"?") == true, "\(rows)")
        #expect(rows[4]?.first == "employee_number: \"E3001\" appears again (first at line 2)")
        #expect(
            rows[5]?.first?.hasPrefix("fields: specialty field \"Servise Dsk\" does not exist; did you mean") == true, "\(rows)")
        #expect(rows[6]?.first == "employee_number: \"E1001\" already exists")
        #expect(try Self.people(cli) == before)
    }

    @Test("people: a bad date is reported with its line and column, nothing written")
    func badPeopleDate() throws {
        let cli = CLIRunner()
        defer { cli.cleanUp() }
        try Organisation.create(cli)
        let before = try Self.people(cli)
        let file = try cli.csv(
            "people.csv",
            [
                "employee_number,name,joined_on,active",
                "E3001,Good One,2020-04-01,yes",
                "E3002,Bad Date,2020-04-31,yes",
                "E3003,Bad Flag,,perhaps",
            ])
        let rows = try Self.failedImport(cli, ["import", "people", file], file: file, badRows: 2)
        #expect(rows[3] == ["joined_on: \"2020-04-31\" is not a date; expected YYYY-MM-DD"])
        #expect(rows[4] == ["active: \"perhaps\" is not yes/no"])
        #expect(try Self.people(cli) == before)
    }

    @Test("people: a file with bad cells AND rows the database refuses reports every bad row")
    func badPeopleEverything() throws {
        let cli = CLIRunner()
        defer { cli.cleanUp() }
        try Organisation.create(cli)
        let before = try Self.people(cli)
        let file = try cli.csv(
            "people.csv",
            [
                "employee_number,name,org_unit,joined_on,fields",
                "E3001,Good One,OPS,,Service Desk",
                "E3002,Bad Unit,NOPE,,",
                "E3001,Duplicate,OPS,,",
                "E3003,Bad Field,OPS,,Servise Desk",
                "E3004,Bad Date,OPS,2020-13-01,",
            ])
        let result = try cli.run("import", "people", file)
        #expect(result.status != 0)
        #expect(try Self.people(cli) == before)
        #expect(result.standardError.contains("\(file):6: joined_on:"), "\(result.standardError)")
        for line in [3, 4, 5] {
            #expect(result.standardError.contains("\(file):\(line): "), "line \(line) not reported: \(result.standardError)")
        }
        #expect(result.standardError.contains("4 bad row(s)"), "\(result.standardError)")
    }

    @Test("people: a missing required column is reported at line 1, naming it")
    func missingColumn() throws {
        let cli = CLIRunner()
        defer { cli.cleanUp() }
        let file = try cli.csv("people.csv", ["employee_number,email", "E1,a@example.com"])
        let rows = try Self.failedImport(cli, ["import", "people", file], file: file, badRows: 1)
        #expect(rows[1]?.first?.hasPrefix("name: the header lacks the column \"name\"") == true, "\(rows)")
        let missing = try cli.run("import", "people", cli.dataDirectory.appendingPathComponent("nope.csv").path)
        #expect(missing.status != 0)
        #expect(missing.standardError.contains("cannot read the file"))
    }

    // MARK: - experience

    @Test("experience: imported with verified_by verified by that evaluator, without it unverified")
    func importExperience() throws {
        let cli = CLIRunner()
        defer { cli.cleanUp() }
        try Organisation.create(cli)
        let file = try cli.csv(
            "experience.csv",
            [
                "employee_number,field,role,from,to,peak_staff,annual_contract_yen,customer,description,verified_by",
                "E1001,Service Desk,member,2019-04-01,2021-03-31,6,,ACME,\"first-line desk, 24/7\",M1",
                "E1001,Service Desk,leader,2021-04-01,,12,\"150,000,000\",ACME,,",
            ])
        let output = try cli.ok("import", "experience", file)
        #expect(output.contains("Imported 2 experience records"), "\(output)")
        let records = try cli.json([ExperienceRecord].self, "experience", "list", Organisation.person)
        #expect(records.count == 2)
        let member = try #require(records.first { $0.role == .member })
        #expect(member.isVerified)
        #expect(member.verifiedOn != nil)
        #expect(member.description == "first-line desk, 24/7")
        #expect(member.measures[.peakStaff] == 6)
        let leader = try #require(records.first { $0.role == .leader })
        #expect(!leader.isVerified)
        #expect(leader.measures[.annualContractYen] == 150_000_000)
        #expect(leader.to == nil)
        // The unverified record can still be verified by the evaluator.
        try cli.ok("experience", "verify", String(leader.recordID), "--as", Organisation.evaluator)
        #expect(try cli.json([ExperienceRecord].self, "experience", "list", Organisation.person).allSatisfy(\.isVerified))
    }

    @Test("experience: verified_by someone who is not the person's evaluator, or the person, and unknown names are refused")
    func badExperience() throws {
        let cli = CLIRunner()
        defer { cli.cleanUp() }
        try Organisation.create(cli)
        let file = try cli.csv(
            "experience.csv",
            [
                "employee_number,field,role,from,verified_by",
                "E1001,Service Desk,member,2019-04-01,M1",
                "E1001,Service Desk,member,2019-04-01,X1",
                "E1001,Service Desk,member,2019-04-01,E1001",
                "E1009,Service Desk,member,2019-04-01,",
                "E1001,Servise Desk,member,2019-04-01,",
                "E1001,Service Desk,member,2019-04-01,M9",
            ])
        let rows = try Self.failedImport(cli, ["import", "experience", file], file: file, badRows: 5)
        #expect(rows[3] == ["verified_by: X1 is not an evaluator of E1001"])
        #expect(rows[4] == ["verified_by: E1001 cannot verify their own record"])
        #expect(rows[5]?.first?.hasPrefix("employee_number: unknown person \"E1009\"; did you mean") == true, "\(rows)")
        #expect(rows[6]?.first?.contains("did you mean \"Service Desk\"") == true, "\(rows)")
        #expect(rows[7]?.first?.hasPrefix("verified_by: unknown person \"M9\"") == true, "\(rows)")
        #expect(try cli.json([ExperienceRecord].self, "experience", "list", Organisation.person).isEmpty)
    }

    // MARK: - assessments

    /// One rating row per item of Service Desk for `person` and `cycle`.
    static func ratingRows(
        _ items: [String], person: String = Organisation.person, cycle: String = "2026H1", selfLevel: Int, evaluatorLevel: Int?,
        reason: String? = nil
    ) -> [String] {
        items.map { item in
            "\(person),Service Desk,\(cycle),\(item),\(selfLevel),\(evaluatorLevel.map(String.init) ?? ""),\(reason ?? "")"
        }
    }

    static let ratingHeader = "employee_number,field,cycle,item,self_level,evaluator_level,evaluator_reason"

    @Test("assessments: imported as drafts — self ratings stored, no official level")
    func importDrafts() throws {
        let cli = CLIRunner()
        defer { cli.cleanUp() }
        try Organisation.create(cli)
        let items = try Self.serviceDeskItems(cli)
        let file = try cli.csv("ratings.csv", [Self.ratingHeader] + Self.ratingRows(items, selfLevel: 4, evaluatorLevel: nil))
        let output = try cli.ok("import", "assessments", file)
        #expect(output.contains("Imported 1 assessments (17 ratings, drafts)"), "\(output)")
        let views = try cli.json([AssessmentView].self, "assess", "list", Organisation.person)
        #expect(views.count == 1)
        let view = try #require(views.first)
        #expect(view.state == .draft)
        #expect(view.cycle == "2026H1")
        #expect(view.ratings.allSatisfy { $0.selfLevel == 4 && $0.evaluatorLevel == nil })
        #expect(try cli.json([PersonLevel].self, "level", Organisation.person).first?.official.attainedLevel == nil)
        // A draft continues through the normal workflow.
        try cli.ok("assess", "submit", String(view.id), "--as", Organisation.person)
    }

    @Test("assessments: with --approved-by the assessments are approved and the levels stored")
    func importApproved() throws {
        let cli = CLIRunner()
        defer { cli.cleanUp() }
        try Organisation.create(cli)
        try cli.ok("person", "add", "E1003", "Suzuki Ichiro", "--org", "OPS", "--field", "Service Desk")
        let items = try Self.serviceDeskItems(cli)
        let experience = try cli.csv(
            "experience.csv",
            [
                "employee_number,field,role,from,verified_by",
                "E1001,Service Desk,leader,2019-04-01,M1",
                "E1003,Service Desk,member,2019-04-01,M1",
            ])
        try cli.ok("import", "experience", experience)
        let file = try cli.csv(
            "ratings.csv",
            [Self.ratingHeader]
                + Self.ratingRows(items, selfLevel: 4, evaluatorLevel: 4)
                + Self.ratingRows(items, person: "E1003", selfLevel: 4, evaluatorLevel: 3, reason: "\"not yet, as a leader\""))
        let output = try cli.ok("import", "assessments", file, "--approved-by", Organisation.evaluator)
        #expect(output.contains("Imported 2 assessments (34 ratings, approved)"), "\(output)")
        #expect(output.contains("2 levels stored"), "\(output)")

        let view = try #require(try cli.json([AssessmentView].self, "assess", "list", "E1003").first)
        #expect(view.state == .approved)
        #expect(view.decidedBy == Organisation.evaluator)
        #expect(view.ratings.allSatisfy { $0.evaluatorLevel == 3 && $0.evaluatorReason == "not yet, as a leader" })

        let first = try #require(try cli.json([PersonLevel].self, "level", Organisation.person).first)
        #expect(first.official.attainedLevel == 4)
        let third = try #require(try cli.json([PersonLevel].self, "level", "E1003").first)
        #expect(third.official.attainedLevel == 3)
        let text = try cli.ok("person", "show", "E1003")
        #expect(text.contains("Service Desk [IT Service Management V3 2008]: level 3 (approved)"), "\(text)")
        // Approved imports are immutable like approved assessments.
        let edit = try cli.fails("assess", "rate", String(view.id), "--item", items[0], "--level", "4", "--as", "E1003")
        #expect(edit == "the assessment is approved and can no longer change")
        #expect(try cli.json([PersonLevel].self, "level", "E1003", "--as-of", "2000-01-01").first?.official.attainedLevel == nil)
    }

    @Test("assessments: two cycles of one person and field approved in one file")
    func importApprovedTwoCycles() throws {
        let cli = CLIRunner()
        defer { cli.cleanUp() }
        try Organisation.create(cli)
        let items = try Self.serviceDeskItems(cli)
        let experience = try cli.csv(
            "experience.csv", ["employee_number,field,role,from,verified_by", "E1001,Service Desk,leader,2019-04-01,M1"])
        try cli.ok("import", "experience", experience)
        let file = try cli.csv(
            "ratings.csv",
            [Self.ratingHeader]
                + Self.ratingRows(items, cycle: "2025H2", selfLevel: 3, evaluatorLevel: 3)
                + Self.ratingRows(items, cycle: "2026H1", selfLevel: 4, evaluatorLevel: 4))
        let result = try cli.run("import", "assessments", file, "--approved-by", Organisation.evaluator)
        let views = try cli.json([AssessmentView].self, "assess", "list", Organisation.person)
        let level = try cli.json([PersonLevel].self, "level", Organisation.person).first?.official.attainedLevel
        #expect(result.status == 0, "\(result.standardError)")
        #expect(views.map(\.cycle) == ["2026H1", "2025H2"])
        #expect(level == 4)
    }

    @Test("assessments: an approved import adds the field to the person's fields, like `assess start`")
    func importAddsField() throws {
        let cli = CLIRunner()
        defer { cli.cleanUp() }
        try Organisation.create(cli)
        try cli.ok("person", "add", "E1003", "Suzuki Ichiro", "--org", "OPS")
        let items = try Self.serviceDeskItems(cli)
        let file = try cli.csv(
            "ratings.csv", [Self.ratingHeader] + Self.ratingRows(items, person: "E1003", selfLevel: 3, evaluatorLevel: 3))
        try cli.ok("import", "assessments", file, "--approved-by", Organisation.evaluator)
        let person = try cli.json(ITSSStorageProfile.self, "person", "show", "E1003")
        #expect(person.assessments.count == 1)
        // The level is there when asked for the field …
        #expect(
            try cli.json([PersonLevel].self, "level", "E1003", "--field", "Service Desk").first?.official.attainedLevel == nil)
        // … and the person works in the field, as after `itss assess start`.
        let levels = try cli.json([PersonLevel].self, "level", "E1003").map(\.field.field)
        #expect(person.person.fields.map(\.field) == ["Service Desk"])
        #expect(levels == ["Service Desk"])
    }

    @Test("assessments: an undefined level and an unknown item are both reported, nothing written")
    func badAssessments() throws {
        let cli = CLIRunner()
        defer { cli.cleanUp() }
        try Organisation.create(cli)
        let items = try Self.serviceDeskItems(cli)
        var rows = Self.ratingRows(items, selfLevel: 4, evaluatorLevel: nil)
        rows[3] = "E1001,Service Desk,2026H1,\(items[3]),5,,"
        rows[6] = "E1001,Service Desk,2026H1,Servise Support,3,,"
        rows.append("E1001,Service Desk,2026H1,\(items[0]),3,,")
        let file = try cli.csv("ratings.csv", [Self.ratingHeader] + rows)
        let reported = try Self.failedImport(cli, ["import", "assessments", file], file: file, badRows: 3)
        #expect(reported.keys.sorted() == [5, 8, 19])
        #expect(reported[5] == ["self_level: \"\(items[3])\" has no level 5; rate it one of 0, 3, 4"])
        #expect(reported[8]?.first?.hasPrefix("item: ") == true)
        #expect(reported[8]?.first?.contains("did you mean \"Service Support\"") == true, "\(reported)")
        #expect(reported[19]?.first?.contains("rated again for this assessment (first at line 2)") == true, "\(reported)")
        #expect(try cli.json([AssessmentView].self, "assess", "list", Organisation.person).isEmpty)

        // A bad cell (level 8) in one row and an unknown item in another: both should be reported.
        var mixed = Self.ratingRows(items, selfLevel: 4, evaluatorLevel: nil)
        mixed[0] = "E1001,Service Desk,2026H1,\(items[0]),8,,"
        mixed[1] = "E1001,Service Desk,2026H1,Servise Support,3,,"
        let mixedFile = try cli.csv("mixed.csv", [Self.ratingHeader] + mixed)
        let result = try cli.run("import", "assessments", mixedFile)
        #expect(result.status != 0)
        #expect(result.standardError.contains("\(mixedFile):2: self_level: \"8\" is not a level"), "\(result.standardError)")
        #expect(result.standardError.contains("\(mixedFile):3: item:"), "\(result.standardError)")
        #expect(try cli.json([AssessmentView].self, "assess", "list", Organisation.person).isEmpty)
    }

    @Test("assessments: --approved-by someone who is not the people's evaluator, the person, or nobody known is refused")
    func approvedByNonEvaluator() throws {
        let cli = CLIRunner()
        defer { cli.cleanUp() }
        try Organisation.create(cli)
        let items = try Self.serviceDeskItems(cli)
        let file = try cli.csv("ratings.csv", [Self.ratingHeader] + Self.ratingRows(items, selfLevel: 4, evaluatorLevel: 4))

        let outsider = try Self.failedImport(
            cli, ["import", "assessments", file, "--approved-by", Organisation.outsider], file: file, badRows: 1)
        #expect(outsider[2]?.first?.contains("only an evaluator of the person can approve") == true, "\(outsider)")
        let own = try Self.failedImport(
            cli, ["import", "assessments", file, "--approved-by", Organisation.person], file: file, badRows: 1)
        #expect(own[2]?.first?.contains("nobody can approve their own assessment") == true, "\(own)")
        // Not a row of the file: the option is named, not "FILE:0".
        let unknown = try cli.run("import", "assessments", file, "--approved-by", "M9")
        #expect(unknown.status != 0)
        let errorLines = unknown.standardError.split(separator: "\n").filter { $0.hasPrefix("Error: ") }
        #expect(errorLines.count == 1, "\(unknown.standardError)")
        #expect(
            errorLines.first?.hasPrefix("Error: --approved-by: person \"M9\" does not exist; did you mean \"M1\"") == true,
            "\(unknown.standardError)")
        #expect(!unknown.standardError.contains(":0:"), "\(unknown.standardError)")

        // Missing evaluator levels and unexplained differences are refused too.
        var partial = Self.ratingRows(items, selfLevel: 4, evaluatorLevel: 4)
        partial[0] = "E1001,Service Desk,2026H1,\(items[0]),4,,"
        partial[1] = "E1001,Service Desk,2026H1,\(items[1]),4,3,"
        let partialFile = try cli.csv("partial.csv", [Self.ratingHeader] + partial)
        let missing = try Self.failedImport(
            cli, ["import", "assessments", partialFile, "--approved-by", Organisation.evaluator], file: partialFile, badRows: 1)
        #expect(missing[2]?.first?.contains("evaluator ratings are missing for 1 item: \"\(items[0])\"") == true, "\(missing)")

        #expect(try cli.json([AssessmentView].self, "assess", "list", Organisation.person).isEmpty)
        #expect(try cli.json([PersonLevel].self, "level", Organisation.person).first?.official.attainedLevel == nil)
    }
}

/// The part of `itss person show --json` these tests read.
struct ITSSStorageProfile: Decodable {
    var person: Person
    var assessments: [AssessmentView]
}
