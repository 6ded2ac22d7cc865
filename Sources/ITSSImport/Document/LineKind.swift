import ITSSDomain

/// What one trimmed line of a proficiency page is, by the layout of ITSS documents.
enum LineKind: Equatable {
    case blank
    /// Page footers, copyright lines, page numbers and the repeated document title.
    case footer(truncatedTitle: Bool)
    /// "Skill Proficiency/Knowledge Items": the proficiency pages begin.
    case sectionTitle
    /// "Job Category: IT Service Management" or "Job career: Operations".
    case jobCategory(String)
    /// "Specialty Field: Service Desk" starts a field section; a bare "Specialty Field:" is a page header
    /// whose field name follows on the next line.
    case fieldLabel(String)
    /// "Skill Proficiency/Knowledge Items of …" and "Skill Item and Knowledge Items Skill Proficiency".
    case pageTitle
    /// "[Job Category Common Skill Item]", "[Specialty Field Specific Skill Item]" and case variants.
    case scopeLabel(SkillItemScope)
    /// "[Knowledge Items]".
    case knowledgeLabel
    /// "●Service Support".
    case itemHeading(Substring)
    /// "Level 4", possibly followed by text on the same line.
    case levelHeader(level: Int, rest: Substring)
    /// "-Incident Management".
    case knowledgeItem(Substring)
    case text

    /// Classifies a trimmed line.
    static func classify(_ line: Substring) -> LineKind {
        guard let first = line.first else { return .blank }
        switch first {
        case "●":
            return .itemHeading(SourceText.trim(line.dropFirst()))
        case "-":
            return .knowledgeItem(SourceText.trim(line.dropFirst()))
        case "[":
            let lowered = line.lowercased()
            if lowered == "[knowledge items]" { return .knowledgeLabel }
            if lowered.hasSuffix("skill item]") {
                if lowered.contains("common") { return .scopeLabel(.common) }
                if lowered.contains("specific") { return .scopeLabel(.specific) }
            }
            return .text
        case "L":
            if let header = levelHeader(line) { return header }
            return .text
        case "S", "s":
            if line == "Skill Proficiency/Knowledge Items" { return .sectionTitle }
            if line.hasPrefix("Skill Proficiency/Knowledge Items of")
                || line == "Skill Item and Knowledge Items Skill Proficiency"
            {
                return .pageTitle
            }
            if let value = labelValue(line, label: "specialty field:") { return .fieldLabel(value) }
            if line.hasPrefix("Skill Standards for IT Professionals") { return .footer(truncatedTitle: false) }
            if line.hasPrefix("Skill Area and Skill Proficiency") { return .footer(truncatedTitle: false) }
            return .text
        case "J", "j":
            if let value = labelValue(line, label: "job category:") ?? labelValue(line, label: "job career:") {
                return .jobCategory(value)
            }
            return .text
        default:
            if first == "i", line.hasPrefix("ill Area and Skill Proficiency") { return .footer(truncatedTitle: true) }
            if line.utf8.count <= 9, isPageNumber(line) { return .footer(truncatedTitle: false) }
            if containsCopyrightSign(line) { return .footer(truncatedTitle: false) }
            return .text
        }
    }

    /// `Level 4`, `Level 4 Able to …` → the level and the rest; `nil` when the line is ordinary text.
    private static func levelHeader(_ line: Substring) -> LineKind? {
        guard line.hasPrefix("Level ") else { return nil }
        let afterWord = line.dropFirst(6)
        let digits = afterWord.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 3, let level = Int(digits) else { return nil }
        let rest = afterWord.dropFirst(digits.count)
        if let next = rest.first, !SourceText.isSpace(next) { return nil }
        return .levelHeader(level: level, rest: SourceText.trim(rest))
    }

    /// The value after a case-insensitive label such as `Specialty Field:`.
    private static func labelValue(_ line: Substring, label: String) -> String? {
        guard line.count >= label.count, line.prefix(label.count).lowercased() == label else { return nil }
        return String(SourceText.trim(line.dropFirst(label.count)))
    }

    /// Whether the line holds "©" (U+00A9, UTF-8 C2 A9), scanning bytes rather than characters for speed.
    private static func containsCopyrightSign(_ line: Substring) -> Bool {
        var previous: UInt8 = 0
        for byte in line.utf8 {
            if previous == 0xC2, byte == 0xA9 { return true }
            previous = byte
        }
        return false
    }

    /// Page numbers such as `OP-23`.
    private static func isPageNumber(_ line: Substring) -> Bool {
        guard let dash = line.firstIndex(of: "-") else { return false }
        let prefix = line[..<dash]
        let number = line[line.index(after: dash)...]
        return (1...4).contains(prefix.count) && prefix.allSatisfy { $0.isASCII && $0.isUppercase }
            && (1...4).contains(number.count) && number.allSatisfy { $0.isASCII && $0.isNumber }
    }
}
