import Foundation
import ITSSDomain
import Testing

@testable import ITSSImport

/// Input the importer cannot read is refused with the exact `DocumentError`: the line it points at and what
/// was expected there, in one line of text. Nothing crashes.
@Suite
struct BadInputTests {
    static let server = "Server Operation"
    static let desk = "Desk Support"

    /// Reads `bytes` and returns the error, recording an issue when the import succeeds.
    static func error(
        reading bytes: [UInt8], fileName: String = CraftedDocument.fileName, sourceLocation: SourceLocation = #_sourceLocation
    ) -> DocumentError? {
        do throws(DocumentError) {
            _ = try DocumentImporter.read(bytes, fileName: fileName)
        } catch {
            return error
        }
        Issue.record("the import succeeded", sourceLocation: sourceLocation)
        return nil
    }

    static func error(
        reading rendered: CraftedDocument.Rendered, sourceLocation: SourceLocation = #_sourceLocation
    ) -> DocumentError? {
        error(reading: rendered.bytes, sourceLocation: sourceLocation)
    }

    /// The error names its line and what was expected, in one line.
    static func expectOneLine(_ error: DocumentError?, line: Int, sourceLocation: SourceLocation = #_sourceLocation) {
        guard let error else { return }
        #expect(error.line == line, sourceLocation: sourceLocation)
        let description = error.errorDescription ?? ""
        #expect(!description.contains("\n"), sourceLocation: sourceLocation)
        #expect(description.hasPrefix("line \(line):"), "\(description)", sourceLocation: sourceLocation)
        #expect(description.contains("expected"), "\(description)", sourceLocation: sourceLocation)
        #expect(error.localizedDescription == description, sourceLocation: sourceLocation)
    }

    // MARK: - Not a text document

    @Test
    func emptyFile() {
        let error = Self.error(reading: [])
        #expect(error == .empty)
        Self.expectOneLine(error, line: 1)
    }

    @Test(arguments: [" ", "\n\n\n", " \t \r\n \u{00A0}\n\u{3000}\n", "\u{FEFF}\n  \n"])
    func whitespaceOnlyFile(text: String) {
        let error = Self.error(reading: Array(text.utf8))
        #expect(error == .empty)
        Self.expectOneLine(error, line: 1)
    }

    @Test
    func nulByte() throws {
        let rendered = CraftedDocument.clean().rendered()
        // A NUL byte at the start of line 3.
        let offset = rendered.lines[0].utf8.count + 1 + rendered.lines[1].utf8.count + 1
        var bytes = rendered.bytes
        bytes.insert(0x00, at: offset)
        let error = Self.error(reading: bytes)
        #expect(error == .binary(line: 3, offset: offset))
        Self.expectOneLine(error, line: 3)
    }

    @Test(
        arguments: [
            [0xFF],  // never valid in UTF-8
            [0x80],  // a continuation byte without a lead byte
            [0xE2, 0x97],  // "●" cut after two of its three bytes
            [0xC3, 0x28],  // a lead byte followed by ASCII
            [0xC0, 0xAF],  // an overlong encoding of "/"
            [0xE0, 0x80, 0xAF],  // another overlong encoding of "/"
            [0xED, 0xA0, 0x80],  // an encoded UTF-16 surrogate (U+D800)
            [0xF4, 0x90, 0x80, 0x80],  // above U+10FFFF
        ] as [[UInt8]])
    func invalidUTF8(sequence: [UInt8]) {
        let prefix = Array("Job Category: Widget Services\n●".utf8)
        let error = Self.error(reading: prefix + sequence + Array(" rest of the line\n".utf8))
        #expect(error == .binary(line: 2, offset: prefix.count))
        Self.expectOneLine(error, line: 2)
    }

    @Test
    func controlCharacters() {
        // Escape (0x1B) is not text; tab, carriage return and form feed are.
        #expect(Self.error(reading: Array("Job Category: X\n\u{1B}[0m\n".utf8)) == .binary(line: 2, offset: 16))
        let rendered = CraftedDocument.clean().rendered()
        let withFormFeeds = rendered.lines.map { $0.isEmpty ? "\u{0C}" : "\t" + $0 }.joined(separator: "\n")
        #expect(throws: Never.self) { try DocumentImporter.read(Array(withFormFeeds.utf8), fileName: CraftedDocument.fileName) }
    }

