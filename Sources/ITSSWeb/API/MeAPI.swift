import Hummingbird
import ITSSDomain
import ITSSStorage

/// `/api/v1/me`: the account of the caller, and changing its password.
struct MeAPI {
    let handlers: APIHandlers

    struct PasswordBody: Decodable, Sendable {
        var currentPassword: String
        var newPassword: String
    }

    func add(to api: RouterGroup<AppRequestContext>) {
        let database = handlers.database
        api.get("/me") { _, context in
            try Response.json(APIAccount(try context.requireIdentity().account))
        }
        api.put("/me/password") { request, context in
            let identity = try context.requireIdentity()
            let body = try await request.decodeJSON(PasswordBody.self, context: context)
            do {
                try await database.setPassword(
                    identity.account.id, to: body.newPassword, currentPassword: body.currentPassword, by: identity.principal)
            } catch let error as InputError {
                throw Problem(status: .unprocessableContent, detail: error.message, field: "new_password")
            } catch let StorageError.refused(reason) {
                throw Problem(status: .unprocessableContent, detail: reason, field: "current_password")
            }
            // Every session of the account has ended (API tokens stay valid: they are revoked one by one).
            return Response(status: .noContent)
        }
    }
}
