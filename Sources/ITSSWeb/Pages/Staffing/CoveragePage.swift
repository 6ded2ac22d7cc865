import ITSSDomain
import ITSSStorage

/// `/coverage`: per skill item of a field, how many people of a unit (with its sub-units) are rated at least each
/// level, the single points of failure and the people one condition from their next level. The model;
/// `render(layout:)` is the pure view.
struct CoveragePage: Sendable {
    /// The units the principal may look at (the filter's choices).
    var units: [OrgUnit]
    /// Assessable fields (the filter's choices): key and label.
    var fields: [(key: String, label: String)]
    var org = ""
    var field = ""
    var report: CoverageReport?
    /// Near candidates of the one chosen field.
    var near: NearCandidatePage?
    var errors = FieldErrors()

    var query: String {
        "org=" + HTML.percentEncoded(org) + (field.isEmpty ? "" : "&field=" + HTML.percentEncoded(field))
    }

    func render(layout: Layout) -> HTML {
        let language = layout.language
        let fieldOptions = fields.map { option -> HTML in
            "<option value=\"\(option.key)\"\(option.key == field ? " selected" as HTML : .empty)>\(option.label)</option>"
        }
        let form: HTML =
            units.isEmpty
            ? "<p class=\"empty\">\(StaffingText.noUnits(language))</p>"
            : """
            <form method="get" action="/coverage" class="filters no-print">
            \(StaffingParts.unitSelect(units, selected: org, errors: errors, language))
            <label for="field">\(PartsText.field(language))</label>
            <select id="field" name="field"\(errors.attributes("field", id: "field"))><option value="">\(StaffingText.allFields(language))</option>\(fieldOptions)</select>
            \(errors.message("field", id: "field"))
            <button type="submit">\(StaffingText.show(language))</button>
            </form>
            """
        return layout.render(
            """
            <h1>\(StaffingText.coverage(language))</h1>
            \(form)
            \(body(language))
            """)
    }

    private func body(_ language: Language) -> HTML {
        guard let report else {
            return units.isEmpty || !errors.isEmpty ? .empty : "<p class=\"muted\">\(StaffingText.chooseUnit(language))</p>"
        }
        let head: HTML = """
            <p>\(report.orgUnit.code) — \(report.orgUnit.name) · \(report.people) \(StaffingText.activePeople(language))</p>
            """
        guard !report.fields.isEmpty else { return head + "<p class=\"empty\">\(StaffingText.noAssessments(language))</p>" }
        return head + HTML.join(report.fields.map { fieldSection($0, language) })
    }

    private func fieldSection(_ coverage: FieldCoverage, _ language: Language) -> HTML {
        let levels = Array(1...7)
        let header = levels.map { level -> HTML in
            "<th class=\"num\(coverage.definedLevels.contains(level) ? "" : " muted")\">\(level)</th>"
        }
        let rows = coverage.items.map { item -> HTML in
            let cells = levels.map { level -> HTML in
                let count = item.rated(atLeast: level)
                return "<td class=\"num\(count == 0 ? " muted" : "")\">\(count)</td>"
            }
            let flag: HTML =
                item.isSinglePointOfFailure ? "<span class=\"badge spof\">\(StaffingText.singlePoint(language))</span>" : .empty
            return "<tr><td>\(item.item)</td>\(cells)<td>\(flag)</td></tr>"
        }
        let spof: HTML =
            coverage.singlePointsOfFailure.isEmpty
            ? "<p class=\"ok\">\(StaffingText.noSinglePoints(language))</p>"
            : "<ul class=\"spof-list\">\(coverage.singlePointsOfFailure.map { item -> HTML in "<li>\(item.item) (\(item.rated(atLeast: 4)))</li>" })</ul>"
        return """
            <section class="card coverage" id="field-\(coverage.fieldID)">
            <h2>\(SkillPageParts.label(coverage.field))</h2>
            <p class="muted">\(coverage.assessed) \(StaffingText.assessed(language))</p>
            <table class="coverage-table"><caption>\(StaffingText.ratedAtLeast(language))</caption>
            <thead><tr><th>\(StaffingText.item(language))</th>\(header)<th></th></tr></thead><tbody>\(rows)</tbody></table>
            <h3>\(StaffingText.singlePoints(language))</h3>
            \(spof)
            <h3>\(StaffingText.nearCandidates(language))</h3>
            \(nearBlock(language))
            </section>
            """
    }

