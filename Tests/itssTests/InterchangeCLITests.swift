import Foundation
import ITSSDomain
import ITSSStorage
import Testing

/// `itss catalog export --format case`, `catalog import PACKAGE.json`, `experience add --installation-sites`,
/// `crosswalk export|carry|link` through the binary.
@Suite("CASE, crosswalk and scale measures (CLI)")
struct InterchangeCLITests {
    static let v2File = "itss-v2-2006-operations.case.json"
    static let v3File = "itss-v3-2008-it-service-management.case.json"

    @Test("CASE round trip: export, import both packages into an empty database, export the same bytes")
    func caseRoundTrip() throws {
        let first = CLIRunner()
        defer { first.cleanUp() }
        let out = first.dataDirectory.appendingPathComponent("case-1").path
        let written = try first.ok("catalog", "export", "--format", "case", "--out", out)
        #expect(written.contains(Self.v3File), "\(written)")
        let again = first.dataDirectory.appendingPathComponent("case-2").path
        try first.ok("catalog", "export", "--format", "case", "--out", again)
        for file in [Self.v2File, Self.v3File] {
            #expect(
                FileManager.default.contents(atPath: out + "/" + file)
                    == FileManager.default.contents(atPath: again + "/" + file), "exporting twice: \(file)")
        }

        let second = CLIRunner()
        defer { second.cleanUp() }
        let imported = try second.ok("catalog", "import", out + "/" + Self.v3File)
        #expect(imported.contains("Imported IT Service Management (ITSS V3 2008) as revision 1."), "\(imported)")
        try second.ok("catalog", "import", out + "/" + Self.v2File)
        #expect(try second.ok("catalog", "import", out + "/" + Self.v2File).contains("nothing changed"))
        let back = second.dataDirectory.appendingPathComponent("case-back").path
        try second.ok("catalog", "export", "--format", "case", "--out", back)
        for file in [Self.v2File, Self.v3File] {
            let original = try #require(FileManager.default.contents(atPath: out + "/" + file))
            #expect(FileManager.default.contents(atPath: back + "/" + file) == original, "round trip: \(file)")
        }
    }

    @Test("a bad package is refused with every problem's place, and nothing is written")
    func badPackage() throws {
        let cli = CLIRunner()
        defer { cli.cleanUp() }
        let out = cli.dataDirectory.appendingPathComponent("case").path
        try cli.ok("catalog", "export", "--format", "case", "--out", out)
        let good = try #require(FileManager.default.contents(atPath: out + "/" + Self.v3File))
        var object = try #require(try JSONSerialization.jsonObject(with: good) as? [String: Any])
        var items = try #require(object["CFItems"] as? [[String: Any]])
        items[12]["identifier"] = items[3]["identifier"]
        items[20].removeValue(forKey: "fullStatement")
        object["CFItems"] = items
        let bad = try cli.writeFile("bad.json", try JSONSerialization.data(withJSONObject: object))

        let fresh = CLIRunner()
        defer { fresh.cleanUp() }
        // The importer reports every problem, one per line, after the file name.
        let result = try fresh.run("catalog", "import", bad)
        #expect(result.status != 0)
        let all = result.standardError
        #expect(all.contains("bad.json: 3 problems:"), "\(all)")  // the duplicate also leaves item 12's associations dangling
        #expect(all.contains("  CFItems[12].identifier: duplicate of CFItems[3]"), "\(all)")
        #expect(all.contains("  CFItems[20].fullStatement: missing"), "\(all)")
        // Nothing half-written: the good package is then imported as the first revision.
        let goodPath = try fresh.writeFile("good.json", good)
        #expect(try fresh.ok("catalog", "import", goodPath).contains("as revision 1"))
        let edition = try cli.run("catalog", "import", bad, "--edition", "V3 2008")
        #expect(edition.status != 0 && edition.standardError.contains("not to CASE packages"), "\(edition.standardError)")
        #expect(try cli.fails("catalog", "export", "--format", "case", "--output", "x.json").contains("--out DIR"))
    }

    @Test("experience takes installation sites and inquiries; the crosswalk exports, carries and links")
    func measuresAndCrosswalk() throws {
        let cli = CLIRunner()
        defer { cli.cleanUp() }
        try Organisation.create(cli)
        try cli.ok(
            "experience", "add", Organisation.v2Person, "--field", "V2:Service desk", "--role", "responsible-person",
            "--from", "2020-04-01", "--to", "2023-03-31", "--staff", "4", "--annual-inquiries", "3,000",
            "--installation-sites", "12")
        let records = try cli.json([ExperienceRecord].self, "experience", "list", Organisation.v2Person)
        #expect(records.first?.measures == [.peakStaff: 4, .annualInquiries: 3_000, .installationSites: 12])
        let listed = try cli.ok("experience", "list", Organisation.v2Person)
        #expect(listed.contains("4 staff, 12 installation sites, 3,000 inquiries/year"), "\(listed)")
        let negative = try cli.fails(
            "experience", "add", Organisation.v2Person, "--field", "V2:Service desk", "--role", "member", "--from",
            "2020-04-01", "--installation-sites", "-1")
        #expect(negative.hasPrefix("--installation-sites: "), "\(negative)")

        let csv = try cli.ok("crosswalk", "export", "--format", "csv")
        #expect(csv.hasPrefix("from_standard,from_version,from_field,from_item,to_standard,"))
        #expect(csv.contains("Operations,V2 2006,Service desk,Leadership,IT Service Management,V3 2008,Service Desk,Leadership,same,"))

        // An approved V2 assessment (bulk import, approved by the evaluator), then carried to V3.
        let items = try FieldItems.of("V2:Service desk", cli).items.map(\.name)
        let file = try cli.csv(
            "ratings.csv",
            ["employee_number,field,cycle,item,self_level,evaluator_level"]
                + items.map { "\(Organisation.v2Person),V2:Service desk,2025H2,\($0),4,4" })
        try cli.ok("import", "assessments", file, "--approved-by", Organisation.evaluator)
        let carried = try cli.ok(
            "crosswalk", "carry", Organisation.v2Person, "--from", "V2:Service desk", "--to", "Service Desk", "--cycle",
            "2026H2", "--as", Organisation.evaluator)
        #expect(carried.contains("Started draft assessment"), "\(carried)")
        #expect(carried.contains("Leadership: 4 — carried from V2 2006 Service desk / Leadership: approved 4"), "\(carried)")
        let level = try cli.ok("level", Organisation.v2Person, "--field", "Service Desk")
        #expect(level.contains("(approved)") && !level.contains("level 4 (approved)"), "\(level)")
        let linked = try cli.ok("crosswalk", "link", String(records.first?.recordID ?? 0), "--to", "Service Desk")
        #expect(linked.contains("linked from #\(records.first?.recordID ?? 0)"), "\(linked)")
        let refused = try cli.fails(
            "crosswalk", "carry", Organisation.v2Person, "--from", "V2:Service desk", "--to", "Operation Management",
            "--cycle", "2027")
        #expect(refused.contains("the crosswalk pairs no item"), "\(refused)")
    }
}
