import Foundation
import ITSSDomain
import Testing

@testable import ITSSImport

/// A small ITSS document in the layout of the shipped ones, built in the test so that one thing at a time
/// can be varied: the skill-area overview ("●Item" with comma-separated knowledge items), then per field the
/// "Skill Proficiency/Knowledge Items" pages with page headers, scope labels, "Level N" headers from the
/// highest level down, wrapped texts, "-" knowledge items after the second-lowest level, and page footers.
///
/// `clean()` renders a document that imports without a single diagnostic; tests change it and compare.
struct CraftedDocument {
    struct Item {
        var name: String
        var scope: SkillItemScope
        /// Level → text.
        var levels: [Int: String]
        var knowledge: [String]
        /// Level headers printed with no text under them, as the real pages print "Level 7" for items
        /// that start at level 5.
        var emptyLevels: [Int] = []
    }

    struct Field {
        var name: String
        var items: [Item]
        /// The field name the page headers show; the section's own name unless a test changes it.
        var pageHeaderName: String?
    }

    struct OverviewEntry {
        var name: String
        var knowledge: [String]
    }

    /// Where something was rendered, to look up its line number.
    enum Mark: Hashable {
        case fieldLabel(field: String)
        case pageHeaderName(field: String, item: String)
        case item(field: String, item: String)
        case level(field: String, item: String, level: Int)
        case knowledge(field: String, item: String, index: Int)
        case overviewEntry(name: String)
        case footerTitle
        case sectionTitle
    }

    static let fileName = "itss-v9-2024-crafted.txt"
    static let edition = "V9 2024"

    var jobCategory = "Widget Services"
    var fields: [Field]
    var overview: [OverviewEntry]
    /// The overview's column headings, one line each.
    var overviewHeadings = ["Job Category Skill Item", "All Specialty Field", "Specialty Field Specific Skill Item"]
    /// The footer printed after every page; its first line is the document-title footer.
    var footer = [
        " Skill Area and Skill Proficiency        ©2024 Widget Standards Board.  WIDGET PROMOTION AGENCY",
        "WS-7",
    ]
    /// Other footers for some pages, by 0-based page number (one page per item, in document order).
    var footerOverrides: [Int: [String]] = [:]

    /// The standard's key once imported.
    var key: StandardKey { StandardKey(name: jobCategory, version: Self.edition) }

    // MARK: - The clean document

    /// Two specialty fields; "Planning" is common to both, the others are field specific. Every field
    /// states the same scale per level, the overview lists exactly the pages' items and knowledge items.
    static func clean() -> CraftedDocument {
        let server = "Server Operation"
        let desk = "Desk Support"
        let planningKnowledge = ["Plan Formulation", "Schedule Control of Widget Services Work"]
        return CraftedDocument(
            fields: [
                Field(
                    name: server,
                    items: [
                        item(
                            "Planning", .common, field: server, topic: "planning", knowledge: planningKnowledge,
                            emptyLevels: [7, 6]),
                        item(
                            "Hardware Care", .specific, field: server, topic: "hardware care",
                            knowledge: ["Maintenance", "Spare Parts"]),
                        item(
                            "Backup Handling", .specific, field: server, topic: "backup handling",
                            knowledge: ["Backup Media Rotation and Verification of Restores", "Retention"]),
                    ]),
                Field(
                    name: desk,
                    items: [
                        item(
                            "Planning", .common, field: desk, topic: "planning", knowledge: planningKnowledge,
                            emptyLevels: [7, 6]),
                        item(
                            "Call Handling", .specific, field: desk, topic: "call handling",
                            knowledge: ["Listening", "Ticket Logging"]),
                    ]),
            ],
            overview: [
                OverviewEntry(name: "Planning", knowledge: planningKnowledge),
                OverviewEntry(name: "Hardware Care", knowledge: ["Maintenance", "Spare Parts"]),
                OverviewEntry(
                    name: "Backup Handling", knowledge: ["Backup Media Rotation and Verification of Restores", "Retention"]),
                OverviewEntry(name: "Call Handling", knowledge: ["Listening", "Ticket Logging"]),
            ]
        )
    }

