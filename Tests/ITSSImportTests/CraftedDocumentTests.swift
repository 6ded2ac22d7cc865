import Foundation
import ITSSDomain
import Testing

@testable import ITSSImport

/// The crafted document the diagnostic and bad-input tests vary: it must import exactly as built, with
/// no diagnostic, so that any finding in a variant comes from the variation alone.
@Suite
struct CraftedDocumentTests {
    @Test
    func cleanDocumentImportsWithoutDiagnostics() throws {
        let imported = try CraftedDocument.clean().rendered().imported()
        #expect(imported.diagnostics.isEmpty, "\(imported.diagnostics.map { $0.formatted(file: "crafted") })")
    }

    @Test
    func cleanDocumentImportsAsBuilt() throws {
        let document = CraftedDocument.clean()
        let rendered = document.rendered()
        let standard = try rendered.imported().standard
        #expect(standard.key == document.key)
        #expect(standard.source.fileName == CraftedDocument.fileName)
        #expect(standard.source.sha256 == SHA256.hex(rendered.bytes))
        #expect(standard.fields.map(\.name) == document.fields.map(\.name))
        for (field, built) in zip(standard.fields, document.fields) {
            #expect(field.kind == .specialty)
            #expect(field.line == rendered.line(.fieldLabel(field: built.name)))
            #expect(field.items.map(\.name) == built.items.map(\.name))
            for (item, builtItem) in zip(field.items, built.items) {
                #expect(item.scope == builtItem.scope)
                #expect(item.line == rendered.line(.item(field: built.name, item: builtItem.name)))
                #expect(item.knowledgeItems == builtItem.knowledge)
                // Level headers with no text do not define the level.
                #expect(item.definedLevels == builtItem.levels.keys.sorted())
                for description in item.levels {
                    #expect(description.text == builtItem.levels[description.level])
                    #expect(description.erratum == nil)
                    #expect(
                        description.line
                            == rendered.line(.level(field: built.name, item: builtItem.name, level: description.level)))
                }
            }
        }
        #expect(standard.overview.map(\.name) == document.overview.map(\.name))
        #expect(standard.overview.map(\.knowledgeItems) == document.overview.map(\.knowledge))
        for entry in standard.overview {
            #expect(entry.line == rendered.line(.overviewEntry(name: entry.name)))
        }
    }

    @Test
    func cleanDocumentStatesOneScalePerLevel() throws {
        let standard = try CraftedDocument.clean().rendered().imported().standard
        for field in standard.fields {
            #expect(field.scaleConditions.map(\.level) == [3, 4, 5])
            #expect(field.scaleConditions.allSatisfy { $0.agreeingItems == $0.totalItems })
            #expect(field.scaleCondition(atLevel: 3) == ScaleCondition(role: .member))
            #expect(field.scaleCondition(atLevel: 4) == ScaleCondition(role: .leader))
            #expect(
                field.scaleCondition(atLevel: 5)
                    == ScaleCondition(
                        role: .responsiblePerson,
                        thresholds: [
                            ScaleThreshold(measure: .peakStaff, minimum: 75),
                            ScaleThreshold(measure: .annualContractYen, minimum: 750_000_000),
                        ]))
        }
    }

    /// Windows line endings and a byte-order mark are still the same document.
    @Test
    func lineEndingsAndByteOrderMarkDoNotChangeTheImport() throws {
        let rendered = CraftedDocument.clean().rendered()
        let plain = try rendered.imported()
        let crlf = try DocumentImporter.read(
            Array(rendered.lines.joined(separator: "\r\n").appending("\r\n").utf8), fileName: CraftedDocument.fileName)
        let bom = try DocumentImporter.read([0xEF, 0xBB, 0xBF] + rendered.bytes, fileName: CraftedDocument.fileName)
        for other in [crlf, bom] {
            #expect(other.standard.fields == plain.standard.fields)
            #expect(other.standard.overview == plain.standard.overview)
            #expect(other.diagnostics == plain.diagnostics)
            #expect(other.standard.source.lineCount == plain.standard.source.lineCount)
        }
    }

    /// A level text may start on the line of its header ("Level 4 Able to …").
    @Test
    func levelTextOnTheHeaderLine() throws {
        let rendered = CraftedDocument.clean().rendered()
        let header = rendered.line(.level(field: "Desk Support", item: "Call Handling", level: 4))
        // The header is followed by a blank line and the text's two lines; move the first words up to the header.
        #expect(rendered.lines[header + 1].hasPrefix("Able to carry out call handling"))
        let edited = rendered.replacing(
            lines: header...(header + 3),
            with: ["Level 4 Able to carry out", "call handling based on advanced specialty, as a leader of", "desk support."])
        let standard = try edited.imported().standard
        let item = try #require(standard.field(named: "Desk Support")?.item(named: "Call Handling"))
        let description = try #require(item.description(atLevel: 4))
        #expect(description.text == "Able to carry out call handling based on advanced specialty, as a leader of desk support.")
        #expect(description.line == header)
    }
}
