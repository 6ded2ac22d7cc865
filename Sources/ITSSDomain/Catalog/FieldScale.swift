/// Derives a field's scale condition per level from its items' texts.
public enum FieldScale {
    /// For every level some item defines: the condition most items state.
    ///
    /// Ties go to the condition stated first in document order, so the result is deterministic.
    public static func conditions(of items: [SkillItem]) -> [FieldLevelCondition] {
        var byLevel: [Int: [ScaleCondition]] = [:]
        for item in items {
            for description in item.levels {
                byLevel[description.level, default: []].append(description.scale)
            }
        }
        return byLevel.keys.sorted().compactMap { level in
            guard let conditions = byLevel[level], let majority = majority(of: conditions) else { return nil }
            return FieldLevelCondition(
                level: level,
                condition: majority.value,
                agreeingItems: majority.count,
                totalItems: conditions.count
            )
        }
    }

    /// The most frequent element and its count; ties go to the earliest element.
    static func majority(of conditions: [ScaleCondition]) -> (value: ScaleCondition, count: Int)? {
        var counts: [ScaleCondition: Int] = [:]
        for condition in conditions { counts[condition, default: 0] += 1 }
        var best: (value: ScaleCondition, count: Int)?
        for condition in conditions {
            let count = counts[condition] ?? 0
            if count > (best?.count ?? 0) { best = (condition, count) }
        }
        return best
    }
}
