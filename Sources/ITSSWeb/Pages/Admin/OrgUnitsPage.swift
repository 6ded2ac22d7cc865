import Foundation
import ITSSDomain
import ITSSStorage

/// `/admin/org-units`: the organisation as a tree (a page at a time, siblings by code or name) and the form that
/// adds a unit.
struct OrgUnitsPage: Sendable {
    struct Row: Sendable, Hashable {
        var unit: OrgUnit
        var depth: Int
        var parentCode: String?
    }

    /// The add form as typed.
    struct Form: Sendable, Hashable {
        var code = ""
        var name = ""
        var parent = ""
    }

    static let sortKeys = ["code", "name"]

    var rows: [Row]
    var total: Int
    var list: ListState
    /// Every unit's code, for the parent choice.
    var codes: [String]
    var form = Form()
    var refusal: FormRefusal?
    var addedCode: String?
    var csrfToken: String?

    /// Query: every org unit (one query; the tree is ordered in memory), one page of the tree shown.
    /// - Throws: database errors.
    static func load(_ database: AppDatabase, list: ListState) async throws -> OrgUnitsPage {
        let units = try await database.orgUnits()
        let byName = list.sort == "name"
        let ordered = tree(units, byName: byName, descending: list.descending)
        let start = min((list.page - 1) * list.perPage, ordered.count)
        return OrgUnitsPage(
            rows: Array(ordered[start..<min(start + list.perPage, ordered.count)]), total: ordered.count, list: list,
            codes: units.map(\.code).sorted())
    }

    /// Depth-first order: each unit followed by its sub-units, siblings ordered by code or name.
    static func tree(_ units: [OrgUnit], byName: Bool, descending: Bool) -> [Row] {
        let codes = Dictionary(units.map { ($0.id, $0.code) }, uniquingKeysWith: { first, _ in first })
        var children: [Int64?: [OrgUnit]] = [:]
        for unit in units {
            // A parent that is not in the list makes the unit a root rather than hiding it.
            let parent = unit.parentID.flatMap { codes[$0] == nil ? nil : $0 }
            children[parent, default: []].append(unit)
        }
        func order(_ list: [OrgUnit]) -> [OrgUnit] {
            let sorted = list.sorted { byName ? ($0.name, $0.code) < ($1.name, $1.code) : $0.code < $1.code }
            return descending ? sorted.reversed() : sorted
        }
        var rows: [Row] = []
        var visited = Set<Int64>()
        func visit(_ parent: Int64?, depth: Int) {
            for unit in order(children[parent] ?? []) where visited.insert(unit.id).inserted {
                rows.append(Row(unit: unit, depth: depth, parentCode: unit.parentID.flatMap { codes[$0] }))
                visit(unit.id, depth: depth + 1)
            }
        }
        visit(nil, depth: 0)
        return rows
    }

    /// View.
    func render(layout: Layout) -> HTML {
        let language = layout.language
        let link = ListLink(path: "/admin/org-units", state: list)
        let current = list.sort ?? "code"
        let table: HTML
        if total == 0 {
            table = "<p class=\"empty\">\(AdminText.noOrgUnits(language))</p>"
        } else if rows.isEmpty {
            table = "<p class=\"empty\"><a href=\"\(link.href(page: 1))\">\(ListText.pageEmpty(language))</a></p>"
        } else {
            let body = rows.map { row -> HTML in
                "<tr><td class=\"depth-\(min(row.depth, 6))\"><code>\(row.unit.code)</code></td><td>\(row.unit.name)</td><td>\(row.parentCode ?? "—")</td><td><a href=\"/admin/people?unit=\(url: row.unit.code)\">\(AdminText.people(language))</a></td></tr>"
            }
            table = """
                <table>
                <thead><tr>\(link.sortHeader(AdminText.code(language), key: "code", current: current))\
                \(link.sortHeader(AdminText.name(language), key: "name", current: current))<th>\(AdminText.parent(language))</th><th></th></tr></thead>
                <tbody>\(body)</tbody>
                </table>
                """
        }
        let options = codes.map { code -> HTML in
            let selected: HTML = code == form.parent ? " selected" : .empty
            return "<option value=\"\(code)\"\(selected)>\(code)</option>"
        }
        let notice = addedCode.map { AdminText.added(language).replacingOccurrences(of: "{x}", with: $0) }
        let fields = ["code", "name", "parent"]
        return AdminNav.page(
            current: "/admin/org-units", layout: layout,
            """
            <h1>\(AdminText.orgUnits(language))</h1>
            \(Notice.render(notice))
            \(table)
            \(link.pager(page: list.page, pageCount: max(1, (total + list.perPage - 1) / list.perPage), total: total, language: language))
            <section class="card no-print">
            <h2>\(AdminText.addOrgUnit(language))</h2>
            \(refusal.summary(language, fields: fields))
            <form method="post" action="/admin/org-units" class="stacked">
            <input type="hidden" name="_csrf" value="\(csrfToken)">
            <label for="code">\(AdminText.code(language))</label>
            <input id="code" name="code" value="\(form.code)" required maxlength="64"\(refusal.marks("code"))>
            \(refusal.message(for: "code"))
            <label for="name">\(AdminText.name(language))</label>
            <input id="name" name="name" value="\(form.name)" required\(refusal.marks("name"))>
            \(refusal.message(for: "name"))
            <label for="parent">\(AdminText.parent(language))</label>
            <select id="parent" name="parent"\(refusal.marks("parent"))><option value="">\(AdminText.noParent(language))</option>\(options)</select>
            \(refusal.message(for: "parent"))
            <button type="submit">\(AdminText.add(language))</button>
            </form>
            </section>
            """)
    }
}
