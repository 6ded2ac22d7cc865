/// The three conditions of the level rule at one level of a field, each with what decided it.
public struct LevelCheck: Codable, Sendable, Hashable {
    /// The ITSS level checked.
    public var level: Int
    /// Whether the level is attained: every item met, the scale condition met (or not applicable) and every
    /// lower defined level attained.
    public var attained: Bool
    /// Condition 1: one check per item that has a text at this level, in the field's item order.
    public var items: [ItemCheck]
    /// Condition 2: the scale condition check; `nil` below level 3, where the rule asks for no experience.
    public var scale: ScaleCheck?
    /// Condition 3: whether every defined level below this one is attained.
    public var lowerLevelsAttained: Bool

    public init(level: Int, attained: Bool, items: [ItemCheck], scale: ScaleCheck?, lowerLevelsAttained: Bool) {
        self.level = level
        self.attained = attained
        self.items = items
        self.scale = scale
        self.lowerLevelsAttained = lowerLevelsAttained
    }

    /// Whether condition 1 holds: every item with a text at this level is rated at least at this level.
    public var itemsMet: Bool { items.allSatisfy(\.met) }

    /// Whether condition 2 holds (always below level 3).
    public var scaleMet: Bool { scale?.met ?? true }
}