    /// Random bytes and random cuts of a real document are refused or read, never a crash.
    @Test
    func arbitraryBytesNeverCrash() throws {
        var generator = SplitMix64(seed: 0x1755)
        let real = try ShippedDocuments.bytes(ShippedDocuments.v2)
        for round in 0..<80 {
            var bytes: [UInt8]
            switch round % 4 {
            case 0: bytes = (0..<Int(generator.next() % 400)).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            case 1: bytes = Array(real.prefix(Int(generator.next() % UInt64(real.count))))
            case 2:
                bytes = real
                let position = Int(generator.next() % UInt64(bytes.count))
                bytes.removeSubrange(position..<min(bytes.count, position + Int(generator.next() % 2_000)))
            default:
                // Shuffled lines of the real document.
                var lines = real.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
                for index in lines.indices.reversed() where index > 0 {
                    lines.swapAt(index, Int(generator.next() % UInt64(index + 1)))
                }
                bytes = Array(lines.joined(separator: [0x0A]))
            }
            do throws(DocumentError) {
                _ = try DocumentImporter.read(bytes, fileName: ShippedDocuments.v2)
            } catch {
                let description = error.errorDescription ?? ""
                #expect(!description.contains("\n"))
                #expect(description.contains("line \(error.line)"))
            }
        }
    }

    // MARK: - Not an ITSS document

    @Test
    func readmeOfAnotherProject() {
        let readme = "\n# widget-tool\n\nA command-line tool for widgets.\n\n## Install\n\n    swift build\n"
        let error = Self.error(reading: Array(readme.utf8))
        #expect(error == .unknownLayout(line: 2, found: "# widget-tool"))
        Self.expectOneLine(error, line: 2)
    }

    @Test
    func longFirstLineIsShortenedInTheMessage() {
        let line = String(repeating: "word ", count: 40)
        let error = Self.error(reading: Array((line + "\nmore text\n").utf8))
        #expect(error == .unknownLayout(line: 1, found: Excerpt.of(line.trimmingCharacters(in: .whitespaces))))
        #expect(error?.errorDescription?.contains("…") == true)
    }

    // MARK: - Truncated documents

    @Test
    func cutInTheOverview() throws {
        let rendered = CraftedDocument.clean().rendered()
        let cut = rendered.truncated(after: rendered.line(.overviewEntry(name: "Backup Handling")) + 1)
        let error = Self.error(reading: cut)
        // The last line of the cut document is the entry's knowledge line.
        #expect(error == .truncated(line: cut.lines.count, expected: "the \"Skill Proficiency/Knowledge Items\" pages"))
        Self.expectOneLine(error, line: cut.lines.count)
    }

    @Test
    func cutInTheOverviewWithTrailingBlankLines() throws {
        let rendered = CraftedDocument.clean().rendered()
        let entry = rendered.line(.overviewEntry(name: "Hardware Care"))
        let cut = rendered.truncated(after: entry + 1).lines + ["", " ", ""]
        let error = Self.error(reading: Array(cut.joined(separator: "\n").utf8))
        // The document ends at its last line with text.
        #expect(error == .truncated(line: entry + 1, expected: "the \"Skill Proficiency/Knowledge Items\" pages"))
    }

    @Test
    func cutInsideAnItemBeforeAnyLevelText() throws {
        let rendered = CraftedDocument.clean().rendered()
        // Cut after the "Level 5" header of the last item: the item has no level text yet.
        let header = rendered.line(.level(field: Self.desk, item: "Call Handling", level: 5))
        let cut = rendered.truncated(after: header + 1)
        let error = Self.error(reading: cut)
        let itemLine = rendered.line(.item(field: Self.desk, item: "Call Handling"))
        #expect(error == .truncated(line: header, expected: "the level texts of skill item \"Call Handling\" (line \(itemLine))"))
        Self.expectOneLine(error, line: header)
    }

    @Test
    func cutRightAfterAFieldHeading() throws {
        let rendered = CraftedDocument.clean().rendered()
        let label = rendered.line(.fieldLabel(field: Self.desk))
        let error = Self.error(reading: rendered.truncated(after: label))
        #expect(error == .truncated(line: label, expected: "skill items of specialty field \"Desk Support\" (line \(label))"))
        Self.expectOneLine(error, line: label)
    }

