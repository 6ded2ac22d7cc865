import Foundation
import ITSSDomain
import Testing

@testable import ITSSImport

/// Every word of every proficiency page ends up in exactly one place of the catalog, and nothing else does.
///
/// The test removes the pages' structural boilerplate with rules of its own (it does not call the parser's
/// `LineKind`), counts the remaining words, and compares them with the words of the imported catalog: field
/// names, item names, knowledge items and level texts. A word the parser drops, duplicates, moves into a
/// text from a page header or footer, or invents shows up as a difference.
@Suite
struct WordAccountingTests {
    @Test(arguments: ShippedDocuments.fileNames)
    func everyWordOfTheProficiencyPagesIsImportedOnce(fileName: String) throws {
        let pageWords = Self.proficiencyPageWords(try ShippedDocuments.lines(fileName))
        let catalogWords = Self.catalogWords(try ShippedDocuments.imported(fileName, errata: .none).standard)
        #expect(pageWords.total > 5_000, "the proficiency pages of \(fileName) were not found")
        #expect(pageWords.total == catalogWords.total)
        let report = Self.differences(pages: pageWords, catalog: catalogWords)
        #expect(report.isEmpty, "words of \(fileName) that are not accounted for:\n\(report)")
    }

    /// The rules below must really remove only boilerplate: a page that states a field name in a header
    /// line keeps it out, a footer never reaches a text, and every "Level N" header is structural.
    @Test
    func theCountingRulesSeeTheCraftedDocumentAsBuilt() throws {
        let document = CraftedDocument.clean()
        let rendered = document.rendered()
        let pageWords = Self.proficiencyPageWords(rendered.lines)
        var expected = WordCount()
        for field in document.fields {
            expected.add(field.name)
            for item in field.items {
                expected.add(item.name)
                item.knowledge.forEach { expected.add($0) }
                item.levels.values.forEach { expected.add($0) }
            }
        }
        #expect(Self.differences(pages: pageWords, catalog: expected).isEmpty)
        #expect(Self.differences(pages: pageWords, catalog: Self.catalogWords(try rendered.imported().standard)).isEmpty)
    }

    /// The test would notice a word that goes missing: drop one knowledge item from the import.
    @Test
    func aMissingWordIsReportedWithItsCount() throws {
        let lines = try ShippedDocuments.lines(ShippedDocuments.v3)
        var standard = try ShippedDocuments.imported(ShippedDocuments.v3).standard
        standard.fields[0].items[0].knowledgeItems.removeLast()  // "Criteria and Standards"
        let report = Self.differences(pages: Self.proficiencyPageWords(lines), catalog: Self.catalogWords(standard))
        #expect(report == "\"Criteria\": pages 4, catalog 3\n\"Standards\": pages 3, catalog 2\n\"and\": pages 338, catalog 337")
    }

    // MARK: - Counting

    struct WordCount {
        var counts: [String: Int] = [:]
        var total: Int { counts.values.reduce(0, +) }

        /// Adds the words of `text`: maximal runs of letters and digits, case-sensitive.
        mutating func add(_ text: some StringProtocol) {
            var word = ""
            for character in text {
                if character.isLetter || character.isNumber {
                    word.append(character)
                } else if !word.isEmpty {
                    counts[word, default: 0] += 1
                    word = ""
                }
            }
            if !word.isEmpty { counts[word, default: 0] += 1 }
        }
    }

    static let sectionTitle = "Skill Proficiency/Knowledge Items"
    static let bracketedLabels: Set<String> = [
        "[job category common skill item]", "[career common skill item]", "[specialty field specific skill item]",
        "[knowledge items]",
    ]
    static let footerTitle = "Skill Area and Skill Proficiency"

    /// The words of the proficiency pages (from the first "Skill Proficiency/Knowledge Items" line to the end)
    /// once the structural lines are removed.
    static func proficiencyPageWords(_ lines: [String]) -> WordCount {
        var words = WordCount()
        let trimmed = lines.map { $0.trimmingCharacters(in: .whitespaces) }
        guard let start = trimmed.firstIndex(of: sectionTitle) else { return words }
        var skipNextNonBlank = false
        for line in trimmed[start...] {
            if line.isEmpty { continue }
            if skipNextNonBlank {
                // The field name under a bare "Specialty Field:" page-header label.
                skipNextNonBlank = false
                continue
            }
            if isBoilerplate(line) { continue }
            let fieldLabel = ["Specialty Field:", "Specialty field:"].first { line.hasPrefix($0) }
            if let fieldLabel {
                let name = line.dropFirst(fieldLabel.count).trimmingCharacters(in: .whitespaces)
                if name.isEmpty { skipNextNonBlank = true } else { words.add(name) }
                continue
            }
            var content = Substring(line)
            if content.first == "●" || content.first == "-" { content = content.dropFirst() }
            words.add(content)
        }
        return words
    }

    static func isBoilerplate(_ line: String) -> Bool {
        if line == sectionTitle || line.hasPrefix("Job Category:") || line.hasPrefix("Job career:") { return true }
        if line.hasPrefix("Skill Proficiency/Knowledge Items of") || line == "Skill Item and Knowledge Items Skill Proficiency" {
            return true
        }
        if bracketedLabels.contains(line.lowercased()) { return true }
        if isLevelHeader(line) { return true }
        // Footers: copyright, the document title (possibly cut at the start), page numbers like "OP-23".
        if line.contains("©") || line.hasPrefix("Skill Standards for IT Professionals") { return true }
        if line.hasPrefix(footerTitle) || line.hasPrefix(footerTitle.dropFirst(2)) { return true }
        return isPageNumber(line)
    }

    /// "Level 5" alone on its line.
    static func isLevelHeader(_ line: String) -> Bool {
        let parts = line.split(separator: " ")
        return parts.count == 2 && parts[0] == "Level" && parts[1].allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// "OP-23", "WS-7": one to four capital letters, a dash, one to four digits.
    static func isPageNumber(_ line: String) -> Bool {
        let parts = line.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return false }
        return (1...4).contains(parts[0].count) && parts[0].allSatisfy { $0.isASCII && $0.isUppercase }
            && (1...4).contains(parts[1].count) && parts[1].allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// The words of the catalog: each field name once, each item name, knowledge item and level text.
    static func catalogWords(_ standard: Standard) -> WordCount {
        var words = WordCount()
        for field in standard.fields {
            words.add(field.name)
            for item in field.items {
                words.add(item.name)
                item.knowledgeItems.forEach { words.add($0) }
                item.levels.forEach { words.add($0.text) }
            }
        }
        return words
    }

    /// One line per word whose counts differ, `"word": pages N, catalog M`; empty when the counts agree.
    static func differences(pages: WordCount, catalog: WordCount) -> String {
        let words = Set(pages.counts.keys).union(catalog.counts.keys).sorted()
        return words.compactMap { word -> String? in
            let onPages = pages.counts[word] ?? 0
            let inCatalog = catalog.counts[word] ?? 0
            return onPages == inCatalog ? nil : "\"\(word)\": pages \(onPages), catalog \(inCatalog)"
        }.joined(separator: "\n")
    }
}
