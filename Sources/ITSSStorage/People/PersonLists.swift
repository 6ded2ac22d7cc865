import ITSSDomain
import SQLKit

/// The lists that belong to one person — assessments, track record, level history, development plans — one page
/// at a time: two queries per list and page (the count and the page), however long the person's history grows.
extension AppDatabase {
    /// A person's assessments, newest cycle first, one page, with the ratings of that page's assessments only.
    /// - Throws: database errors.
    public func assessments(personID: Int64, page: PageRequest) async throws -> Page<AssessmentView> {
        let total = try await count("SELECT COUNT(*) AS n FROM assessments WHERE person_id = \(bind: personID)")
        return Page(
            items: try await assessmentViews(where: "a.person_id = \(bind: personID)", page: page), page: page.page,
            perPage: page.perPage, total: total)
    }

    /// The latest version of a person's records, oldest first, one page.
    /// - Throws: database errors.
    public func experience(personID: Int64, page: PageRequest) async throws -> Page<ExperienceRecord> {
        let total = try await count(
            "SELECT COUNT(DISTINCT record_id) AS n FROM experience_records WHERE person_id = \(bind: personID)")
        return Page(
            items: try await experience(personID: personID, page: Optional(page)), page: page.page, perPage: page.perPage,
            total: total)
    }

    /// A person's official level changes, oldest first (or newest first), one page.
    /// - Throws: database errors.
    public func levelHistory(personID: Int64, page: PageRequest, newestFirst: Bool = false) async throws -> Page<LevelChange> {
        let total = try await count("SELECT COUNT(*) AS n FROM level_history WHERE person_id = \(bind: personID)")
        return Page(
            items: try await levelHistory(personID: personID, page: Optional(page), newestFirst: newestFirst), page: page.page,
            perPage: page.perPage, total: total)
    }

    /// A person's development plans, newest first, one page, with their actions.
    /// - Throws: database errors.
    public func plans(personID: Int64, page: PageRequest) async throws -> Page<PlanView> {
        let total = try await count("SELECT COUNT(*) AS n FROM development_plans WHERE person_id = \(bind: personID)")
        return Page(
            items: try await planViews(where: "d.person_id = \(bind: personID)", page: page), page: page.page,
            perPage: page.perPage, total: total)
    }

    private func count(_ query: SQLQueryString) async throws -> Int {
        try await sql().raw(query).first()?.decode(column: "n", as: Int.self) ?? 0
    }
}
