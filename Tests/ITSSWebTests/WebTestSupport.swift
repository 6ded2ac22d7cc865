import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import ITSSDomain
import ITSSStorage
import ITSSTestSupport
import ITSSWeb
import Testing

/// The web application in process over a real database of each backend, with a client that keeps cookies.
struct WebFixture: Sendable {
    let database: AppDatabase
    let client: any TestClientProtocol

    /// Runs `body` against the application (in process with `.router`, over a real socket with `.live`) over a fresh
    /// database seeded by `Fixtures.seed` plus accounts:
    /// `admin` (admin), `hr` (hr, no person), `manager` (evaluator, M001), `hanako` (employee, E1001),
    /// `taro` (employee, E1002); every password is `password-<login>`. `clock` drives the database's clock (the
    /// default is a fixed instant).
    static func with(
        _ backend: TestBackend, over framework: TestingSetup = .router, clock: TestClock? = nil,
        configure: (inout WebConfiguration) -> Void = { _ in }, _ body: @escaping @Sendable (WebFixture) async throws -> Void
    ) async throws {
        let now: @Sendable () -> Date
        if let clock { now = { clock.now } } else { now = { Date(timeIntervalSince1970: 1_800_000_000) } }
        // As `itss serve` runs: the data version is watched, so kept responses and sessions are reused (and every
        // test that reads after a write also checks that nothing stale is served).
        var storage = TestBackend.configuration
        storage.watchesChanges = true
        try await backend.withDatabase(now: now, configuration: storage) { database in
            try await Fixtures.seed(database)
            let system = Principal.system("test accounts")
            for (login, role, person) in accounts {
                let personID: Int64? = if let person { try await database.personID(person) } else { nil }
                try await database.createAccount(
                    login: login, personID: personID, role: role, password: "password-\(login)", by: system)
            }
            var configuration = WebConfiguration(database: database.location)
            configure(&configuration)
            let router = try await buildRouter(configuration: configuration, database: database)
            let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
            try await app.test(framework) { client in
                try await body(WebFixture(database: database, client: client))
            }
        }
    }

    static let accounts: [(String, AccessRole, String?)] = [
        ("admin", .administrator, nil), ("hr", .hr, nil), ("manager", .evaluator, "M001"), ("hanako", .employee, "E1001"),
        ("taro", .employee, "E1002"),
    ]

    /// Signs in through the form and returns the session (cookie header value and CSRF token).
    func signIn(_ login: String, sourceLocation: SourceLocation = #_sourceLocation) async throws -> WebSession {
        let response = try await client.execute(
            uri: "/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
            body: ByteBuffer(string: "login=\(login)&password=password-\(login)"))
        #expect(response.status == .seeOther, "sign-in of \(login)", sourceLocation: sourceLocation)
        guard let setCookie = response.headers[.setCookie], let pair = setCookie.split(separator: ";").first else {
            throw WebTestError("no session cookie for \(login)")
        }
        let cookie = String(pair)
        let page = try await client.execute(uri: "/login", method: .get, headers: [.cookie: cookie])
        // Any page of a signed-in user carries the CSRF token in its sign-out form.
        let html = String(buffer: page.body)
        guard let range = html.range(of: "name=\"_csrf\" value=\""),
            let end = html[range.upperBound...].firstIndex(of: "\"")
        else { throw WebTestError("no CSRF token on the page for \(login)") }
        return WebSession(cookie: cookie, csrf: String(html[range.upperBound..<end]))
    }

    /// A GET as the session (or anonymous with `nil`).
    func get(_ uri: String, as session: WebSession?, headers: HTTPFields = [:]) async throws -> TestResponse {
        var headers = headers
        if let session { headers[.cookie] = session.cookie }
        return try await client.execute(uri: uri, method: .get, headers: headers)
    }

    /// A form POST as the session, with its CSRF token unless `csrf` overrides it.
    func post(_ uri: String, as session: WebSession, form: [(String, String)], csrf: String? = nil) async throws -> TestResponse {
        let fields = [("_csrf", csrf ?? session.csrf)] + form
        let body = fields.map { "\(HTML.percentEncoded($0.0))=\(HTML.percentEncoded($0.1))" }.joined(separator: "&")
        return try await client.execute(
            uri: uri, method: .post, headers: [.contentType: "application/x-www-form-urlencoded", .cookie: session.cookie],
            body: ByteBuffer(string: body))
    }

    /// A JSON API request with a bearer token.
    func api(
        _ uri: String, method: HTTPRequest.Method = .get, token: String?, json: String? = nil, headers: HTTPFields = [:]
    ) async throws -> TestResponse {
        var headers = headers
        if let token { headers[.authorization] = "Bearer \(token)" }
        if json != nil { headers[.contentType] = "application/json" }
        return try await client.execute(uri: uri, method: method, headers: headers, body: json.map { ByteBuffer(string: $0) })
    }

    /// Creates an API token for a login and returns its secret.
    func token(for login: String) async throws -> String {
        let account = try await database.account(login: login)
        return try await database.createToken(forAccount: account.id, name: "test", by: account.principal).secret
    }
}

/// A signed-in browser session: the cookie and the CSRF token of its forms.
struct WebSession: Sendable {
    var cookie: String
    var csrf: String
}

struct WebTestError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

extension TestResponse {
    var text: String { String(buffer: body) }

    /// The body as JSON.
    func json<T: Decodable>(_ type: T.Type) throws -> T {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(T.self, from: Data(buffer: body))
    }
}
