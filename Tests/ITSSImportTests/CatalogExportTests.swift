import Foundation
import ITSSDomain
import ITSSImport
import Testing

@Suite
struct CatalogExportTests {
    // MARK: Fixtures

    /// A crafted catalog with an erratum, a shared-level section and CSV-hostile characters.
    static let crafted: Catalog = {
        let key = StandardKey(name: "Operations", version: "V2 2006")
        let corrected = LevelDescription(
            level: 5, text: "as a leader with 75 or more staff",
            scale: ScaleCondition(
                role: .leader, thresholds: [ScaleThreshold(measure: .peakStaff, minimum: 75, upperBound: nil)]),
            line: 12,
            erratum: AppliedErratum(id: "E9", reason: "says \"75\", not 750", originalText: "as a leader with 750 or more staff"))
        let plain = LevelDescription(
            level: 2, text: "as a member, with less than 10 persons\nand \"quotes\"",
            scale: ScaleCondition(
                role: .member, thresholds: [ScaleThreshold(measure: .peakStaff, minimum: nil, upperBound: 10)]),
            line: 11)
        let items = [
            SkillItem(
                name: "Leadership, \"people\"", scope: .common, levels: [corrected, plain],
                knowledgeItems: ["Coaching", "Mental Health"], line: 10),
            SkillItem(name: "Nothing to say", scope: .specific, levels: [], knowledgeItems: [], line: 20),
        ]
        return Catalog(standards: [
            Standard(
                key: key,
                fields: [
                    SpecialtyField(name: "Service Desk", kind: .specialty, items: items, line: 9),
                    SpecialtyField(name: "Common to Level 1, 2", kind: .sharedLevels, items: [], line: 30),
                ],
                overview: [OverviewEntry(name: "Leadership", knowledgeItems: ["Coaching"], line: 3)],
                source: SourceInfo(fileName: "crafted.txt", sha256: "00ff", lineCount: 40)
            )
        ])
    }()

    static func levelCount(_ catalog: Catalog) -> Int {
        catalog.standards.flatMap(\.fields).flatMap(\.items).map(\.levels.count).reduce(0, +)
    }

    /// A minimal RFC 4180 reader: quoted fields with doubled quotes, commas and line breaks inside quotes.
    /// Returns `nil` on malformed input (a quote inside an unquoted field, an unterminated quote).
    static func parseCSV(_ text: String) -> [[String]]? {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var quoted = false
        var fieldStarted = false
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            index += 1
            if quoted {
                if scalar == "\"" {
                    if index < scalars.count, scalars[index] == "\"" {
                        field.unicodeScalars.append("\"")
                        index += 1
                    } else {
                        quoted = false
                    }
                } else {
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"":
                guard !fieldStarted else { return nil }
                quoted = true
                fieldStarted = true
            case ",":
                record.append(field)
                field = ""
                fieldStarted = false
            case "\n":
                record.append(field)
                records.append(record)
                record = []
                field = ""
                fieldStarted = false
            default:
                field.unicodeScalars.append(scalar)
                fieldStarted = true
            }
        }
        guard !quoted else { return nil }
        // Every record, the last included, ends with "\n": nothing may be left over.
        guard record.isEmpty, field.isEmpty, !fieldStarted else { return nil }
        return records
    }

    static func jsonObject(_ data: Data) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    // MARK: JSON

