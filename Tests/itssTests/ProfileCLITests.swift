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
        #expect(try cli.fails("profile", "export", "Small teams", "--format", "case").contains("not available yet"))
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