    /// An item with the usual three levels: 5 (responsible person with a scale), 4 (leader), 3 (member).
    static func item(
        _ name: String, _ scope: SkillItemScope, field: String, topic: String, knowledge: [String], emptyLevels: [Int] = []
    ) -> Item {
        let area = field.lowercased()
        return Item(
            name: name, scope: scope,
            levels: [
                5: "Able to lead \(topic) based on guidable and advanced specialty, as a person responsible for \(area) "
                    + "with 75 or more staff or an annual contract value of 750 million yen or more.",
                4: "Able to carry out \(topic) based on advanced specialty, as a leader of \(area).",
                3: "Able to support \(topic) based on specialty, as a member of \(area).",
            ],
            knowledge: knowledge, emptyLevels: emptyLevels)
    }

    // MARK: - Editing

    /// Changes one item of one field (the first with that name).
    func with(field fieldName: String, item itemName: String, _ change: (inout Item) -> Void) -> CraftedDocument {
        var copy = self
        guard let fieldIndex = copy.fields.firstIndex(where: { $0.name == fieldName }),
            let itemIndex = copy.fields[fieldIndex].items.firstIndex(where: { $0.name == itemName })
        else {
            Issue.record("the crafted document has no item \(fieldName) / \(itemName)")
            return copy
        }
        change(&copy.fields[fieldIndex].items[itemIndex])
        return copy
    }

    /// Changes one field.
    func with(field fieldName: String, _ change: (inout Field) -> Void) -> CraftedDocument {
        var copy = self
        guard let fieldIndex = copy.fields.firstIndex(where: { $0.name == fieldName }) else {
            Issue.record("the crafted document has no field \(fieldName)")
            return copy
        }
        change(&copy.fields[fieldIndex])
        return copy
    }

    /// Changes anything else.
    func with(_ change: (inout CraftedDocument) -> Void) -> CraftedDocument {
        var copy = self
        change(&copy)
        return copy
    }

    // MARK: - Rendering

    /// The rendered text with the line of everything a test may point at.
    struct Rendered {
        var lines: [String]
        var marks: [Mark: [Int]]

        var text: String { lines.joined(separator: "\n") + "\n" }
        var bytes: [UInt8] { Array(text.utf8) }

        /// The 1-based line of the `occurrence`-th (0-based) rendering of `mark`.
        func line(_ mark: Mark, occurrence: Int = 0, sourceLocation: SourceLocation = #_sourceLocation) -> Int {
            guard let numbers = marks[mark], occurrence < numbers.count else {
                Issue.record("the crafted document has no \(mark) #\(occurrence)", sourceLocation: sourceLocation)
                return -1
            }
            return numbers[occurrence]
        }

        /// The 1-based line of the `occurrence`-th (0-based) line equal to `text` after trimming spaces.
        func line(equalTo text: String, occurrence: Int = 0, sourceLocation: SourceLocation = #_sourceLocation) -> Int {
            let numbers = lines.indices.filter { lines[$0].trimmingCharacters(in: .whitespaces) == text }.map { $0 + 1 }
            guard occurrence < numbers.count else {
                Issue.record("the crafted document has no line \"\(text)\" #\(occurrence)", sourceLocation: sourceLocation)
                return -1
            }
            return numbers[occurrence]
        }

        /// Replaces the line with this 1-based number (marks are dropped: look lines up again by text).
        func replacing(line number: Int, with replacement: [String]) -> Rendered {
            replacing(lines: number...number, with: replacement)
        }

        /// Replaces the lines with these 1-based numbers (marks are dropped: look lines up again by text).
        func replacing(lines numbers: ClosedRange<Int>, with replacement: [String]) -> Rendered {
            var copy = self
            copy.lines.replaceSubrange((numbers.lowerBound - 1)...(numbers.upperBound - 1), with: replacement)
            copy.marks = [:]
            return copy
        }

