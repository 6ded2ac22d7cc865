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
    /// A line that looks like a level header but is not one the layout prints: "Level -1", "Level 6a",
    /// "Level six", "Level" alone, "LEVEL 6", "Leve1 6". Read as text it would merge two levels' texts.
    case malformedLevelHeader
    /// "-Incident Management".
    case knowledgeItem(Substring)
    case text

    /// Classifies a trimmed line.
    static func classify(_ line: Substring) -> LineKind {
        guard let first = line.first else { return .blank }
        // "I" and "l" for OCR-like misspellings ("Ievel 6", "level 6"); lines starting with them are otherwise text
        // or footers, which `levelHeader` leaves alone.
        if first == "L" || first == "l" || first == "I", let header = levelHeader(line) { return header }
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

    /// `Level 4`, `Level 4 Able to …` → the level and the rest; `.malformedLevelHeader` for a line that looks like
    /// a level header but is not a valid one; `nil` when the line is ordinary text ("Level of service …").
    ///
    /// The layout prints the word `Level`, white space and the level's digits. What only resembles that is
    /// refused rather than read as text, because as text it would be glued onto the previous level's text
    /// (`Level -1` made a phantom level 7; `Level 9999999999999999999999` merged level 4 into level 5).
    private static func levelHeader(_ line: Substring) -> LineKind? {
        let word = line.prefix { !SourceText.isSpace($0) }
        let afterWord = SourceText.trim(line.dropFirst(word.count))
        let number = afterWord.prefix { !SourceText.isSpace($0) }
        let rest = SourceText.trim(afterWord.dropFirst(number.count))
        if word == "Level" {
            if let level = levelNumber(number) { return .levelHeader(level: level, rest: rest) }
            // "Level" alone, "Level -1", "Level 6a", "Level 6:", "Level six", "Level 06", "Level 9999999999".
            return number.isEmpty || isNumberLike(number) ? .malformedLevelHeader : nil
        }
        // The number glued to the word: "Level6", "Level-1", "LEVEL6".
        if word.count > 5, word.prefix(5).lowercased() == "level", isNumberLike(word.dropFirst(5)) {
            return .malformedLevelHeader
        }
        // Another spelling of the word with a number, alone on its line as headers are: "LEVEL 6", "level 6",
        // "Leve1 6", "Lvel 6". With more words after it, such a line is text ("levels 3 to 5 …").
        if rest.isEmpty, !number.isEmpty, isNumberLike(number), resemblesLevel(word) { return .malformedLevelHeader }
        return nil
    }

    /// The level of a header's number: decimal digits without a leading zero (`0` itself is read, and refused
    /// as out of range by the parser); `nil` for anything else, including numbers too long to be a level.
    private static func levelNumber(_ token: Substring) -> Int? {
        guard (1...9).contains(token.count), token.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        guard token.count == 1 || token.first != "0" else { return nil }
        return Int(token)
    }

    private static let numberWords: Set<String> = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x",
    ]

    /// Whether a token is meant as a number: digits (signed, with letters or punctuation after them: `-1`, `6a`,
    /// `6:`), letters that look like digits (`l`, `O`), number words and roman numerals (`six`, `VI`).
    private static func isNumberLike(_ token: Substring) -> Bool {
        var body = token
        if let sign = body.first, "+-−–#".contains(sign) { body = body.dropFirst() }
        guard let first = body.first else { return true }
        if first.isASCII, first.isNumber { return true }
        if body.count <= 2, body.allSatisfy({ "lIoO".contains($0) }) { return true }
        let word = body.last?.isPunctuation == true ? body.dropLast() : body
        return numberWords.contains(word.lowercased())
    }

    /// Whether a word is "level" in another case or with one letter wrong, missing, added or swapped, counting
    /// the digits and letters a PDF extraction confuses (`Leve1`, `Ievel`, `L3vel`).
    private static func resemblesLevel(_ word: Substring) -> Bool {
        guard (4...6).contains(word.count) else { return false }
        let normalised = word.lowercased().map { character -> Character in
            switch character {
            case "1", "i", "|": "l"
            case "3": "e"
            default: character
            }
        }
        return editDistanceAtMostOne(normalised, Array("level"))
    }

    /// Whether one substitution, insertion, deletion or swap of neighbours (or none) turns `a` into `b`.
    private static func editDistanceAtMostOne(_ a: [Character], _ b: [Character]) -> Bool {
        if a == b { return true }
        if a.count == b.count {
            let differing = a.indices.filter { a[$0] != b[$0] }
            if differing.count == 1 { return true }
            return differing.count == 2 && differing[1] == differing[0] + 1 && a[differing[0]] == b[differing[1]]
                && a[differing[1]] == b[differing[0]]
        }
        let (short, long) = a.count < b.count ? (a, b) : (b, a)
        guard long.count == short.count + 1 else { return false }
        // The first position where they differ is the extra character; the rest must match.
        let split = short.indices.first { short[$0] != long[$0] } ?? short.count
        return short[split...].elementsEqual(long[(split + 1)...])
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
