import ITSSDomain

/// Consistency checks on the level texts of each field: duplicates, scale outliers, thresholds that do
/// not grow with the level, and role phrases that name another field.
enum LevelTextChecks {
    static func diagnostics(for standard: Standard) -> [Diagnostic] {
        var result: [Diagnostic] = []
        let fieldNames = standard.fields.map(\.name)
        let standardMedian = median(standard.fields.flatMap { $0.items.flatMap { $0.levels.map(\.sourceText.utf8.count) } })
        for field in standard.fields {
            result += overlongTexts(in: field, standardMedian: standardMedian)
            result += scaleOutliers(in: field)
            result += otherItemTopics(in: field)
            for item in field.items {
                result += duplicateTexts(in: item, field: field)
                result += nonMonotonicThresholds(in: item, field: field)
                result += otherFieldNames(in: item, field: field, fieldNames: fieldNames)
            }
        }
        return result
    }

    /// A level text longer than this many times the median of its field's level texts is reported …
    static let overlongFactor = 8
    /// … when it also has at least this many bytes. The shipped documents' longest level text has 472 bytes,
    /// 1.7 times its field's median.
    static let overlongMinimumBytes = 2_000

    /// Level texts many times longer than their siblings: text the layout glued on that is not the level's
    /// (appended to the document, or the text of a level whose header was lost). The text is kept as read.
    static func overlongTexts(in field: SpecialtyField, standardMedian: Int) -> [Diagnostic] {
        let lengths = field.items.flatMap { $0.levels.map(\.sourceText.utf8.count) }
        // A field of a few texts says little about a typical length; the whole standard's median stands in.
        let typical = lengths.count >= 5 ? median(lengths) : standardMedian
        let limit = max(overlongFactor * typical, overlongMinimumBytes)
        var result: [Diagnostic] = []
        for item in field.items {
            for description in item.levels where description.sourceText.utf8.count > limit {
                let length = description.sourceText.utf8.count
                result.append(
                    Diagnostic(
                        .warning, .levelTextTooLong, line: description.line, field: field.name, item: item.name,
                        level: description.level,
                        message: "the text has \(length) bytes, \(length / max(typical, 1)) times the median of the field's "
                            + "level texts (\(typical)); text that is not the level's may be glued on (appended text, a "
                            + "lost level header)"))
            }
        }
        return result
    }

    /// The median of `values` (the lower middle one of an even count); 0 for none.
    static func median(_ values: [Int]) -> Int {
        guard !values.isEmpty else { return 0 }
        return values.sorted()[(values.count - 1) / 2]
    }

    static func duplicateTexts(in item: SkillItem, field: SpecialtyField) -> [Diagnostic] {
        var result: [Diagnostic] = []
        for (index, description) in item.levels.enumerated() {
            for earlier in item.levels[..<index] where earlier.text == description.text {
                result.append(
                    Diagnostic(
                        .warning, .duplicateLevelText, line: description.line, field: field.name, item: item.name,
                        level: description.level,
                        message:
                            "the text is the same as level \(earlier.level) (line \(earlier.line)); the levels are not told apart"
                    ))
            }
        }
        return result
    }

    static func scaleOutliers(in field: SpecialtyField) -> [Diagnostic] {
        var result: [Diagnostic] = []
        for levelCondition in field.scaleConditions where levelCondition.agreeingItems < levelCondition.totalItems {
            let majority = levelCondition.condition
            for item in field.items {
                guard let description = item.description(atLevel: levelCondition.level), description.scale != majority
                else { continue }
                // Upper bounds are descriptive; only a different role or minimum changes what the level asks.
                let substantive =
                    description.scale.role != majority.role
                    || requirements(description.scale) != requirements(majority)
                result.append(
                    Diagnostic(
                        substantive ? .warning : .info, .scaleConditionOutlier, line: description.line,
                        field: field.name, item: item.name, level: levelCondition.level,
                        message: "states \"\(description.scale.summary)\" where \(levelCondition.agreeingItems) of the field's "
                            + "\(levelCondition.totalItems) items state \"\(majority.summary)\""))
            }
        }
        return result
    }

