import Foundation
import ITSSDomain
import ITSSStorage
import Testing

/// `itss profile`: create, import (create and new version), export round trip, show --diff, list, archive, levels,
/// and bad files refused naming the place with nothing written.
@Suite("itss profile (CLI)")
struct ProfileCLITests {
    static let document = """
        {"name": "Small teams", "standard": {"name": "IT Service Management", "version": "V3 2008"},
         "fields": [{"field": "Operation Management",
                     "thresholds": [{"level": 5, "measure": "peak_staff", "minimum": 50, "reason": "smaller teams"}]}]}
        """

    @Test("create, import, export, re-import, show --diff, list, archive")
    func lifecycle() throws {
        let cli = CLIRunner()
        defer { cli.cleanUp() }
        #expect(try cli.ok("profile", "list").contains("No profiles yet"))
        #expect(try cli.ok("profile", "create", "Plain", "--standard", "V3").contains("Created profile #1 \"Plain\""))
        let file = try cli.writeFile("small.json", Data(Self.document.utf8))
        #expect(try cli.ok("profile", "import", file).contains("Created profile #2 \"Small teams\" version 1: 1 change(s)"))
        let exported = try cli.ok("profile", "export", "Small teams")
        let profile = try TailoringJSON.decode(exported)
        #expect(profile.version == 1)
        #expect(profile.fields.first?.thresholds.first?.minimum == .number(50))
        let edited = try cli.writeFile(
            "edited.json", Data(exported.replacingOccurrences(of: "\"minimum\" : 50", with: "\"minimum\" : 40").utf8))
        #expect(
            try cli.ok("profile", "import", edited, "--note", "40 now").contains("Saved profile #2 \"Small teams\" version 2"))
        // The same export again is stale.
        #expect(try cli.fails("profile", "import", edited).contains("was changed by someone else"))
        let show = try cli.ok("profile", "show", "Small teams", "--diff")
        #expect(show.contains("Version 2 of 2"), "\(show)")
        #expect(show.contains("Operation Management: level 5 threshold ≥ 75 staff → ≥ 40 staff (smaller teams)"), "\(show)")
        #expect(show.contains("40 now"))
        #expect(try cli.ok("profile", "show", "Small teams", "--version", "1", "--diff").contains("→ ≥ 50 staff"))
        struct Page: Decodable {
            struct Item: Decodable { var name: String }
            var items: [Item]
            var total: Int
        }
        #expect(try cli.json(Page.self, "profile", "list").items.map(\.name) == ["Plain", "Small teams"])
        #expect(try cli.ok("profile", "archive", "Plain").contains("Archived profile #1"))
        #expect(try cli.json(Page.self, "profile", "list").total == 1)
        #expect(try cli.json(Page.self, "profile", "list", "--all").total == 2)
        #expect(try cli.fails("profile", "export", "Small teams", "--format", "xml").contains("expected json or case"))
    }

    /// A profile with one change of each kind, for the CASE round trip.
    static let fullDocument = """
        {"name": "ACME ITSM", "standard": {"name": "IT Service Management", "version": "V3 2008"},
         "purpose": "ACME's framework",
         "fields": [
           {"field": "Operation", "exclude": {"reason": "outsourced"}},
           {"field": "Operation Management", "display_name": {"name": "Ops Management", "reason": "our title"},
            "items": [{"item": "Facility Management", "exclude": {"reason": "no own data centre"}},
                      {"item": "Technology", "display_name": {"name": "Cloud Technology", "reason": "cloud"},
                       "add_knowledge": [{"text": "FinOps", "reason": "costs"}]}],
            "company_items": [{"name": "Cloud Cost Control", "reason": "not in ITSS", "based_on": "Technology",
                               "levels": [{"level": 3, "text": "Tracks costs"}], "knowledge_items": ["Tagging"]}],
            "thresholds": [{"level": 5, "measure": "peak_staff", "minimum": 50, "reason": "smaller teams"}]}
         ]}
        """

    @Test("export --format case, import it into an empty database, export again: the same bytes; bad packages named")
    func caseRoundTrip() throws {
        let first = CLIRunner()
        let second = CLIRunner()
        defer {
            first.cleanUp()
            second.cleanUp()
        }
        let file = try first.writeFile("acme.json", Data(Self.fullDocument.utf8))
        try first.ok("profile", "import", file)
        let exported = try first.ok("profile", "export", "ACME ITSM", "--format", "case")
        #expect(exported.contains("\"associationType\" : \"ext:isDerivedFrom\""))
        #expect(exported.hasSuffix("}\n"))
        let out = first.dataDirectory.appendingPathComponent("acme.case.json").path
        try first.ok("profile", "export", "ACME ITSM", "--format", "case", "--out", out)
        #expect(try String(contentsOfFile: out, encoding: .utf8) == exported)
        #expect(try second.ok("profile", "import", out).contains("Created profile #1 \"ACME ITSM\" version 1: 7 change(s)"))
        #expect(try second.ok("profile", "export", "ACME ITSM", "--format", "case") == exported)
        #expect(try second.ok("profile", "show", "ACME ITSM", "--diff").contains("Operation: excluded (outsourced)"))
        // The exported version is now stale in the first database once a newer version is saved there.
        try first.ok("profile", "import", out, "--note", "same again")
        #expect(try first.fails("profile", "import", out).contains("was changed by someone else"))
        // A package with a derivation the standard does not have is refused, naming the place; nothing is written.
        let standardDocument = try #require(try Self.firstDerivationDestination(exported))
        let broken = try second.writeFile(
            "broken.case.json",
            Data(exported.replacingOccurrences(of: standardDocument, with: "00000000-0000-5000-8000-000000000000").utf8))
        let error = try second.fails("profile", "import", broken)
        #expect(error.contains(".destinationNodeURI.identifier"), "\(error)")
        #expect(error.contains("no standard of the catalog has the CFDocument"), "\(error)")
        #expect(try second.ok("profile", "show", "ACME ITSM").contains("Versions (newest first, 1 in all)"))
    }

    /// The destination of the first `ext:isDerivedFrom` in an exported package (the base standard's CFDocument).
    static func firstDerivationDestination(_ json: String) throws -> String? {
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        let associations = object?["CFAssociations"] as? [[String: Any]] ?? []
        let first = associations.first { $0["associationType"] as? String == "ext:isDerivedFrom" }
        return (first?["destinationNodeURI"] as? [String: Any])?["identifier"] as? String
    }

    @Test("bad files are refused naming the place; nothing is written")
    func badFiles() throws {
        let cli = CLIRunner()
        defer { cli.cleanUp() }
        try cli.ok("profile", "list")
        let cases: [(String, String)] = [
            (
                Self.document.replacingOccurrences(of: "\"minimum\": 50", with: "\"minimum\": \"fifty\""),
                "fields[0].thresholds[0].minimum: the threshold \"fifty\" is not a number"
            ),
            (
                Self.document.replacingOccurrences(of: "\"Operation Management\"", with: "\"Operation Mgmt\""),
                "fields[0].field: unknown specialty field \"Operation Mgmt\""
            ),
            (
                Self.document.replacingOccurrences(of: "\"reason\": \"smaller teams\"", with: "\"reason\": \"\""),
                "fields[0].thresholds[0].reason: the reason for the threshold is required"
            ),
            ("{\"name\": \"x\"}", "standard: is required"),
        ]
        for (index, (text, message)) in cases.enumerated() {
            let file = try cli.writeFile("bad\(index).json", Data(text.utf8))
            let error = try cli.fails("profile", "import", file)
            #expect(error.contains(message), "\(error)")
        }
        #expect(try cli.fails("profile", "create", "X", "--standard", "V9").contains("--standard: no standard matches"))
        #expect(try cli.ok("profile", "list").contains("No profiles yet"))
    }

    @Test("levels under a profile: the profile's name and version beside the standard's level")
    func levels() throws {
        let cli = CLIRunner()
        defer { cli.cleanUp() }
        try Organisation.create(cli)
        let file = try cli.writeFile("small.json", Data(Self.document.utf8))
        try cli.ok("profile", "import", file)
        let text = try cli.ok("profile", "levels", "Small teams", Organisation.person)
        #expect(text.contains("under profile \"Small teams\" version 1"), "\(text)")
        #expect(text.contains("Standard as published:"), "\(text)")
        #expect(text.contains("Under the profile:"), "\(text)")
    }
}
