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
    static func role(in words: LevelTextWords) -> (role: Role?, subject: [Substring]) {
        let tokens = words.tokens
        for position in tokens.indices where tokens[position] == "as" {
            var cursor = position + 1
            if cursor < tokens.count, ["a", "an", "the"].contains(tokens[cursor]) { cursor += 1 }
            // "as a person responsible for …", "as a responsible person of …", "as a leader of …"
            if let (role, length) = roleWords(tokens, at: cursor) {
                return (role, subject(tokens, from: cursor + length))
            }
            // "as an operation leader", "as a service desk member"
            for modifierLength in 1...3 {
                if let (role, _) = roleWords(tokens, at: cursor + modifierLength),
                    tokens[cursor..<(cursor + modifierLength)].allSatisfy({ $0.first?.isLetter == true })
                {
                    return (role, Array(tokens[cursor..<(cursor + modifierLength)]))
                }
            }
        }
        return (nil, [])
    }

    private static func roleWords(_ tokens: [Substring], at position: Int) -> (Role, Int)? {
        guard position < tokens.count else { return nil }
        switch tokens[position] {
        case "member": return (.member, 1)
        case "leader": return (.leader, 1)
        case "responsible" where position + 1 < tokens.count && tokens[position + 1] == "person":
            return (.responsiblePerson, 2)
        case "person" where position + 1 < tokens.count && tokens[position + 1] == "responsible":
            return (.responsiblePerson, 2)
        default: return nil
        }
    }

    /// The words after "of"/"for" up to the first word that starts the scale or a new clause.
    private static func subject(_ tokens: [Substring], from position: Int) -> [Substring] {
        guard position < tokens.count, ["of", "for"].contains(tokens[position]) else { return [] }
        let stops: Set<Substring> = ["with", "under", "by", "in", "during", "who", "of", ",", ".", ";", "and"]
        var result: [Substring] = []
        var cursor = position + 1
        while cursor < tokens.count, !stops.contains(tokens[cursor]) {
            result.append(tokens[cursor])
            cursor += 1
        }
        return result
    }

    static func thresholds(in words: LevelTextWords) -> [ScaleThreshold] {
        var minimums: [ScaleMeasure: Int64] = [:]
        var bounds: [ScaleMeasure: Int64] = [:]
        let tokens = words.tokens
        for position in tokens.indices {
            // Staff: "250 or more staff", "10 persons or more", "less than 10 persons".
            if words.matches(["#", "or", "more", "staff"], at: position)
                || words.matches(["#", "persons", "or", "more"], at: position)
                || words.matches(["#", "or", "more", "persons"], at: position)
            {
                minimums[.peakStaff] = integer(tokens[position])
            }
            if words.matches(["less", "than", "#", "persons"], at: position) {
                bounds[.peakStaff] = integer(tokens[position + 2])
            }
            // Contract value: "annual contract value of 2.5 billion yen or more" / "of less than 100 million yen".
            if words.matches(["contract", "value", "of"], at: position) {
                let start = position + 3
                if let yen = yen(tokens, at: start), words.matches(["or", "more"], at: start + 3) {
                    minimums[.annualContractYen] = yen
                } else if words.matches(["less", "than"], at: start), let yen = yen(tokens, at: start + 2) {
                    bounds[.annualContractYen] = yen
                }
            }
            // V2 network operation: "100 or more installation sites", "less than 100 installation sites".
            if words.matches(["#", "or", "more", "installation", "sites"], at: position) {
                minimums[.installationSites] = integer(tokens[position])
            }
            if words.matches(["less", "than", "#", "installation", "sites"], at: position) {
                bounds[.installationSites] = integer(tokens[position + 2])
            }
            // V2 service desk: "inquiries is 3000 or more", "inquiries from 1000 but less than 3000 a year".
            if words.matches(["inquiries", "is", "#", "or", "more"], at: position) {
                minimums[.annualInquiries] = integer(tokens[position + 2])
            }
            // The V2 level-4 range ("from 1000 but less than 3000") describes the typical scale like its
            // sibling "less than" phrases; it is kept as a descriptive bound, not as a requirement.
            if words.matches(["inquiries", "from", "#", "but", "less", "than", "#"], at: position) {
                bounds[.annualInquiries] = integer(tokens[position + 6])
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
    private static func yen(_ tokens: [Substring], at position: Int) -> Int64? {
        guard position + 2 < tokens.count, tokens[position + 2] == "yen",
            let amount = LevelTextWords.number(tokens[position])
        else { return nil }
        let multiplier: Double
        switch tokens[position + 1] {
        case "billion": multiplier = 1_000_000_000
        case "million": multiplier = 1_000_000
        default: return nil
        }
        return Int64((amount * multiplier).rounded())
    }

    private static func integer(_ token: Substring) -> Int64? {
        LevelTextWords.number(token).map { Int64($0.rounded()) }
    }
}