    @Test("the JSON of the built-in catalog decodes back to the same standards, fields, items and levels")
    func jsonRoundTrip() throws {
        let (catalog, diagnostics) = try GeneratedArtefactTests.builtIn()
        let data = try CatalogExport.json(catalog, diagnostics: diagnostics)
        let decoded = try JSONDecoder().decode(ExportedCatalog.self, from: data)
        #expect(decoded == CatalogExport.document(catalog, diagnostics: diagnostics))
        #expect(decoded.format == "itss-catalog")
        #expect(decoded.formatVersion == 1)
        #expect(decoded.standards.map(\.name) == catalog.standards.map(\.key.name))
        #expect(decoded.standards.map(\.version) == catalog.standards.map(\.key.version))
        for (exported, standard) in zip(decoded.standards, catalog.standards) {
            #expect(exported.fields.map(\.name) == standard.fields.map(\.name))
            #expect(exported.fields.map(\.items.count) == standard.fields.map(\.items.count))
            #expect(
                exported.fields.flatMap(\.items).map(\.levels.count)
                    == standard.fields.flatMap(\.items).map(\.levels.count))
            #expect(exported.overview.count == standard.overview.count)
            #expect(exported.diagnostics?.count == diagnostics[standard.key]?.count)
            #expect(exported.source.sha256 == standard.source.sha256)
        }
        // The shipped errata show up with the source wording.
        let corrected = decoded.standards.flatMap(\.fields).flatMap(\.items).flatMap(\.levels).filter { $0.erratum != nil }
        #expect(corrected.map(\.erratum?.id).sorted { ($0 ?? "") < ($1 ?? "") } == ["E1", "E2"])
        #expect(corrected.allSatisfy { $0.sourceText?.contains("7.5 billion yen") == true })
        #expect(corrected.allSatisfy { $0.text.contains("750 million yen") })
    }

    @Test("the JSON export is byte-identical across runs")
    func jsonDeterministic() throws {
        let first = try GeneratedArtefactTests.builtIn()
        let second = try GeneratedArtefactTests.builtIn()
        let a = try CatalogExport.json(first.catalog, diagnostics: first.diagnostics)
        let b = try CatalogExport.json(second.catalog, diagnostics: second.diagnostics)
        #expect(a == b)
        #expect(a.last == UInt8(ascii: "\n"))
        // The top-level keys come first and in a fixed order thanks to sorted keys.
        let head = String(decoding: a.prefix(60), as: UTF8.self)
        #expect(head.hasPrefix("{\n  \"format\" : \"itss-catalog\",\n  \"formatVersion\" : 1,\n"))
    }

    @Test("JSON keys are the documented ones; optional keys appear only when they apply")
    func jsonKeys() throws {
        let json = try Self.jsonObject(CatalogExport.json(Self.crafted))
        #expect(Set(json.keys) == ["format", "formatVersion", "standards"])
        let standard = try #require((json["standards"] as? [[String: Any]])?.first)
        // No diagnostics were given: the key is absent, not an empty list.
        #expect(Set(standard.keys) == ["name", "version", "source", "overview", "fields"])
        #expect(Set((standard["source"] as? [String: Any] ?? [:]).keys) == ["fileName", "sha256", "lineCount"])
        let fields = try #require(standard["fields"] as? [[String: Any]])
        #expect(fields.map { $0["kind"] as? String } == ["specialty", "shared_levels"])
        #expect(Set(fields[0].keys) == ["name", "kind", "line", "definedLevels", "scaleConditions", "items"])
        #expect(fields[0]["definedLevels"] as? [Int] == [2, 5])
        let condition = try #require((fields[0]["scaleConditions"] as? [[String: Any]])?.first)
        #expect(Set(condition.keys) == ["level", "scale", "agreeingItems", "totalItems"])
        let item = try #require((fields[0]["items"] as? [[String: Any]])?.first)
        #expect(Set(item.keys) == ["name", "scope", "line", "knowledgeItems", "levels"])
        #expect(item["scope"] as? String == "common")
        let levels = try #require(item["levels"] as? [[String: Any]])
        #expect(Set(levels[0].keys) == ["level", "text", "line", "scale"])
        #expect(Set(levels[1].keys) == ["level", "text", "sourceText", "erratum", "line", "scale"])
        #expect(Set((levels[1]["erratum"] as? [String: Any] ?? [:]).keys) == ["id", "reason"])
        let scale = try #require(levels[1]["scale"] as? [String: Any])
        #expect(scale["role"] as? String == "leader")
        let threshold = try #require((scale["thresholds"] as? [[String: Any]])?.first)
        #expect(threshold["measure"] as? String == "peak_staff")
        #expect(threshold["minimum"] as? Int == 75)
        #expect(threshold["upperBound"] == nil)
    }

    @Test("diagnostics are attached per standard when given, as an empty list when there are none")
    func jsonDiagnostics() throws {
        let key = try #require(Self.crafted.standards.first?.key)
        let finding = Diagnostic(.warning, .duplicateLevelText, line: 12, field: "Service Desk", level: 5, message: "same text")
        let stray = StandardKey(name: "Elsewhere", version: "V1")
        let decoded = try JSONDecoder().decode(
            ExportedCatalog.self,
            from: CatalogExport.json(Self.crafted, diagnostics: [key: [finding], stray: [finding]]))
        let diagnostic = try #require(decoded.standards.first?.diagnostics?.first)
        #expect(diagnostic.severity == .warning)
        #expect(diagnostic.code == "duplicate-level-text")
        #expect(diagnostic.field == "Service Desk")
        #expect(diagnostic.item == nil)
        #expect(diagnostic.level == 5)
        #expect(decoded.standards.count == 1)
        let empty = try JSONDecoder().decode(ExportedCatalog.self, from: CatalogExport.json(Self.crafted, diagnostics: [key: []]))
        #expect(empty.standards.first?.diagnostics == [])
    }

    // MARK: CSV

    @Test("the CSV of the built-in catalog has a header and one row per level text, all of the same width")
    func csvShape() throws {
        let catalog = try BuiltInStandards.catalog()
        let csv = CatalogExport.csv(catalog)
        #expect(!csv.contains("\r"))
        #expect(csv.hasSuffix("\n"))
        let records = try #require(Self.parseCSV(csv))
        #expect(records.count == Self.levelCount(catalog) + 1)
        #expect(records.first == CatalogExport.csvColumns)
        #expect(records.allSatisfy { $0.count == CatalogExport.csvColumns.count })
        // The erratum rows carry both wordings.
        let column = Dictionary(uniqueKeysWithValues: CatalogExport.csvColumns.enumerated().map { ($1, $0) })
        let erratumID = try #require(column["erratum_id"])
        let sourceText = try #require(column["source_text"])
        let corrected = records.dropFirst().filter { !$0[erratumID].isEmpty }
        #expect(corrected.map { $0[erratumID] }.sorted() == ["E1", "E2"])
        #expect(corrected.allSatisfy { $0[sourceText].contains("7.5 billion yen") })
    }

    @Test("CSV fields with commas, quotes and line breaks survive RFC 4180 parsing")
    func csvQuoting() throws {
        let records = try #require(Self.parseCSV(CatalogExport.csv(Self.crafted)))
        #expect(records.count == Self.levelCount(Self.crafted) + 1)
        let header = CatalogExport.csvColumns
        let rows = records.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
        #expect(rows.map { $0["level"] } == ["2", "5"])
        #expect(rows[0]["item"] == "Leadership, \"people\"")
        #expect(rows[0]["text"] == "as a member, with less than 10 persons\nand \"quotes\"")
        #expect(rows[0]["role"] == "member")
        #expect(rows[0]["staff_upper_bound"] == "10")
        #expect(rows[0]["min_staff"] == "")
        #expect(rows[0]["source_text"] == "")
        #expect(rows[0]["knowledge_items"] == "Coaching | Mental Health")
        #expect(rows[0]["field_kind"] == "specialty")
        #expect(rows[0]["scope"] == "common")
        #expect(rows[0]["line"] == "11")
        #expect(rows[1]["min_staff"] == "75")
        #expect(rows[1]["role"] == "leader")
        #expect(rows[1]["erratum_id"] == "E9")
        #expect(rows[1]["erratum_reason"] == "says \"75\", not 750")
        #expect(rows[1]["source_text"] == "as a leader with 750 or more staff")
    }

    @Test("the test's CSV reader rejects malformed input")
    func csvReaderSelfCheck() {
        #expect(Self.parseCSV("a,\"b\"\"c\",d\n") == [["a", "b\"c", "d"]])
        #expect(Self.parseCSV("a,b\"c\n") == nil)
        #expect(Self.parseCSV("a,\"b\n") == nil)
        #expect(Self.parseCSV("a,b") == nil)
    }
}
