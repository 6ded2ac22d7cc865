import ITSSDomain
import ITSSStorage

/// `/catalog/search?q=`: the domain's ranked search (the same `CatalogSearch` as `itss catalog search`), hits
/// highlighted, a page at a time.
struct CatalogSearchPage: Sendable {
    struct Hit: Sendable {
        var hit: SearchHit
        var fieldID: Int64?
        var itemID: Int64?
    }

    static let perPage = 20

    var query: String
    var hits: [Hit]
    var page: Int
    /// Whether another page of hits follows.
    var hasMore: Bool

    /// Query: the catalog (cached), searched; the hits' fields and items with their ids for the links.
    /// - Throws: database errors.
    static func load(_ database: AppDatabase, query: String, page: Int) async throws -> CatalogSearchPage {
        let page = max(1, min(page, 50))
        guard !Highlight.words(of: query).isEmpty else {
            return CatalogSearchPage(query: query, hits: [], page: 1, hasMore: false)
        }
        let catalog = try await database.cachedCatalog()
        let found = CatalogSearch.search(query, in: catalog, limit: page * perPage + 1)
        let shown = Array(found.dropFirst((page - 1) * perPage).prefix(perPage))
        let fieldIDs = Dictionary(
            try await database.catalogFieldSummaries().map { ($0.reference, $0.id) }, uniquingKeysWith: { first, _ in first })
        var details: [Int64: CatalogFieldDetail] = [:]
        var hits: [Hit] = []
        for hit in shown {
            let fieldID = fieldIDs[FieldReference(standard: hit.standard, field: hit.field)]
            var itemID: Int64?
            if let fieldID {
                if details[fieldID] == nil { details[fieldID] = try await database.catalogFieldDetail(id: fieldID) }
                itemID = details[fieldID]?.itemIDs[hit.item]
            }
            hits.append(Hit(hit: hit, fieldID: fieldID, itemID: itemID))
        }
        return CatalogSearchPage(query: query, hits: hits, page: page, hasMore: found.count > page * perPage)
    }

    /// The search form (also on the catalog's start page).
    static func searchForm(query: String, language: Language) -> HTML {
        """
        <form method="get" action="/catalog/search" class="search no-print" role="search">
        <label for="q">\(CatalogText.searchLabel(language))</label>
        <input id="q" name="q" type="search" value="\(query)" maxlength="200">
        <button type="submit">\(CatalogText.searchButton(language))</button>
        <p class="muted">\(CatalogText.searchHint(language))</p>
        </form>
        """
    }

    /// View.
    func render(layout: Layout) -> HTML {
        let language = layout.language
        let results: HTML
        if Highlight.words(of: query).isEmpty {
            results = "<p class=\"empty\">\(CatalogText.emptyQuery(language))</p>"
        } else if hits.isEmpty {
            results = "<p class=\"empty\">\(CatalogText.noHits(language))</p>"
        } else {
            let items = hits.map { entry -> HTML in
                let hit = entry.hit
                let kind: String =
                    switch hit.kind {
                    case .itemName: CatalogText.hitKindItem(language)
                    case .knowledgeItem: CatalogText.hitKindKnowledge(language)
                    case .levelText: CatalogText.hitKindLevel(language)
                    }
                let field: HTML = entry.fieldID.map { "<a href=\"/catalog/fields/\($0)\">\(hit.field)</a>" } ?? "\(hit.field)"
                let anchor = hit.level.map { "#level-\($0)" } ?? ""
                let item: HTML = entry.itemID.map { "<a href=\"/catalog/items/\($0)\(anchor)\">\(hit.item)</a>" } ?? "\(hit.item)"
                let level: HTML = hit.level.map { " / \(CatalogText.level(language)) \($0)" } ?? .empty
                return """
                    <li class="hit"><p>\(Highlight.mark(hit.text, query: query))</p>
                    <p class="muted"><span class="badge">\(kind)</span> \(field) / \(item)\(level) · ITSS \(hit.standard.version)</p></li>
                    """
            }
            let encoded = HTML.percentEncoded(query)
            let previous: HTML =
                page > 1
                ? "<a rel=\"prev\" href=\"/catalog/search?q=\(encoded)&amp;page=\(page - 1)\">← \(ListText.previous(language))</a>"
                : .empty
            let next: HTML =
                hasMore
                ? "<a rel=\"next\" href=\"/catalog/search?q=\(encoded)&amp;page=\(page + 1)\">\(ListText.next(language)) →</a>"
                : .empty
            results = """
                <ol class="hits" start="\((page - 1) * Self.perPage + 1)">\(items)</ol>
                <nav class="pager" aria-label="\(ListText.pages(language))">\(previous)\(next)</nav>
                """
        }
        return layout.render(
            """
            <p class="no-print"><a href="/catalog">← \(CatalogText.backToCatalog(language))</a></p>
            <h1>\(CatalogText.searchTitle(language))</h1>
            \(Self.searchForm(query: query, language: language))
            \(results)
            """)
    }
}
