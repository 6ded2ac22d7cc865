import Foundation
import HTTPTypes
import Hummingbird
import ITSSStorage

/// Finds out who is asking, once per request: an API token (`Authorization: Bearer`), a session cookie, or — when
/// configured — the trusted proxy's header (which opens a session, so forms get a CSRF token). Also settles the
/// interface language. Refusing anonymous requests is the routes' business (`context.requireIdentity()`).
struct AuthenticationMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    static let sessionCookie = "itss_session"
    static let languageCookie = "itss_lang"

    let database: AppDatabase
    let configuration: WebConfiguration

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws
        -> Response
    {
        var context = context
        context.language = Language.preferred(
            cookie: request.cookies[Self.languageCookie]?.value, acceptLanguage: request.headers[.acceptLanguage])
        let cookieToken = request.cookies[Self.sessionCookie]?.value
        if request.headers[.authorization] != nil || cookieToken != nil {
            // Before the first read: what is read from here on is at least this version.
            context.dataVersion = await database.dataVersion()
        }
        if let authorization = request.headers[.authorization] {
            // A bearer token that does not check out is an error, not an anonymous request: scripts should
            // learn at once that their token was revoked.
            guard authorization.lowercased().hasPrefix("bearer "),
                let account = try await database.account(
                    bearer: String(authorization.dropFirst(7)), at: context.dataVersion)
            else {
                throw Problem(status: .unauthorized, detail: "the API token is unknown or revoked", field: "Authorization")
            }
            context.identity = Identity(account: account, means: .bearer)
            return try await next(request, context)
        }
        var session = try await cookieToken.asyncFlatMap {
            try await database.session(token: $0, at: context.dataVersion)
        }
        var newSessionToken: String?
        if let proxy = configuration.proxySignOn, let login = proxyLogin(request, context: context, proxy: proxy) {
            if session?.account.login != login {
                let (token, opened) = try await database.signInThroughProxy(login: login)
                session = opened
                newSessionToken = token
            }
        }
        if let session {
            context.identity = Identity(account: session.account, means: .session(csrfToken: session.csrfToken))
        }
        var response = try await next(request, context)
        if let newSessionToken {
            response.setCookie(Self.cookie(token: newSessionToken, secure: configuration.secureCookies))
        }
        return response
    }

    /// The login the proxy vouches for, only when the request comes from one of its addresses.
    private func proxyLogin(_ request: Request, context: Context, proxy: WebConfiguration.ProxySignOn) -> String? {
        guard let name = HTTPField.Name(proxy.header), let login = request.headers[name], !login.isEmpty,
            let peer = context.remoteAddress?.ipAddress, proxy.trustedAddresses.contains(peer)
        else { return nil }
        return login
    }

    /// The session cookie: HttpOnly, SameSite=Lax, Secure behind TLS, for the whole site.
    static func cookie(token: String, secure: Bool) -> Cookie {
        Cookie(
            name: sessionCookie, value: token, maxAge: Int(AppDatabase.sessionLifetime.components.seconds), path: "/",
            secure: secure, httpOnly: true, sameSite: .lax)
    }
}

extension Optional {
    func asyncFlatMap<T>(_ transform: (Wrapped) async throws -> T?) async rethrows -> T? {
        guard let self else { return nil }
        return try await transform(self)
    }
}
