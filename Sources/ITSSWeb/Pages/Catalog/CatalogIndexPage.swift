import Foundation
import ITSSDomain
import ITSSStorage

/// `/catalog`: every standard (one job category in one edition) with its specialty fields.
struct CatalogIndexPage: Sendable {
    struct StandardGroup: Sendable {
        var key: StandardKey
        var stored: StoredStandard?
        var diagnosticCount: Int
        var fields: [CatalogFieldSummary]
    }

    var standards: [StandardGroup]

    /// Query: the stored standards, the fields with their ids (cached catalog index), the diagnostics' counts.
    /// - Throws: database errors.
    static func load(_ database: AppDatabase) async throws -> CatalogIndexPage {
        let stored = try await database.storedStandards()
        let fields = try await database.catalogFieldSummaries()
        var groups: [StandardGroup] = []
        for standard in stored {
            groups.append(
                StandardGroup(
                    key: standard.key, stored: standard,
                    diagnosticCount: try await database.importDiagnostics(of: standard.key).count,
                    fields: fields.filter { $0.reference.standard == standard.key }))
        }
        return CatalogIndexPage(standards: groups)
    }

    /// View.
    func render(layout: Layout) -> HTML {
        let language = layout.language
        let body: HTML =
            standards.isEmpty
            ? "<p class=\"empty\">\(CatalogText.noStandards(language))</p>"
            : HTML.join(standards.map { group($0, language) })
        return layout.render(
            """
            <h1>\(CatalogText.title(language))</h1>
            <p class="muted">\(CatalogText.intro(language))</p>
            \(CatalogSearchPage.searchForm(query: "", language: language))
            \(body)
            """)
    }

    private func group(_ group: StandardGroup, _ language: Language) -> HTML {
        let rows = group.fields.map { field -> HTML in
            let kind = field.kind == .sharedLevels ? CatalogText.sharedLevels(language) : CatalogText.specialty(language)
            return """
                <tr><td><a href="/catalog/fields/\(field.id)">\(field.reference.field)</a></td><td>\(kind)</td>\
                <td class="num">\(field.itemCount)</td><td>\(CatalogLevels.describe(field.definedLevels, language))</td></tr>
                """
        }
        let source: HTML =
            group.stored.map { stored in
                let errata: HTML = stored.errataApplied ? ", \(CatalogText.errataApplied(language))" : .empty
                return
                    "<p class=\"muted\">\(CatalogText.source(language)): \(stored.sourceFile), \(CatalogText.revision(language)) \(stored.revision)\(errata)</p>"
            } ?? .empty
        let diagnostics = CatalogText.diagnosticsCount(language).replacingOccurrences(
            of: "{n}", with: String(group.diagnosticCount))
        return """
            <section class="card">
            <h2>ITSS \(group.key.version) — \(group.key.name)</h2>
            \(source)
            <table>
            <thead><tr><th>\(CatalogText.field(language))</th><th>\(CatalogText.kind(language))</th>\
            <th class="num">\(CatalogText.items(language))</th><th>\(CatalogText.levels(language))</th></tr></thead>
            <tbody>\(rows)</tbody>
            </table>
            <p><a href="\(CatalogDiagnosticsPage.href(group.key))">\(diagnostics)</a></p>
            </section>
            """
    }
}

/// Levels as a range: `3–7`, or `1, 2, 4`.
enum CatalogLevels {
    static func describe(_ levels: [Int], _ language: Language) -> String {
        guard let first = levels.first, let last = levels.last else { return CatalogText.none(language) }
        if levels.count > 1, last - first + 1 == levels.count { return "\(first)–\(last)" }
        return levels.map(String.init).joined(separator: ", ")
    }
}
