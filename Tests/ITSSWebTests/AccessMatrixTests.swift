import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import ITSSDomain
import ITSSStorage
import ITSSTestSupport
import Testing

@testable import ITSSWeb

/// Walks every API endpoint as each role and checks the status class: 401 for anonymous requests, 403 or 404
/// where the role (or its relation to the person) does not allow the request, 2xx where it does. The subject
/// person is E1001 (Hanako): the employee of the matrix is Taro (E1002), who may read only himself, so every
/// person-bound endpoint must answer him 404; the evaluator is the manager (M001), whose assignment covers E1001.
@Suite("API: the role × endpoint access matrix")
struct AccessMatrixTests {
    enum Role: String, CaseIterable, CustomStringConvertible {
        case anonymous, employee, evaluator, hr, admin

        /// The seeded login of the role (`WebFixture.accounts`).
        var login: String? {
            switch self {
            case .anonymous: nil
            case .employee: "taro"
            case .evaluator: "manager"
            case .hr: "hr"
            case .admin: "admin"
            }
        }

        var description: String { rawValue }
    }

    enum Outcome: CustomStringConvertible {
        /// 2xx.
        case allowed
        /// 401.
        case unauthorized
        /// 403 or 404.
        case denied
        /// Exactly 404, the answer for an unknown person.
        case hidden
        /// Past the access checks but refused by a workflow rule of the use case (409 or 422): e.g. an
        /// administrator, who is no person, cannot rate or approve; the evaluator cannot approve a draft.
        case ruleRefused

        func matches(_ status: Int) -> Bool {
            switch self {
            case .allowed: (200..<300).contains(status)
            case .unauthorized: status == 401
            case .denied: status == 403 || status == 404
            case .hidden: status == 404
            case .ruleRefused: status == 409 || status == 422
            }
        }

        var description: String {
            switch self {
            case .allowed: "2xx"
            case .unauthorized: "401"
            case .denied: "403/404"
            case .hidden: "404"
            case .ruleRefused: "409/422"
            }
        }
    }

    /// One endpoint: its route as registered (for the coverage check), the request each role sends, and what each
    /// role must get.
    struct Cell {
        var method: HTTPRequest.Method
        var route: String
        var uri: @Sendable (Role) -> String
        var body: (@Sendable (Role) -> (String, String))?
        var expected: [Role: Outcome]

        init(
            _ method: HTTPRequest.Method, _ route: String, uri: (@Sendable (Role) -> String)? = nil,
            json: (@Sendable (Role) -> String)? = nil, csv: (@Sendable (Role) -> String)? = nil, _ expected: [Role: Outcome]
        ) {
            self.method = method
            self.route = route
            self.uri = uri ?? { _ in route }
            if let json { body = { ("application/json", json($0)) } } else if let csv { body = { ("text/csv", csv($0)) } }
            self.expected = expected
        }
    }

    static func everyone(_ outcome: Outcome = .allowed) -> [Role: Outcome] {
        [.anonymous: .unauthorized, .employee: outcome, .evaluator: outcome, .hr: outcome, .admin: outcome]
    }

    static let hrAndAdmin: [Role: Outcome] = [
        .anonymous: .unauthorized, .employee: .denied, .evaluator: .denied, .hr: .allowed, .admin: .allowed,
    ]
    static let adminOnly: [Role: Outcome] = [
        .anonymous: .unauthorized, .employee: .denied, .evaluator: .denied, .hr: .denied, .admin: .allowed,
    ]

    /// Hanako's data: hidden from Taro, open to her evaluator, HR and administrators (unless told otherwise).
    static func person(evaluator: Outcome = .allowed, hr: Outcome = .allowed, admin: Outcome = .allowed) -> [Role: Outcome] {
        [.anonymous: .unauthorized, .employee: .hidden, .evaluator: evaluator, .hr: hr, .admin: admin]
    }

    /// A per-role suffix for values that must be unique (employee numbers, codes, cycles).
    static func unique(_ role: Role) -> Int { Role.allCases.firstIndex(of: role) ?? 0 }

