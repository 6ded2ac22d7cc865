/// One place in the catalog where a search query matched, with its rank score.
public struct SearchHit: Codable, Sendable, Hashable {
    /// What kind of text matched.
    public enum Kind: String, Codable, Sendable, Hashable, CaseIterable {
        /// The skill item's name ("Incident Management").
        case itemName = "item_name"
        /// One of the item's knowledge items.
        case knowledgeItem = "knowledge_item"
        /// The item's proficiency text at one level.
        case levelText = "level_text"
    }

    /// The standard the matching item belongs to.
    public var standard: StandardKey
    /// The field (or shared-level section) the matching item belongs to.
    public var field: String
    /// The matching item's name.
    public var item: String
    /// The level of a `levelText` hit; `nil` for item names and knowledge items.
    public var level: Int?
    public var kind: Kind
    /// The whole text that matched, as the catalog states it (errata applied).
    public var text: String
    /// Higher is better; only meaningful relative to other hits of the same query (see `CatalogSearch`).
    public var score: Double

    public init(standard: StandardKey, field: String, item: String, level: Int?, kind: Kind, text: String, score: Double) {
        self.standard = standard
        self.field = field
        self.item = item
        self.level = level
        self.kind = kind
        self.text = text
        self.score = score
    }
}
