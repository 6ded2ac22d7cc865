import Foundation
import ITSSDomain
import Testing

@testable import ITSSImport

/// Text the importer cannot account for is refused with its line, never glued onto a level text: lines that
/// look like level headers but are not, levels out of order, paragraphs after a finished level text or
/// knowledge item, over-long lines and documents. Messages quote only a short excerpt of a line.
@Suite
struct UnaccountableTextTests {
    static let server = "Server Operation"
    static let desk = "Desk Support"

    static func error(
        reading rendered: CraftedDocument.Rendered, sourceLocation: SourceLocation = #_sourceLocation
    )
        -> DocumentError?
    {
        BadInputTests.error(reading: rendered.bytes, sourceLocation: sourceLocation)
    }

    /// The line of Hardware Care's "Level 4" header, which has a text under it.
    static func hardwareCareLevel4(_ rendered: CraftedDocument.Rendered) -> Int {
        rendered.line(.level(field: server, item: "Hardware Care", level: 4))
    }

    // MARK: - Lines that look like level headers

    @Test(arguments: [
        "Level -1", "Level −4", "Level +4", "Level 4a", "Level 4:", "Level 4.", "Level 04", "Level four", "Level IV",
        "Level 9999999999999999999999", "Level", "Level4", "Level-4", "LEVEL 4", "level 4", "Leve1 4", "Ievel 4",
        "Lvel 4", "Levle 4", "Levels 4", "LEVEL4", "Level 4Able to carry out",
    ])
    func malformedLevelHeaderIsRefused(header: String) throws {
        let rendered = CraftedDocument.clean().rendered()
        let line = Self.hardwareCareLevel4(rendered)
        let error = Self.error(reading: rendered.replacing(line: line, with: [header + " "]))
        #expect(error == .malformedLevelHeader(line: line, found: header))
        BadInputTests.expectOneLine(error, line: line)
    }

    /// Odd spacing around a well-formed header is the same header.
    @Test(arguments: ["Level  4", "Level\t4", "  Level 4  ", "Level\u{00A0}4", "Level \u{3000}4"])
    func oddSpacingReadsTheSameHeader(header: String) throws {
        let rendered = CraftedDocument.clean().rendered()
        let edited = rendered.replacing(line: Self.hardwareCareLevel4(rendered), with: [header])
        #expect(try edited.imported().standard.fields == (try rendered.imported().standard.fields))
    }

    /// Words that only start like a header stay text: a level text may wrap at "Level of …".
    @Test(arguments: ["Level of service agreed with the customer", "Levelling of the workload", "Levels of service"])
    func textStartingWithTheWordStaysText(line: String) throws {
        let rendered = CraftedDocument.clean().rendered()
        let header = Self.hardwareCareLevel4(rendered)
        // The text's first line is two lines below the header; insert the line after it.
        let edited = rendered.replacing(line: header + 2, with: [rendered.lines[header + 1], line])
        let item = try #require(try edited.imported().standard.field(named: Self.server)?.item(named: "Hardware Care"))
        #expect(item.description(atLevel: 4)?.text.contains(line) == true)
    }

    // MARK: - Level order

    @Test
    func levelGoingUpIsRefused() throws {
        let rendered = CraftedDocument.clean().rendered()
        let level4 = Self.hardwareCareLevel4(rendered)
        let level3 = rendered.line(.level(field: Self.server, item: "Hardware Care", level: 3))
        // 5, 4, 6: back up after level 4.
        let error = Self.error(reading: rendered.replacing(line: level3, with: ["Level 6 "]))
        #expect(error == .levelOutOfSequence(line: level3, level: 6, previous: 4, previousLine: level4))
        BadInputTests.expectOneLine(error, line: level3)
        #expect(error?.errorDescription?.contains("expected \"Level 3\"") == true)
    }

    @Test
    func skippedLevelIsRefused() throws {
        let rendered = CraftedDocument.clean().rendered()
        let level7 = rendered.line(.level(field: Self.server, item: "Planning", level: 7))
        let level6 = rendered.line(.level(field: Self.server, item: "Planning", level: 6))
        let level5 = rendered.line(.level(field: Self.server, item: "Planning", level: 5))
        let error = Self.error(reading: rendered.replacing(line: level6, with: [""]))
        #expect(error == .levelOutOfSequence(line: level5, level: 5, previous: 7, previousLine: level7))
        BadInputTests.expectOneLine(error, line: level5)
    }

