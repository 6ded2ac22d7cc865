import Hummingbird
import ITSSDomain
import ITSSStorage

/// `POST /api/v1/people/{employeeNumber}/fields`: add a specialty field a person works in (the person, their
/// evaluators, HR; as `itss person add-field`). Adding a field the person has already changes nothing.
struct PersonFieldsAPI {
    let handlers: APIHandlers

    struct FieldBody: Decodable, Sendable {
        var field: String
    }

    func add(to api: RouterGroup<AppRequestContext>) {
        let database = handlers.database
        let handlers = handlers
        api.post("/people/{employeeNumber}/fields") { request, context in
            let identity = try context.requireIdentity()
            let personID = try await handlers.readablePerson(
                try context.pathText("employeeNumber", what: "that person"), identity)
            let body = try await request.decodeJSON(FieldBody.self, context: context)
            try await database.addField(
                try await handlers.fieldID(body.field, parameter: "field"), toPerson: personID, by: identity.principal)
            guard let model = try await handlers.models([try await database.person(id: personID)]).first else {
                throw Problem.notFound("that person")
            }
            return try Response.json(model)
        }
    }
}