    /// Level texts whose topic is another item's: the text uses none of the words that only its own item's
    /// knowledge items use, but at least three that only one other item's knowledge items use (a text copied
    /// from a neighbouring page).
    static func otherItemTopics(in field: SpecialtyField) -> [Diagnostic] {
        var owners: [UInt64: Set<Int>] = [:]
        let vocabularies = field.items.map { item in
            item.knowledgeItems.reduce(into: Set<UInt64>()) { $0.formUnion(TopicWords.hashes($1)) }
        }
        for (index, vocabulary) in vocabularies.enumerated() {
            for word in vocabulary { owners[word, default: []].insert(index) }
        }
        let distinctive = vocabularies.indices.map { index in vocabularies[index].filter { owners[$0] == [index] } }
        var result: [Diagnostic] = []
        for (index, item) in field.items.enumerated() where !distinctive[index].isEmpty {
            for description in item.levels {
                let words = TopicWords.hashes(description.sourceText)
                guard words.isDisjoint(with: distinctive[index]) else { continue }
                for (other, vocabulary) in distinctive.enumerated()
                where other != index && words.intersection(vocabulary).count >= 3 {
                    let shared = TopicWords.words(description.sourceText).filter { vocabulary.contains(TopicWords.hash($0)) }
                    result.append(
                        Diagnostic(
                            .warning, .levelTextOfOtherItem, line: description.line, field: field.name, item: item.name,
                            level: description.level,
                            message: "the text speaks of \(Excerpt.of(shared.joined(separator: ", "))), the knowledge of "
                                + "\(Excerpt.quoted(field.items[other].name)), and of nothing only \(Excerpt.quoted(item.name)) covers"
                        ))
                    break
                }
            }
        }
        return result
    }

    private static func requirements(_ condition: ScaleCondition) -> [String] {
        condition.thresholds.compactMap { threshold in threshold.minimum.map { "\(threshold.measure.rawValue)=\($0)" } }
    }

    static func nonMonotonicThresholds(in item: SkillItem, field: SpecialtyField) -> [Diagnostic] {
        var result: [Diagnostic] = []
        for measure in [ScaleMeasure.peakStaff, .annualContractYen] {
            let stated = item.levels.compactMap { description in
                description.scale.minimum(measure).map { (description, $0) }
            }
            for (lower, higher) in zip(stated, stated.dropFirst()) where lower.1 >= higher.1 {
                result.append(
                    Diagnostic(
                        .warning, .scaleNotMonotonic, line: lower.0.line, field: field.name, item: item.name,
                        level: lower.0.level,
                        message: "level \(lower.0.level) asks ≥ \(ScaleCondition.format(lower.1, measure)) but level "
                            + "\(higher.0.level) only ≥ \(ScaleCondition.format(higher.1, measure))"))
            }
        }
        return result
    }

    /// Role phrases ("as a leader of system management", "other network operation members") that name another
    /// field of the job category and not the item's own field.
    static func otherFieldNames(in item: SkillItem, field: SpecialtyField, fieldNames: [String]) -> [Diagnostic] {
        let own = field.name.lowercased()
        let others = fieldNames.map { $0.lowercased() }.filter { $0 != own }
        var result: [Diagnostic] = []
        for description in item.levels {
            let words = LevelTextWords(description.sourceText)
            var subjects: [[String]] = [ScaleConditionReader.role(in: words).subject]
            subjects += teamSubjects(in: words)
            for subject in subjects where !subject.isEmpty {
                let phrase = " " + subject.joined(separator: " ") + " "
                guard !phrase.contains(" \(own) ") else { continue }
                let named = others.filter { phrase.contains(" \($0) ") }.max { $0.count < $1.count }
                guard let other = named, let otherName = fieldNames.first(where: { $0.lowercased() == other }) else { continue }
                result.append(
                    Diagnostic(
                        .warning, .levelTextNamesOtherField, line: description.line, field: field.name,
                        item: item.name, level: description.level,
                        message: "the text speaks of \(Excerpt.quoted(subject.joined(separator: " "))), which names the field "
                            + "\(Excerpt.quoted(otherName)), not \(Excerpt.quoted(field.name))"))
                break
            }
        }
        return result
    }

    /// Words before "members", "member", "leader" or "team": "other network operation members".
    private static let teamStops: Set<String> = [",", ".", ";", "other", "the", "and", "a", "an", "as", "with", "of", "by", "on"]

    private static func teamSubjects(in words: LevelTextWords) -> [[String]] {
        var result: [[String]] = []
        for position in 0..<words.count
        where words.isWord("members", at: position) || words.isWord("member", at: position)
            || words.isWord("leader", at: position) || words.isWord("team", at: position)
        {
            var subject: [String] = []
            var cursor = position - 1
            while cursor >= 0, subject.count < 3 {
                let token = words.token(cursor)
                if teamStops.contains(token) { break }
                subject.insert(token, at: 0)
                cursor -= 1
            }
            if !subject.isEmpty { result.append(subject) }
        }
        return result
    }
}
