import ITSSDomain
import ITSSStorage

/// `/catalog/diagnostics?standard=&version=`: every diagnostic the importer recorded for a standard's current
/// text, a page at a time, optionally from one severity up, linked to the field and item it is about.
struct CatalogDiagnosticsPage: Sendable {
    /// Field name → id and item name → id within it, for links.
    struct Links: Sendable {
        var fields: [String: Int64] = [:]
        var items: [String: [String: Int64]] = [:]
    }

    var key: StandardKey
    var severity: Severity
    var diagnostics: PagedItems<Diagnostic>
    var links: Links
    var list: ListState

    static func href(_ key: StandardKey) -> String {
        "/catalog/diagnostics?standard=\(HTML.percentEncoded(key.name))&version=\(HTML.percentEncoded(key.version))"
    }

    /// Query: the standard's diagnostics (one query) and its fields' ids (cached catalog index).
    /// - Throws: `Problem` 404 for an unknown standard; database errors.
    static func load(
        _ database: AppDatabase, key: StandardKey, severity: Severity, list: ListState
    ) async throws -> CatalogDiagnosticsPage {
        guard try await database.storedStandards().contains(where: { $0.key == key }) else {
            throw Problem.notFound("that standard")
        }
        let all = try await database.importDiagnostics(of: key).filter { $0.severity >= severity }
        let page = PagedItems(all: all, state: list)
        var links = Links()
        for summary in try await database.catalogFieldSummaries() where summary.reference.standard == key {
            links.fields[summary.reference.field] = summary.id
            links.items[summary.reference.field] = try await database.catalogFieldDetail(id: summary.id).itemIDs
        }
        return CatalogDiagnosticsPage(key: key, severity: severity, diagnostics: page, links: links, list: list)
    }

    /// A table of diagnostics (also on the field and item pages, without links there).
    static func table(_ diagnostics: [Diagnostic], links: Links?, language: Language) -> HTML {
        guard !diagnostics.isEmpty else { return "<p class=\"muted\">\(CatalogText.noDiagnostics(language))</p>" }
        let rows = diagnostics.map { diagnostic -> HTML in
            var place: [HTML] = []
            if let field = diagnostic.field {
                if let id = links?.fields[field] {
                    place.append("<a href=\"/catalog/fields/\(id)\">\(field)</a>")
                } else {
                    place.append("\(field)")
                }
                if let item = diagnostic.item {
                    if let id = links?.items[field]?[item] {
                        place.append("<a href=\"/catalog/items/\(id)\">\(item)</a>")
                    } else {
                        place.append("\(item)")
                    }
                }
            }
            if let level = diagnostic.level { place.append("\(CatalogText.level(language)) \(level)") }
            return """
                <tr><td class="num">\(diagnostic.line)</td><td><span class="badge severity-\(diagnostic.severity.rawValue)">\(diagnostic.severity.rawValue)</span></td>\
                <td><code>\(diagnostic.code.rawValue)</code></td><td>\(HTML.join(place, separator: " / "))</td><td>\(diagnostic.message)</td></tr>
                """
        }
        return """
            <table>
            <thead><tr><th class="num">\(CatalogText.line(language))</th><th>\(CatalogText.severity(language))</th>\
            <th>\(CatalogText.code(language))</th><th>\(CatalogText.place(language))</th><th>\(CatalogText.message(language))</th></tr></thead>
            <tbody>\(rows)</tbody>
            </table>
            """
    }

    /// View.
    func render(layout: Layout) -> HTML {
        let language = layout.language
        let link = ListLink(
            path: "/catalog/diagnostics",
            filters: [
                ("standard", key.name), ("version", key.version), ("severity", severity == .info ? "" : severity.rawValue),
            ],
            state: list)
        let options = HTML.join(
            Severity.allCases.map { level -> HTML in
                let selected: HTML = level == severity ? " selected" : .empty
                return "<option value=\"\(level.rawValue)\"\(selected)>\(level.rawValue)+</option>"
            })
        let table: HTML =
            diagnostics.items.isEmpty && diagnostics.total > 0
            ? "<p class=\"empty\"><a href=\"\(link.href(page: 1))\">\(ListText.pageEmpty(language))</a></p>"
            : Self.table(diagnostics.items, links: links, language: language)
        return layout.render(
            """
            <p class="no-print"><a href="/catalog">← \(CatalogText.backToCatalog(language))</a></p>
            <h1>\(CatalogText.diagnostics(language))</h1>
            <p class="muted">ITSS \(key.version) — \(key.name)</p>
            <form method="get" action="/catalog/diagnostics" class="filters no-print">
            <input type="hidden" name="standard" value="\(key.name)">
            <input type="hidden" name="version" value="\(key.version)">
            <label for="severity">\(CatalogText.severity(language))</label>
            <select id="severity" name="severity">\(options)</select>
            <button type="submit">\(CatalogText.show(language))</button>
            </form>
            \(table)
            \(link.pager(page: diagnostics.page, pageCount: diagnostics.pageCount, total: diagnostics.total, language: language))
            """)
    }
}
