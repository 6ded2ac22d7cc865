import Foundation
import ITSSDomain
import ITSSStorage

/// `/staffing` (the saved requirements, a page at a time, and — for administrators and HR — the create form) and
/// `/staffing/{id}/edit`. The model; `render(layout:)` is the pure view.
struct StaffingListPage: Sendable {
    /// The create or edit form as typed.
    struct Form: Sendable, Hashable {
        var name = ""
        /// One line per row, as `StaffingLineSpec.text`.
        var lines = ""
        var version: Int?

        init(name: String = "", lines: String = "", version: Int? = nil) {
            self.name = name
            self.lines = lines
            self.version = version
        }

        init(_ requirement: StaffingRequirementView) {
            self.init(
                name: requirement.name, lines: requirement.lineSpecs.map(\.text).joined(separator: "\n"),
                version: requirement.version)
        }

        /// The lines typed, one per non-empty row.
        /// - Throws: `InputError` naming `lines`.
        func specs() throws(InputError) -> [StaffingLineSpec] {
            var specs: [StaffingLineSpec] = []
            for row in lines.split(whereSeparator: \.isNewline) where !row.trimmingCharacters(in: .whitespaces).isEmpty {
                specs.append(try StaffingLineSpec(parsing: String(row), field: "lines"))
            }
            return specs
        }
    }

    static let sortKeys = ["name", "updated"]

    var requirements: Page<StaffingRequirementView>
    var list: ListState
    var canWrite: Bool
    var form = Form()
    /// The requirement being edited (`/staffing/{id}/edit`); `nil` on the list.
    var editing: Int64?
    var refusal: FormRefusal?
    var notice: String?

    var formPath: String { editing.map { "/staffing/\($0)" } ?? "/staffing" }

    func render(layout: Layout) -> HTML {
        let language = layout.language
        if editing != nil {
            return layout.render(
                """
                <h1>\(StaffingText.editTitle(language))</h1>
                \(formBlock(layout))
                """)
        }
        return layout.render(
            """
            <h1>\(StaffingText.requirements(language))</h1>
            \(SkillPageParts.notice(notice))
            \(table(layout))
            \(canWrite ? formBlock(layout) : .empty)
            """)
    }

    private func table(_ layout: Layout) -> HTML {
        let language = layout.language
        guard requirements.total > 0 else {
            return
                "<p class=\"empty\">\(canWrite ? StaffingText.noRequirementsWritable(language) : StaffingText.noRequirements(language))</p>"
        }
        let link = ListLink(path: "/staffing", state: list)
        let current = list.sort ?? "name"
        let rows = requirements.items.map { requirement -> HTML in
            let lines = requirement.lines.map { line -> HTML in "<li>\(StaffingParts.line(line, language))</li>" }
            let write: HTML =
                canWrite
                ? """
                <a href="/staffing/\(requirement.id)/edit">\(StaffingText.edit(language))</a>
                <form method="post" action="/staffing/\(requirement.id)/remove" class="inline">
                <input type="hidden" name="_csrf" value="\(layout.csrfToken)">
                <input type="hidden" name="version" value="\(requirement.version)">
                <button type="submit" class="link">\(StaffingText.remove(language))</button></form>
                """ : .empty
            return """
                <tr><td>\(requirement.name)</td><td><ul class="lines">\(lines)</ul></td><td class="num">\(requirement.version)</td>
                <td>\(String(requirement.updatedAt.prefix(10)))</td>
                <td class="no-print"><a href="/staffing/\(requirement.id)/check">\(StaffingText.check(language))</a> \(write)</td></tr>
                """
        }
        return """
            <table class="staffing-requirements"><thead><tr>\(link.sortHeader(StaffingText.name(language), key: "name", current: current))
            <th>\(StaffingText.lines(language))</th><th class="num">\(StaffingText.version(language))</th>
            \(link.sortHeader(StaffingText.updated(language), key: "updated", current: current))<th></th></tr></thead>
            <tbody>\(rows)</tbody></table>
            \(link.pager(page: requirements.page, pageCount: requirements.pageCount, total: requirements.total, language: language))
            """
    }

    private func formBlock(_ layout: Layout) -> HTML {
        let language = layout.language
        let version: HTML = form.version.map { "<input type=\"hidden\" name=\"version\" value=\"\($0)\">" } ?? .empty
        let summary: HTML = refusal.map { $0.summary(language, fields: ["name", "lines"]) } ?? .empty
        return """
            <form method="post" action="\(formPath)" class="card stacked no-print" id="requirement-form">
            <h2>\(editing == nil ? StaffingText.create(language) : StaffingText.editTitle(language))</h2>
            \(summary)
            <input type="hidden" name="_csrf" value="\(layout.csrfToken)">
            \(version)
            <label for="name">\(StaffingText.name(language))</label>
            <input id="name" name="name" value="\(form.name)" required\(refusal?.marks("name") ?? .empty)>
            \(refusal?.message(for: "name") ?? .empty)
            <label for="lines">\(StaffingText.lines(language))</label>
            <textarea id="lines" name="lines" rows="6" aria-describedby="lines-help"\(refusal?.marks("lines") ?? .empty)>\(form.lines)</textarea>
            <span id="lines-help" class="muted">\(StaffingText.linesHelp(language))</span>
            \(refusal?.message(for: "lines") ?? .empty)
            <button type="submit">\(StaffingText.save(language))</button>
            </form>
            """
    }
}

