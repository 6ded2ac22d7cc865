import Hummingbird
import ITSSDomain
import ITSSStorage

/// Assessments: start (`POST /people/{n}/assessments`), read (with its version as `ETag`), rate an item,
/// submit, approve, return. Writes honour `If-Match` (stale → 412, nothing written); without it they are blind.
struct AssessmentsAPI {
    let handlers: APIHandlers

    struct StartBody: Decodable, Sendable {
        var field: String
        var cycle: Cycle
        /// A tailoring profile to assess under (its current version).
        var profileId: String?
    }

    struct RatingBody: Decodable, Sendable {
        enum Side: String, Decodable, Sendable {
            case selfRating = "self"
            case evaluator
        }

        var level: Int
        var side: Side
        var reason: String?
        var note: String?
        var evidence: String?

        enum CodingKeys: String, CodingKey {
            case level
            case side = "as"
            case reason, note, evidence
        }
    }

    struct ReturnBody: Decodable, Sendable {
        var comment: String
    }

    func add(to api: RouterGroup<AppRequestContext>) {
        let database = handlers.database
        let handlers = handlers
        api.post("/people/{employeeNumber}/assessments") { request, context in
            let identity = try context.requireIdentity()
            let personID = try await handlers.readablePerson(
                try context.pathText("employeeNumber", what: "that person"), identity)
            let body = try await request.decodeJSON(StartBody.self, context: context)
            let fieldID = try await handlers.fieldID(body.field, parameter: "field")
            let profileID = try body.profileId.map { text in
                guard let id = Int64(text), id > 0 else {
                    throw Problem(status: .unprocessableContent, detail: "profile_id must be a profile's id", field: "profile_id")
                }
                return id
            }
            let view = try await database.startAssessment(
                personID: personID, fieldID: fieldID, cycle: body.cycle, profileID: profileID, by: identity.principal)
            return try Response.json(try await handlers.model(view), status: .created, etag: view.version)
                .located("/api/v1/assessments/\(view.id)")
        }
        api.get("/assessments/{id}") { _, context in
            let identity = try context.requireIdentity()
            let view = try await handlers.readableAssessment(try context.pathID("id", what: "that assessment"), identity)
            return try Response.json(try await handlers.model(view), etag: view.version)
        }
        api.put("/assessments/{id}/ratings/{itemId}") { request, context in
            try await rate(request, context, item: .standard(try context.pathID("itemId", what: "that skill item")))
        }
        api.put("/assessments/{id}/company-ratings/{item}") { request, context in
            let name = try context.pathText("item", what: "that company item")
            return try await rate(request, context, item: .company(name.removingPercentEncoding ?? name))
        }
        api.post("/assessments/{id}/submit") { request, context in
            try await changeAssessment(request, context) { id, principal, expected in
                try await database.submitAssessment(id, by: principal, expectedVersion: expected)
            }
        }
        api.post("/assessments/{id}/approve") { request, context in
            try await changeAssessment(request, context) { id, principal, expected in
                try await database.approveAssessment(id, by: principal, expectedVersion: expected)
            }
        }
        api.post("/assessments/{id}/return") { request, context in
            try await changeAssessment(request, context) { id, principal, expected in
                let body = try await request.decodeJSON(ReturnBody.self, context: context)
                return try await database.returnAssessment(
                    id, by: principal, comment: body.comment, expectedVersion: expected)
            }
        }
    }

    /// Sets one side of an item's rating on an assessment the caller may read (stale `If-Match` → 412 first).
    private func rate(_ request: Request, _ context: AppRequestContext, item: AssessmentItemID) async throws -> Response {
        let identity = try context.requireIdentity()
        let id = try context.pathID("id", what: "that assessment")
        let current = try await handlers.readableAssessment(id, identity)
        let expected = try request.ifMatchVersion()
        try checkPrecondition(expected, current: current.version, what: "assessment \(id)")
        let body = try await request.decodeJSON(RatingBody.self, context: context)
        let view = try await preconditioned(expected) {
            try await handlers.database.rate(
                assessment: id, item: item, level: body.level, asEvaluator: body.side == .evaluator,
                by: identity.principal, note: body.note, evidence: body.evidence, reason: body.reason,
                expectedVersion: expected)
        }
        return try Response.json(try await handlers.model(view), etag: view.version)
    }

    /// A workflow step on an assessment the caller may read: checks `If-Match` against the current version (a
    /// stale one is 412 before any rule is checked), runs `step` with the expected version, answers the new state.
    private func changeAssessment(
        _ request: Request, _ context: AppRequestContext,
        _ step: (Int64, Principal, Int?) async throws -> AssessmentView
    ) async throws -> Response {
        let identity = try context.requireIdentity()
        let id = try context.pathID("id", what: "that assessment")
        let current = try await handlers.readableAssessment(id, identity)
        let expected = try request.ifMatchVersion()
        try checkPrecondition(expected, current: current.version, what: "assessment \(id)")
        let view = try await preconditioned(expected) { try await step(id, identity.principal, expected) }
        return try Response.json(try await handlers.model(view), etag: view.version)
    }
}
