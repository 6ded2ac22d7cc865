import Hummingbird
import ITSSDomain
import ITSSStorage

/// Carrying a person across editions (`POST /people/{n}/crosswalk-carry`): the same use case as
/// `itss crosswalk carry`; the answer is the new draft.
struct CrosswalkAPI {
    let handlers: APIHandlers

    struct CarryBody: Decodable, Sendable {
        var from: String
        var to: String
        var cycle: Cycle
    }

    func add(to api: RouterGroup<AppRequestContext>) {
        let database = handlers.database
        let handlers = handlers
        api.post("/people/{employeeNumber}/crosswalk-carry") { request, context in
            let identity = try context.requireIdentity()
            let personID = try await handlers.readablePerson(
                try context.pathText("employeeNumber", what: "that person"), identity)
            let body = try await request.decodeJSON(CarryBody.self, context: context)
            let summary = try await database.carryAcrossEditions(
                personID: personID, fromFieldID: try await handlers.fieldID(body.from, parameter: "from"),
                toFieldID: try await handlers.fieldID(body.to, parameter: "to"), cycle: body.cycle, by: identity.principal)
            let view = summary.assessment
            return try Response.json(try await handlers.model(view), status: .created, etag: view.version)
                .located("/api/v1/assessments/\(view.id)")
        }
    }
}