    @Test
    func cutRightAfterTheProficiencyHeading() throws {
        let rendered = CraftedDocument.clean().rendered()
        let heading = rendered.line(.sectionTitle)
        let error = Self.error(reading: rendered.truncated(after: heading + 1))
        #expect(error == .truncated(line: heading + 1, expected: "a \"Specialty Field:\" section with skill items"))
        Self.expectOneLine(error, line: heading + 1)
    }

    /// A cut inside a level text is a shorter text, not an error: the importer cannot tell, and keeps it.
    @Test
    func cutInsideALevelTextKeepsWhatIsThere() throws {
        let rendered = CraftedDocument.clean().rendered()
        let header = rendered.line(.level(field: Self.desk, item: "Call Handling", level: 3))
        let standard = try rendered.truncated(after: header + 2).imported().standard
        let item = try #require(standard.field(named: Self.desk)?.item(named: "Call Handling"))
        #expect(item.definedLevels == [3, 4, 5])
    }

    // MARK: - Layout errors

    @Test(arguments: [8, 0, 10, 999])
    func levelOutOfRange(level: Int) throws {
        let rendered = CraftedDocument.clean().rendered()
        let header = rendered.line(.level(field: Self.server, item: "Hardware Care", level: 4))
        let error = Self.error(reading: rendered.replacing(line: header, with: ["Level \(level) "]))
        #expect(error == .levelOutOfRange(line: header, level: level))
        Self.expectOneLine(error, line: header)
    }

    @Test
    func itemWithoutLevelTexts() throws {
        let document = CraftedDocument.clean().with(field: Self.server, item: "Hardware Care") {
            $0.levels = [:]
            $0.emptyLevels = [7, 6, 5, 4, 3]
        }
        let rendered = document.rendered()
        let error = Self.error(reading: rendered)
        let itemLine = rendered.line(.item(field: Self.server, item: "Hardware Care"))
        #expect(error == .itemWithoutLevels(line: itemLine, item: "Hardware Care"))
        Self.expectOneLine(error, line: itemLine)
    }