    private func nearBlock(_ language: Language) -> HTML {
        guard let near else { return "<p class=\"muted\">\(StaffingText.chooseField(language))</p>" }
        guard !near.items.isEmpty || near.page > 1 else { return "<p class=\"empty\">\(StaffingText.noNear(language))</p>" }
        let rows = near.items.map { candidate -> HTML in
            """
            <tr><td>\(StaffingParts.person(candidate.person))</td>\
            <td>\(SkillPageParts.level(candidate.level, lowest: 1, language))</td><td class="num">\(candidate.nextLevel)</td>\
            <td>\(StaffingParts.condition(candidate.lack, language))</td></tr>
            """
        }
        let base = "/coverage?" + query + "&"
        let previous: HTML =
            near.page > 1 ? "<a rel=\"prev\" href=\"\(base)page=\(near.page - 1)\">\(PartsText.previous(language))</a>" : .empty
        let next: HTML =
            near.hasMore ? "<a rel=\"next\" href=\"\(base)page=\(near.page + 1)\">\(PartsText.next(language))</a>" : .empty
        return """
            <table class="near"><thead><tr><th>\(PartsText.person(language))</th><th>\(StaffingText.now(language))</th>
            <th class="num">\(StaffingText.next(language))</th><th>\(StaffingText.lacks(language))</th></tr></thead><tbody>\(rows)</tbody></table>
            <nav class="pager no-print" aria-label="\(PartsText.pages(language))">\(previous)<span>\(PartsText.page(language)) \(near.page)</span>\(next)</nav>
            """
    }
}

/// Loads the coverage page: the units open to the principal, then (for a chosen unit) the report and one page of
/// near candidates. A fixed number of queries; near candidates are computed in batches only up to the page.
struct CoverageQuery {
    let database: AppDatabase

    /// - Throws: `Problem` 403 for a unit outside the principal's reach, database errors.
    func load(principal: Principal, org: String?, field: String?, page: Int, language: Language) async throws -> CoveragePage {
        let units = try await database.readableOrgUnits(principal: principal)
        let fields = try await database.catalogFieldSummaries().filter { $0.kind == .specialty }.map {
            (key: SkillPageParts.key($0.reference), label: SkillPageParts.label($0.reference))
        }
        var model = CoveragePage(units: units, fields: fields, org: org ?? "", field: field ?? "")
        guard let org else { return model }
        guard let unit = try await StaffingQueryParts.unit(org, among: units, database: database, errors: &model.errors)
        else { return model }
        var fieldID: Int64?
        if let field {
            do {
                fieldID = try await database.fieldID(field)
            } catch {
                guard let problem = SkillPageParts.refusal(error, language) else { throw error }
                model.errors["field"] = problem.detail
                return model
            }
        }
        model.report = try await database.coverage(orgUnitID: unit.id, fieldID: fieldID)
        if let fieldID {
            model.near = try await database.nearCandidates(
                orgUnitID: unit.id, fieldID: fieldID, page: PageRequest(page: page, perPage: 50))
        }
        return model
    }
}

/// What the staffing pages' queries share.
enum StaffingQueryParts {
    /// The unit of the filter when it is open to the principal; an unknown code becomes a field error (`nil`).
    /// - Throws: `Problem` 403 for a unit that exists but is outside the principal's reach.
    static func unit(
        _ code: String, among units: [OrgUnit], database: AppDatabase, errors: inout FieldErrors
    ) async throws -> OrgUnit? {
        if let unit = units.first(where: { $0.code == code }) { return unit }
        do {
            _ = try await database.orgUnitID(code)
        } catch let error as StorageError {
            errors["org"] = error.errorDescription
            return nil
        }
        throw Problem(status: .forbidden, detail: "not allowed: you may not see the people of org unit \"\(code)\"")
    }
}
