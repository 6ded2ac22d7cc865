import ITSSDomain

/// Reads the layout of ITSS skill-proficiency documents: the skill-area overview, then per specialty
/// field and skill item the proficiency text per level and the knowledge items.
///
/// The parser only recognises structure and removes extraction noise; it keeps every word of the
/// proficiency pages and never rewrites wording.
struct DocumentParser {
    private let source: SourceText
    private var document: ParsedDocument
    private var field: ParsedDocument.Field?
    private var item: ParsedDocument.Item?
    private var pendingScope: (scope: SkillItemScope, line: Int)?
    private var mode = Mode.idle
    private var awaitingPageFieldName = false
    /// A blank line followed the current level text or knowledge item: its text has ended, and what comes next
    /// must be structure (see `readText`).
    private var blankAfterText = false
    /// The current knowledge item took its one continuation over a blank line; its name ends there.
    private var knowledgeWrappedOverBlank = false
    /// The lines of the fields read so far and of the items of the current field, by name, for duplicates.
    private var fieldLines: [String: Int] = [:]
    private var itemLines: [String: Int] = [:]

    /// The most lines a knowledge item wraps over; the shipped documents' longest has four.
    static let maximumKnowledgeLines = 6

    private enum Mode {
        case idle
        case itemName
        case itemBody
        case levelText
        case knowledge
    }

    /// Parses a whole document.
    /// - Throws: `DocumentError` naming the line and what was expected there.
    static func parse(_ source: SourceText) throws(DocumentError) -> ParsedDocument {
        guard let sectionStart = source.lines.firstIndex(where: { LineKind.classify($0) == .sectionTitle }) else {
            throw missingProficiencyPages(source)
        }
        let overviewLines = 1...sectionStart
        guard let (jobCategory, jobLine) = findJobCategory(source, in: 1...source.count) else {
            throw .unknownLayout(line: 1, found: Excerpt.of(source.lines.first { !$0.isEmpty } ?? ""))
        }
        var parser = DocumentParser(
            source: source,
            document: ParsedDocument(jobCategory: jobCategory, jobCategoryLine: jobLine)
        )
        try parser.readProficiencyPages(from: sectionStart + 1)
        let fieldNames = parser.document.fields.map(\.name)
        parser.document.overview = OverviewParser.entries(source, lines: overviewLines, fieldNames: fieldNames)
        parser.document.notes += OverviewParser.splitHeadings(source, lines: overviewLines)
        return parser.document
    }

    private static func missingProficiencyPages(_ source: SourceText) -> DocumentError {
        if findJobCategory(source, in: 1...source.count) != nil {
            let last = source.lines.lastIndex { !$0.isEmpty } ?? 0
            return .truncated(line: last + 1, expected: "the \"Skill Proficiency/Knowledge Items\" pages")
        }
        let firstLine = source.lines.firstIndex { !$0.isEmpty } ?? 0
        return .unknownLayout(line: firstLine + 1, found: Excerpt.of(source.lines[firstLine]))
    }

    private static func findJobCategory(_ source: SourceText, in lines: ClosedRange<Int>) -> (String, Int)? {
        for number in lines {
            if case let .jobCategory(name) = LineKind.classify(source[number]), !name.isEmpty { return (name, number) }
        }
        return nil
    }

    private mutating func readProficiencyPages(from start: Int) throws(DocumentError) {
        var number = start
        while number <= source.count {
            try read(line: source[number], number: number)
            number += 1
        }
        // A truncated document ends at its last line with text, not at the blank lines after it.
        let lastLine = (source.lines.lastIndex { !$0.isEmpty } ?? 0) + 1
        try finishItem(at: lastLine, endOfDocument: true)
        try finishField(at: lastLine, endOfDocument: true)
        guard !document.fields.isEmpty else {
            throw .truncated(line: lastLine, expected: "a \"Specialty Field:\" section with skill items")
        }
    }

