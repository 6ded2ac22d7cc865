import Foundation
import ITSSDomain
import ITSSStorage

/// `/admin/people`: everyone, a page at a time, sortable, filtered by org unit (with its sub-units), and the form
/// that adds a person through the lookup layer (`resolve(PersonForm)`), as `itss person add` does.
struct AdminPeoplePage: Sendable {
    /// The add form as typed.
    struct Form: Sendable, Hashable {
        var employeeNumber = ""
        var name = ""
        var email = ""
        var orgUnit = ""
        var joinedOn = ""
        var inactive = false
        /// Qualified field names (`V3 2008:Service Desk`), as the lookup reads them.
        var fields: [String] = []
    }

    /// A field a person may work in, as offered by the form.
    struct FieldChoice: Sendable, Hashable {
        var value: String
        var label: String
    }

    var people: Page<DirectoryPerson>
    var list: ListState
    /// The org unit filter (a code), if any.
    var unit: String?
    var codes: [String]
    var fieldChoices: [FieldChoice]
    var form = Form()
    var refusal: FormRefusal?
    var addedNumber: String?
    var csrfToken: String?

    /// Query: one sorted page of the directory (SQL), the unit codes and the assessable fields for the form.
    /// - Throws: `StorageError.notFound` for an unknown unit filter; database errors.
    static func load(_ database: AppDatabase, list: ListState, unit: String?) async throws -> AdminPeoplePage {
        let unitID = try await unit.asyncFlatMap { try await database.orgUnitID($0) }
        let sort = list.sort.flatMap(PeopleSort.init(rawValue:)) ?? .employeeNumber
        let people = try await database.peopleDirectory(
            inOrgUnit: unitID, sort: sort, descending: list.descending, page: list.pageRequest)
        let choices = try await database.catalogFieldSummaries().filter { $0.kind == .specialty }.map {
            FieldChoice(
                value: "\($0.reference.standard.version):\($0.reference.field)",
                label: "\($0.reference.field) (ITSS \($0.reference.standard.version))")
        }
        return AdminPeoplePage(
            people: people, list: list, unit: unit, codes: try await database.orgUnits().map(\.code).sorted(),
            fieldChoices: choices)
    }

    /// The form's values as the lookup layer takes them.
    /// - Throws: `FieldError` for a joining date that is not a date.
    static func personForm(_ form: Form, language: Language) throws -> PersonForm {
        var joined: Day?
        if !form.joinedOn.isEmpty {
            guard let day = Day(form.joinedOn) else {
                throw FieldError(
                    field: "joined_on", underlying: Problem(status: .unprocessableContent, detail: AdminText.badDate(language)))
            }
            joined = day
        }
        return PersonForm(
            employeeNumber: form.employeeNumber, name: form.name, email: form.email.isEmpty ? nil : form.email,
            orgUnit: form.orgUnit.isEmpty ? nil : form.orgUnit, active: !form.inactive, joinedOn: joined, fields: form.fields)
    }

    /// The form field a lookup or use case error without a field is about.
    static func field(forDetail detail: String) -> String? {
        if detail.hasPrefix("org unit") { return "org_unit" }
        if detail.hasPrefix("specialty field") || detail.contains("field") { return "fields" }
        if detail.hasPrefix("employee number") { return "employee_number" }
        return nil
    }

