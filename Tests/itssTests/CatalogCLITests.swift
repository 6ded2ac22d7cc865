import Foundation
import Testing

@Suite("itss catalog (CLI)")
struct CatalogCLITests {
    static let standards = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/ITSSImport/Resources/standards")

    @Test("list loads both built-in standards on first use")
    func list() throws {
        let cli = CLIRunner()
        defer { cli.cleanUp() }
        let result = try cli.run("catalog", "list")
        #expect(result.status == 0)
        #expect(result.standardError.contains("loading the built-in ITSS standards"))
        for field in [
            "Operation Management", "System Management", "Operation", "Service Desk", "System operation", "Network operation",
            "Service desk", "Common to Level 1, 2",
        ] {
            #expect(result.standardOutput.contains(field), "missing \(field)")
        }
        #expect(result.standardOutput.contains("3–7"))
        let again = try cli.run("catalog", "list", "--json")
        #expect(again.status == 0)
        #expect(!again.standardError.contains("loading"))
        let fields = try JSONSerialization.jsonObject(with: Data(again.standardOutput.utf8)) as? [[String: Any]]
        #expect(fields?.count == 8)
        #expect(fields?.first { $0["field"] as? String == "Service desk" }?["levels"] as? [Int] == [1, 2, 3, 4, 5])
    }

    @Test("show resolves exact names, V2 names, prefixes and qualifiers")
    func showResolvesFields() throws {
        let cli = CLIRunner()
        defer { cli.cleanUp() }
        let v3 = try cli.run("catalog", "show", "Service Desk")
        #expect(v3.status == 0)
        #expect(v3.standardOutput.hasPrefix("Service Desk — IT Service Management, ITSS V3 2008"))
        #expect(v3.standardOutput.contains("Customer Support Skills"))
        let v2 = try cli.run("catalog", "show", "Service desk")
        #expect(v2.standardOutput.hasPrefix("Service desk — Operations, ITSS V2 2006"))
        // V2 fields show levels 1–2 supplied by "Common to Level 1, 2" as ○.
        #expect(v2.standardOutput.contains("○"))
        let prefix = try cli.run("catalog", "show", "netw")
        #expect(prefix.standardOutput.hasPrefix("Network operation — Operations"))
        let qualified = try cli.run("catalog", "show", "V3:service desk")
        #expect(qualified.standardOutput.hasPrefix("Service Desk — IT Service Management"))
        let ambiguous = try cli.run("catalog", "show", "Service")
        #expect(ambiguous.status != 0)
        #expect(ambiguous.standardError.contains("matches several fields"))
        #expect(ambiguous.standardError.split(separator: "\n").count == 1)
        let unknown = try cli.run("catalog", "show", "Servise Desk")
        #expect(unknown.status != 0)
        #expect(unknown.standardError.contains("did you mean"))
    }