    static func cells(assessment: String, item: String, record: String, plan: String, tokens: [Role: String]) -> [Cell] {
        let p = "/api/v1/people/E1001"
        let cycles: [Role: String] = [.anonymous: "2020", .employee: "2021", .evaluator: "2022", .hr: "2023", .admin: "2024"]
        return [
            Cell(
                .get, "/api/v1/openapi.yaml",
                [.anonymous: .allowed, .employee: .allowed, .evaluator: .allowed, .hr: .allowed, .admin: .allowed]),
            Cell(.get, "/api/v1/me", everyone()),
            Cell(.get, "/api/v1/catalog/fields", everyone()),
            Cell(.get, "/api/v1/catalog/fields/{fieldId}", uri: { _ in "/api/v1/catalog/fields/1" }, everyone()),
            Cell(.get, "/api/v1/catalog/search", uri: { _ in "/api/v1/catalog/search?q=incident" }, everyone()),
            Cell(.get, "/api/v1/people", everyone()),
            Cell(
                .post, "/api/v1/people", json: { json(["employee_number": "N\(unique($0))", "name": "New \($0)"]) }, hrAndAdmin),
            Cell(.get, "/api/v1/people/{employeeNumber}", uri: { _ in p }, person()),
            Cell(.get, "/api/v1/people/{employeeNumber}/levels", uri: { _ in "\(p)/levels" }, person()),
            Cell(.get, "/api/v1/people/{employeeNumber}/gap", uri: { _ in "\(p)/gap?target=Service%20Desk:4" }, person()),
            Cell(.get, "/api/v1/people/{employeeNumber}/assessments", uri: { _ in "\(p)/assessments" }, person()),
            Cell(.get, "/api/v1/people/{employeeNumber}/experience", uri: { _ in "\(p)/experience" }, person()),
            Cell(.get, "/api/v1/people/{employeeNumber}/plans", uri: { _ in "\(p)/plans" }, person()),
            Cell(.get, "/api/v1/people/{employeeNumber}/history", uri: { _ in "\(p)/history" }, person()),
            Cell(
                .post, "/api/v1/people/{employeeNumber}/assessments", uri: { _ in "\(p)/assessments" },
                json: { json(["field": "Service Desk", "cycle": cycles[$0] ?? "2019"]) }, person()),
            Cell(.get, "/api/v1/assessments/{id}", uri: { _ in "/api/v1/assessments/\(assessment)" }, person()),
            Cell(
                .put, "/api/v1/assessments/{id}/ratings/{itemId}",
                uri: { _ in "/api/v1/assessments/\(assessment)/ratings/\(item)" },
                json: { _ in json(["level": 3, "as": "self"]) }, person(evaluator: .denied, hr: .denied, admin: .ruleRefused)),
            Cell(
                .post, "/api/v1/assessments/{id}/submit", uri: { _ in "/api/v1/assessments/\(assessment)/submit" },
                person(evaluator: .denied, hr: .denied, admin: .ruleRefused)),
            Cell(
                .post, "/api/v1/assessments/{id}/approve", uri: { _ in "/api/v1/assessments/\(assessment)/approve" },
                person(evaluator: .ruleRefused, hr: .denied, admin: .ruleRefused)),
            Cell(
                .post, "/api/v1/assessments/{id}/return", uri: { _ in "/api/v1/assessments/\(assessment)/return" },
                json: { _ in json(["comment": "more evidence"]) },
                person(evaluator: .ruleRefused, hr: .denied, admin: .ruleRefused)),
            Cell(
                .post, "/api/v1/people/{employeeNumber}/experience", uri: { _ in "\(p)/experience" },
                json: { _ in json(["field": "Service Desk", "role": "member", "from": "2022-04-01"]) }, person()),
            // The evaluator verifies first; HR and the administrator are no person, so the use case refuses them.
            Cell(
                .post, "/api/v1/experience/{id}/verify", uri: { _ in "/api/v1/experience/\(record)/verify" },
                person(hr: .ruleRefused, admin: .ruleRefused)),
            Cell(
                .post, "/api/v1/people/{employeeNumber}/plans", uri: { _ in "\(p)/plans" },
                json: { _ in json(["field": "Service Desk", "target_level": 4]) }, person()),
            Cell(.get, "/api/v1/plans/{id}", uri: { _ in "/api/v1/plans/\(plan)" }, person()),
            Cell(
                .patch, "/api/v1/plans/{id}", uri: { _ in "/api/v1/plans/\(plan)" },
                json: { json(["add": ["title": "Course for \($0)"]]) }, person()),
            Cell(.get, "/api/v1/org-units", everyone()),
            Cell(.post, "/api/v1/org-units", json: { json(["code": "U\(unique($0))", "name": "Unit"]) }, hrAndAdmin),
            Cell(
                .post, "/api/v1/evaluator-assignments", json: { _ in json(["evaluator": "M001", "person": "E1002"]) }, hrAndAdmin),
            Cell(.post, "/api/v1/imports/people", csv: { "employee_number,name\nI\(unique($0)),Imported\n" }, hrAndAdmin),
            Cell(
                .post, "/api/v1/imports/experience",
                csv: { _ in "employee_number,field,role,from\nE1002,Service Desk,member,2022-04-01\n" },
                hrAndAdmin),
            Cell(
                .post, "/api/v1/imports/assessments",
                csv: { "employee_number,field,cycle,item,self_level\nE1002,Service Desk,\(cycles[$0] ?? "2019"),Leadership,3\n" },
                hrAndAdmin),
            Cell(.get, "/api/v1/audit", hrAndAdmin),
            Cell(.get, "/api/v1/accounts", adminOnly),
            Cell(
                .post, "/api/v1/accounts",
                json: { json(["login": "new\(unique($0))", "role": "employee", "password": "long enough password"]) },
                adminOnly),
            Cell(.get, "/api/v1/accounts/{login}", uri: { _ in "/api/v1/accounts/hanako" }, adminOnly),
            Cell(
                .patch, "/api/v1/accounts/{login}", uri: { _ in "/api/v1/accounts/hanako" },
                json: { _ in json(["active": true]) }, adminOnly),
            Cell(.get, "/api/v1/tokens", everyone()),
            Cell(.post, "/api/v1/tokens", json: { json(["name": "matrix \($0)"]) }, everyone()),
            // Each role revokes a token of its own: allowed. Someone else's token is checked in AdministrationAPITests.
            Cell(.delete, "/api/v1/tokens/{id}", uri: { "/api/v1/tokens/\(tokens[$0] ?? "999999")" }, everyone()),
        ] + skillMapCells()
    }