    /// View.
    func render(layout: Layout) -> HTML {
        let language = layout.language
        let link = ListLink(path: "/admin/people", filters: [("unit", unit ?? "")], state: list)
        let current = list.sort.flatMap(PeopleSort.init(rawValue:))?.rawValue ?? PeopleSort.employeeNumber.rawValue
        let table: HTML
        if people.total == 0 {
            table = "<p class=\"empty\">\(unit == nil ? AdminText.noPeople(language) : AdminText.noPeopleInUnit(language))</p>"
        } else if people.items.isEmpty {
            table = "<p class=\"empty\"><a href=\"\(link.href(page: 1))\">\(ListText.pageEmpty(language))</a></p>"
        } else {
            let rows = people.items.map { entry -> HTML in
                let person = entry.person
                let unitText: HTML = entry.orgUnitCode.map { "<code>\($0)</code> \(entry.orgUnitName ?? "")" } ?? "—"
                return """
                    <tr><td><a href="/people/\(url: person.employeeNumber)">\(person.employeeNumber)</a></td><td>\(person.name)</td>\
                    <td>\(unitText)</td><td>\(person.joinedOn?.description ?? "—")</td>\
                    <td>\(person.active ? AdminText.yes(language) : AdminText.no(language))</td>\
                    <td>\(person.fields.map(\.field).joined(separator: ", "))</td></tr>
                    """
            }
            table = """
                <table>
                <thead><tr>\(link.sortHeader(AdminText.employeeNumber(language), key: "number", current: current))\
                \(link.sortHeader(AdminText.name(language), key: "name", current: current))\
                \(link.sortHeader(AdminText.orgUnit(language), key: "unit", current: current))\
                \(link.sortHeader(AdminText.joinedOn(language), key: "joined", current: current))\
                <th>\(AdminText.active(language))</th><th>\(AdminText.fields(language))</th></tr></thead>
                <tbody>\(rows)</tbody>
                </table>
                """
        }
        func unitOptions(selected: String?, empty: Localized) -> HTML {
            "<option value=\"\">\(empty(language))</option>"
                + HTML.join(
                    codes.map { code -> HTML in
                        let mark: HTML = code == selected ? " selected" : .empty
                        return "<option value=\"\(code)\"\(mark)>\(code)</option>"
                    })
        }
        let fieldBoxes = HTML.join(
            fieldChoices.map { choice -> HTML in
                let checked: HTML = form.fields.contains(choice.value) ? " checked" : .empty
                return
                    "<label class=\"choice\"><input type=\"checkbox\" name=\"fields\" value=\"\(choice.value)\"\(checked)> \(choice.label)</label>"
            })
        let notice = addedNumber.map { AdminText.added(language).replacingOccurrences(of: "{x}", with: $0) }
        let inactive: HTML = form.inactive ? " checked" : .empty
        let formFields = ["employee_number", "name", "email", "org_unit", "joined_on", "fields"]
        return AdminNav.page(
            current: "/admin/people", layout: layout,
            """
            <h1>\(AdminText.people(language))</h1>
            \(Notice.render(notice))
            <form method="get" action="/admin/people" class="filters no-print">
            <label for="unit-filter">\(AdminText.orgUnit(language))</label>
            <select id="unit-filter" name="unit">\(unitOptions(selected: unit, empty: AdminText.allUnits))</select>
            <input type="hidden" name="sort" value="\(current)">
            <button type="submit">\(AdminText.filter(language))</button>
            </form>
            \(table)
            \(link.pager(page: people.page, pageCount: people.pageCount, total: people.total, language: language))
            <section class="card no-print">
            <h2>\(AdminText.addPerson(language))</h2>
            \(refusal.summary(language, fields: formFields))
            <form method="post" action="/admin/people" class="stacked">
            <input type="hidden" name="_csrf" value="\(csrfToken)">
            <label for="employee_number">\(AdminText.employeeNumber(language))</label>
            <input id="employee_number" name="employee_number" value="\(form.employeeNumber)" required\(refusal.marks("employee_number"))>
            \(refusal.message(for: "employee_number"))
            <label for="name">\(AdminText.name(language))</label>
            <input id="name" name="name" value="\(form.name)" required\(refusal.marks("name"))>
            \(refusal.message(for: "name"))
            <label for="email">\(AdminText.email(language)) <span class="muted">(\(FormText.optional(language)))</span></label>
            <input id="email" name="email" type="email" value="\(form.email)"\(refusal.marks("email"))>
            \(refusal.message(for: "email"))
            <label for="org_unit">\(AdminText.orgUnit(language))</label>
            <select id="org_unit" name="org_unit"\(refusal.marks("org_unit"))>\(unitOptions(selected: form.orgUnit, empty: AdminText.noUnit))</select>
            \(refusal.message(for: "org_unit"))
            <label for="joined_on">\(AdminText.joinedOn(language)) <span class="muted">(\(AdminText.dateFormat(language)))</span></label>
            <input id="joined_on" name="joined_on" type="date" value="\(form.joinedOn)"\(refusal.marks("joined_on"))>
            \(refusal.message(for: "joined_on"))
            <fieldset id="fields"\(refusal.marks("fields"))><legend>\(AdminText.fields(language))</legend>\(fieldBoxes)</fieldset>
            \(refusal.message(for: "fields"))
            <label class="choice"><input type="checkbox" name="inactive" value="1"\(inactive)> \(AdminText.inactive(language))</label>
            <button type="submit">\(AdminText.add(language))</button>
            </form>
            </section>
            """)
    }
}