    @Test("show --item --level prints the full proficiency text")
    func showLevelText() throws {
        let cli = CLIRunner()
        defer { cli.cleanUp() }
        let result = try cli.run("catalog", "show", "Service Desk", "--item", "Service Support", "--level", "4")
        #expect(result.status == 0)
        let unwrapped = result.standardOutput.replacingOccurrences(of: "\n", with: " ")
        #expect(
            unwrapped.contains(
                "Able to carry out incident management based on advanced of specialty related to incident management process, as a leader of service desk."
            ))
        #expect(result.standardOutput.contains("Scale condition: leader"))
        let undefined = try cli.run("catalog", "show", "Service Desk", "--item", "Service Support", "--level", "6")
        #expect(undefined.status != 0)
        #expect(undefined.standardError.contains("defines levels 3, 4"))
        let erratum = try cli.run("catalog", "show", "Operation Management", "--item", "Leadership", "--level", "5")
        #expect(erratum.standardOutput.contains("750 million yen"))
        #expect(erratum.standardOutput.contains("Erratum E1"))
        #expect(erratum.standardOutput.contains("7.5 billion yen"))
    }

    @Test("search ranks item names and knowledge items before level texts")
    func search() throws {
        let cli = CLIRunner()
        defer { cli.cleanUp() }
        let result = try cli.run("catalog", "search", "incident", "--json")
        #expect(result.status == 0)
        let hits = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [[String: Any]]
        #expect((hits?.count ?? 0) > 3)
        #expect(hits?.first?["kind"] as? String != "levelText")
        let none = try cli.run("catalog", "search", "zzyzx")
        #expect(none.status == 0)
        #expect(none.standardOutput.contains("No matches"))
    }

    @Test("export writes JSON and CSV")
    func export() throws {
        let cli = CLIRunner()
        defer { cli.cleanUp() }
        let json = try cli.run("catalog", "export", "--format", "json")
        #expect(json.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any]
        #expect(object?["format"] as? String == "itss-catalog")
        let csv = try cli.run("catalog", "export", "--format", "csv")
        #expect(csv.status == 0)
        #expect(csv.standardOutput.hasPrefix("standard,"))
        // One row per level text (V3: 196, V2: 100) plus the header.
        #expect(csv.standardOutput.split(separator: "\n").count == 297)
    }

    @Test("import: the same document is a no-op, another text needs --replace")
    func importDocument() throws {
        let cli = CLIRunner()
        defer { cli.cleanUp() }
        let v2 = Self.standards.appendingPathComponent("itss-v2-2006-operations.txt")
        let same = try cli.run("catalog", "import", v2.path)
        #expect(same.status == 0)
        #expect(same.standardOutput.contains("nothing changed"))
        let text = try String(contentsOf: v2, encoding: .utf8)
            .replacingOccurrences(of: "Able to collect the required information", with: "Able to gather the required information")
        let changed = try cli.writeFile("itss-v2-2006-operations.txt", Data(text.utf8))
        let refused = try cli.run("catalog", "import", changed)
        #expect(refused.status != 0)
        #expect(refused.standardError.contains("--replace"))
        let replaced = try cli.run("catalog", "import", changed, "--replace")
        #expect(replaced.status == 0)
        #expect(replaced.standardOutput.contains("Replaced Operations (ITSS V2 2006): now revision 2"))
        let shown = try cli.run("catalog", "show", "System operation", "--item", "Negotiation", "--level", "3")
        #expect(shown.standardOutput.contains("Able to gather the required information"))
    }

    @Test("import of another job category adds a standard")
    func importAnotherCategory() throws {
        let cli = CLIRunner()
        defer { cli.cleanUp() }
        let v2 = try String(contentsOf: Self.standards.appendingPathComponent("itss-v2-2006-operations.txt"), encoding: .utf8)
            .replacingOccurrences(of: "Job career: Operations", with: "Job career: Operations Lab")
        let file = try cli.writeFile("lab.txt", Data(v2.utf8))
        let imported = try cli.run("catalog", "import", file, "--edition", "V2 2026")
        #expect(imported.status == 0)
        #expect(imported.standardOutput.contains("Imported Operations Lab (ITSS V2 2026) as revision 1."))
        let list = try cli.run("catalog", "list")
        #expect(list.standardOutput.contains("job category: Operations Lab"))
    }

    @Test("bad documents: one-line error with the line, non-zero exit, nothing written")
    func badDocuments() throws {
        let cli = CLIRunner()
        defer { cli.cleanUp() }
        _ = try cli.run("catalog", "list")
        let before = try cli.run("catalog", "export", "--format", "json").standardOutput
        let cases: [(String, Data, String)] = [
            ("empty.txt", Data(), "line 1"),
            ("binary.txt", Data([0x4A, 0x6F, 0x62, 0x0A, 0x00, 0x01, 0xFF]), "line 2"),
            ("readme.txt", Data("# Hello\n\nThis is not ITSS.\n".utf8), "line 1"),
            (
                "level8.txt",
                Data(
                    try String(contentsOf: Self.standards.appendingPathComponent("itss-v2-2006-operations.txt"), encoding: .utf8)
                        .replacingOccurrences(of: "Level 5 ", with: "Level 8 ").utf8), "Level 8"
            ),
        ]
        for (name, bytes, expected) in cases {
            let path = try cli.writeFile(name, bytes)
            for command in ["import", "lint"] {
                let result = try cli.run("catalog", command, path, "--edition", "V9 2099")
                #expect(result.status != 0, "\(command) \(name)")
                #expect(result.standardError.contains(expected), "\(command) \(name): \(result.standardError)")
                #expect(result.standardError.contains("expected"), "\(command) \(name): \(result.standardError)")
                // Progress notes may precede it; the error itself is one line.
                let errorLines = result.standardError.split(separator: "\n").filter { $0.hasPrefix("Error:") }
                #expect(errorLines.count == 1, "\(result.standardError)")
                #expect(errorLines.first?.contains(expected) == true, "\(result.standardError)")
            }
        }
        #expect(try cli.run("catalog", "export", "--format", "json").standardOutput == before)
        let missing = try cli.run("catalog", "lint", "/nonexistent/file.txt")
        #expect(missing.status != 0)
        #expect(missing.standardError.contains("cannot read"))
    }

    @Test("lint prints diagnostics with lines; --strict fails on warnings")
    func lint() throws {
        let cli = CLIRunner()
        defer { cli.cleanUp() }
        let v3 = Self.standards.appendingPathComponent("itss-v3-2008-it-service-management.txt").path
        let result = try cli.run("catalog", "lint", v3, "--severity", "warning")
        #expect(result.status == 0)
        #expect(
            result.standardOutput.contains(":585: warning[scale-condition-outlier] Operation Management / Leadership / level 5"))
        #expect(!result.standardOutput.contains("info["))
        let strict = try cli.run("catalog", "lint", v3, "--strict")
        #expect(strict.status == 1)
        // lint writes nothing: no database file is created.
        #expect(!FileManager.default.fileExists(atPath: cli.dataDirectory.appendingPathComponent("itss.sqlite").path))
    }

    @Test("migrate reports the applied migrations")
    func migrate() throws {
        let cli = CLIRunner()
        defer { cli.cleanUp() }
        let result = try cli.run("migrate")
        #expect(result.status == 0)
        #expect(result.standardError.contains("M001_CreateCatalog, M002_CreateAuditLog"))
    }
}
