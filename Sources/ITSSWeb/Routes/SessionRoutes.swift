import Hummingbird
import ITSSStorage

/// Sign-in, sign-out and the language switch.
struct SessionRoutes {
    let database: AppDatabase
    let configuration: WebConfiguration

    func add(to router: Router<AppRequestContext>) {
        router.get("/login") { request, context in
            let page = SignInPage(
                next: SignInPage.safeNext(request.uri.queryParameters["next"].map(String.init)),
                demoLogins: configuration.announceDemoAccounts ? DemoAccounts.logins : [])
            return Response.html(page.render(layout: context.layout(SignInText.title(context.language), path: "/login")))
        }
        router.post("/login") { request, context in
            let form = try await request.anonymousForm(context: context)
            let login = form.string("login") ?? ""
            var page = SignInPage(next: SignInPage.safeNext(form.string("next")), login: login)
            do {
                let (token, _) = try await database.signIn(login: login, password: form.raw("password") ?? "")
                var response = Response.seeOther(page.next)
                response.setCookie(AuthenticationMiddleware.cookie(token: token, secure: configuration.secureCookies))
                return response
            } catch let refusal as SignInRefusal {
                let status: HTTPResponse.Status
                switch refusal {
                case .invalidCredentials:
                    page.error = SignInText.refused(context.language)
                    status = .unauthorized
                case .tooManyAttempts:
                    page.error = SignInText.tooMany(context.language)
                    status = .tooManyRequests
                }
                let layout = context.layout(SignInText.title(context.language), path: "/login")
                return Response.html(page.render(layout: layout), status: status)
            }
        }
        router.post("/logout") { request, context in
            _ = try await request.form(context: context)
            if let token = request.cookies[AuthenticationMiddleware.sessionCookie]?.value {
                try await database.signOut(token: token)
            }
            var response = Response.seeOther("/login")
            response.setCookie(
                Cookie(name: AuthenticationMiddleware.sessionCookie, value: "", maxAge: 0, path: "/", httpOnly: true, sameSite: .lax))
            return response
        }
        router.get("/language/:code") { request, context in
            let language = context.parameters.get("code").flatMap(Language.init(rawValue:)) ?? .english
            var response = Response.seeOther(SignInPage.safeNext(request.uri.queryParameters["next"].map(String.init)))
            response.setCookie(
                Cookie(
                    name: AuthenticationMiddleware.languageCookie, value: language.rawValue, maxAge: 365 * 24 * 3600, path: "/",
                    httpOnly: true, sameSite: .lax))
            return response
        }
    }
}
