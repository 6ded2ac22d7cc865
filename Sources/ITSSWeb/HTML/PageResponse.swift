import Hummingbird
import ITSSDomain

extension Response {
    /// An HTML page.
    static func html(_ html: HTML, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: html.rendered)))
    }

    /// A redirect after a form post (303: the browser follows with GET) or to the sign-in page.
    static func seeOther(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location])
    }
}

extension AppRequestContext {
    /// The shell for a page with this title, for the signed-in account.
    func layout(_ title: String, path: String) -> Layout {
        Layout(title: title, language: language, account: identity?.account, csrfToken: identity?.csrfToken, path: path)
    }

    /// The signed-in identity.
    /// - Throws: `Problem` 401 for an anonymous request (pages turn it into a redirect to `/login`).
    func requireIdentity() throws -> Identity {
        guard let identity else { throw Problem(status: .unauthorized, detail: "sign in first") }
        return identity
    }

    /// The signed-in identity, which must have at least `role`.
    /// - Throws: `Problem` 401 when anonymous, 403 when the role is lower.
    func require(_ role: AccessRole) throws -> Identity {
        let identity = try requireIdentity()
        guard identity.account.role >= role else {
            throw Problem(status: .forbidden, detail: "not allowed: this needs the \(role.rawValue) role")
        }
        return identity
    }
}
