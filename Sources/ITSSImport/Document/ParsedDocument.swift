import ITSSDomain

/// The raw structure read from a document, before scale conditions and consistency checks.
struct ParsedDocument {
    struct Level {
        var level: Int
        var line: Int
        var lines: [Substring] = []
        var text: String { TextJoiner.join(lines) }
    }

    struct KnowledgeItem {
        var line: Int
        var lines: [Substring]
        var text: String { TextJoiner.join(lines) }
    }

    struct Item {
        var nameLines: [Substring]
        var line: Int
        var scope: SkillItemScope
        var scopeLine: Int
        var levels: [Level] = []
        var knowledge: [KnowledgeItem] = []
        var name: String { TextJoiner.join(nameLines) }
    }

    struct Field {
        var name: String
        var line: Int
        var items: [Item] = []
        /// Field names the page headers of this section show, with their lines.
        var pageHeaderNames: [(name: Substring, line: Int)] = []
    }

    var jobCategory: String
    var jobCategoryLine: Int
    var fields: [Field] = []
    var overview: [OverviewEntry] = []
    /// Notes on how the document was read (header typos).
    var notes: [Diagnostic] = []
}

/// Joins wrapped lines into one text with single spaces, keeping every word as written.
enum TextJoiner {
    static func join(_ lines: [Substring]) -> String {
        var result = ""
        result.reserveCapacity(lines.reduce(0) { $0 + $1.utf8.count + 1 })
        for line in lines {
            for word in line.split(whereSeparator: { SourceText.isSpace($0) }) {
                if !result.isEmpty { result.append(" ") }
                result.append(contentsOf: word)
            }
        }
        return result
    }
}
