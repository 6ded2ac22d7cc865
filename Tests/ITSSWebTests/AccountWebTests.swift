import HTTPTypes
import Hummingbird
import HummingbirdTesting
import ITSSDomain
import ITSSStorage
import ITSSTestSupport
import Testing

@testable import ITSSWeb

@Suite("The account page: who am I, the password, API tokens")
struct AccountWebTests {
    @Test("every role sees its own login, role and person", arguments: TestBackend.enabled)
    func show(backend: TestBackend) async throws {
        try await WebFixture.with(backend) { web in
            for (login, role, person) in WebFixture.accounts {
                let session = try await web.signIn(login)
                let page = try await web.get("/account", as: session)
                #expect(page.status == .ok, "\(login)")
                #expect(page.text.contains("<dd>\(login)</dd>"))
                #expect(page.text.contains(AccountsPage.roleName(role, .english)))
                if let person { #expect(page.text.contains(person)) }
                #expect(page.text.contains("No API tokens yet"))
            }
            #expect(try await web.get("/account", as: nil).status == .seeOther)
        }
    }

    @Test("changing the password: refusals mark the field; success keeps the user signed in", arguments: TestBackend.enabled)
    func password(backend: TestBackend) async throws {
        try await WebFixture.with(backend) { web in
            let session = try await web.signIn("taro")
            let wrong = try await web.post(
                "/account/password", as: session,
                form: [("current_password", "nope"), ("new_password", "a-new-password"), ("confirm_password", "a-new-password")])
            #expect(wrong.status == .unprocessableContent)
            #expect(
                wrong.text.contains(
                    "id=\"current_password\" name=\"current_password\" type=\"password\" autocomplete=\"current-password\" required aria-invalid=\"true\""
                ))
            #expect(!wrong.text.contains("a-new-password"), "passwords are never echoed")
            let mismatch = try await web.post(
                "/account/password", as: session,
                form: [
                    ("current_password", "password-taro"), ("new_password", "a-new-password"),
                    ("confirm_password", "other-password"),
                ])
            #expect(mismatch.status == .unprocessableContent)
            #expect(mismatch.text.contains("id=\"confirm_password-error\""))
            let short = try await web.post(
                "/account/password", as: session,
                form: [("current_password", "password-taro"), ("new_password", "short"), ("confirm_password", "short")])
            #expect(short.status == .unprocessableContent)
            #expect(short.text.contains("id=\"new_password-error\""))

            let changed = try await web.post(
                "/account/password", as: session,
                form: [
                    ("current_password", "password-taro"), ("new_password", "a-new-password"),
                    ("confirm_password", "a-new-password"),
                ])
            #expect(changed.status == .seeOther)
            #expect(changed.headers[.location] == "/account?done=password")
            let cookie = try #require(changed.headers[.setCookie]?.split(separator: ";").first.map(String.init))
            let page = try await web.get("/account?done=password", as: WebSession(cookie: cookie, csrf: ""))
            #expect(page.status == .ok)
            #expect(page.text.contains("The password is changed"))
            #expect(try await web.get("/account", as: session).status == .seeOther, "the old session ended")
            _ = try await web.database.signIn(login: "taro", password: "a-new-password")
        }
    }

    @Test("an API token is shown once, works for the API, and stops working when revoked", arguments: TestBackend.enabled)
    func tokens(backend: TestBackend) async throws {
        try await WebFixture.with(backend) { web in
            let session = try await web.signIn("hanako")
            let created = try await web.post("/account/tokens", as: session, form: [("name", "nightly <export>")])
            #expect(created.status == .ok)
            #expect(created.text.contains("nightly &lt;export&gt;"))
            let start = try #require(created.text.range(of: "<code class=\"token\">"))
            let secret = String(created.text[start.upperBound...].prefix { $0 != "<" })
            #expect(secret.hasPrefix("itss_"))
            #expect(try await web.api("/api/v1/me", token: secret).status == .ok)
            let listed = try await web.get("/account", as: session)
            #expect(listed.text.contains("nightly &lt;export&gt;"))
            #expect(!listed.text.contains(secret), "the secret is shown only once")

            let account = try await web.database.account(login: "hanako")
            let token = try #require(try await web.database.tokens(ofAccount: account.id).first)
            // Another account's token answers like an unknown one.
            let taro = try await web.signIn("taro")
            #expect(try await web.post("/account/tokens/\(token.id)/revoke", as: taro, form: []).status == .notFound)
            #expect(try await web.api("/api/v1/me", token: secret).status == .ok)
            let revoked = try await web.post("/account/tokens/\(token.id)/revoke", as: session, form: [])
            #expect(revoked.status == .seeOther)
            #expect(try await web.api("/api/v1/me", token: secret).status == .unauthorized)
            #expect(try await web.get("/account", as: session).text.contains("revoked"))

            let unnamed = try await web.post("/account/tokens", as: session, form: [("name", "")])
            #expect(unnamed.status == .unprocessableContent)
            #expect(unnamed.text.contains("id=\"name\" name=\"name\" value=\"\" required aria-invalid=\"true\""))
        }
    }
}
