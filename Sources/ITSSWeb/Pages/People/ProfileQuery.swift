import ITSSDomain
import ITSSStorage

/// Loads a person's profile (a fixed number of per-person queries) and the people list (two queries per page).
struct ProfileQuery {
    let database: AppDatabase

    /// The gap target as the GET form sends it: `?target=FIELD:LEVEL`, or its two halves `target_field` and
    /// `target_level` (the form's selects).
    struct Target: Sendable, Hashable {
        var field: String
        var level: String

        /// `FIELD:LEVEL` split at the last colon (`V3 2008:Service Desk:4`).
        init?(combined: String?) {
            guard let combined, let colon = combined.lastIndex(of: ":") else { return nil }
            field = String(combined[..<colon])
            level = String(combined[combined.index(after: colon)...])
        }

        init(field: String, level: String) {
            self.field = field
            self.level = level
        }
    }

    /// - Parameters:
    ///   - chartField: The field whose ratings the chart shows (a qualified key); the first field by default.
    ///   - target: The gap target, if the form was sent.
    /// - Throws: `StorageError.notFound` for an unknown person, database errors.
    ///   - historyPage: Which page of the level history to show (newest first).
    ///   - plansPage: Which page of the development plans to show (newest first).
    func load(
        personID: Int64, principal: Principal, relation: SubjectRelation, chartField: String?, target: Target?,
        language: Language, historyPage: PageRequest = PageRequest(perPage: SubList.perPage),
        plansPage: PageRequest = PageRequest(perPage: SubList.perPage)
    ) async throws -> ProfilePage {
        let person = try await database.person(id: personID)
        let levels = try await database.levels(of: person)
        let history = try await database.levelHistory(personID: personID, page: historyPage, newestFirst: true)
        let plans = try await database.plans(personID: personID, page: plansPage)
        let fields = person.fields
        var page = ProfilePage(
            person: person, levels: levels, chart: nil, fields: fields, history: history.items, plans: plans.items,
            canEditPlans: principal.role >= .hr || relation == .own || relation == .evaluatee)
        page.historyList = SubList(history, parameter: "history_page")
        page.planList = SubList(plans, parameter: "plans_page")
        if principal.role >= .hr || (principal.role == .evaluator && relation == .evaluatee) {
            page.carry = CarryForm(options: CarryForm.options(try await database.crosswalkFieldPairs(), fields: fields))
        }
        let chartReference = fields.first { SkillPageParts.key($0) == chartField } ?? fields.first
        if let chartReference {
            page.chart = try await chart(of: personID, in: chartReference)
            page.newPlanField = SkillPageParts.key(chartReference)
            page.targetField = SkillPageParts.key(chartReference)
        }
        if let target {
            page.targetField = target.field
            page.targetLevel = target.level
            do {
                guard let level = Int(target.level), !target.field.isEmpty else {
                    throw Problem(status: .unprocessableContent, detail: ProfileText.badTarget(language))
                }
                page.gap = try await database.gap(
                    personID: personID, fieldID: try await database.fieldID(target.field), target: level)
            } catch {
                guard let problem = SkillPageParts.refusal(error, language) else { throw error }
                page.gapErrors["target"] = problem.detail
            }
        }
        return page
    }

    /// The ratings of the person's latest assessment in a field (approved ones first: they are official).
    private func chart(of personID: Int64, in field: FieldReference) async throws -> ProfilePage.Chart? {
        let assessments = try await database.assessments(personID: personID).filter { $0.field == field }
        guard let latest = assessments.first(where: { $0.state == .approved }) ?? assessments.first else { return nil }
        let assessed = try await database.assessedField(of: latest)
        let items = assessed.field.items.map(\.name)
        let ratings = Dictionary(latest.ratings.map { ($0.item, $0) }, uniquingKeysWith: { first, _ in first })
        return ProfilePage.Chart(
            field: field, cycle: latest.cycle, state: latest.state, items: items,
            selfLevels: items.map { ratings[$0]?.selfLevel }, evaluatorLevels: items.map { ratings[$0]?.evaluatorLevel },
            maximum: assessed.field.definedLevels.last ?? 7)
    }

    /// One page of the people list as the principal may see it.
    /// - Throws: database errors.
    func people(
        principal: Principal, orgUnit: String?, order: PeopleSort, page: PageRequest, language: Language
    ) async throws -> PeopleListPage {
        let units = try await database.orgUnits()
        let evaluatorScope = principal.role < .hr
        var errors = FieldErrors()
        var unitID: Int64?
        if let orgUnit {
            if let unit = units.first(where: { $0.code == orgUnit }) {
                unitID = unit.id
            } else {
                errors["org"] = PeopleText.unknownUnit(language)
            }
        }
        var listing: Page<DirectoryPerson>?
        if errors.isEmpty, !(evaluatorScope && principal.personID == nil) {
            let scope: PeopleScope = evaluatorScope ? .evaluatedBy(personID: principal.personID ?? -1) : .everyone
            listing = try await database.peopleDirectory(scope: scope, inOrgUnit: unitID, sort: order, page: page)
        }
        return PeopleListPage(
            page: listing, orgUnits: units, orgUnit: orgUnit ?? "", order: order, evaluatorScope: evaluatorScope,
            errors: errors)
    }
}
