import SQLKit

/// One page of a list, with what is needed to show the others.
public struct Page<Item: Sendable>: Sendable {
    public var items: [Item]
    /// 1-based.
    public var page: Int
    public var perPage: Int
    /// How many items all pages hold together.
    public var total: Int

    public var pageCount: Int { total == 0 ? 1 : (total + perPage - 1) / perPage }
}

extension Page: Encodable where Item: Encodable {}
extension Page: Equatable where Item: Equatable {}

/// Which page of a list to read. Out-of-range values are clamped: pages start at 1, a page holds 1–1,000 items.
public struct PageRequest: Sendable, Hashable {
    public var page: Int
    public var perPage: Int

    public init(page: Int = 1, perPage: Int = 50) {
        self.page = max(1, page)
        self.perPage = min(max(1, perPage), 1000)
    }

    var offset: Int { (page - 1) * perPage }
}

extension PageRequest {
    /// ` LIMIT … OFFSET …` for the page, or nothing for the whole list.
    static func limit(_ page: PageRequest?) -> SQLQueryString {
        guard let page else { return "" }
        return " LIMIT \(bind: page.perPage) OFFSET \(bind: page.offset)"
    }
}