    private mutating func read(line: Substring, number: Int) throws(DocumentError) {
        let kind = LineKind.classify(line)
        switch kind {
        case .blank:
            if mode == .knowledge || (mode == .levelText && item?.levels.last?.lines.isEmpty == false) {
                blankAfterText = true
            }
            return
        case let .footer(truncatedTitle):
            if truncatedTitle {
                document.notes.append(
                    Diagnostic(
                        .info, .headerTypo, line: number,
                        message:
                            "the footer title \"Skill Area and Skill Proficiency\" is cut to \(Excerpt.quoted(line, limit: 30))"))
            }
            return
        case .pageTitle, .jobCategory:
            awaitingPageFieldName = false
            return
        case .sectionTitle:
            awaitingPageFieldName = false
            try finishItem(at: number, endOfDocument: false)
        case let .fieldLabel(value):
            if value.isEmpty {
                awaitingPageFieldName = true
                return
            }
            awaitingPageFieldName = false
            try finishItem(at: number, endOfDocument: false)
            try finishField(at: number, endOfDocument: false)
            try openField(name: value, number: number)
        case let .scopeLabel(scope):
            awaitingPageFieldName = false
            try finishItem(at: number, endOfDocument: false)
            pendingScope = (scope, number)
        case let .itemHeading(name):
            awaitingPageFieldName = false
            try startItem(name: name, number: number)
        case .knowledgeLabel:
            awaitingPageFieldName = false
            guard item != nil else {
                throw .unexpected(line: number, found: Excerpt.of(line), expected: "a \"●\" skill item heading before it")
            }
            if mode == .itemName { mode = .itemBody }
        case let .levelHeader(level, rest):
            awaitingPageFieldName = false
            try startLevel(level, rest: rest, number: number, line: line)
        case .malformedLevelHeader:
            throw .malformedLevelHeader(line: number, found: Excerpt.of(line))
        case let .knowledgeItem(text):
            awaitingPageFieldName = false
            guard item != nil else {
                throw .unexpected(line: number, found: Excerpt.of(line), expected: "a \"●\" skill item heading")
            }
            item?.knowledge.append(.init(line: number, lines: [text]))
            mode = .knowledge
            blankAfterText = false
            knowledgeWrappedOverBlank = false
        case .text:
            try readText(line, number: number)
        }
    }

    private mutating func readText(_ line: Substring, number: Int) throws(DocumentError) {
        if awaitingPageFieldName {
            awaitingPageFieldName = false
            if field != nil {
                field?.pageHeaderNames.append((line, number))
                return
            }
            // A page header before any field section opens the field it names.
            try openField(name: String(line), number: number)
            return
        }
        switch mode {
        case .itemName:
            item?.nameLines.append(line)
        case .levelText:
            guard let index = item?.levels.indices.last else { return }
            // A level text is one paragraph: the documents never continue one after a blank line. Text there
            // is not the level's (appended text, a lost "Level N" header), and gluing it on would hide that.
            // (`last` lives only where it throws: a copy alive during the append would copy the lines each time.)
            if blankAfterText, let last = item?.levels[index] {
                throw .unplaceableText(
                    line: number, found: Excerpt.of(line),
                    context: "the text of \"Level \(last.level)\" of skill item \(Excerpt.quoted(item?.name ?? "")) "
                        + "(line \(last.line)) ended at a blank line")
            }
            item?.levels[index].lines.append(line)
        case .knowledge:
            guard let index = item?.knowledge.indices.last, let lineCount = item?.knowledge[index].lines.count else {
                return
            }
            // A knowledge item wraps over a blank line only right after its first line, and only by the one line
            // that ends its name ("-Organization, analytical, and retrieval" / "" / "of information"). Otherwise the
            // text is not the item's: a level text whose header was lost, or text appended to the document.
            if knowledgeWrappedOverBlank || (blankAfterText && lineCount > 1), let last = item?.knowledge[index] {
                throw .unplaceableText(
                    line: number, found: Excerpt.of(line),
                    context: "knowledge item \(Excerpt.quoted(last.text)) (line \(last.line)) ended at "
                        + (knowledgeWrappedOverBlank ? "the line it continued on after a blank line" : "a blank line"))
            }
            knowledgeWrappedOverBlank = blankAfterText
            if lineCount >= DocumentParser.maximumKnowledgeLines, let last = item?.knowledge[index] {
                throw .unplaceableText(
                    line: number, found: Excerpt.of(line),
                    context: "knowledge item \(Excerpt.quoted(last.text)) (line \(last.line)) already runs over "
                        + "\(DocumentParser.maximumKnowledgeLines) lines")
            }
            item?.knowledge[index].lines.append(line)
        case .itemBody:
            throw .unexpected(line: number, found: Excerpt.of(line), expected: "\"Level N\" or a \"-\" knowledge item")
        case .idle:
            throw .unexpected(line: number, found: Excerpt.of(line), expected: "a \"●\" skill item heading")
        }
        blankAfterText = false
    }