/// `/staffing/{id}/check?org=&as_of=`: a requirement checked against a unit. The model; the view is pure.
struct StaffingCheckPage: Sendable {
    var requirement: StaffingRequirementView
    var units: [OrgUnit]
    var org = ""
    var asOf = ""
    var report: StaffingCheckReport?
    var errors = FieldErrors()

    func render(layout: Layout) -> HTML {
        let language = layout.language
        let form: HTML =
            units.isEmpty
            ? "<p class=\"empty\">\(StaffingText.noUnits(language))</p>"
            : """
            <form method="get" action="/staffing/\(requirement.id)/check" class="filters no-print">
            \(StaffingParts.unitSelect(units, selected: org, errors: errors, language))
            <label for="as_of">\(StaffingText.asOf(language))</label>
            <input id="as_of" name="as_of" type="date" value="\(asOf)"\(errors.attributes("as_of", id: "as_of"))>
            \(errors.message("as_of", id: "as_of"))
            <button type="submit">\(StaffingText.check(language))</button>
            </form>
            """
        let lines = requirement.lines.map { line -> HTML in "<li>\(StaffingParts.line(line, language))</li>" }
        return layout.render(
            """
            <h1>\(StaffingText.checkTitle(language)): \(requirement.name)</h1>
            <ul class="lines">\(lines)</ul>
            \(form)
            \(result(language))
            """)
    }

    private func result(_ language: Language) -> HTML {
        guard let report else {
            return units.isEmpty || !errors.isEmpty ? .empty : "<p class=\"muted\">\(StaffingText.chooseCheckUnit(language))</p>"
        }
        let outcome = report.result
        let date = report.asOf.map { String(describing: $0) } ?? StaffingText.now(language)
        let status: HTML =
            outcome.isStaffed
            ? "<p class=\"ok staffing-status\">\(StaffingText.staffed(language))</p>"
            : "<p class=\"error staffing-status\">\(StaffingText.notStaffed(language))</p>"
        return """
            <section class="card staffing-result">
            <p>\(report.orgUnit.code) — \(report.orgUnit.name) · \(date) · \(outcome.filled) \(StaffingText.filledOf(language)) \(outcome.required)</p>
            \(status)
            \(HTML.join(outcome.lines.map { lineBlock($0, language) }))
            </section>
            """
    }

    private func lineBlock(_ line: StaffingLineResult, _ language: Language) -> HTML {
        let counted: HTML =
            line.counted.isEmpty
            ? "<p class=\"muted\">\(StaffingText.nobody(language))</p>"
            : "<ul class=\"counted\">\(line.counted.map { person -> HTML in "<li>\(StaffingParts.person(person.person)) · \(PartsText.level(language)) \(person.level)\(person.role.map { " · \(StaffingText.roleName($0)(language))" } ?? "")</li>" })</ul>"
        var shortfall: HTML = .empty
        if line.shortfall > 0 {
            let near: HTML =
                line.near.isEmpty
                ? "<p class=\"muted\">\(StaffingText.noNearForLine(language))</p>"
                : """
                <ul class="near">\(line.near.map { candidate -> HTML in "<li>\(StaffingParts.person(candidate.person)): \(StaffingParts.lack(candidate.lack, field: line.line.field, language))</li>" })</ul>
                """
            let more: HTML =
                line.nearTotal > line.near.count
                ? "<p class=\"muted\">+\(line.nearTotal - line.near.count) \(StaffingText.moreNear(language))</p>" : .empty
            shortfall = """
                <p class="error shortfall">\(StaffingText.shortfall(language)) \(line.shortfall)</p>
                <h4>\(StaffingText.nearFor(language))</h4>
                \(near)\(more)
                """
        }
        return """
            <article class="staffing-line" id="line-\(line.index + 1)">
            <h3>\(StaffingText.line(language)) \(line.index + 1): \(StaffingParts.line(line.line, language))</h3>
            <p class="muted">\(line.qualifying) \(StaffingText.qualifying(language)) · \(StaffingText.counted(language)) \(line.counted.count)/\(line.line.count)</p>
            \(counted)
            \(shortfall)
            </article>
            """
    }
}
