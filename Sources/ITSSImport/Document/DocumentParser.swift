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
            throw .unknownLayout(line: 1, found: String(source.lines.first { !$0.isEmpty } ?? ""))
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
        return .unknownLayout(line: firstLine + 1, found: String(source.lines[firstLine].prefix(60)))
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
            return
        case let .footer(truncatedTitle):
            if truncatedTitle {
                document.notes.append(
                    Diagnostic(
                        .info, .headerTypo, line: number,
                        message: "the footer title \"Skill Area and Skill Proficiency\" is cut to \"\(line.prefix(30))…\""))
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
            if let earlier = document.fields.first(where: { $0.name == value }) {
                throw .duplicate(line: number, what: "specialty field \"\(value)\"", firstLine: earlier.line)
            }
            field = ParsedDocument.Field(name: value, line: number)
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
                throw .unexpected(line: number, found: String(line), expected: "a \"●\" skill item heading before it")
            }
            if mode == .itemName { mode = .itemBody }
        case let .levelHeader(level, rest):
            awaitingPageFieldName = false
            try startLevel(level, rest: rest, number: number, line: line)
        case let .knowledgeItem(text):
            awaitingPageFieldName = false
            guard item != nil else {
                throw .unexpected(line: number, found: String(line), expected: "a \"●\" skill item heading")
            }
            item?.knowledge.append(.init(line: number, lines: [text]))
            mode = .knowledge
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
            field = ParsedDocument.Field(name: String(line), line: number)
            return
        }
        switch mode {
        case .itemName:
            item?.nameLines.append(line)
        case .levelText:
            if let last = item?.levels.indices.last { item?.levels[last].lines.append(line) }
        case .knowledge:
            if let last = item?.knowledge.indices.last { item?.knowledge[last].lines.append(line) }
        case .itemBody:
            throw .unexpected(line: number, found: String(line.prefix(60)), expected: "\"Level N\" or a \"-\" knowledge item")
        case .idle:
            throw .unexpected(line: number, found: String(line.prefix(60)), expected: "a \"●\" skill item heading")
        }
    }

    private mutating func startItem(name: Substring, number: Int) throws(DocumentError) {
        try finishItem(at: number, endOfDocument: false)
        guard field != nil else {
            throw .unexpected(
                line: number, found: "●\(name)", expected: "a \"Specialty Field:\" heading before the first skill item")
        }
        guard let scope = pendingScope else {
            throw .unexpected(
                line: number, found: "●\(name)",
                expected:
                    "\"[Job Category Common Skill Item]\" or \"[Specialty Field Specific Skill Item]\" before the skill item")
        }
        item = ParsedDocument.Item(nameLines: [name], line: number, scope: scope.scope, scopeLine: scope.line)
        pendingScope = nil
        mode = .itemName
    }

    private mutating func startLevel(_ level: Int, rest: Substring, number: Int, line: Substring) throws(DocumentError) {
        guard item != nil else {
            throw .unexpected(line: number, found: String(line), expected: "a \"●\" skill item heading before its levels")
        }
        guard (1...7).contains(level) else { throw .levelOutOfRange(line: number, level: level) }
        if let earlier = item?.levels.first(where: { $0.level == level }) {
            throw .duplicate(
                line: number, what: "\"Level \(level)\" of skill item \"\(item?.name ?? "")\"", firstLine: earlier.line)
        }
        var entry = ParsedDocument.Level(level: level, line: number)
        if !rest.isEmpty { entry.lines.append(rest) }
        item?.levels.append(entry)
        mode = .levelText
    }

    private mutating func finishItem(at number: Int, endOfDocument: Bool) throws(DocumentError) {
        defer { mode = .idle }
        guard var finished = item else { return }
        item = nil
        // A level header followed by no text means the item does not define that level.
        finished.levels.removeAll { $0.lines.isEmpty }
        guard !finished.levels.isEmpty else {
            if endOfDocument {
                throw .truncated(
                    line: number, expected: "the level texts of skill item \"\(finished.name)\" (line \(finished.line))")
            }
            throw .itemWithoutLevels(line: finished.line, item: finished.name)
        }
        if let earlier = field?.items.first(where: { $0.name == finished.name }) {
            throw .duplicate(
                line: finished.line, what: "skill item \"\(finished.name)\" in field \"\(field?.name ?? "")\"",
                firstLine: earlier.line)
        }
        finished.levels.sort { $0.level < $1.level }
        field?.items.append(finished)
    }

    private mutating func finishField(at number: Int, endOfDocument: Bool) throws(DocumentError) {
        guard let finished = field else { return }
        field = nil
        guard !finished.items.isEmpty else {
            if endOfDocument {
                throw .truncated(
                    line: number, expected: "skill items of specialty field \"\(finished.name)\" (line \(finished.line))")
            }
            throw .unexpected(
                line: finished.line, found: "Specialty Field: \(finished.name)",
                expected: "skill items in the field before the next section")
        }
        document.fields.append(finished)
    }
}
