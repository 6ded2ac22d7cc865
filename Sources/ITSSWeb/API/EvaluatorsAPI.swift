import Hummingbird
import ITSSDomain
import ITSSStorage

/// Evaluator assignments (HR and administrators): an evaluator for an org unit (and its sub-units) or a person;
/// the current ones, paged.
struct EvaluatorsAPI {
    let handlers: APIHandlers

    struct AssignmentBody: Decodable, Sendable {
        var evaluator: String
        var orgUnit: String?
        var person: String?
    }

    func add(to api: RouterGroup<AppRequestContext>) {
        let database = handlers.database
        api.get("/evaluator-assignments") { request, context in
            _ = try context.require(.hr)
            let byEvaluator: Bool
            switch try request.query("sort") ?? "newest" {
            case "newest": byEvaluator = false
            case "evaluator": byEvaluator = true
            default: throw Problem.badRequest("expected newest or evaluator", field: "sort")
            }
            let assignments = try await database.evaluatorAssignments(byEvaluator: byEvaluator, page: try request.pageRequest())
            return try Response.json(APIPage(assignments, APIEvaluatorAssignmentEntry.init))
        }
        api.post("/evaluator-assignments") { request, context in
            let identity = try context.require(.hr)
            let body = try await request.decodeJSON(AssignmentBody.self, context: context)
            guard (body.orgUnit == nil) != (body.person == nil) else {
                throw Problem(status: .unprocessableContent, detail: "give exactly one of org_unit and person", field: "org_unit")
            }
            let evaluatorID = try await Self.lookup(field: "evaluator") { try await database.personID(body.evaluator) }
            let scope: EvaluatorScope
            if let org = body.orgUnit {
                scope = .orgUnit(try await Self.lookup(field: "org_unit") { try await database.orgUnitID(org) })
            } else {
                scope = .person(try await Self.lookup(field: "person") { try await database.personID(body.person ?? "") })
            }
            try await database.assignEvaluator(evaluatorID, to: scope, by: identity.principal)
            return try Response.json(
                APIEvaluatorAssignment(evaluator: body.evaluator, orgUnit: body.orgUnit, person: body.person), status: .created)
        }
    }

    /// A lookup whose miss is the fault of one body field: 422 naming it (HR may read everyone, so nothing leaks).
    static func lookup(field: String, _ body: () async throws -> Int64) async throws -> Int64 {
        do {
            return try await body()
        } catch let StorageError.notFound(what, _) {
            throw Problem(status: .unprocessableContent, detail: "\(what) does not exist", field: field)
        }
    }
}
