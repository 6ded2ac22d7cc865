import ITSSDomain
import ITSSStorage

/// An assessment as the signed-in principal may see it, with how they relate to its person.
struct ReadableAssessment: Sendable {
    var view: AssessmentView
    var personID: Int64
    var relation: SubjectRelation
    var principal: Principal

    /// Loads the assessment when the principal may read its person's data; an unknown assessment and one they may
    /// not read get the same 404.
    /// - Throws: `SkillPageParts.assessmentNotFound`, database errors.
    static func load(_ id: Int64?, database: AppDatabase, principal: Principal) async throws -> ReadableAssessment {
        guard let id else { throw SkillPageParts.assessmentNotFound }
        let view: AssessmentView
        do {
            view = try await database.assessment(id)
        } catch StorageError.notFound {
            throw SkillPageParts.assessmentNotFound
        }
        let personID = try await database.personID(view.employeeNumber)
        let relation = try await database.relation(of: principal, toPerson: personID)
        guard AccessPolicy.permitsReading(principal, on: relation) else { throw SkillPageParts.assessmentNotFound }
        return ReadableAssessment(view: view, personID: personID, relation: relation, principal: principal)
    }
}

/// Loads the self-assessment page: the assessment, its field from the cached catalog, the provisional level.
struct SelfAssessmentQuery {
    let database: AppDatabase

    /// - Throws: `SkillPageParts.assessmentNotFound`, database errors.
    func load(_ id: Int64?, principal: Principal) async throws -> SelfAssessmentPage {
        let readable = try await ReadableAssessment.load(id, database: database, principal: principal)
        return try await page(readable)
    }

    func page(_ readable: ReadableAssessment) async throws -> SelfAssessmentPage {
        let view = readable.view
        let field = try await database.assessedField(of: view)
        let own = readable.relation == .own
        let provisional =
            own && view.ratings.contains { $0.selfLevel != nil }
            ? try await database.levels(of: view.employeeNumber, field: SkillPageParts.key(view.field)).first?.provisional
            : nil
        return SelfAssessmentPage(
            assessment: view, field: field.field, editable: own && view.state.isEditableBySelf, provisional: provisional)
    }
}
