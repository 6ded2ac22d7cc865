import Foundation
import ITSSDomain
import Testing

/// `itss staffing` and `itss coverage` on `Organisation` plus three people of OPS rated in Service Desk through CSV
/// imports approved by M1: S1 all 4 with a verified leader record (level 4), S2 all 4 with a member record
/// (level 3; 4 lacks the leader record), S3 all 4 but Leadership 3 with a leader record (level 3; 4 lacks
/// Leadership 4).
@Suite("itss staffing / coverage (CLI)")
struct StaffingCLITests {
    static func prepared() throws -> CLIRunner {
        let cli = CLIRunner()
        try Organisation.create(cli)
        for (number, name) in [("S1", "Abe Aiko"), ("S2", "Baba Jiro"), ("S3", "Chiba Saburo")] {
            try cli.ok("person", "add", number, name, "--org", "OPS")
        }
        let items = try FieldItems.of("V3:Service Desk", cli).items.map(\.name)
        var ratings = ["employee_number,field,cycle,item,self_level,evaluator_level"]
        for number in ["S1", "S2", "S3"] {
            for item in items {
                let level = number == "S3" && item == "Leadership" ? 3 : 4
                ratings.append("\(number),V3:Service Desk,2025H2,\(item),\(level),\(level)")
            }
        }
        try cli.ok("import", "assessments", try cli.csv("ratings.csv", ratings), "--approved-by", Organisation.evaluator)
        let records = [
            "employee_number,field,role,from,to,verified_by",
            "S1,V3:Service Desk,leader,2020-04-01,2021-03-31,M1",
            "S2,V3:Service Desk,member,2020-04-01,2021-03-31,M1",
            "S3,V3:Service Desk,leader,2020-04-01,2021-03-31,M1",
        ]
        try cli.ok("import", "experience", try cli.csv("records.csv", records))
        return cli
    }

    struct Report: Decodable { var result: Check }

    struct Check: Decodable {
        struct Person: Decodable { var employeeNumber: String }
        struct Counted: Decodable { var person: Person }
        struct Near: Decodable {
            var person: Person
            var lacks: String
        }
        struct Line: Decodable {
            var counted: [Counted]
            var shortfall: Int
            var near: [Near]
        }
        var filled: Int
        var required: Int
        var staffed: Bool
        var lines: [Line]
    }

    @Test("add, list, show, check (the matching beats greedy; the near candidate is named), remove")
    func staffing() throws {
        let cli = try Self.prepared()
        defer { cli.cleanUp() }
        let added = try cli.ok("staffing", "add", "Desk", "--line", "Service Desk:3:1", "--line", "Service Desk:4:2")
        #expect(added.contains("Saved \"Desk\"") && added.contains("Service Desk ≥ 4 × 2"), "\(added)")
        let bad = try cli.fails("staffing", "add", "Bad", "--line", "Service Desk:4")
        #expect(bad.contains("--line: expected FIELD:LEVEL:COUNT[:ROLE]"), "\(bad)")
        #expect(try cli.fails("staffing", "add", "Desk", "--line", "Operation:3:1").contains("already exists"))
        #expect(try cli.ok("staffing", "list").contains("Desk"))
        #expect(try cli.ok("staffing", "show", "Desk").contains("2. Service Desk ≥ 4 × 2"))

        let check = try cli.json(Report.self, "staffing", "check", "Desk", "--org", "HQ").result
        // Greedy would put S1 on line 1 and leave line 2 empty; the matching moves S1 to line 2.
        #expect(check.lines.map { $0.counted.map(\.person.employeeNumber) } == [["S2"], ["S1"]])
        #expect(check.lines.map(\.shortfall) == [0, 1])
        #expect(check.filled == 2 && check.required == 3 && !check.staffed)
        #expect(check.lines[1].near.map(\.person.employeeNumber) == ["S3"])
        #expect(check.lines[1].near.first?.lacks == "Leadership: rated 3, needs 4")
        let text = try cli.ok("staffing", "check", "Desk", "--org", "HQ")
        #expect(text.contains("2 of 3 slots filled"), "\(text)")
        #expect(text.contains("near: S3 Chiba Saburo lacks Leadership: rated 3, needs 4"), "\(text)")
        let past = try cli.json(Report.self, "staffing", "check", "Desk", "--org", "OPS", "--as-of", "2020-01-01").result
        #expect(past.filled == 0)
        #expect(try cli.fails("staffing", "check", "Desk", "--org", "NOPE").contains("org unit \"NOPE\" does not exist"))
        #expect(try cli.fails("staffing", "check", "Dsk", "--org", "OPS").contains("did you mean \"Desk\""))
        #expect(try cli.fails("staffing", "remove", "Desk", "--version", "7").contains("was changed by someone else"))
        #expect(try cli.ok("staffing", "remove", "Desk", "--version", "1").contains("Removed"))
        #expect(try cli.ok("staffing", "list").contains("No staffing requirements yet"))
    }

    struct Coverage: Decodable {
        struct Item: Decodable {
            var item: String
            var ratedAtLeast: [Int]
        }
        struct Field: Decodable {
            var assessed: Int
            var items: [Item]
        }
        struct Near: Decodable {
            struct Person: Decodable { var employeeNumber: String }
            var person: Person
            var nextLevel: Int
        }
        struct NearPage: Decodable {
            var items: [Near]
            var hasMore: Bool
        }
        var people: Int
        var fields: [Field]
        var nearCandidates: NearPage?
    }

    @Test("coverage: counts per item and level, single points of failure, near candidates")
    func coverage() throws {
        let cli = try Self.prepared()
        defer { cli.cleanUp() }
        let coverage = try cli.json(Coverage.self, "coverage", "--org", "HQ", "--field", "Service Desk")
        #expect(coverage.people == 6)  // M1, E1001, E1002, S1–S3
        #expect(coverage.fields.first?.assessed == 3)
        #expect(coverage.fields.first?.items.first { $0.item == "Leadership" }?.ratedAtLeast == [3, 3, 3, 2, 0, 0, 0])
        #expect(coverage.nearCandidates?.items.map(\.person.employeeNumber) == ["S2", "S3"])
        #expect(coverage.nearCandidates?.items.map(\.nextLevel) == [4, 4])
        let text = try cli.ok("coverage", "--org", "OPS", "--field", "Service Desk")
        #expect(text.contains("No single point of failure"), "\(text)")
        #expect(text.contains("S3 Chiba Saburo: level 3 → 4; lacks Leadership: rated 3, needs 4"), "\(text)")
        let all = try cli.ok("coverage", "--org", "OPS")
        #expect(all.contains("Service Desk (V3 2008): 3 assessed") && all.contains("Name a field"), "\(all)")
    }
}
