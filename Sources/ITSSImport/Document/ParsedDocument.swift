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
        var result: [UInt8] = []
        result.reserveCapacity(lines.reduce(0) { $0 + $1.utf8.count + 1 })
        var pendingSpace = false
        for line in lines {
            pendingSpace = !result.isEmpty
            // Works on bytes: spaces, tabs and carriage returns separate words (lines are already trimmed of
            // other white space at their ends).
            for byte in line.utf8 {
                if byte == 0x20 || byte == 0x09 || byte == 0x0D {
                    pendingSpace = !result.isEmpty
                    continue
                }
                if pendingSpace {
                    result.append(0x20)
                    pendingSpace = false
                }
                result.append(byte)
            }
        }
        return String(decoding: result, as: UTF8.self)
    }
}
