/// A specialty field prepared for fast level evaluation: items numbered, and per defined level the items that
/// have a text there, their texts and the field's scale requirement.
///
/// Compile once per field and reuse it for every person; evaluating against it allocates only the result.
/// Compile the *effective* field (`Standard.effectiveField(_:)`, or `init(_:in:)`), so that V2 fields include
/// the levels of "Common to Level 1, 2".
public struct CompiledField: Sendable {
    /// The field as compiled.
    public let field: SpecialtyField
    /// D(F): the levels at which at least one item has a text, ascending.
    public let definedLevels: [Int]
    /// Item names in the field's item order; a rating vector is indexed the same way.
    public let itemNames: [String]
    /// The field's scale condition per defined level (`ScaleCondition.none` where the field states none).
    public let conditions: [ScaleCondition]

    /// Item number by name (the first item of a name wins, as in `SpecialtyField.item(named:)`).
    let indexByName: [String: Int]
    /// Per defined level (same order as `definedLevels`): the numbers of the items with a text there.
    let levelItems: [[Int]]
    /// Per defined level: the names of those items (shared by every breakdown), aligned with `levelItems`.
    let levelItemNames: [[String]]
    /// Per defined level: the texts of those items, aligned with `levelItems`.
    let levelTexts: [[String]]
    /// Per defined level: what the scale condition asks of a record.
    let requirements: [ScaleRequirement]

    /// Compiles a field as given. Pass the effective field (see the type's documentation).
    public init(_ field: SpecialtyField) {
        self.field = field
        let names = field.items.map(\.name)
        itemNames = names
        var index: [String: Int] = [:]
        for (number, name) in names.enumerated() where index[name] == nil { index[name] = number }
        indexByName = index
        let levels = field.definedLevels
        definedLevels = levels
        var items: [[Int]] = []
        var texts: [[String]] = []
        for level in levels {
            var numbers: [Int] = []
            var levelText: [String] = []
            for (number, item) in field.items.enumerated() {
                guard let description = item.description(atLevel: level) else { continue }
                numbers.append(number)
                levelText.append(description.text)
            }
            items.append(numbers)
            texts.append(levelText)
        }
        levelItems = items
        levelItemNames = items.map { numbers in numbers.map { names[$0] } }
        levelTexts = texts
        let conditions = levels.map { field.scaleCondition(atLevel: $0) ?? .none }
        self.conditions = conditions
        requirements = conditions.map(ScaleRequirement.init)
    }

    /// Compiles the effective field of `field` in `standard` (shared-level sections merged in).
    public init(_ field: SpecialtyField, in standard: Standard) {
        self.init(standard.effectiveField(field))
    }

    /// The field's name.
    public var name: String { field.name }

    /// The number of an item (its index in `itemNames`), if the field has it.
    public func itemIndex(named name: String) -> Int? { indexByName[name] }

    /// Ratings by item name turned into a vector in `itemNames` order; missing ratings are 0, ratings of items
    /// the field does not have are ignored.
    public func ratingVector(_ ratings: [String: Int]) -> [Int] {
        var vector = [Int](repeating: 0, count: itemNames.count)
        for number in itemNames.indices {
            if let rating = ratings[itemNames[number]] { vector[number] = rating }
        }
        return vector
    }
}
