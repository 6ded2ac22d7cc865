import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import ITSSDomain
import ITSSImport
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
    /// Coverage and staffing: evaluators (for the units of their assignments: the manager's is OPS), HR and
    /// administrators; employees none.
    static let readers: [Role: Outcome] = [
        .anonymous: .unauthorized, .employee: .denied, .evaluator: .allowed, .hr: .allowed, .admin: .allowed,
    ]
    static let adminOnly: [Role: Outcome] = [
        .anonymous: .unauthorized, .employee: .denied, .evaluator: .denied, .hr: .denied, .admin: .allowed,
    ]

    /// Hanako's data: hidden from Taro, open to her evaluator, HR and administrators (unless told otherwise).
    static func person(evaluator: Outcome = .allowed, hr: Outcome = .allowed, admin: Outcome = .allowed) -> [Role: Outcome] {
        [.anonymous: .unauthorized, .employee: .hidden, .evaluator: evaluator, .hr: hr, .admin: admin]
    }

    static let v3 = StandardKey(name: "IT Service Management", version: "V3 2008")
    /// The V3 standard's CFDocument, its Service Desk field and that field's isChildOf association.
    static let caseDocument = CASEIdentifiers.document(v3)
    static let caseField = CASEIdentifiers.identifier(CASEIdentifiers.fieldPath(v3, "Service Desk"))
    static let caseAssociation = CASEIdentifiers.identifier(["association", caseField, "isChildOf", caseDocument])

    /// A per-role suffix for values that must be unique (employee numbers, codes, cycles).
    static func unique(_ role: Role) -> Int { Role.allCases.firstIndex(of: role) ?? 0 }

    /// A minimal valid profile document with a per-role name.
    static func profileJSON(_ name: String) -> String {
        json(["name": name, "standard": ["name": "IT Service Management", "version": "V3 2008"]])
    }

    static func cells(
        assessment: String, item: String, record: String, plan: String, tokens: [Role: String], profile: String = "1",
        archivable: [Role: String] = [:], requirement: String = "1", requirements: [Role: String] = [:]
    ) -> [Cell] {
        let p = "/api/v1/people/E1001"
        let cycles: [Role: String] = [.anonymous: "2020", .employee: "2021", .evaluator: "2022", .hr: "2023", .admin: "2024"]
        return [
            Cell(
                .get, "/api/v1/openapi.yaml",
                [.anonymous: .allowed, .employee: .allowed, .evaluator: .allowed, .hr: .allowed, .admin: .allowed]),
            Cell(.get, "/api/v1/me", everyone()),
            // A wrong current password: past the access check, refused by the use case; nothing changes.
            Cell(
                .put, "/api/v1/me/password",
                json: { _ in json(["current_password": "wrong", "new_password": "long enough password"]) },
                everyone(.ruleRefused)),
            Cell(.get, "/api/v1/catalog/fields", everyone()),
            Cell(.get, "/api/v1/catalog/fields/{fieldId}", uri: { _ in "/api/v1/catalog/fields/1" }, everyone()),
            Cell(.get, "/api/v1/catalog/search", uri: { _ in "/api/v1/catalog/search?q=incident" }, everyone()),
            // An empty document: the administrator passes the access check and is refused by the importer.
            Cell(
                .post, "/api/v1/catalog/documents", json: { _ in json(["document": ""]) },
                [.anonymous: .unauthorized, .employee: .denied, .evaluator: .denied, .hr: .denied, .admin: .ruleRefused]),
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
            Cell(.get, "/api/v1/people/{employeeNumber}/sheet", uri: { _ in "\(p)/sheet" }, person()),
            Cell(.get, "/api/v1/coverage", uri: { _ in "/api/v1/coverage?org=OPS&field=Service%20Desk" }, readers),
            Cell(.get, "/api/v1/staffing-requirements", readers),
            Cell(
                .post, "/api/v1/staffing-requirements",
                json: { json(["name": "Matrix \($0)", "lines": [["field": "Service Desk", "minimum_level": 3, "count": 1]]]) },
                hrAndAdmin),
            Cell(
                .get, "/api/v1/staffing-requirements/{id}", uri: { _ in "/api/v1/staffing-requirements/\(requirement)" },
                readers),
            Cell(
                .put, "/api/v1/staffing-requirements/{id}", uri: { _ in "/api/v1/staffing-requirements/\(requirement)" },
                json: { json(["name": "Renamed \($0)", "lines": [["field": "Operation", "minimum_level": 3, "count": 2]]]) },
                hrAndAdmin),
            Cell(
                .get, "/api/v1/staffing-requirements/{id}/check",
                uri: { _ in "/api/v1/staffing-requirements/\(requirement)/check?org=OPS" }, readers),
            // Each role removes a requirement of its own; removing twice would answer 404.
            Cell(
                .delete, "/api/v1/staffing-requirements/{id}",
                uri: { "/api/v1/staffing-requirements/\(requirements[$0] ?? "999999")" }, hrAndAdmin),
            Cell(
                .post, "/api/v1/people/{employeeNumber}/fields", uri: { _ in "\(p)/fields" },
                json: { _ in json(["field": "Service Desk"]) }, person()),
            Cell(
                .post, "/api/v1/people/{employeeNumber}/assessments", uri: { _ in "\(p)/assessments" },
                json: { json(["field": "Service Desk", "cycle": cycles[$0] ?? "2019"]) }, person()),
            // Hanako has no approved V2 assessment to carry: past the access checks, the use case refuses.
            Cell(
                .post, "/api/v1/people/{employeeNumber}/crosswalk-carry", uri: { _ in "\(p)/crosswalk-carry" },
                json: { _ in json(["from": "V2:Service desk", "to": "Service Desk", "cycle": "2030"]) },
                person(evaluator: .ruleRefused, hr: .ruleRefused, admin: .ruleRefused)),
            Cell(.get, "/api/v1/assessments/{id}", uri: { _ in "/api/v1/assessments/\(assessment)" }, person()),
            Cell(
                .get, "/api/v1/review-queue",
                [.anonymous: .unauthorized, .employee: .denied, .evaluator: .allowed, .hr: .allowed, .admin: .allowed]),
            Cell(
                .put, "/api/v1/assessments/{id}/ratings/{itemId}",
                uri: { _ in "/api/v1/assessments/\(assessment)/ratings/\(item)" },
                json: { _ in json(["level": 3, "as": "self"]) }, person(evaluator: .denied, hr: .denied, admin: .ruleRefused)),
            // The assessment is not under a profile: past the access checks, it has no company item of that name.
            Cell(
                .put, "/api/v1/assessments/{id}/company-ratings/{item}",
                uri: { _ in "/api/v1/assessments/\(assessment)/company-ratings/Chat%20support" },
                json: { _ in json(["level": 3, "as": "self"]) }, person(evaluator: .denied, hr: .denied, admin: .hidden)),
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
            Cell(.get, "/api/v1/evaluator-assignments", hrAndAdmin),
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
            Cell(.get, "/api/v1/profiles", hrAndAdmin),
            Cell(.post, "/api/v1/profiles", json: { profileJSON("Matrix \($0)") }, adminOnly),
            Cell(.get, "/api/v1/profiles/{id}", uri: { _ in "/api/v1/profiles/\(profile)" }, hrAndAdmin),
            Cell(
                .post, "/api/v1/profiles/{id}/versions", uri: { _ in "/api/v1/profiles/\(profile)/versions" },
                json: { _ in profileJSON("Matrix profile") }, adminOnly),
            Cell(.get, "/api/v1/profiles/{id}/export", uri: { _ in "/api/v1/profiles/\(profile)/export" }, hrAndAdmin),
            // Each role tries to archive a profile of its own (only the administrator's archive succeeds).
            Cell(
                .post, "/api/v1/profiles/{id}/archive", uri: { "/api/v1/profiles/\(archivable[$0] ?? profile)/archive" },
                adminOnly),
            Cell(
                .get, "/api/v1/people/{employeeNumber}/levels?profile", uri: { _ in "\(p)/levels?profile=\(profile)" },
                person(evaluator: .denied)),
            Cell(.get, "/api/v1/tokens", everyone()),
            Cell(.post, "/api/v1/tokens", json: { json(["name": "matrix \($0)"]) }, everyone()),
            // Each role revokes a token of its own: allowed. Someone else's token is checked in AdministrationAPITests.
            Cell(.delete, "/api/v1/tokens/{id}", uri: { "/api/v1/tokens/\(tokens[$0] ?? "999999")" }, everyone()),
            // The CASE provider: the catalog, open to every signed-in role.
            Cell(.get, "/ims/case/v1p1/CFDocuments", everyone()),
            Cell(
                .get, "/ims/case/v1p1/CFPackages/{sourcedId}", uri: { _ in "/ims/case/v1p1/CFPackages/\(caseDocument)" },
                everyone()),
            Cell(
                .get, "/ims/case/v1p1/CFItems/{sourcedId}", uri: { _ in "/ims/case/v1p1/CFItems/\(caseField)" }, everyone()),
            Cell(
                .get, "/ims/case/v1p1/CFAssociations/{sourcedId}",
                uri: { _ in "/ims/case/v1p1/CFAssociations/\(caseAssociation)" }, everyone()),
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
            let admin = try #require(secrets[.admin])
            let profile = try await web.api(
                "/api/v1/profiles", method: .post, token: admin, json: Self.profileJSON("Matrix profile"))
            let profileID = try #require((try profile.object()["profile"] as? JSONObject)?["id"] as? String)
            var archivable: [Role: String] = [:]
            for role in Role.allCases {
                let created = try await web.api(
                    "/api/v1/profiles", method: .post, token: admin, json: Self.profileJSON("Archivable \(role)"))
                archivable[role] = (try created.object()["profile"] as? JSONObject)?["id"] as? String
            }
            let system = Principal.system("access matrix")
            let line = [StaffingLineSpec(field: "Service Desk", minimumLevel: 3, count: 1)]
            let requirement = try await web.database.createStaffingRequirement(name: "Matrix", lines: line, by: system)
            var requirements: [Role: String] = [:]
            for role in Role.allCases {
                requirements[role] = String(
                    try await web.database.createStaffingRequirement(name: "Removable \(role)", lines: line, by: system).id)
            }
            let cells = Self.cells(
                assessment: assessment, item: items[0], record: try #require(try record.object()["id"] as? String),
                plan: try #require(try plan.object()["id"] as? String), tokens: throwaway, profile: profileID,
                archivable: archivable, requirement: String(requirement.id), requirements: requirements)
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
                router.routes.map { "\($0.method) \($0.path)" }.filter {
                    $0.contains(" /api/v1/") || $0.contains(" /ims/case/v1p1/")
                })
            let covered = Set(
                Self.cells(assessment: "1", item: "1", record: "1", plan: "1", tokens: [:]).map {
                    "\($0.method) \($0.route.split(separator: "?")[0])"
                })
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
