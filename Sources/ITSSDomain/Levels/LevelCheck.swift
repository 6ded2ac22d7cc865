/// The three conditions of the level rule at one level of a field, each with what decided it.
///
/// Item checks are kept as two parallel arrays (names shared with the compiled field, ratings) and turned into
/// `ItemCheck`s on access: evaluating a level then copies no strings, which is most of the cost of a breakdown.
public struct LevelCheck: Sendable, Hashable {
    /// The ITSS level checked.
    public var level: Int
    /// Whether the level is attained: every item met, the scale condition met (or not applicable) and every
    /// lower defined level attained.
    public var attained: Bool
    /// Condition 2: the scale condition check; `nil` below level 3, where the rule asks for no experience.
    public var scale: ScaleCheck?
    /// Condition 3: whether every defined level below this one is attained.
    public var lowerLevelsAttained: Bool
    /// Names of the items with a text at this level, in the field's item order.
    public private(set) var itemNames: [String]
    /// Their ratings, aligned with `itemNames`.
    public private(set) var itemRatings: [Int]

    public init(level: Int, attained: Bool, items: [ItemCheck], scale: ScaleCheck?, lowerLevelsAttained: Bool) {
        self.init(
            level: level, attained: attained, itemNames: items.map(\.item), itemRatings: items.map(\.rating),
            scale: scale, lowerLevelsAttained: lowerLevelsAttained)
    }

    init(level: Int, attained: Bool, itemNames: [String], itemRatings: [Int], scale: ScaleCheck?, lowerLevelsAttained: Bool) {
        self.level = level
        self.attained = attained
        self.itemNames = itemNames
        self.itemRatings = itemRatings
        self.scale = scale
        self.lowerLevelsAttained = lowerLevelsAttained
    }

    /// Condition 1: one check per item that has a text at this level, in the field's item order.
    public var items: [ItemCheck] {
        zip(itemNames, itemRatings).map { ItemCheck(item: $0, needed: level, rating: $1, met: $1 >= level) }
    }

    /// Whether condition 1 holds: every item with a text at this level is rated at least at this level.
    public var itemsMet: Bool { itemRatings.allSatisfy { $0 >= level } }

    /// Whether condition 2 holds (always below level 3).
    public var scaleMet: Bool { scale?.met ?? true }
}

extension LevelCheck: Codable {
    private enum CodingKeys: String, CodingKey {
        case level, attained, items, scale, lowerLevelsAttained
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            level: try container.decode(Int.self, forKey: .level),
            attained: try container.decode(Bool.self, forKey: .attained),
            items: try container.decode([ItemCheck].self, forKey: .items),
            scale: try container.decodeIfPresent(ScaleCheck.self, forKey: .scale),
            lowerLevelsAttained: try container.decode(Bool.self, forKey: .lowerLevelsAttained))
    }

    /// Encodes the check with one object per item (item, needed, rating, met).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(level, forKey: .level)
        try container.encode(attained, forKey: .attained)
        try container.encode(items, forKey: .items)
        try container.encodeIfPresent(scale, forKey: .scale)
        try container.encode(lowerLevelsAttained, forKey: .lowerLevelsAttained)
    }
}
