import Foundation
import ITSSDomain
import ITSSStorage

/// `/catalog/fields/{id}`: a field's skill-item × level matrix, its level conditions and the source's
/// diagnostics about it.
struct CatalogFieldPage: Sendable {
    enum Cell: Sendable, Hashable {
        /// The item states a text at the level.
        case own
        /// A shared-level section supplies the text.
        case shared
        case undefined
    }

    struct Row: Sendable {
        var name: String
        var itemID: Int64?
        var scope: SkillItemScope
        /// Levels 1–7.
        var cells: [Cell]
    }

    var id: Int64
    var standard: StandardKey
    var name: String
    var kind: FieldKind
    var definedLevels: [Int]
    var rows: [Row]
    var conditions: [FieldLevelCondition]
    var diagnostics: [Diagnostic]
    /// The field's counterparts in the other edition (the crosswalk).
    var counterparts: [CrosswalkCounterpart] = []

    /// Query: the field as assessed (cached catalog index) and its standard's diagnostics.
    /// - Throws: `StorageError.notFound` for an unknown field; database errors.
    static func load(_ database: AppDatabase, id: Int64) async throws -> CatalogFieldPage {
        let detail = try await database.catalogFieldDetail(id: id)
        let diagnostics = try await database.importDiagnostics(of: detail.standard.key)
        var page = CatalogFieldPage(detail: detail, diagnostics: diagnostics)
        page.counterparts = try await database.crosswalkCounterparts(of: detail.reference, item: nil)
        return page
    }

    /// Model from what storage read.
    init(detail: CatalogFieldDetail, diagnostics: [Diagnostic]) {
        let field = detail.field
        id = detail.id
        standard = detail.standard.key
        name = field.name
        kind = field.kind
        definedLevels = field.definedLevels
        rows = field.items.map { item in
            Row(
                name: item.name, itemID: detail.itemIDs[item.name], scope: item.scope,
                cells: (1...7).map { level in
                    guard item.description(atLevel: level) != nil else { return .undefined }
                    return detail.standard.isSharedLevel(level, item: item.name, in: field) ? .shared : .own
                })
        }
        conditions = field.scaleConditions
        self.diagnostics = diagnostics.filter { $0.field == field.name }
    }

    /// View.
    func render(layout: Layout) -> HTML {
        let language = layout.language
        let header = HTML.join((1...7).map { "<th class=\"num\" scope=\"col\">\($0)</th>" as HTML })
        let body = HTML.join(
            rows.map { row -> HTML in
                let name: HTML = row.itemID.map { "<a href=\"/catalog/items/\($0)\">\(row.name)</a>" } ?? "\(row.name)"
                let cells = HTML.join(
                    row.cells.enumerated().map { offset, cell -> HTML in
                        let level = offset + 1
                        let symbol: String
                        let label: String
                        switch cell {
                        case .own:
                            symbol = "●"
                            label = "\(CatalogText.statesLevel(language)) \(level)"
                        case .shared:
                            symbol = "○"
                            label = "\(CatalogText.sharedLevel(language)) \(level)"
                        case .undefined:
                            return "<td class=\"num\"></td>"
                        }
                        guard let itemID = row.itemID else { return "<td class=\"num\" title=\"\(label)\">\(symbol)</td>" }
                        return
                            "<td class=\"num\"><a href=\"/catalog/items/\(itemID)#level-\(level)\" title=\"\(label)\" aria-label=\"\(row.name): \(label)\">\(symbol)</a></td>"
                    })
                return "<tr><th scope=\"row\">\(name)</th><td>\(row.scope.rawValue)</td>\(cells)</tr>"
            })
        let conditionRows = HTML.join(
            conditions.reversed().map { condition -> HTML in
                let agreement: HTML =
                    condition.agreeingItems < condition.totalItems
                    ? " <span class=\"muted\">(\(CatalogText.ofItems(language).replacingOccurrences(of: "{a}", with: String(condition.agreeingItems)).replacingOccurrences(of: "{b}", with: String(condition.totalItems))))</span>"
                    : .empty
                return "<tr><td class=\"num\">\(condition.level)</td><td>\(condition.condition.summary)\(agreement)</td></tr>"
            })
        let kindText = kind == .sharedLevels ? CatalogText.sharedLevels(language) : CatalogText.specialty(language)
        return layout.render(
            """
            <p class="no-print"><a href="/catalog">← \(CatalogText.backToCatalog(language))</a></p>
            <h1>\(name)</h1>
            <p class="muted">ITSS \(standard.version) — \(standard.name) · \(kindText) · \(CatalogText.items(language)): \(rows.count) · \(CatalogText.levels(language)): \(CatalogLevels.describe(definedLevels, language))</p>
            <h2>\(CatalogText.matrix(language))</h2>
            <table class="matrix">
            <thead><tr><th scope="col">\(CatalogText.items(language))</th><th scope="col">\(CatalogText.scope(language))</th>\(header)</tr></thead>
            <tbody>\(body)</tbody>
            </table>
            <p class="muted">\(CatalogText.legend(language))</p>
            <h2>\(CatalogText.conditions(language))</h2>
            <table>
            <thead><tr><th class="num">\(CatalogText.level(language))</th><th>\(CatalogText.scale(language))</th></tr></thead>
            <tbody>\(conditionRows)</tbody>
            </table>
            \(CrosswalkSection.render(counterparts, language))
            <h2>\(CatalogText.diagnostics(language))</h2>
            \(CatalogDiagnosticsPage.table(diagnostics, links: nil, language: language))
            """)
    }
}
