import ITSSDomain
import ITSSStorage

/// Loads the review queue and one assessment under review.
struct ReviewQuery {
    let database: AppDatabase

    /// The queue of the signed-in evaluator: one page, two queries.
    /// - Throws: database errors.
    func queue(for account: Account, page: PageRequest) async throws -> ReviewQueuePage {
        guard let personID = account.personID else { return ReviewQueuePage(page: nil) }
        return ReviewQueuePage(page: try await database.reviewQueue(evaluatorID: personID, page: page))
    }

    /// One assessment as the principal may see it, with the person's official level and pending experience.
    /// - Throws: `SkillPageParts.assessmentNotFound`, database errors.
    func assessment(_ id: Int64?, principal: Principal) async throws -> ReviewPage {
        try await page(ReadableAssessment.load(id, database: database, principal: principal))
    }

    func page(_ readable: ReadableAssessment) async throws -> ReviewPage {
        let view = readable.view
        let field = try await database.assessedField(of: view)
        let official = try await database.levels(of: view.employeeNumber, field: SkillPageParts.key(view.field)).first?.official
        let pending = try await database.experience(of: view.employeeNumber).filter { !$0.isVerified }
        // Any role may evaluate (an HR person can hold an assignment too): ask the assignments, one query.
        var evaluator = false
        if let actor = readable.principal.personID, actor != readable.personID {
            evaluator = try await database.evaluators(of: view.employeeNumber).contains { $0.id == actor }
        }
        return ReviewPage(
            assessment: view, field: field.field, canDecide: evaluator && view.state == .submitted, canVerify: evaluator,
            official: official, pendingExperience: pending)
    }
}