        /// Only the lines up to and including `number`.
        func truncated(after number: Int) -> Rendered {
            Rendered(lines: Array(lines.prefix(number)), marks: [:])
        }

        /// Imports the text under the crafted file name.
        func imported(errata: Errata = .none) throws(DocumentError) -> ImportedDocument {
            try DocumentImporter.read(bytes, fileName: CraftedDocument.fileName, errata: errata)
        }
    }

    func rendered() -> Rendered {
        var lines: [String] = []
        var marks: [Mark: [Int]] = [:]
        func emit(_ line: String, _ mark: Mark? = nil) {
            lines.append(line)
            if let mark { marks[mark, default: []].append(lines.count) }
        }

        // The skill-area overview, a two-column table flattened by the extraction.
        emit(" Skill Area ")
        emit("Job Category: \(jobCategory) ")
        emit(" Skill Area of \(jobCategory) ")
        emit(" Specialty Field Skill Item ")
        emit("")
        for heading in overviewHeadings {
            emit(heading)
            emit("")
        }
        for field in fields {
            emit("\(field.name) ")
            emit(" ")
        }
        for entry in overview {
            emit("●\(entry.name) ", .overviewEntry(name: entry.name))
            for line in Self.wrap(entry.knowledge.joined(separator: ", "), width: 48) { emit(line + " ") }
            emit("")
        }

        // The proficiency pages: one page per item.
        var page = 0
        for field in fields {
            emit(" Skill Proficiency/Knowledge Items ", .sectionTitle)
            emit("Job Category: \(jobCategory) ")
            emit("")
            emit("Specialty Field: \(field.name) ", .fieldLabel(field: field.name))
            for item in field.items {
                emit(" Specialty Field: ")
                emit("\(field.pageHeaderName ?? field.name) ", .pageHeaderName(field: field.name, item: item.name))
                emit("")
                emit(" Skill Proficiency/Knowledge Items of \(jobCategory) ")
                emit("")
                emit("Skill Item and Knowledge Items Skill Proficiency ")
                emit("")
                emit(item.scope == .common ? "[Job Category Common Skill Item] " : "[Specialty Field Specific Skill Item] ")
                emit("●\(item.name) ", .item(field: field.name, item: item.name))
                emit("[Knowledge Items] ")
                emit("")
                let textLevels = item.levels.keys.sorted(by: >)
                let allLevels = Set(textLevels).union(item.emptyLevels).sorted(by: >)
                // The knowledge items stand after the text of the second-lowest level, as on the real pages.
                let knowledgeAfter = textLevels.count >= 2 ? textLevels[textLevels.count - 2] : textLevels.last
                for level in allLevels {
                    emit("Level \(level) ", .level(field: field.name, item: item.name, level: level))
                    emit("")
                    if let text = item.levels[level] {
                        for line in Self.wrap(text, width: 78) { emit(line + " ") }
                        emit("")
                    } else {
                        emit(" ")
                        emit("")
                    }
                    if level == knowledgeAfter {
                        for (index, knowledge) in item.knowledge.enumerated() {
                            let wrapped = Self.wrap(knowledge, width: 34)
                            emit("-\(wrapped[0]) ", .knowledge(field: field.name, item: item.name, index: index))
                            for continuation in wrapped.dropFirst() {
                                emit("")
                                emit(continuation + " ")
                            }
                        }
                        emit("")
                        emit(" ")
                        emit("")
                    }
                }
                let pageFooter = footerOverrides[page] ?? footer
                for (index, line) in pageFooter.enumerated() { emit(line, index == 0 ? .footerTitle : nil) }
                emit("")
                page += 1
            }
        }
        return Rendered(lines: lines, marks: marks)
    }

    /// Splits text at spaces into lines of at most `width` characters (longer words stand alone).
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            if current.isEmpty {
                current = String(word)
            } else if current.count + 1 + word.count <= width {
                current += " " + word
            } else {
                lines.append(current)
                current = String(word)
            }
        }
        if !current.isEmpty || lines.isEmpty { lines.append(current) }
        return lines
    }
}
