import Hummingbird
import ITSSDomain
import ITSSStorage

/// Accounts (administrators) and API tokens (each account its own).
struct AccountsAPI {
    let handlers: APIHandlers

    struct NewAccountBody: Decodable, Sendable {
        var login: String
        var role: AccessRole
        /// The employee number of the person the account is.
        var person: String?
        var password: String?
    }

    struct AccountPatchBody: Decodable, Sendable {
        var role: AccessRole?
        var active: Bool?
    }

    struct NewTokenBody: Decodable, Sendable {
        var name: String
    }

    func add(to api: RouterGroup<AppRequestContext>) {
        let database = handlers.database
        api.get("/accounts") { request, context in
            _ = try context.require(.administrator)
            let accounts = try await database.accounts(page: try request.pageRequest())
            return try Response.json(APIPage(accounts, APIManagedAccount.init))
        }
        api.post("/accounts") { request, context in
            let identity = try context.require(.administrator)
            let body = try await request.decodeJSON(NewAccountBody.self, context: context)
            let personID = try await body.person.asyncFlatMap { number in
                try await EvaluatorsAPI.lookup(field: "person") { try await database.personID(number) }
            }
            let account = try await database.createAccount(
                login: body.login, personID: personID, role: body.role, password: body.password, by: identity.principal)
            return try Response.json(APIManagedAccount(account), status: .created, etag: account.version)
                .located("/api/v1/accounts/\(pathSegment(account.login))")
        }
        api.get("/accounts/{login}") { _, context in
            _ = try context.require(.administrator)
            let account = try await database.account(login: try context.pathText("login", what: "that login"))
            return try Response.json(APIManagedAccount(account), etag: account.version)
        }
        api.patch("/accounts/{login}") { request, context in
            let identity = try context.require(.administrator)
            let before = try await database.account(login: try context.pathText("login", what: "that login"))
            let expected = try request.ifMatchVersion()
            try checkPrecondition(expected, current: before.version, what: "account \(before.login)")
            let body = try await request.decodeJSON(AccountPatchBody.self, context: context)
            let account = try await preconditioned(expected) {
                try await database.updateAccount(
                    before.id, AccountChange(role: body.role, active: body.active), expectedVersion: expected,
                    by: identity.principal)
            }
            return try Response.json(APIManagedAccount(account), etag: account.version)
        }
        api.get("/tokens") { _, context in
            let identity = try context.requireIdentity()
            let tokens = try await database.tokens(ofAccount: identity.account.id)
            return try Response.json(APIList(items: tokens.map { APITokenModel($0) }))
        }
        api.post("/tokens") { request, context in
            let identity = try context.requireIdentity()
            let body = try await request.decodeJSON(NewTokenBody.self, context: context)
            let (token, secret) = try await database.createToken(
                forAccount: identity.account.id, name: body.name, by: identity.principal)
            return try Response.json(APITokenModel(token, secret: secret), status: .created)
        }
        api.delete("/tokens/{id}") { _, context in
            let identity = try context.requireIdentity()
            let id = try context.pathID("id", what: "that token")
            // Only the caller's own tokens are visible here: anyone else's answers like an unknown one.
            guard try await database.tokens(ofAccount: identity.account.id).contains(where: { $0.id == id }) else {
                throw Problem.notFound("token \(id)")
            }
            try await database.revokeToken(id, by: identity.principal)
            return Response(status: .noContent)
        }
    }
}
