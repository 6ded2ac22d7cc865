import Foundation
import ITSSDomain
import ITSSStorage

/// `/admin/evaluators`: current evaluator assignments (a page at a time, newest first or by evaluator) and the
/// form that assigns an evaluator to an org unit (with its sub-units) or to one person, as
/// `itss evaluator assign` does.
struct EvaluatorsPage: Sendable {
    struct Form: Sendable, Hashable {
        var evaluator = ""
        var orgUnit = ""
        var person = ""
    }

    var assignments: Page<EvaluatorAssignmentEntry>
    var list: ListState
    var codes: [String]
    var form = Form()
    var refusal: FormRefusal?
    var assigned: String?
    var csrfToken: String?

    /// Query: one page of assignments (SQL) and the unit codes for the form.
    /// - Throws: database errors.
    static func load(_ database: AppDatabase, list: ListState) async throws -> EvaluatorsPage {
        EvaluatorsPage(
            assignments: try await database.evaluatorAssignments(byEvaluator: list.sort == "evaluator", page: list.pageRequest),
            list: list, codes: try await database.orgUnits().map(\.code).sorted())
    }

    /// View.
    func render(layout: Layout) -> HTML {
        let language = layout.language
        let link = ListLink(path: "/admin/evaluators", state: list)
        let current = list.sort == "evaluator" ? "evaluator" : "newest"
        let table: HTML
        if assignments.total == 0 {
            table = "<p class=\"empty\">\(AdminText.noAssignments(language))</p>"
        } else if assignments.items.isEmpty {
            table = "<p class=\"empty\"><a href=\"\(link.href(page: 1))\">\(ListText.pageEmpty(language))</a></p>"
        } else {
            let rows = assignments.items.map { entry -> HTML in
                let covers: HTML
                if let code = entry.orgUnitCode {
                    covers =
                        "\(AdminText.unitAndSubUnits(language).replacingOccurrences(of: "{x}", with: code)) (\(entry.orgUnitName ?? ""))"
                } else {
                    covers =
                        "\(AdminText.personDirect(language)) <a href=\"/people/\(url: entry.personNumber ?? "")\">\(entry.personNumber ?? "")</a> \(entry.personName ?? "")"
                }
                return
                    "<tr><td>\(entry.evaluatorNumber) \(entry.evaluatorName)</td><td>\(covers)</td><td>\(entry.assignedAt)</td></tr>"
            }
            let order = HTML.join(
                [("newest", AdminText.newestFirst), ("evaluator", AdminText.byEvaluator)].map { key, label -> HTML in
                    key == current
                        ? "<strong>\(label(language))</strong>"
                        : "<a href=\"\(link.href(page: 1, sort: key, descending: false))\">\(label(language))</a>"
                }, separator: " · ")
            table = """
                <p class="no-print">\(AdminText.sortBy(language)): \(order)</p>
                <table>
                <thead><tr><th>\(AdminText.evaluatorColumn(language))</th><th>\(AdminText.covers(language))</th><th>\(AdminText.assignedAt(language))</th></tr></thead>
                <tbody>\(rows)</tbody>
                </table>
                """
        }
        let options = codes.map { code -> HTML in
            let selected: HTML = code == form.orgUnit ? " selected" : .empty
            return "<option value=\"\(code)\"\(selected)>\(code)</option>"
        }
        let notice = assigned.map { AdminText.assigned(language).replacingOccurrences(of: "{x}", with: $0) }
        return AdminNav.page(
            current: "/admin/evaluators", layout: layout,
            """
            <h1>\(AdminText.evaluators(language))</h1>
            \(Notice.render(notice))
            \(table)
            \(link.pager(page: assignments.page, pageCount: assignments.pageCount, total: assignments.total, language: language))
            <section class="card no-print">
            <h2>\(AdminText.assignEvaluator(language))</h2>
            \(refusal.summary(language, fields: ["evaluator", "org_unit", "person"]))
            <form method="post" action="/admin/evaluators" class="stacked">
            <input type="hidden" name="_csrf" value="\(csrfToken)">
            <label for="evaluator">\(AdminText.evaluator(language))</label>
            <input id="evaluator" name="evaluator" value="\(form.evaluator)" required\(refusal.marks("evaluator"))>
            \(refusal.message(for: "evaluator"))
            <label for="org_unit">\(AdminText.toUnit(language))</label>
            <select id="org_unit" name="org_unit"\(refusal.marks("org_unit"))><option value="">\(AdminText.noUnit(language))</option>\(options)</select>
            \(refusal.message(for: "org_unit"))
            <label for="person">\(AdminText.toPerson(language))</label>
            <input id="person" name="person" value="\(form.person)"\(refusal.marks("person"))>
            \(refusal.message(for: "person"))
            <button type="submit">\(AdminText.assign(language))</button>
            </form>
            </section>
            """)
    }
}
