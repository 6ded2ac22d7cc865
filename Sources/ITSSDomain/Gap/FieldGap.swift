/// What separates a person from a target level in one field: every unmet condition up to the target.
public struct FieldGap: Codable, Sendable, Hashable {
    /// Which inputs the gap was computed from.
    public var basis: LevelBasis
    /// The specialty field's name.
    public var field: String
    /// The level aimed at (one of `definedLevels`).
    public var target: Int
    /// D(F) of the field.
    public var definedLevels: [Int]
    /// The level the person holds now on the same inputs (`nil`: below the lowest defined level).
    public var currentLevel: Int?
    /// Items rated below what the target needs of them, in the field's item order.
    public var items: [ItemGap]
    /// Unmet scale conditions of the levels from 3 up to the target, ascending.
    public var scale: [ScaleGap]

    public init(
        basis: LevelBasis, field: String, target: Int, definedLevels: [Int], currentLevel: Int?, items: [ItemGap],
        scale: [ScaleGap]
    ) {
        self.basis = basis
        self.field = field
        self.target = target
        self.definedLevels = definedLevels
        self.currentLevel = currentLevel
        self.items = items
        self.scale = scale
    }

    /// Whether nothing separates the person from the target (then they hold it, or a higher level).
    public var isClosed: Bool { items.isEmpty && scale.isEmpty }
}

/// One item rated below what a target level needs of it.
public struct ItemGap: Codable, Sendable, Hashable {
    public var item: String
    /// The rating used (0 when missing).
    public var rating: Int
    /// The highest level at or below the target that the item defines.
    public var needed: Int
    /// The item's text at `needed`.
    public var text: String
    /// The item's knowledge items: what to learn to close the gap.
    public var knowledgeItems: [String]

    public init(item: String, rating: Int, needed: Int, text: String, knowledgeItems: [String]) {
        self.item = item
        self.rating = rating
        self.needed = needed
        self.text = text
        self.knowledgeItems = knowledgeItems
    }
}

/// The field's scale condition at one level, not met by any record.
public struct ScaleGap: Codable, Sendable, Hashable {
    public var level: Int
    public var condition: ScaleCondition
    /// The best record against the condition, if there is any record.
    public var best: ExperienceEvidence?
    /// Why it falls short (as `ScaleCheck.reason`).
    public var reason: String

    public init(level: Int, condition: ScaleCondition, best: ExperienceEvidence?, reason: String) {
        self.level = level
        self.condition = condition
        self.best = best
        self.reason = reason
    }
}
