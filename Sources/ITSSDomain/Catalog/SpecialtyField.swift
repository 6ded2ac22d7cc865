/// What a section of the proficiency pages describes.
public enum FieldKind: String, Codable, Sendable, Hashable {
    /// A specialty field of the job category ("Service Desk").
    case specialty
    /// A section whose items supply low levels to every field of the category
    /// (V2 Operations: "Common to Level 1, 2").
    case sharedLevels = "shared_levels"
}

/// A specialty field of a job category with its skill items.
public struct SpecialtyField: Codable, Sendable, Hashable {
    public var name: String
    public var kind: FieldKind
    public var items: [SkillItem]
    /// The field's scale condition per level: what the majority of its items state (see `FieldScale`).
    public var scaleConditions: [FieldLevelCondition]
    /// The 1-based line of the field's section heading.
    public var line: Int

    public init(name: String, kind: FieldKind, items: [SkillItem], line: Int) {
        self.name = name
        self.kind = kind
        self.items = items
        self.line = line
        self.scaleConditions = FieldScale.conditions(of: items)
    }

    /// Levels at which at least one item has a text, ascending.
    public var definedLevels: [Int] {
        Array(Set(items.flatMap(\.definedLevels))).sorted()
    }

    /// The item with this exact name, if any.
    public func item(named name: String) -> SkillItem? {
        items.first { $0.name == name }
    }

    /// The field's scale condition at a level, if the field defines the level.
    public func scaleCondition(atLevel level: Int) -> ScaleCondition? {
        scaleConditions.first { $0.level == level }?.condition
    }
}

/// The scale condition a field states for one level, with how many of its items agree.
public struct FieldLevelCondition: Codable, Sendable, Hashable {
    public var level: Int
    public var condition: ScaleCondition
    /// Items with a text at this level that state exactly `condition`.
    public var agreeingItems: Int
    /// Items with a text at this level.
    public var totalItems: Int

    public init(level: Int, condition: ScaleCondition, agreeingItems: Int, totalItems: Int) {
        self.level = level
        self.condition = condition
        self.agreeingItems = agreeingItems
        self.totalItems = totalItems
    }
}