    @Test
    func textBeforeAnyItem() throws {
        let rendered = CraftedDocument.clean().rendered()
        let scope = rendered.line(equalTo: "[Job Category Common Skill Item]")
        let edited = rendered.replacing(line: scope, with: ["[Job Category Common Skill Item] ", "Stray words of a broken page"])
        let error = Self.error(reading: edited)
        #expect(
            error == .unexpected(line: scope + 1, found: "Stray words of a broken page", expected: "a \"●\" skill item heading"))
        Self.expectOneLine(error, line: scope + 1)
    }

    @Test
    func knowledgeItemBeforeAnyItem() throws {
        let rendered = CraftedDocument.clean().rendered()
        let scope = rendered.line(equalTo: "[Job Category Common Skill Item]")
        let error = Self.error(
            reading: rendered.replacing(line: scope, with: ["[Job Category Common Skill Item] ", "-Orphan Knowledge"]))
        #expect(error == .unexpected(line: scope + 1, found: "-Orphan Knowledge", expected: "a \"●\" skill item heading"))
        Self.expectOneLine(error, line: scope + 1)
    }

    @Test
    func levelBeforeAnyItem() throws {
        let rendered = CraftedDocument.clean().rendered()
        let scope = rendered.line(equalTo: "[Job Category Common Skill Item]")
        let error = Self.error(reading: rendered.replacing(line: scope, with: ["[Job Category Common Skill Item] ", "Level 5"]))
        #expect(error == .unexpected(line: scope + 1, found: "Level 5", expected: "a \"●\" skill item heading before its levels"))
        Self.expectOneLine(error, line: scope + 1)
    }

    @Test
    func textBetweenAnItemAndItsFirstLevel() throws {
        let rendered = CraftedDocument.clean().rendered()
        let item = rendered.line(.item(field: Self.server, item: "Hardware Care"))
        // "[Knowledge Items]" follows the heading; text after it is neither a level nor a knowledge item.
        let edited = rendered.replacing(line: item + 1, with: ["[Knowledge Items] ", "Stray words"])
        let error = Self.error(reading: edited)
        #expect(error == .unexpected(line: item + 2, found: "Stray words", expected: "\"Level N\" or a \"-\" knowledge item"))
        Self.expectOneLine(error, line: item + 2)
    }

    @Test
    func itemBeforeAnySpecialtyField() throws {
        let rendered = CraftedDocument.clean().rendered()
        let label = rendered.line(.fieldLabel(field: Self.server))
        // Drop the section heading and the first page's header ("Specialty Field:" and the field name).
        let edited = rendered.replacing(lines: label...(label + 2), with: [])
        let item = edited.line(equalTo: "●Planning", occurrence: 1)
        let error = Self.error(reading: edited)
        #expect(
            error
                == .unexpected(
                    line: item, found: "●Planning", expected: "a \"Specialty Field:\" heading before the first skill item"))
        Self.expectOneLine(error, line: item)
    }

    @Test
    func itemWithoutScopeLabel() throws {
        let rendered = CraftedDocument.clean().rendered()
        let item = rendered.line(.item(field: Self.server, item: "Hardware Care"))
        let error = Self.error(reading: rendered.replacing(line: item - 1, with: [""]))
        #expect(
            error
                == .unexpected(
                    line: item, found: "●Hardware Care",
                    expected:
                        "\"[Job Category Common Skill Item]\" or \"[Specialty Field Specific Skill Item]\" before the skill item")
        )
        Self.expectOneLine(error, line: item)
    }

    @Test
    func duplicateItemInOneField() throws {
        let document = CraftedDocument.clean().with(field: Self.server) { $0.items.insert($0.items[1], at: 2) }
        let rendered = document.rendered()
        let first = rendered.line(.item(field: Self.server, item: "Hardware Care"))
        let second = rendered.line(.item(field: Self.server, item: "Hardware Care"), occurrence: 1)
        let error = Self.error(reading: rendered)
        #expect(
            error
                == .duplicate(line: second, what: "skill item \"Hardware Care\" in field \"Server Operation\"", firstLine: first))
        Self.expectOneLine(error, line: second)
    }

    @Test
    func sameItemInTwoFieldsIsNotADuplicate() throws {
        let standard = try CraftedDocument.clean().rendered().imported().standard
        #expect(standard.fields.allSatisfy { $0.item(named: "Planning") != nil })
    }

    @Test
    func duplicateLevel() throws {
        let rendered = CraftedDocument.clean().rendered()
        let level4 = rendered.line(.level(field: Self.server, item: "Hardware Care", level: 4))
        let level3 = rendered.line(.level(field: Self.server, item: "Hardware Care", level: 3))
        let error = Self.error(reading: rendered.replacing(line: level3, with: ["Level 4 "]))
        #expect(error == .duplicate(line: level3, what: "\"Level 4\" of skill item \"Hardware Care\"", firstLine: level4))
        Self.expectOneLine(error, line: level3)
    }

    @Test
    func duplicateField() throws {
        let document = CraftedDocument.clean().with { $0.fields[1].name = $0.fields[0].name }
        let rendered = document.rendered()
        let first = rendered.line(.fieldLabel(field: Self.server))
        let second = rendered.line(.fieldLabel(field: Self.server), occurrence: 1)
        let error = Self.error(reading: rendered)
        #expect(error == .duplicate(line: second, what: "specialty field \"Server Operation\"", firstLine: first))
        Self.expectOneLine(error, line: second)
    }

    @Test
    func fieldWithoutItems() throws {
        let document = CraftedDocument.clean().with(field: Self.server) { $0.items = [] }
        let rendered = document.rendered()
        let label = rendered.line(.fieldLabel(field: Self.server))
        let error = Self.error(reading: rendered)
        #expect(
            error
                == .unexpected(
                    line: label, found: "Specialty Field: Server Operation",
                    expected: "skill items in the field before the next section"))
        Self.expectOneLine(error, line: label)
    }

    // MARK: - Edition

    @Test
    func unknownEditionNamesTheFile() {
        var document = CraftedDocument.clean()
        document.footer = ["WS-7"]
        let error = Self.error(reading: document.rendered().bytes, fileName: "widgets.txt")
        #expect(error == .unknownEdition(fileName: "widgets.txt"))
        #expect(error?.line == 0)
        #expect(error?.errorDescription?.hasPrefix("widgets.txt: ") == true)
        #expect(error?.errorDescription?.contains("--edition") == true)
    }
}

/// A small deterministic generator, so that the random inputs are the same on every run.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
