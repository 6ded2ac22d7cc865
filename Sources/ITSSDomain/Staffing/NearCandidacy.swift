/// Who is "one condition away": read off the level rule's breakdown, never re-deciding the rule.
public enum NearCandidacy {
    /// The one unmet condition of the person's next level, when exactly one is missing; `nil` when none is
    /// missing (top level) or more than one is.
    public static func nextLevelLack(_ breakdown: LevelBreakdown) -> UnmetCondition? {
        guard breakdown.nextLevel != nil, breakdown.explanation.count == 1 else { return nil }
        return breakdown.explanation.first
    }

    /// The one condition the person lacks to hold at least `minimumLevel` in the field: their next level is the
    /// lowest defined level at or above `minimumLevel` (so every lower level is attained) and it misses exactly
    /// one condition. `nil` when they hold the level already, when the field defines no such level, or when more
    /// than one condition is missing.
    public static func lack(_ breakdown: LevelBreakdown, toReach minimumLevel: Int) -> UnmetCondition? {
        if let attained = breakdown.attainedLevel, attained >= minimumLevel { return nil }
        guard let target = breakdown.definedLevels.first(where: { $0 >= minimumLevel }), breakdown.nextLevel == target else {
            return nil
        }
        return nextLevelLack(breakdown)
    }

    /// The defined level a person must hold just below the lowest defined level ≥ `minimumLevel` to be one level
    /// away from it; `nil` when that level is the field's first (people below the field's levels) — and
    /// `.none` (outer) when the field defines no level ≥ `minimumLevel`, so nobody can be near.
    public static func levelBelow(_ minimumLevel: Int, definedLevels: [Int]) -> Int?? {
        guard let target = definedLevels.first(where: { $0 >= minimumLevel }) else { return .none }
        return .some(definedLevels.last { $0 < target })
    }
}
