import ITSSDomain
import ITSSStorage

/// `/people`: a paged, sortable list of the people the principal may see (an evaluator: the people they
/// evaluate; HR and administrators: everyone), filtered by org unit.
struct PeopleListPage: Sendable {
    /// `nil` when there is nothing to list (an unknown org unit, an evaluator account without a person).
    var page: Page<DirectoryPerson>?
    var orgUnits: [OrgUnit]
    /// The org unit code filtered by, as given.
    var orgUnit: String
    var order: PeopleSort
    /// Whether the list is restricted to the people an evaluator evaluates.
    var evaluatorScope: Bool
    var errors = FieldErrors()

    /// The query string that reproduces the filter and order (for the pager and the sort links).
    func query(order: PeopleSort? = nil) -> String {
        var parts = ["sort=\((order ?? self.order).rawValue)"]
        if !orgUnit.isEmpty { parts.append("org=" + HTML.percentEncoded(orgUnit)) }
        return parts.joined(separator: "&")
    }

    func render(layout: Layout) -> HTML {
        let language = layout.language
        let units = orgUnits.map { unit -> HTML in
            "<option value=\"\(unit.code)\"\(unit.code == orgUnit ? " selected" as HTML : .empty)>\(unit.code) — \(unit.name)</option>"
        }
        let sortLink = { (order: PeopleSort, label: Localized) -> HTML in
            let current = self.order == order
            return
                "<a href=\"/people?\(query(order: order))\"\(current ? " aria-current=\"true\"" as HTML : .empty)>\(label(language))\(current ? " ▲" : "")</a>"
        }
        let rows = (page?.items ?? []).map { person -> HTML in
            """
            <tr><td><a href="/people/\(url: person.person.employeeNumber)">\(person.person.employeeNumber)</a></td>
            <td>\(person.person.name)</td>
            <td>\(person.orgUnitCode.map { "\($0) — \(person.orgUnitName ?? "")" })</td>
            <td>\(person.person.active ? "" : PeopleText.inactive(language))</td></tr>
            """
        }
        let pager: HTML = page.map { SkillPageParts.pager($0, path: "/people", query: query(), language) } ?? .empty
        let list: HTML =
            rows.isEmpty
            ? "<p class=\"empty\">\(evaluatorScope ? PeopleText.emptyEvaluator(language) : PeopleText.empty(language))</p>"
            : """
            <table class="people"><thead><tr><th>\(sortLink(.employeeNumber, PartsText.employeeNumber))</th>
            <th>\(sortLink(.name, PartsText.name))</th><th>\(PartsText.orgUnit(language))</th><th></th></tr></thead>
            <tbody>\(rows)</tbody></table>
            \(pager)
            """
        return layout.render(
            """
            <h1>\(PeopleText.title(language))</h1>
            <p class="muted">\(evaluatorScope ? PeopleText.evaluatorHint(language) : PeopleText.allHint(language))</p>
            <form method="get" action="/people" class="filters no-print">
            <input type="hidden" name="sort" value="\(order.rawValue)">
            <label for="people-org">\(PartsText.orgUnit(language))</label>
            <select id="people-org" name="org"\(errors.attributes("org", id: "people-org"))><option value="">\(PeopleText.allUnits(language))</option>\(units)</select>
            \(errors.message("org", id: "people-org"))
            <button type="submit">\(PeopleText.filter(language))</button>
            </form>
            \(list)
            """)
    }
}

enum PeopleText {
    static let title = Localized("People", "人材")
    static let evaluatorHint = Localized("The people you evaluate.", "あなたが評価を担当する人材。")
    static let allHint = Localized("Everyone in the organisation.", "組織の全員。")
    static let allUnits = Localized("All org units", "すべての組織")
    static let filter = Localized("Filter", "絞り込み")
    static let inactive = Localized("inactive", "無効")
    static let empty = Localized(
        "Nobody here. Choose another org unit, or add people under Administration.",
        "該当する人材はいません。別の組織を選ぶか、「管理」で人材を追加してください。")
    static let emptyEvaluator = Localized(
        "You evaluate nobody here. Ask HR to assign you as evaluator of an org unit or a person.",
        "ここに担当する人材はいません。組織または人材の評価者として割り当てるよう人事に依頼してください。")
    static let unknownUnit = Localized("no such org unit", "その組織はありません")
}
