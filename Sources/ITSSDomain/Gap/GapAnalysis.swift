/// Gap analysis: every unmet condition between a person and a target level of a field.
public enum GapAnalysis {
    /// The gap to `target` in a compiled (effective) field.
    ///
    /// Items: each item that defines a level at or below the target needs a rating of at least the highest such
    /// level; those rated lower are listed with that level's text and the item's knowledge items. Scale: each
    /// defined level from 3 up to the target whose scale condition no record meets, with the best record.
    /// Lower-level conditions are included because the rule requires every level below the target too.
    /// - Parameters:
    ///   - ratings: Rating by item name; missing means 0.
    ///   - records: The person's records in the field (verified ones for `.approved`).
    ///   - basis: Which inputs these are; carried in the result.
    /// - Throws: `GapError.targetNotDefined` when the field does not define `target`.
    public static func gap(
        field: CompiledField, ratings: [String: Int], records: [ExperienceEvidence], target: Int,
        basis: LevelBasis = .approved
    ) throws(GapError) -> FieldGap {
        guard field.definedLevels.contains(target) else {
            throw .targetNotDefined(target: target, field: field.name, definedLevels: field.definedLevels)
        }
        let vector = field.ratingVector(ratings)
        var items: [ItemGap] = []
        for (number, item) in field.field.items.enumerated() {
            guard let needed = item.levels.last(where: { $0.level <= target }) else { continue }
            let rating = vector[number]
            if rating < needed.level {
                items.append(
                    ItemGap(
                        item: item.name, rating: rating, needed: needed.level, text: needed.text,
                        knowledgeItems: item.knowledgeItems))
            }
        }
        var scale: [ScaleGap] = []
        for (position, level) in field.definedLevels.enumerated() where level >= 3 && level <= target {
            let check = ScaleEvaluation.check(
                field.requirements[position], condition: field.conditions[position], records: records, basis: basis)
            if !check.met {
                scale.append(
                    ScaleGap(level: level, condition: check.condition, best: check.decidingRecord, reason: check.reason))
            }
        }
        let current = LevelRule.evaluate(field, ratingVector: vector, records: records, basis: basis).attainedLevel
        return FieldGap(
            basis: basis, field: field.name, target: target, definedLevels: field.definedLevels, currentLevel: current,
            items: items, scale: scale)
    }

    /// The gap to `target` in a field, compiling it first. Pass the effective field
    /// (`Standard.effectiveField(_:)`).
    /// - Throws: `GapError.targetNotDefined` when the field does not define `target`.
    public static func gap(
        field: SpecialtyField, ratings: [String: Int], records: [ExperienceEvidence], target: Int,
        basis: LevelBasis = .approved
    ) throws(GapError) -> FieldGap {
        try gap(field: CompiledField(field), ratings: ratings, records: records, target: target, basis: basis)
    }
}
