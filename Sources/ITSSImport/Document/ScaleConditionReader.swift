import ITSSDomain

/// Reads the scale condition of a level text: the role and the staff, contract and other thresholds.
///
/// The patterns are those of the ITSS texts: V3 "as a person responsible for … with 250 or more staff or an
/// annual contract value of 2.5 billion yen or more"; V2 "as a responsible person of … with 10 persons or
/// more during peak periods, or an annual contract value of 100 million yen or more" and the descriptive
/// "less than 10 persons".
enum ScaleConditionReader {
    /// The structured condition of one level text.
    static func condition(of text: String) -> ScaleCondition {
        let words = LevelTextWords(text)
        return ScaleCondition(role: role(in: words).role, thresholds: thresholds(in: words))
    }

    /// The role phrase: the role and the words that name whose member, leader or responsible person it is.
    static func role(in words: LevelTextWords) -> (role: Role?, subject: [String]) {
        for position in 0..<words.count where words.isWord("as", at: position) {
            var cursor = position + 1
            if words.isWord("a", at: cursor) || words.isWord("an", at: cursor) || words.isWord("the", at: cursor) { cursor += 1 }
            // "as a person responsible for …", "as a responsible person of …", "as a leader of …"
            if let (role, length) = roleWords(words, at: cursor) {
                return (role, subject(words, from: cursor + length))
            }
            // "as an operation leader", "as a service desk member"
            for modifierLength in 1...3 {
                guard let (role, _) = roleWords(words, at: cursor + modifierLength) else { continue }
                let modifier = (cursor..<(cursor + modifierLength)).map(words.token)
                if modifier.allSatisfy({ $0.first?.isLetter == true }) { return (role, modifier) }
            }
        }
        return (nil, [])
    }

    private static func roleWords(_ words: LevelTextWords, at position: Int) -> (Role, Int)? {
        if words.isWord("member", at: position) { return (.member, 1) }
        if words.isWord("leader", at: position) { return (.leader, 1) }
        if words.isWord("responsible", at: position), words.isWord("person", at: position + 1) { return (.responsiblePerson, 2) }
        if words.isWord("person", at: position), words.isWord("responsible", at: position + 1) { return (.responsiblePerson, 2) }
        return nil
    }

    private static let subjectStops: Set<String> = ["with", "under", "by", "in", "during", "who", "of", ",", ".", ";", "and"]

    /// The words after "of"/"for" up to the first word that starts the scale or a new clause.
    private static func subject(_ words: LevelTextWords, from position: Int) -> [String] {
        guard words.isWord("of", at: position) || words.isWord("for", at: position) else { return [] }
        var result: [String] = []
        var cursor = position + 1
        while cursor < words.count {
            let token = words.token(cursor)
            if subjectStops.contains(token) { break }
            result.append(token)
            cursor += 1
        }
        return result
    }

    private static let staffMinimums: [[WordPattern]] = [
        [.number, .word("or"), .word("more"), .word("staff")],
        [.number, .word("persons"), .word("or"), .word("more")],
        [.number, .word("or"), .word("more"), .word("persons")],
    ]
    private static let staffBound: [WordPattern] = [.word("less"), .word("than"), .number, .word("persons")]
    private static let contractValueOf: [WordPattern] = [.word("contract"), .word("value"), .word("of")]
    private static let orMore: [WordPattern] = [.word("or"), .word("more")]
    private static let lessThan: [WordPattern] = [.word("less"), .word("than")]
    private static let sitesMinimum: [WordPattern] = [.number, .word("or"), .word("more"), .word("installation"), .word("sites")]
    private static let sitesBound: [WordPattern] = [.word("less"), .word("than"), .number, .word("installation"), .word("sites")]
    private static let inquiriesMinimum: [WordPattern] = [.word("inquiries"), .word("is"), .number, .word("or"), .word("more")]
    private static let inquiriesRange: [WordPattern] = [
        .word("inquiries"), .word("from"), .number, .word("but"), .word("less"), .word("than"), .number,
    ]

    static func thresholds(in words: LevelTextWords) -> [ScaleThreshold] {
        var minimums: [ScaleMeasure: Int64] = [:]
        var bounds: [ScaleMeasure: Int64] = [:]
        for position in 0..<words.count {
            // Staff: "250 or more staff", "10 persons or more", "less than 10 persons".
            if staffMinimums.contains(where: { words.matches($0, at: position) }) {
                minimums[.peakStaff] = integer(words, position)
            }
            if words.matches(staffBound, at: position) {
                bounds[.peakStaff] = integer(words, position + 2)
            }
            // Contract value: "annual contract value of 2.5 billion yen or more" / "of less than 100 million yen".
            if words.matches(contractValueOf, at: position) {
                let start = position + 3
                if let yen = yen(words, at: start), words.matches(orMore, at: start + 3) {
                    minimums[.annualContractYen] = yen
                } else if words.matches(lessThan, at: start), let yen = yen(words, at: start + 2) {
                    bounds[.annualContractYen] = yen
                }
            }
            // V2 network operation: "100 or more installation sites", "less than 100 installation sites".
            if words.matches(sitesMinimum, at: position) {
                minimums[.installationSites] = integer(words, position)
            }
            if words.matches(sitesBound, at: position) {
                bounds[.installationSites] = integer(words, position + 2)
            }
            // V2 service desk: "inquiries is 3000 or more".
            if words.matches(inquiriesMinimum, at: position) {
                minimums[.annualInquiries] = integer(words, position + 2)
            }
            // The V2 level-4 range ("from 1000 but less than 3000") describes the typical scale like its
            // sibling "less than" phrases; it is kept as a descriptive bound, not as a requirement.
            if words.matches(inquiriesRange, at: position) {
                bounds[.annualInquiries] = integer(words, position + 6)
            }
        }
        return ScaleMeasure.allCases.compactMap { measure in
            let minimum = minimums[measure]
            let bound = bounds[measure]
            guard minimum != nil || bound != nil else { return nil }
            return ScaleThreshold(measure: measure, minimum: minimum, upperBound: bound)
        }
    }

    /// `2.5 billion yen` → 2,500,000,000; `750 million yen` → 750,000,000.
    private static func yen(_ words: LevelTextWords, at position: Int) -> Int64? {
        guard words.isWord("yen", at: position + 2), let amount = words.number(at: position) else { return nil }
        let multiplier: Double
        if words.isWord("billion", at: position + 1) {
            multiplier = 1_000_000_000
        } else if words.isWord("million", at: position + 1) {
            multiplier = 1_000_000
        } else {
            return nil
        }
        // `exactly`: a number too large for Int64 ("99999999999999999999 billion yen") is no threshold, not a crash.
        return Int64(exactly: (amount * multiplier).rounded())
    }

    private static func integer(_ words: LevelTextWords, _ position: Int) -> Int64? {
        words.number(at: position).flatMap { Int64(exactly: $0.rounded()) }
    }
}
