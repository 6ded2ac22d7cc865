/// A person's level in one specialty field with the reasons: every condition at every defined level, and what
/// is missing for the next level.
///
/// Produced by `LevelRule.evaluate`; see docs/levels.md for the rule.
public struct LevelBreakdown: Codable, Sendable, Hashable {
    /// Which inputs the level was computed from: official (approved) or provisional.
    public var basis: LevelBasis
    /// The specialty field's name.
    public var field: String
    /// D(F): the levels at which at least one item of the (effective) field has a text, ascending.
    public var definedLevels: [Int]
    /// One check per level of `definedLevels`, in the same order.
    public var levels: [LevelCheck]
    /// The highest attained level; `nil` means below the field's lowest defined level.
    public var attainedLevel: Int?
    /// The lowest defined level not attained; `nil` when the person holds the field's top level (or the field
    /// defines no level).
    public var nextLevel: Int?
    /// Every unmet condition of `nextLevel`: items first (in the field's item order), then the scale condition.
    /// Empty only when the person holds the field's top level.
    public var explanation: [UnmetCondition]

    public init(
        basis: LevelBasis, field: String, definedLevels: [Int], levels: [LevelCheck], attainedLevel: Int?,
        nextLevel: Int?, explanation: [UnmetCondition]
    ) {
        self.basis = basis
        self.field = field
        self.definedLevels = definedLevels
        self.levels = levels
        self.attainedLevel = attainedLevel
        self.nextLevel = nextLevel
        self.explanation = explanation
    }

    /// The check of one level, if the field defines it.
    public func check(atLevel level: Int) -> LevelCheck? {
        levels.first { $0.level == level }
    }

    /// Whether the person holds the field's top defined level.
    public var holdsTopLevel: Bool { !definedLevels.isEmpty && attainedLevel == definedLevels.last }

    /// `level 4 (approved)`, or `below level 3 (provisional)`.
    public var levelSummary: String {
        let level = attainedLevel.map { "level \($0)" } ?? "below level \(definedLevels.first.map(String.init) ?? "1")"
        return "\(level) (\(basis.rawValue))"
    }
}
