import ITSSDomain
import ITSSStorage

/// Loads *My skills* for one person: a fixed number of queries (levels, assessments, experience), whatever the
/// size of the organisation.
struct MySkillsQuery {
    let database: AppDatabase

    /// - Parameters:
    ///   - assessmentsPage: Which page of the person's assessments to show.
    ///   - experiencePage: Which page of the person's track record to show.
    /// - Throws: `StorageError.notFound` for an unknown person, database errors.
    func load(
        personID: Int64, assessmentsPage: PageRequest = PageRequest(perPage: SubList.perPage),
        experiencePage: PageRequest = PageRequest(perPage: SubList.perPage)
    ) async throws -> MySkillsPage {
        let person = try await database.person(id: personID)
        let levels = try await database.levels(of: person)
        let assessmentPage = try await database.assessments(personID: personID, page: assessmentsPage)
        let assessments = assessmentPage.items.map {
            MySkillsPage.AssessmentSummary(
                id: $0.id, field: $0.field, cycle: $0.cycle, state: $0.state, returnComment: $0.returnComment)
        }
        let experiencePage = try await database.experience(personID: personID, page: experiencePage)
        let experience = experiencePage.items
        // The person's own fields first, then the rest of the catalog.
        let all = try await database.assessableFields()
        let fields = person.fields.filter(all.contains) + all.filter { !person.fields.contains($0) }
        var page = MySkillsPage(
            employeeNumber: person.employeeNumber, name: person.name, levels: levels, assessments: assessments,
            experience: experience, fields: fields,
            profiles: try await database.profiles(page: PageRequest(page: 1, perPage: 100)).items,
            assessmentList: SubList(assessmentPage, parameter: "assessments_page"),
            experienceList: SubList(experiencePage, parameter: "experience_page"))
        if let first = fields.first {
            page.start.field = SkillPageParts.key(first)
            page.record.field = SkillPageParts.key(first)
        }
        return page
    }
}
