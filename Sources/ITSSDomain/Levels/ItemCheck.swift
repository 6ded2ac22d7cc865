/// Condition 1 of the level rule for one skill item at one level: the item's rating against the level.
public struct ItemCheck: Codable, Sendable, Hashable {
    /// The skill item's name.
    public var item: String
    /// The level the rating must reach (the level being checked).
    public var needed: Int
    /// The rating the rule used: the highest level whose text the person meets; 0 when none or missing.
    public var rating: Int
    /// Whether `rating >= needed`.
    public var met: Bool

    public init(item: String, needed: Int, rating: Int, met: Bool) {
        self.item = item
        self.needed = needed
        self.rating = rating
        self.met = met
    }
}
