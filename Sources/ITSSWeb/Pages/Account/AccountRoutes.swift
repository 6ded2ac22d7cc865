import Hummingbird
import ITSSDomain
import ITSSStorage

/// `/account`: the signed-in account's own page; every role has one.
struct AccountRoutes {
    let database: AppDatabase
    let configuration: WebConfiguration

    func add(to router: Router<AppRequestContext>) {
        router.get("/account") { request, context in
            let identity = try context.requireIdentity()
            var page = try await AccountPage.load(
                database, accountID: identity.account.id, list: ListState(request, defaultPerPage: 20))
            switch request.queryForm.string("done") {
            case "password": page.notice = AccountText.passwordChanged(context.language)
            case "revoked": page.notice = AccountText.revoked(context.language)
            default: break
            }
            page.csrfToken = identity.csrfToken
            return Response.html(page.render(layout: context.layout(AccountText.title(context.language), path: "/account")))
        }
        router.post("/account/password") { request, context in
            let identity = try context.requireIdentity()
            let form = try await request.form(context: context)
            let newPassword = form.raw("new_password") ?? ""
            do {
                guard newPassword == form.raw("confirm_password") else {
                    throw FieldError(
                        field: "confirm_password",
                        underlying: Problem(status: .unprocessableContent, detail: AccountText.mismatch(context.language)))
                }
                do {
                    try await database.setPassword(
                        identity.account.id, to: newPassword, currentPassword: form.raw("current_password") ?? "",
                        by: identity.principal)
                } catch let error as InputError {
                    throw FieldError(field: "new_password", underlying: error)
                } catch let error as StorageError {
                    if case .refused = error { throw FieldError(field: "current_password", underlying: error) }
                    throw error
                }
                // Changing the password ends every session of the account, this one too: open a new one.
                let (token, _) = try await database.signIn(login: identity.account.login, password: newPassword)
                var response = Response.seeOther("/account?done=password")
                response.setCookie(AuthenticationMiddleware.cookie(token: token, secure: configuration.secureCookies))
                return response
            } catch {
                guard let refusal = FormRefusal.of(error) else { throw (error as? FieldError)?.underlying ?? error }
                var page = try await AccountPage.load(database, accountID: identity.account.id, list: ListState(perPage: 20))
                page.passwordRefusal = refusal
                page.csrfToken = identity.csrfToken
                return Response.html(
                    page.render(layout: context.layout(AccountText.title(context.language), path: "/account")),
                    status: refusal.status)
            }
        }
        router.post("/account/tokens") { request, context in
            let identity = try context.requireIdentity()
            let form = try await request.form(context: context)
            let name = form.string("name") ?? ""
            var page: AccountPage
            var status = HTTPResponse.Status.ok
            do {
                let (token, secret) = try await database.createToken(
                    forAccount: identity.account.id, name: name, by: identity.principal)
                page = try await AccountPage.load(database, accountID: identity.account.id, list: ListState(perPage: 20))
                page.newSecret = (token.name, secret)
            } catch {
                guard var refusal = FormRefusal.of(error) else { throw (error as? FieldError)?.underlying ?? error }
                refusal.field = "name"
                page = try await AccountPage.load(database, accountID: identity.account.id, list: ListState(perPage: 20))
                page.tokenName = name
                page.tokenRefusal = refusal
                status = refusal.status
            }
            page.csrfToken = identity.csrfToken
            // The secret is in this page only: it must not be cached anywhere (the security headers say no-store).
            return Response.html(
                page.render(layout: context.layout(AccountText.title(context.language), path: "/account")), status: status)
        }
        router.post("/account/tokens/:id/revoke") { request, context in
            let identity = try context.requireIdentity()
            _ = try await request.form(context: context)
            guard let id = context.parameters.get("id", as: Int64.self) else { throw Problem.notFound("that token") }
            // Only the account's own tokens: another account's token answers like an unknown one.
            guard try await database.tokens(ofAccount: identity.account.id).contains(where: { $0.id == id }) else {
                throw Problem.notFound("that token")
            }
            try await database.revokeToken(id, by: identity.principal)
            return Response.seeOther("/account?done=revoked")
        }
    }
}
