import ITSSDomain
import ITSSStorage

/// `/catalog/items/{id}`: one skill item's text at each level it defines, with scale conditions, errata and
/// knowledge items, and the source's diagnostics about it.
struct CatalogItemPage: Sendable {
    var id: Int64
    var fieldID: Int64
    var standard: StandardKey
    var fieldName: String
    var item: SkillItem
    var diagnostics: [Diagnostic]
    /// The item's counterparts in the other edition (the crosswalk).
    var counterparts: [CrosswalkCounterpart] = []

    /// Query: the item (cached catalog index) and its standard's diagnostics.
    /// - Throws: `StorageError.notFound` for an unknown item; database errors.
    static func load(_ database: AppDatabase, id: Int64) async throws -> CatalogItemPage {
        let detail = try await database.catalogItemDetail(id: id)
        let diagnostics = try await database.importDiagnostics(of: detail.standard.key)
        return CatalogItemPage(
            id: detail.id, fieldID: detail.fieldID, standard: detail.standard.key, fieldName: detail.field.name,
            item: detail.item,
            diagnostics: diagnostics.filter { $0.field == detail.field.name && $0.item == detail.item.name },
            counterparts: try await database.crosswalkCounterparts(
                of: FieldReference(standard: detail.standard.key, field: detail.field.name), item: detail.item.name))
    }

    /// View.
    func render(layout: Layout) -> HTML {
        let language = layout.language
        let levels = HTML.join(
            item.levels.reversed().map { description -> HTML in
                let erratum: HTML =
                    description.erratum.map { erratum in
                        """
                        <p class="hint">\(CatalogText.erratum(language)) \(erratum.id): \(erratum.reason)<br>
                        \(CatalogText.sourceWording(language)): \(erratum.originalText)</p>
                        """
                    } ?? .empty
                return """
                    <section class="card" id="level-\(description.level)">
                    <h2>\(CatalogText.level(language)) \(description.level)</h2>
                    <p>\(description.text)</p>
                    <p class="muted">\(CatalogText.scale(language)): \(description.scale.summary) · \(CatalogText.line(language)) \(description.line)</p>
                    \(erratum)
                    </section>
                    """
            })
        let knowledge: HTML =
            item.knowledgeItems.isEmpty
            ? "<p class=\"muted\">\(CatalogText.noKnowledge(language))</p>"
            : "<ul>\(item.knowledgeItems.map { "<li>\($0)</li>" as HTML })</ul>"
        return layout.render(
            """
            <p class="no-print"><a href="/catalog/fields/\(fieldID)">← \(CatalogText.backToField(language))</a></p>
            <h1>\(item.name)</h1>
            <p class="muted">\(fieldName) — ITSS \(standard.version) \(standard.name) · \(item.scope.rawValue) · \(CatalogText.definesLevels(language)) \(CatalogLevels.describe(item.definedLevels, language))</p>
            \(levels)
            <h2>\(CatalogText.knowledge(language))</h2>
            \(knowledge)
            \(CrosswalkSection.render(counterparts, language))
            <h2>\(CatalogText.diagnostics(language))</h2>
            \(CatalogDiagnosticsPage.table(diagnostics, links: nil, language: language))
            """)
    }
}