    /// A lost header whose level has a text: the text would otherwise be read as the level above's.
    @Test
    func lostHeaderOfALevelWithTextIsRefused() throws {
        let rendered = CraftedDocument.clean().rendered()
        let level5 = rendered.line(.level(field: Self.server, item: "Hardware Care", level: 5))
        let level4 = Self.hardwareCareLevel4(rendered)
        let error = Self.error(reading: rendered.replacing(line: level4, with: [""]))
        #expect(
            error
                == .unplaceableText(
                    line: level4 + 2, found: "Able to carry out hardware care based on advanced specialty, as a leader of",
                    context: "the text of \"Level 5\" of skill item \"Hardware Care\" (line \(level5)) ended at a blank line"))
    }

    @Test
    func levelsListedUpwardsAreRefused() throws {
        let rendered = CraftedDocument.clean().rendered()
        let level5 = rendered.line(.level(field: Self.server, item: "Hardware Care", level: 5))
        let level4 = Self.hardwareCareLevel4(rendered)
        let level3 = rendered.line(.level(field: Self.server, item: "Hardware Care", level: 3))
        let edited = rendered.replacing(line: level5, with: ["Level 3 "]).replacing(line: level3, with: ["Level 5 "])
        #expect(Self.error(reading: edited) == .levelOutOfSequence(line: level4, level: 4, previous: 3, previousLine: level5))
    }

    @Test
    func levelBelowLevel1IsNamedAsSuch() {
        let error = DocumentError.levelOutOfSequence(line: 9, level: 3, previous: 1, previousLine: 7)
        #expect(error.errorDescription?.contains("expected no level below \"Level 1\"") == true)
    }

    @Test
    func repeatedHeaderIsADuplicate() throws {
        let rendered = CraftedDocument.clean().rendered()
        let level4 = Self.hardwareCareLevel4(rendered)
        let error = Self.error(reading: rendered.replacing(line: level4, with: ["Level 4 ", "Level 4 "]))
        #expect(error == .duplicate(line: level4 + 1, what: "\"Level 4\" of skill item \"Hardware Care\"", firstLine: level4))
    }

    // MARK: - Text the layout cannot place

    @Test
    func paragraphAfterAFinishedLevelTextIsRefused() throws {
        let rendered = CraftedDocument.clean().rendered()
        let level4 = Self.hardwareCareLevel4(rendered)
        // Header, blank, two lines of text, blank: a paragraph after that blank belongs to no level.
        #expect(rendered.lines[level4 + 3].isEmpty)
        let edited = rendered.replacing(line: level4 + 4, with: ["", "A paragraph the layout cannot place.", ""])
        let error = Self.error(reading: edited)
        #expect(
            error
                == .unplaceableText(
                    line: level4 + 5, found: "A paragraph the layout cannot place.",
                    context: "the text of \"Level 4\" of skill item \"Hardware Care\" (line \(level4)) ended at a blank line"))
        BadInputTests.expectOneLine(error, line: level4 + 5)
    }

    @Test
    func textAppendedToTheCraftedDocumentIsRefused() throws {
        let rendered = CraftedDocument.clean().rendered()
        let level3 = rendered.line(.level(field: Self.desk, item: "Call Handling", level: 3))
        let appended = CraftedDocument.Rendered(lines: rendered.lines + ["lorem ipsum"], marks: [:])
        let error = Self.error(reading: appended)
        #expect(
            error
                == .unplaceableText(
                    line: appended.lines.count, found: "lorem ipsum",
                    context: "the text of \"Level 3\" of skill item \"Call Handling\" (line \(level3)) ended at a blank line"))
    }

    /// A knowledge item may wrap over a blank line once, right after its first line, as on the real pages.
    @Test
    func knowledgeItemWrapsOverOneBlankLine() throws {
        let rendered = CraftedDocument.clean().rendered()
        let knowledge = rendered.line(.knowledge(field: Self.server, item: "Hardware Care", index: 1))
        let edited = rendered.replacing(line: knowledge, with: ["-Spare Parts of ", "", "widgets "])
        let item = try #require(try edited.imported().standard.field(named: Self.server)?.item(named: "Hardware Care"))
        #expect(item.knowledgeItems == ["Maintenance", "Spare Parts of widgets"])
    }

    @Test
    func knowledgeItemContinuingAfterItsWrapIsRefused() throws {
        let rendered = CraftedDocument.clean().rendered()
        let knowledge = rendered.line(.knowledge(field: Self.server, item: "Hardware Care", index: 1))
        let edited = rendered.replacing(line: knowledge, with: ["-Spare Parts of ", "", "widgets ", "and much more text"])
        #expect(
            Self.error(reading: edited)
                == .unplaceableText(
                    line: knowledge + 3, found: "and much more text",
                    context: "knowledge item \"Spare Parts of widgets\" (line \(knowledge)) ended at the line it "
                        + "continued on after a blank line"))
    }

    @Test
    func paragraphAfterAWrappedKnowledgeItemIsRefused() throws {
        let rendered = CraftedDocument.clean().rendered()
        let knowledge = rendered.line(.knowledge(field: Self.server, item: "Hardware Care", index: 1))
        let edited = rendered.replacing(line: knowledge, with: ["-Spare Parts ", "of widgets", "", "A stray paragraph."])
        #expect(
            Self.error(reading: edited)
                == .unplaceableText(
                    line: knowledge + 3, found: "A stray paragraph.",
                    context: "knowledge item \"Spare Parts of widgets\" (line \(knowledge)) ended at a blank line"))
    }

    @Test
    func knowledgeItemOfManyLinesIsRefused() throws {
        let rendered = CraftedDocument.clean().rendered()
        let knowledge = rendered.line(.knowledge(field: Self.server, item: "Hardware Care", index: 1))
        let lines = ["-Spare Parts"] + (1...6).map { "continued \($0)" }
        let error = Self.error(reading: rendered.replacing(line: knowledge, with: lines))
        #expect(
            error
                == .unplaceableText(
                    line: knowledge + 6, found: "continued 6",
                    context: "knowledge item \"Spare Parts continued 1 continued 2 continued 3 continued 4 continued 5\" "
                        + "(line \(knowledge)) already runs over 6 lines"))
    }

    // MARK: - Text appended to the shipped documents

    /// `cat v3.txt; echo "lorem ipsum"`: the V3 document ends with a level text and blank lines.
    @Test
    func textAppendedToTheV3DocumentIsRefused() throws {
        let text = String(decoding: try ShippedDocuments.bytes(ShippedDocuments.v3), as: UTF8.self)
        let line = text.components(separatedBy: "\n").count
        let error = BadInputTests.error(reading: Array((text + "lorem ipsum\n").utf8), fileName: ShippedDocuments.v3)
        guard case let .unplaceableText(errorLine, found, _) = error else {
            Issue.record("expected unplaceable text, got \(String(describing: error))")
            return
        }
        #expect(errorLine == line)
        #expect(found == "lorem ipsum")
    }

    /// The V2 document ends with a knowledge item and no final line feed: `cat v2.txt; echo "lorem ipsum"` puts
    /// the words on its last line, where they read as the wrapped end of the item (as "of information" does on
    /// the real pages). The overview check reports the item; a paragraph after a blank line is refused.
    @Test
    func textAppendedToTheV2Document() throws {
        let text = String(decoding: try ShippedDocuments.bytes(ShippedDocuments.v2), as: UTF8.self)
        #expect(!text.hasSuffix("\n"))
        let oneLine = try DocumentImporter.read(Array((text + "lorem ipsum\n").utf8), fileName: ShippedDocuments.v2)
        let original = try ShippedDocuments.imported(ShippedDocuments.v2)
        let added = oneLine.diagnostics.filter { !original.diagnostics.contains($0) }
        #expect(added.map(\.code) == [.overviewKnowledgeMismatch], "\(added.map { $0.formatted(file: "v2") })")
        #expect(added.first?.message.contains("lorem ipsum") == true)

        let lastLine = text.components(separatedBy: "\n").count
        let error = BadInputTests.error(
            reading: Array((text + "\n\nlorem ipsum\ndolor sit amet\n").utf8), fileName: ShippedDocuments.v2)
        guard case let .unplaceableText(errorLine, found, _) = error else {
            Issue.record("expected unplaceable text, got \(String(describing: error))")
            return
        }
        #expect(errorLine == lastLine + 3)
        #expect(found == "dolor sit amet")
    }

    /// 50,000 appended lines are refused at the first line that cannot be placed, without reading them into
    /// a text; 50,000 lines that run on a level text with no blank line are imported with a warning. Nothing in
    /// either is quadratic (no timing is asserted; a quadratic step would take minutes here).
    @Test(arguments: ShippedDocuments.fileNames)
    func fiftyThousandAppendedLines(file: String) throws {
        let text = String(decoding: try ShippedDocuments.bytes(file), as: UTF8.self)
        let appended = String(repeating: "lorem ipsum dolor sit amet, consectetur adipiscing elit\n", count: 50_000)
        let error = BadInputTests.error(reading: Array((text + appended).utf8), fileName: file)
        guard case let .unplaceableText(line, _, _) = error else {
            Issue.record("expected unplaceable text, got \(String(describing: error))")
            return
        }
        // The V3 document ends with a level text and blank lines: the first appended line is refused. The V2
        // document ends with a knowledge item on its last line: the appended lines continue it up to its limit.
        let lastLine = text.components(separatedBy: "\n").count
        #expect(line == (file == ShippedDocuments.v3 ? lastLine : lastLine + DocumentParser.maximumKnowledgeLines - 1))
    }

    @Test
    func fiftyThousandLinesRunningOnALevelText() throws {
        let rendered = CraftedDocument.clean().rendered()
        let level3 = rendered.line(.level(field: Self.desk, item: "Call Handling", level: 3))
        // Header, blank, the text's one line: the run-on lines follow it directly.
        let runOn = Array(repeating: "and the calls of the day are logged as a member of desk support", count: 50_000)
        let edited = rendered.replacing(line: level3 + 2, with: [rendered.lines[level3 + 1]] + runOn)
        #expect(edited.bytes.count < DocumentImporter.maximumDocumentBytes)
        let imported = try edited.imported()
        let long = imported.diagnostics.filter { $0.code == .levelTextTooLong }
        #expect(long.map(\.line) == [level3])
        #expect(long.first?.message.count ?? 0 < 300)
        let item = try #require(imported.standard.field(named: Self.desk)?.item(named: "Call Handling"))
        #expect(item.description(atLevel: 3)?.text.utf8.count ?? 0 > 3_000_000)
    }

    // MARK: - Limits

    @Test
    func documentAboveTheSizeLimitIsRefusedBeforeParsing() {
        // Not a document at all: were it parsed, the error would be about its layout or its binary bytes.
        let bytes = [UInt8](repeating: 0, count: DocumentImporter.maximumDocumentBytes + 1)
        let error = BadInputTests.error(reading: bytes)
        #expect(error == .tooLarge(bytes: DocumentImporter.maximumDocumentBytes + 1, limit: 8_388_608))
        BadInputTests.expectOneLine(error, line: 1)
        #expect(error?.errorDescription?.contains("limit of 8388608 bytes (8 MiB)") == true)
    }

    @Test
    func documentAtTheSizeLimitIsParsed() {
        // Lines of 8 KiB, the last one cut so that the document has exactly the limit.
        let line = Array(repeating: UInt8(ascii: "x"), count: 8_191) + [0x0A]
        let bytes = Array(Array(repeating: line, count: 1_024).joined())
        #expect(bytes.count == DocumentImporter.maximumDocumentBytes)
        let error = BadInputTests.error(reading: bytes)
        #expect(error == .unknownLayout(line: 1, found: String(repeating: "x", count: 80) + "…"))
    }

    @Test
    func documentOfTooManyLinesIsRefused() {
        let bytes = [UInt8](repeating: 0x0A, count: SourceText.maximumLines + 1)
        let error = BadInputTests.error(reading: bytes)
        #expect(error == .tooManyLines(line: SourceText.maximumLines + 1, limit: SourceText.maximumLines))
        BadInputTests.expectOneLine(error, line: SourceText.maximumLines + 1)
    }

    @Test
    func fileAboveTheSizeLimitIsRefusedWithItsSize() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("itss-too-large-\(UUID().uuidString).txt")
        defer { try? FileManager.default.removeItem(at: url) }
        let size = DocumentImporter.maximumDocumentBytes + 4_096
        try Data(repeating: 0x20, count: size).write(to: url)
        #expect(throws: DocumentError.tooLarge(bytes: size, limit: DocumentImporter.maximumDocumentBytes)) {
            try DocumentImporter.read(contentsOf: url)
        }
    }

    @Test
    func megabyteLineIsRefusedWithAShortMessage() throws {
        let rendered = CraftedDocument.clean().rendered()
        let level4 = Self.hardwareCareLevel4(rendered)
        let huge = String(repeating: "x", count: 1_048_576)
        let error = Self.error(reading: rendered.replacing(line: level4 + 2, with: [huge]))
        #expect(error == .lineTooLong(line: level4 + 2, bytes: 1_048_576, limit: SourceText.maximumLineBytes))
        BadInputTests.expectOneLine(error, line: level4 + 2)
        #expect((error?.errorDescription?.count ?? 0) < 200)
    }

    @Test
    func lineAtTheLimitIsRead() throws {
        let rendered = CraftedDocument.clean().rendered()
        let level4 = Self.hardwareCareLevel4(rendered)
        let long = String(repeating: "word ", count: SourceText.maximumLineBytes / 5 - 1) + "word"
        #expect(long.utf8.count == SourceText.maximumLineBytes - 1)
        let edited = rendered.replacing(line: level4 + 2, with: [long + " "])
        #expect(throws: Never.self) { try edited.imported() }
    }

    /// Numbers too large for a threshold are no threshold; they used to trap converting to Int64.
    @Test
    func hugeNumbersInALevelTextAreNoThreshold() {
        let condition = ScaleConditionReader.condition(
            of: "Able to lead, as a person responsible for desk support with 99999999999999999999 or more staff or an "
                + "annual contract value of 99999999999999999999 billion yen or more.")
        #expect(condition.role == .responsiblePerson)
        #expect(condition.minimumStaff == nil)
        #expect(condition.thresholds.isEmpty)
    }

    // MARK: - Excerpts

    @Test
    func excerptKeepsShortTextAndCutsLongText() {
        #expect(Excerpt.of("Level 6") == "Level 6")
        #expect(Excerpt.of(String(repeating: "a", count: 80)) == String(repeating: "a", count: 80))
        #expect(Excerpt.of(String(repeating: "a", count: 81)) == String(repeating: "a", count: 80) + "…")
        #expect(Excerpt.of("●●●●", limit: 2) == "●●…")
        #expect(Excerpt.quoted("x") == "\"x\"")
    }

    /// Every message built from a long line quotes only its excerpt.
    @Test(arguments: [
        "Level 4 " + String(repeating: "x", count: 9_000),  // a valid header whose text is long: read, not quoted
        "Level 4a" + String(repeating: "x", count: 9_000),
        "-" + String(repeating: "y", count: 9_000),
        "●" + String(repeating: "z", count: 9_000),
    ])
    func longLinesAreQuotedAsExcerpts(line: String) throws {
        let rendered = CraftedDocument.clean().rendered()
        // Before the first item, where none of these lines can stand.
        let scope = rendered.line(equalTo: "[Job Category Common Skill Item]")
        let edited = rendered.replacing(line: scope - 1, with: [line])
        let error = Self.error(reading: edited)
        let description = error?.errorDescription ?? ""
        #expect(!description.isEmpty)
        #expect(description.count < 400, "\(description.prefix(500))")
        #expect(description.contains("…"))
    }

    @Test
    func unknownLayoutQuotesAnExcerpt() {
        let line = String(repeating: "word ", count: 2_000)
        let error = BadInputTests.error(reading: Array((line + "\nmore text\n").utf8))
        #expect(error == .unknownLayout(line: 1, found: Excerpt.of(line.trimmingCharacters(in: .whitespaces))))
        #expect((error?.errorDescription?.count ?? 0) < 300)
    }
}
