import HTTPTypes
import Hummingbird
import HummingbirdTesting
import ITSSTestSupport
import ITSSWeb
import Testing

@Suite("Sign-on through a trusted reverse proxy")
struct ProxySignOnTests {
    static func trusting(_ addresses: Set<String>) -> (inout WebConfiguration) -> Void {
        { $0.proxySignOn = .init(header: "X-Remote-User", trustedAddresses: addresses) }
    }

    @Test("the proxy's header signs the login on, with a session for its forms", arguments: TestBackend.enabled)
    func trusted(backend: TestBackend) async throws {
        try await WebFixture.with(backend, over: .live, configure: Self.trusting(["127.0.0.1"])) { web in
            let remoteUser = HTTPField.Name("X-Remote-User")!
            let me = try await web.get("/api/v1/me", as: nil, headers: [remoteUser: "hanako"])
            #expect(me.status == .ok)
            #expect(me.text.contains(#""login":"hanako""#))
            #expect(me.headers[.setCookie]?.hasPrefix("itss_session=") == true)
            let unknown = try await web.get("/api/v1/me", as: nil, headers: [remoteUser: "nobody"])
            #expect(unknown.status == .unauthorized)
        }
    }

    @Test("from any other address the header is ignored", arguments: TestBackend.enabled)
    func untrusted(backend: TestBackend) async throws {
        try await WebFixture.with(backend, over: .live, configure: Self.trusting(["10.9.8.7"])) { web in
            let me = try await web.get("/api/v1/me", as: nil, headers: [HTTPField.Name("X-Remote-User")!: "admin"])
            #expect(me.status == .unauthorized)
        }
    }

    @Test("off by default: the header means nothing", arguments: TestBackend.enabled)
    func offByDefault(backend: TestBackend) async throws {
        try await WebFixture.with(backend, over: .live) { web in
            let me = try await web.get("/api/v1/me", as: nil, headers: [HTTPField.Name("X-Remote-User")!: "admin"])
            #expect(me.status == .unauthorized)
        }
    }
}
