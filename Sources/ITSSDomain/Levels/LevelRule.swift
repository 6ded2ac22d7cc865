/// The ITSS level rule: a person's level in a specialty field from item ratings and experience records.
///
/// Level L of field F is attained when
/// 1. every item of F with a text at L is rated at least L (a missing rating counts as 0);
/// 2. from level 3 up, at least one experience record meets the field's scale condition at L (the required
///    role or a more senior one, and at least one of the named peak-staff / annual-contract minimums); a
///    condition that names neither a role nor such a minimum holds without a record;
/// 3. every defined level of F below L is attained.
///
/// The person's level is the highest attained level, or `nil` (below the lowest defined level). The rule is
/// the same for the official and the provisional level: the caller chooses the inputs (approved evaluator
/// ratings and verified records, or self ratings and all records) and labels the result with a `LevelBasis`.
/// See docs/levels.md.
public enum LevelRule {
    /// Evaluates the rule for one person in one compiled field.
    /// - Parameters:
    ///   - field: The compiled effective field.
    ///   - ratings: Rating by item name (the highest level whose text the person meets); missing means 0,
    ///     names the field does not have are ignored.
    ///   - records: The person's experience records in this field (for `.approved`, the verified ones only);
    ///     their order does not matter.
    ///   - basis: The label the result carries.
    public static func evaluate(
        _ field: CompiledField, ratings: [String: Int], records: [ExperienceEvidence], basis: LevelBasis
    ) -> LevelBreakdown {
        evaluate(field, ratingVector: field.ratingVector(ratings), records: records, basis: basis)
    }

    /// Evaluates the rule for one person in a field, compiling it first. Pass the effective field
    /// (`Standard.effectiveField(_:)`). For many people, compile once and use `evaluate(_:ratings:records:basis:)`.
    public static func evaluate(
        _ field: SpecialtyField, ratings: [String: Int], records: [ExperienceEvidence], basis: LevelBasis
    ) -> LevelBreakdown {
        evaluate(CompiledField(field), ratings: ratings, records: records, basis: basis)
    }

    /// Evaluates the rule with ratings given as a vector in `field.itemNames` order (see
    /// `CompiledField.ratingVector(_:)`); positions past the end of the vector count as 0.
    public static func evaluate(
        _ field: CompiledField, ratingVector ratings: [Int], records: [ExperienceEvidence], basis: LevelBasis
    ) -> LevelBreakdown {
        let levels = field.definedLevels
        var checks: [LevelCheck] = []
        checks.reserveCapacity(levels.count)
        var lowerAttained = true
        var attained: Int?
        var next: Int?
        var explanation: [UnmetCondition] = []
        for position in levels.indices {
            let level = levels[position]
            let numbers = field.levelItems[position]
            var ratingsAtLevel = [Int](repeating: 0, count: numbers.count)
            var itemsMet = true
            for (offset, number) in numbers.enumerated() {
                let rating = number < ratings.count ? ratings[number] : 0
                ratingsAtLevel[offset] = rating
                itemsMet = itemsMet && rating >= level
            }
            // Condition 2 only applies from level 3 up: levels 1 and 2 ask for no track record.
            let scale =
                level >= 3
                ? ScaleEvaluation.check(
                    field.requirements[position], condition: field.conditions[position], records: records, basis: basis)
                : nil
            let isAttained = itemsMet && (scale?.met ?? true) && lowerAttained
            let check = LevelCheck(
                level: level, attained: isAttained, itemNames: field.levelItemNames[position], itemRatings: ratingsAtLevel,
                scale: scale, lowerLevelsAttained: lowerAttained)
            checks.append(check)
            if isAttained {
                attained = level
            } else if next == nil {
                next = level
                explanation = unmet(check, texts: field.levelTexts[position])
            }
            lowerAttained = isAttained
        }
        return LevelBreakdown(
            basis: basis, field: field.name, definedLevels: levels, levels: checks, attainedLevel: attained,
            nextLevel: next, explanation: explanation)
    }

    /// The unmet conditions of one level: items below it (with the level's text), then the scale condition.
    static func unmet(_ check: LevelCheck, texts: [String]) -> [UnmetCondition] {
        var result: [UnmetCondition] = []
        for offset in check.itemRatings.indices where check.itemRatings[offset] < check.level {
            result.append(
                .item(
                    name: check.itemNames[offset], rating: check.itemRatings[offset], needed: check.level,
                    text: texts[offset]))
        }
        if let scale = check.scale, !scale.met {
            result.append(
                .scale(level: check.level, condition: scale.condition, best: scale.decidingRecord, reason: scale.reason))
        }
        return result
    }
}
