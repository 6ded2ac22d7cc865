import HTTPTypes
import Hummingbird
import HummingbirdTesting
import ITSSStorage
import ITSSTestSupport
@testable import ITSSWeb
import Testing

@Suite("Sign-in, sessions, tokens and the protections every response carries")
struct SessionWebTests {
    @Test("pages redirect to the sign-in page; the API answers 401 with a problem", arguments: TestBackend.enabled)
    func anonymous(backend: TestBackend) async throws {
        try await WebFixture.with(backend) { web in
            let page = try await web.get("/", as: nil)
            #expect(page.status == .seeOther)
            #expect(page.headers[.location] == "/login")
            let deep = try await web.get("/?tab=1", as: nil)
            #expect(deep.headers[.location] == "/login?next=%2F%3Ftab%3D1")
            let api = try await web.get("/api/v1/me", as: nil)
            #expect(api.status == .unauthorized)
            #expect(api.headers[.contentType] == "application/problem+json")
            #expect(api.text.contains("\"status\":401"))
        }
    }

    @Test("sign-in opens a session stored in the database; a wrong password does not", arguments: TestBackend.enabled)
    func signIn(backend: TestBackend) async throws {
        try await WebFixture.with(backend) { web in
            let session = try await web.signIn("hanako")
            #expect(session.cookie.hasPrefix("itss_session="))
            let me = try await web.get("/api/v1/me", as: session)
            #expect(me.status == .ok)
            #expect(me.text == #"{"employee_number":"E1001","login":"hanako","name":"Hanako Sato","role":"employee"}"#)
            let wrong = try await web.client.execute(
                uri: "/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "login=hanako&password=nope&next=/me"))
            #expect(wrong.status == .unauthorized)
            #expect(wrong.headers[.setCookie] == nil)
            #expect(wrong.text.contains("value=\"hanako\""), "the login typed is kept")
        }
    }

    @Test("after five failed attempts a login is refused even with the right password", arguments: TestBackend.enabled)
    func rateLimited(backend: TestBackend) async throws {
        try await WebFixture.with(backend) { web in
            for _ in 0..<AppDatabase.maximumFailedSignIns {
                let response = try await web.client.execute(
                    uri: "/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                    body: ByteBuffer(string: "login=taro&password=guess"))
                #expect(response.status == .unauthorized)
            }
            let right = try await web.client.execute(
                uri: "/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "login=taro&password=password-taro"))
            #expect(right.status == .tooManyRequests)
            // Other logins are unaffected.
            _ = try await web.signIn("hanako")
        }
    }

    @Test("a form without the session's CSRF token is refused and changes nothing", arguments: TestBackend.enabled)
    func csrf(backend: TestBackend) async throws {
        try await WebFixture.with(backend) { web in
            let session = try await web.signIn("hanako")
            let forged = try await web.post("/logout", as: session, form: [], csrf: "forged")
            #expect(forged.status == .forbidden)
            #expect(try await web.get("/api/v1/me", as: session).status == .ok, "the session still works")
            let real = try await web.post("/logout", as: session, form: [])
            #expect(real.status == .seeOther)
            #expect(try await web.get("/api/v1/me", as: session).status == .unauthorized, "signed out")
        }
    }

    @Test("API tokens authenticate scripts until revoked; an unknown token is 401", arguments: TestBackend.enabled)
    func bearerTokens(backend: TestBackend) async throws {
        try await WebFixture.with(backend) { web in
            let account = try await web.database.account(login: "manager")
            let (token, secret) = try await web.database.createToken(
                forAccount: account.id, name: "nightly", by: account.principal)
            #expect(try await web.api("/api/v1/me", token: secret).text.contains("\"login\":\"manager\""))
            let stored = try await web.database.tokens(ofAccount: account.id)
            #expect(stored.map(\.name) == ["nightly"])
            try await web.database.revokeToken(token.id, by: account.principal)
            let revoked = try await web.api("/api/v1/me", token: secret)
            #expect(revoked.status == .unauthorized)
            #expect(revoked.text.contains("\"field\":\"Authorization\""))
            // Another employee may not revoke someone else's token.
            let other = try await web.database.account(login: "taro")
            let (second, _) = try await web.database.createToken(forAccount: account.id, name: "x", by: account.principal)
            await #expect(throws: StorageError.self) { try await web.database.revokeToken(second.id, by: other.principal) }
        }
    }

    @Test("every response carries the security headers; the CSP allows no inline code", arguments: TestBackend.enabled)
    func securityHeaders(backend: TestBackend) async throws {
        try await WebFixture.with(backend) { web in
            for uri in ["/login", "/api/v1/me", "/healthz", "/no-such-page"] {
                let response = try await web.get(uri, as: nil)
                let policy = response.headers[.contentSecurityPolicy] ?? ""
                #expect(policy.contains("frame-ancestors 'none'"), "\(uri)")
                #expect(!policy.contains("unsafe-inline"), "\(uri)")
                #expect(response.headers[.xContentTypeOptions] == "nosniff", "\(uri)")
                #expect(response.headers[HTTPField.Name("Referrer-Policy")!] == "same-origin", "\(uri)")
            }
            let login = try await web.get("/login", as: nil)
            #expect(!login.text.contains("<script>"), "no inline script")
            #expect(!login.text.contains("style=\""), "no inline style")
        }
    }

    @Test("the sign-in page follows only local paths after sign-in")
    func safeNext() {
        #expect(SignInPage.safeNext("/me") == "/me")
        #expect(SignInPage.safeNext("//evil.example/") == "/")
        #expect(SignInPage.safeNext("https://evil.example/") == "/")
        #expect(SignInPage.safeNext(nil) == "/")
    }

    @Test("the interface speaks Japanese when asked, by the switch or by Accept-Language", arguments: TestBackend.enabled)
    func language(backend: TestBackend) async throws {
        try await WebFixture.with(backend) { web in
            let japanese = try await web.get("/login", as: nil, headers: [.acceptLanguage: "ja-JP,ja;q=0.9,en;q=0.5"])
            #expect(japanese.text.contains("<html lang=\"ja\">"))
            #expect(japanese.text.contains("サインイン"))
            let english = try await web.get("/login", as: nil, headers: [.acceptLanguage: "en-GB,en;q=0.9", .cookie: "itss_lang=en"])
            #expect(english.text.contains("Sign in to itss"))
            let chosen = try await web.get("/language/ja?next=/login", as: nil)
            #expect(chosen.status == .seeOther)
            #expect(chosen.headers[.setCookie]?.hasPrefix("itss_lang=ja") == true)
        }
    }

    @Test("healthz answers; readyz answers when the database does", arguments: TestBackend.enabled)
    func health(backend: TestBackend) async throws {
        try await WebFixture.with(backend) { web in
            let health = try await web.get("/healthz", as: nil)
            let ready = try await web.get("/readyz", as: nil)
            #expect(health.text == "ok\n")
            #expect(ready.text == "ready\n")
        }
    }
}
