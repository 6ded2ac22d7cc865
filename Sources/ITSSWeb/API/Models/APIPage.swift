import ITSSStorage

/// One page of a list: `{items, page, per_page, total}`.
struct APIPage<Item: Encodable & Sendable>: Encodable, Sendable {
    var items: [Item]
    var page: Int
    var perPage: Int
    var total: Int

    init(items: [Item], page: Int, perPage: Int, total: Int) {
        self.items = items
        self.page = page
        self.perPage = perPage
        self.total = total
    }

    /// A storage page with its items turned into read models.
    init<Stored>(_ stored: Page<Stored>, _ transform: (Stored) throws -> Item) rethrows {
        self.init(items: try stored.items.map(transform), page: stored.page, perPage: stored.perPage, total: stored.total)
    }
}

/// A plain list without paging, for lists bounded by one person (`{items}`).
struct APIList<Item: Encodable & Sendable>: Encodable, Sendable {
    var items: [Item]
}