    private mutating func openField(name: String, number: Int) throws(DocumentError) {
        if let firstLine = fieldLines[name] {
            throw .duplicate(line: number, what: "specialty field \(Excerpt.quoted(name))", firstLine: firstLine)
        }
        fieldLines[name] = number
        itemLines = [:]
        field = ParsedDocument.Field(name: name, line: number)
    }

    private mutating func startItem(name: Substring, number: Int) throws(DocumentError) {
        try finishItem(at: number, endOfDocument: false)
        guard field != nil else {
            throw .unexpected(
                line: number, found: Excerpt.of("●\(name)"),
                expected: "a \"Specialty Field:\" heading before the first skill item")
        }
        guard let scope = pendingScope else {
            throw .unexpected(
                line: number, found: Excerpt.of("●\(name)"),
                expected:
                    "\"[Job Category Common Skill Item]\" or \"[Specialty Field Specific Skill Item]\" before the skill item")
        }
        item = ParsedDocument.Item(nameLines: [name], line: number, scope: scope.scope, scopeLine: scope.line)
        pendingScope = nil
        mode = .itemName
        blankAfterText = false
    }

    private mutating func startLevel(_ level: Int, rest: Substring, number: Int, line: Substring) throws(DocumentError) {
        guard item != nil else {
            throw .unexpected(line: number, found: Excerpt.of(line), expected: "a \"●\" skill item heading before its levels")
        }
        guard (1...7).contains(level) else { throw .levelOutOfRange(line: number, level: level) }
        if let earlier = item?.levels.first(where: { $0.level == level }) {
            throw .duplicate(
                line: number, what: "\"Level \(level)\" of skill item \(Excerpt.quoted(item?.name ?? ""))",
                firstLine: earlier.line)
        }
        // The pages list every level from the highest down; a header out of that order is a mistyped or lost
        // one, and reading on would give one level's text to another.
        if let previous = item?.levels.last, level != previous.level - 1 {
            throw .levelOutOfSequence(line: number, level: level, previous: previous.level, previousLine: previous.line)
        }
        var entry = ParsedDocument.Level(level: level, line: number)
        if !rest.isEmpty { entry.lines.append(rest) }
        item?.levels.append(entry)
        mode = .levelText
        blankAfterText = false
        knowledgeWrappedOverBlank = false
    }

    private mutating func finishItem(at number: Int, endOfDocument: Bool) throws(DocumentError) {
        defer {
            mode = .idle
            blankAfterText = false
            knowledgeWrappedOverBlank = false
        }
        guard var finished = item else { return }
        item = nil
        // A level header followed by no text means the item does not define that level.
        finished.levels.removeAll { $0.lines.isEmpty }
        let name = finished.name
        guard !finished.levels.isEmpty else {
            if endOfDocument {
                throw .truncated(
                    line: number, expected: "the level texts of skill item \(Excerpt.quoted(name)) (line \(finished.line))")
            }
            throw .itemWithoutLevels(line: finished.line, item: Excerpt.of(name))
        }
        if let firstLine = itemLines[name] {
            throw .duplicate(
                line: finished.line,
                what: "skill item \(Excerpt.quoted(name)) in field \(Excerpt.quoted(field?.name ?? ""))", firstLine: firstLine)
        }
        itemLines[name] = finished.line
        finished.levels.sort { $0.level < $1.level }
        field?.items.append(finished)
    }

    private mutating func finishField(at number: Int, endOfDocument: Bool) throws(DocumentError) {
        guard let finished = field else { return }
        field = nil
        guard !finished.items.isEmpty else {
            if endOfDocument {
                throw .truncated(
                    line: number,
                    expected: "skill items of specialty field \(Excerpt.quoted(finished.name)) (line \(finished.line))")
            }
            throw .unexpected(
                line: finished.line, found: Excerpt.of("Specialty Field: \(finished.name)"),
                expected: "skill items in the field before the next section")
        }
        document.fields.append(finished)
    }
}
