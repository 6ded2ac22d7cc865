/// Whether a skill item is common to the whole job category or specific to one specialty field.
public enum SkillItemScope: String, Codable, Sendable, Hashable {
    case common
    case specific
}

/// One skill item of a specialty field: its proficiency text per level and its knowledge items.
public struct SkillItem: Codable, Sendable, Hashable {
    public var name: String
    public var scope: SkillItemScope
    /// Level texts in ascending level order; only the levels the item defines.
    public var levels: [LevelDescription]
    public var knowledgeItems: [String]
    /// The 1-based line of the item's heading in the source document.
    public var line: Int

    public init(name: String, scope: SkillItemScope, levels: [LevelDescription], knowledgeItems: [String], line: Int) {
        self.name = name
        self.scope = scope
        self.levels = levels.sorted { $0.level < $1.level }
        self.knowledgeItems = knowledgeItems
        self.line = line
    }

    /// The levels this item defines, ascending.
    public var definedLevels: [Int] { levels.map(\.level) }

    /// The text at a level, if the item defines it.
    public func description(atLevel level: Int) -> LevelDescription? {
        levels.first { $0.level == level }
    }
}