    @Test("every endpoint answers each role as the access rules say", arguments: TestBackend.enabled)
    func matrix(backend: TestBackend) async throws {
        try await WebFixture.with(backend) { web in
            let hanako = try await web.token(for: "hanako")
            let (assessment, items) = try await AssessmentsAPITests.start(web, token: hanako, cycle: "2026H2")
            let record = try await web.api(
                "/api/v1/people/E1001/experience", method: .post, token: hanako,
                json: json(["field": "Service Desk", "role": "member", "from": "2021-04-01"]))
            let plan = try await web.api(
                "/api/v1/people/E1001/plans", method: .post, token: hanako,
                json: json(["field": "Service Desk", "target_level": 4]))
            var secrets: [Role: String] = [:]
            var throwaway: [Role: String] = [:]
            for role in Role.allCases {
                guard let login = role.login else { continue }
                secrets[role] = try await web.token(for: login)
                let account = try await web.database.account(login: login)
                throwaway[role] = String(
                    try await web.database.createToken(forAccount: account.id, name: "throwaway", by: account.principal).token.id)
            }
            let cells = Self.cells(
                assessment: assessment, item: items[0], record: try #require(try record.object()["id"] as? String),
                plan: try #require(try plan.object()["id"] as? String), tokens: throwaway)
            for cell in cells {
                for role in Role.allCases {
                    guard let expected = cell.expected[role] else {
                        Issue.record("\(cell.method) \(cell.route) has no expectation for \(role)")
                        continue
                    }
                    var headers: HTTPFields = [:]
                    if let secret = secrets[role] { headers[.authorization] = "Bearer \(secret)" }
                    var body: ByteBuffer?
                    if let (type, text) = cell.body?(role) {
                        headers[.contentType] = type
                        body = ByteBuffer(string: text)
                    }
                    let response = try await web.client.execute(
                        uri: cell.uri(role), method: cell.method, headers: headers, body: body)
                    #expect(
                        expected.matches(Int(response.status.code)),
                        "\(cell.method) \(cell.uri(role)) as \(role): expected \(expected), got \(response.status.code) \(response.text)"
                    )
                    if response.status.code >= 400 {
                        #expect(
                            response.headers[.contentType] == "application/problem+json",
                            "\(cell.method) \(cell.route) as \(role)")
                    }
                }
            }
        }
    }

    @Test("the matrix covers every route registered under /api/v1")
    func coverage() async throws {
        try await TestBackend.sqlite.withDatabase { database in
            let router = try await buildRouter(configuration: WebConfiguration(database: database.location), database: database)
            let routes = Set(
                router.routes.map { "\($0.method) \($0.path)" }.filter { $0.contains(" /api/v1/") })
            let covered = Set(
                Self.cells(assessment: "1", item: "1", record: "1", plan: "1", tokens: [:]).map { "\($0.method) \($0.route)" })
            #expect(routes.subtracting(covered).isEmpty, "routes without a matrix row: \(routes.subtracting(covered).sorted())")
            #expect(covered.subtracting(routes).isEmpty, "matrix rows without a route: \(covered.subtracting(routes).sorted())")
        }
    }

    @Test(
        "an employee guessing another employee number gets the unknown-person answer, naming no other number",
        arguments: TestBackend.enabled)
    func guessing(backend: TestBackend) async throws {
        try await WebFixture.with(backend) { web in
            let taro = try await web.token(for: "taro")
            let other = try await web.api("/api/v1/people/E1001/levels", token: taro)
            let unknown = try await web.api("/api/v1/people/E1009/levels", token: taro)
            #expect(other.status == .notFound)
            #expect(unknown.status == .notFound)
            #expect(
                other.text.replacingOccurrences(of: "E1001", with: "?")
                    == unknown.text.replacingOccurrences(of: "E1009", with: "?"))
            for number in ["E1001", "E1002", "M001"] { #expect(!unknown.text.contains(number), "\(number) leaked") }
            #expect(!other.text.contains("E1002") && !other.text.contains("M001"))
            // Near-misses of real numbers suggest nothing either.
            let near = try await web.api("/api/v1/people/E100/levels", token: taro)
            #expect(near.status == .notFound)
            for number in ["E1001", "E1002", "M001"] { #expect(!near.text.contains(number), "\(number) leaked") }
        }
    }
}
