import Hummingbird
import ITSSDomain
import ITSSStorage

/// `/people/{employeeNumber}/sheet`: a person's skill sheet on one printable page — levels per field with the
/// reasons, the ratings of the latest approved assessment per field, the track record and the plans. The model;
/// `render(layout:)` is the pure view.
struct SheetPage: Sendable {
    var person: Person
    var orgUnit: String?
    var levels: [PersonLevel]
    /// The latest approved assessment of each field, newest cycle first.
    var assessments: [AssessmentView]
    var experience: [ExperienceRecord]
    var plans: [PlanView]

    func render(layout: Layout) -> HTML {
        let language = layout.language
        return layout.render(
            """
            <article class="sheet">
            <h1>\(StaffingText.sheet(language)): \(person.name) <span class="muted">\(person.employeeNumber)</span></h1>
            <p class="muted">\(orgUnit)\(person.joinedOn.map { " · \($0)" })</p>
            <p class="no-print"><a href="/people/\(url: person.employeeNumber)">\(PartsText.open(language))</a></p>
            <h2>\(ProfileText.levels(language))</h2>
            \(levelsBlock(language))
            <h2>\(StaffingText.ratingsLatest(language))</h2>
            \(ratingsBlock(language))
            <h2>\(StaffingText.trackRecord(language))</h2>
            \(experienceBlock(language))
            <h2>\(StaffingText.plans(language))</h2>
            \(plansBlock(language))
            </article>
            """)
    }

    private func levelsBlock(_ language: Language) -> HTML {
        guard !levels.isEmpty else { return "<p class=\"empty\">\(ProfileText.noFields(language))</p>" }
        let rows = levels.map { level -> HTML in
            """
            <tr><td>\(SkillPageParts.label(level.field))</td><td><strong>\(SkillPageParts.level(level.official, language))</strong></td>
            <td>\(SkillPageParts.explanation(level.official, language))</td></tr>
            """
        }
        return """
            <table class="sheet-levels"><thead><tr><th>\(PartsText.field(language))</th><th>\(PartsText.official(language))</th>
            <th>\(StaffingText.next(language))</th></tr></thead><tbody>\(rows)</tbody></table>
            """
    }

    private func ratingsBlock(_ language: Language) -> HTML {
        guard !assessments.isEmpty else { return "<p class=\"empty\">\(StaffingText.noRatings(language))</p>" }
        return HTML.join(
            assessments.map { assessment in
                let rows = assessment.ratings.map { rating -> HTML in
                    """
                    <tr><td>\(rating.item)</td><td class="num">\(rating.selfLevel.map(String.init) ?? "–")</td>\
                    <td class="num">\(rating.evaluatorLevel.map(String.init) ?? "–")</td></tr>
                    """
                }
                return """
                    <section class="sheet-ratings"><h3>\(SkillPageParts.label(assessment.field)) · \(PartsText.cycle(language)) \(assessment.cycle)</h3>
                    <table><thead><tr><th>\(ReviewText.item(language))</th><th class="num">\(StaffingText.selfRating(language))</th>
                    <th class="num">\(StaffingText.evaluatorRating(language))</th></tr></thead><tbody>\(rows)</tbody></table></section>
                    """
            })
    }

    private func experienceBlock(_ language: Language) -> HTML {
        guard !experience.isEmpty else { return "<p class=\"empty\">\(StaffingText.noTrackRecord(language))</p>" }
        let rows = experience.map { record -> HTML in
            let scale = ScaleMeasure.allCases.compactMap { measure in
                record.measures[measure].map { ScaleCondition.format($0, measure) }
            }.joined(separator: ", ")
            return """
                <tr><td>\(SkillPageParts.label(record.field))</td><td>\(StaffingText.roleName(record.role)(language))</td>
                <td>\(record.from.description)…\(record.to?.description)</td><td>\(scale)</td><td>\(record.customer)</td>
                <td>\(record.isVerified ? StaffingText.verified(language) : StaffingText.notVerified(language))</td></tr>
                """
        }
        return """
            <table class="sheet-experience"><thead><tr><th>\(PartsText.field(language))</th><th>\(StaffingText.role(language))</th>
            <th>\(StaffingText.period(language))</th><th>\(StaffingText.scale(language))</th><th></th><th></th></tr></thead>
            <tbody>\(rows)</tbody></table>
            """
    }

    private func plansBlock(_ language: Language) -> HTML {
        guard !plans.isEmpty else { return "<p class=\"empty\">\(StaffingText.noPlans(language))</p>" }
        let items = plans.map { plan -> HTML in
            let actions = plan.actions.map { action -> HTML in
                "<li>\(action.title) <span class=\"muted\">\(ProfileText.status(action.status)(language))\(action.dueOn.map { " · \($0)" })</span></li>"
            }
            return """
                <li><strong>\(plan.field.field) → \(PartsText.level(language)) \(plan.targetLevel)</strong> · \(plan.progressPercentage)% \(StaffingText.done(language))
                <ul>\(actions)</ul></li>
                """
        }
        return "<ul class=\"sheet-plans\">\(items)</ul>"
    }
}

extension ProfileQuery {
    /// The skill sheet of a person the caller may read (`AppDatabase.skillSheet`, the read the API and
    /// `itss person sheet` use too). A fixed number of per-person queries.
    /// - Throws: `StorageError.notFound` for an unknown person, database errors.
    func sheet(personID: Int64) async throws -> SheetPage {
        let sheet = try await database.skillSheet(personID: personID)
        return SheetPage(
            person: sheet.person, orgUnit: sheet.orgUnit, levels: sheet.levels, assessments: sheet.assessments,
            experience: sheet.experience, plans: sheet.plans)
    }
}

/// `/people/{employeeNumber}/sheet`, with the profile's access rule: an unknown person and one the caller may not
/// read get the same 404.
struct SheetRoutes {
    let database: AppDatabase

    func add(to router: Router<AppRequestContext>) {
        router.get("/people/:number/sheet") { _, context in
            let identity = try context.requireIdentity()
            guard let number = context.parameters.get("number"),
                let personID = try await SkillPageParts.readablePerson(number, database: database, principal: identity.principal)
            else { throw SkillPageParts.personNotFound }
            let page = try await ProfileQuery(database: database).sheet(personID: personID)
            return Response.html(
                page.render(
                    layout: context.layout(
                        "\(StaffingText.sheet(context.language)): \(page.person.name)",
                        path: "/people/" + HTML.percentEncoded(number) + "/sheet")))
        }
    }
}
