import Foundation
import HTTPTypes
import ITSSDomain
import ITSSTestSupport
import Testing

@testable import ITSSStorage
@testable import ITSSWeb

/// Coverage, staffing requirements and checks, and the skill sheet over HTTP (API and pages), on the hand-made
/// organisation of `StaffingFixtures`, as each role.
@Suite("Staffing, coverage and skill sheets over HTTP")
struct StaffingWebTests {
    struct Person: Decodable { var employeeNumber: String }
    struct Lack: Decodable {
        var kind: String
        var summary: String
    }
    struct Counted: Decodable { var person: Person }
    struct Near: Decodable {
        var person: Person
        var lack: Lack
    }
    struct LineResult: Decodable {
        var counted: [Counted]
        var shortfall: Int
        var near: [Near]
    }
    struct Check: Decodable {
        var orgUnit: String
        var filled: Int
        var required: Int
        var staffed: Bool
        var lines: [LineResult]
    }
    struct Requirement: Decodable {
        var id: String
        var name: String
        var version: Int
    }
    struct CoverageItem: Decodable {
        var item: String
        var ratedAtLeast: [Int]
    }
    struct NearCandidate: Decodable {
        var person: Person
        var nextLevel: Int
        var lack: Lack
    }
    struct NearPage: Decodable {
        var items: [NearCandidate]
        var hasMore: Bool
    }
    struct FieldCoverage: Decodable {
        var assessed: Int
        var items: [CoverageItem]
        var singlePointsOfFailure: [String]
        var nearCandidates: NearPage?
    }
    struct Coverage: Decodable {
        var people: Int
        var fields: [FieldCoverage]
    }

    static var lines: [[String: Any]] {
        [
            ["field": "V3:Service Desk", "minimum_level": 3, "count": 2],
            ["field": "V3:Service Desk", "minimum_level": 4, "count": 2],
            ["field": "V3:Operation", "minimum_level": 3, "count": 1],
            ["field": "V3:Service Desk", "minimum_level": 3, "count": 1, "role": "responsible_person"],
        ]
    }

    @Test(
        "API: HR saves a requirement; the evaluator checks it for a unit they cover; versions and roles hold",
        arguments: TestBackend.enabled)
    func staffingAPI(backend: TestBackend) async throws {
        try await WebFixture.with(backend) { web in
            try await StaffingFixtures.seedOrganisation(web.database)
            let tokens = try await web.tokens()
            let refused = try await web.api(
                "/api/v1/staffing-requirements", method: .post, token: tokens["manager"],
                json: json(["name": "Tokyo", "lines": Self.lines]))
            #expect(refused.status == .forbidden)
            let created = try await web.api(
                "/api/v1/staffing-requirements", method: .post, token: tokens["hr"],
                json: json(["name": "Service Desk Tokyo", "lines": Self.lines]))
            #expect(created.status == .created, "\(created.text)")
            #expect(created.headers[.eTag] == "\"1\"")
            let requirement = try created.json(Requirement.self)
            let badField = try await web.api(
                "/api/v1/staffing-requirements", method: .post, token: tokens["hr"],
                json: json(["name": "Bad", "lines": [["field": "Servise Desk", "minimum_level": 3, "count": 1]]]))
            #expect(badField.status == .unprocessableContent)
            #expect(try badField.object()["field"] as? String == "lines")
            let duplicate = try await web.api(
                "/api/v1/staffing-requirements", method: .post, token: tokens["admin"],
                json: json(["name": "Service Desk Tokyo", "lines": Self.lines]))
            #expect(duplicate.status == .conflict)

            let check = try await web.api(
                "/api/v1/staffing-requirements/\(requirement.id)/check?org=OPS", token: tokens["manager"])
            #expect(check.status == .ok, "\(check.text)")
            let result = try check.json(Check.self)
            #expect(result.orgUnit == "OPS" && result.filled == 4 && result.required == 6 && !result.staffed)
            #expect(result.lines.map { $0.counted.map(\.person.employeeNumber) } == [["S02", "S04"], ["S01"], ["S03"], []])
            #expect(result.lines.map(\.shortfall) == [0, 1, 0, 1])
            #expect(result.lines[1].near.map(\.person.employeeNumber) == ["S07"])
            #expect(result.lines[3].near.map(\.lack.kind) == ["condition", "role", "role"])
            #expect(result.lines[3].near.map(\.lack.summary).first == "Leadership: rated 0, needs 3")
            // DEV is not the manager's; employees see no unit; a bad date names its parameter.
            let dev = try await web.api(
                "/api/v1/staffing-requirements/\(requirement.id)/check?org=DEV", token: tokens["manager"])
            #expect(dev.status == .forbidden)
            #expect(
                try await web.api("/api/v1/staffing-requirements/\(requirement.id)/check?org=OPS", token: tokens["taro"]).status
                    == .forbidden)
            let badDate = try await web.api(
                "/api/v1/staffing-requirements/\(requirement.id)/check?org=OPS&as_of=yesterday", token: tokens["hr"])
            let badDateField = try badDate.object()["field"] as? String
            #expect(badDate.status == .badRequest && badDateField == "as_of")
            let unknownUnit = try await web.api(
                "/api/v1/staffing-requirements/\(requirement.id)/check?org=NOPE", token: tokens["hr"])
            #expect(unknownUnit.status == .unprocessableContent)

            // Versions: a stale If-Match is refused with 412 and changes nothing.
            let renamed = try await web.api(
                "/api/v1/staffing-requirements/\(requirement.id)", method: .put, token: tokens["hr"],
                json: json(["name": "Service Desk Osaka", "lines": Array(Self.lines.prefix(1))]), headers: [.ifMatch: "\"1\""])
            #expect(renamed.status == .ok && renamed.headers[.eTag] == "\"2\"")
            let stale = try await web.api(
                "/api/v1/staffing-requirements/\(requirement.id)", method: .put, token: tokens["hr"],
                json: json(["name": "Lost update", "lines": Self.lines]), headers: [.ifMatch: "\"1\""])
            #expect(stale.status == .preconditionFailed)
            let read = try await web.api("/api/v1/staffing-requirements/\(requirement.id)", token: tokens["manager"])
            #expect(try read.json(Requirement.self).name == "Service Desk Osaka")
            let staleDelete = try await web.api(
                "/api/v1/staffing-requirements/\(requirement.id)", method: .delete, token: tokens["hr"],
                headers: [.ifMatch: "\"1\""])
            #expect(staleDelete.status == .preconditionFailed)
            let removed = try await web.api(
                "/api/v1/staffing-requirements/\(requirement.id)", method: .delete, token: tokens["hr"],
                headers: [.ifMatch: "\"2\""])
            #expect(removed.status == .noContent)
            #expect(try await web.api("/api/v1/staffing-requirements/\(requirement.id)", token: tokens["hr"]).status == .notFound)
            let audit = try await web.database.auditLog(limit: 5).map(\.action)
            #expect(Array(audit.prefix(3)) == ["staffing.remove", "staffing.update", "staffing.create"])
        }
    }

    @Test(
        "API: coverage counts, single points of failure and near candidates, for the units a role may see",
        arguments: TestBackend.enabled)
    func coverageAPI(backend: TestBackend) async throws {
        try await WebFixture.with(backend) { web in
            try await StaffingFixtures.seedOrganisation(web.database)
            let tokens = try await web.tokens()
            let response = try await web.api("/api/v1/coverage?org=OPS&field=V3:Service%20Desk", token: tokens["manager"])
            #expect(response.status == .ok, "\(response.text)")
            let coverage = try response.json(Coverage.self)
            #expect(coverage.people == 10 && coverage.fields.count == 1)
            let desk = try #require(coverage.fields.first)
            #expect(desk.assessed == 6 && desk.singlePointsOfFailure.isEmpty)
            #expect(desk.items.first { $0.item == "Staffing" }?.ratedAtLeast == [6, 6, 6, 2, 0, 0, 0])
            #expect(desk.nearCandidates?.items.map(\.person.employeeNumber) == ["S04", "S05", "S07"])
            #expect(desk.nearCandidates?.items.map(\.nextLevel) == [4, 3, 4])
            let paged = try await web.api(
                "/api/v1/coverage?org=OPS&field=V3:Service%20Desk&per_page=2&page=2", token: tokens["hr"])
            #expect(try paged.json(Coverage.self).fields.first?.nearCandidates?.items.map(\.person.employeeNumber) == ["S07"])
            let operation = try await web.api("/api/v1/coverage?org=OPS-SD-2", token: tokens["admin"])
            #expect(try operation.json(Coverage.self).fields.map(\.singlePointsOfFailure.count) == [14, 17])
            #expect(try await web.api("/api/v1/coverage?org=DEV", token: tokens["manager"]).status == .forbidden)
            #expect(try await web.api("/api/v1/coverage?org=OPS", token: tokens["hanako"]).status == .forbidden)
            let missing = try await web.api("/api/v1/coverage", token: tokens["hr"])
            let missingField = try missing.object()["field"] as? String
            #expect(missing.status == .badRequest && missingField == "org")
        }
    }

    @Test("API and page: the skill sheet follows the profile's access rule", arguments: TestBackend.enabled)
    func sheet(backend: TestBackend) async throws {
        try await WebFixture.with(backend) { web in
            try await Fixtures.approvedAssessment(web.database, cycle: "2026H1", selfLevel: 3, evaluatorLevel: 3)
            let tokens = try await web.tokens()
            let own = try await web.api("/api/v1/people/E1001/sheet", token: tokens["hanako"])
            #expect(own.status == .ok, "\(own.text)")
            let object = try own.object()
            #expect((object["assessments"] as? [Any])?.count == 1)
            #expect((object["levels"] as? [Any])?.count == 1)
            #expect(try await web.api("/api/v1/people/E1001/sheet", token: tokens["manager"]).status == .ok)
            let hidden = try await web.api("/api/v1/people/E1001/sheet", token: tokens["taro"])
            let unknown = try await web.api("/api/v1/people/E1009/sheet", token: tokens["taro"])
            #expect(hidden.status == .notFound && unknown.status == .notFound)
            #expect(
                hidden.text.replacingOccurrences(of: "E1001", with: "?")
                    == unknown.text.replacingOccurrences(of: "E1009", with: "?"))

            let hanako = try await web.signIn("hanako")
            let page = try await web.get("/people/E1001/sheet", as: hanako)
            #expect(page.status == .ok)
            #expect(page.text.contains("Skill sheet: Hanako Sato") && page.text.contains("Relevant Knowledge"))
            let taro = try await web.signIn("taro")
            let otherPage = try await web.get("/people/E1001/sheet", as: taro)
            let unknownPage = try await web.get("/people/E1009/sheet", as: taro)
            #expect(otherPage.status == .notFound && unknownPage.status == .notFound)
            #expect(!otherPage.text.contains("Hanako"))
            let japanese = try await web.get("/people/E1001/sheet", as: hanako, headers: [.acceptLanguage: "ja"])
            #expect(japanese.text.contains("スキルシート"))
        }
    }

    @Test(
        "pages: coverage and the staffing list, forms and check, as each role, in both languages", arguments: TestBackend.enabled)
    func pages(backend: TestBackend) async throws {
        try await WebFixture.with(backend) { web in
            try await StaffingFixtures.seedOrganisation(web.database)
            let manager = try await web.signIn("manager")
            let coverage = try await web.get("/coverage?org=OPS&field=V3%3AService+Desk", as: manager)
            #expect(coverage.status == .ok)
            #expect(coverage.text.contains("Nana Goto") && coverage.text.contains("Staffing</strong>: rated 3, needs 4"))
            #expect(coverage.text.contains("<option value=\"OPS-SD-2\""))
            #expect(!coverage.text.contains("<option value=\"DEV\""))
            #expect(try await web.get("/coverage?org=DEV", as: manager).status == .forbidden)
            let unknown = try await web.get("/coverage?org=NOPE", as: manager)
            #expect(unknown.status == .unprocessableContent && unknown.text.contains("aria-invalid"))
            let japanese = try await web.get("/coverage?org=OPS", as: manager, headers: [.acceptLanguage: "ja"])
            #expect(japanese.text.contains("単一障害点") && japanese.text.contains("カバレッジ"))
            let hanako = try await web.signIn("hanako")
            #expect(try await web.get("/coverage", as: hanako).status == .forbidden)
            #expect(try await web.get("/staffing", as: hanako).status == .forbidden)

            let hr = try await web.signIn("hr")
            let empty = try await web.get("/staffing", as: hr)
            #expect(empty.text.contains("No staffing requirement yet") && empty.text.contains("id=\"requirement-form\""))
            let bad = try await web.post(
                "/staffing", as: hr, form: [("name", "Tokyo"), ("lines", "Service Desk:4\nOperation:3:1")])
            #expect(bad.status == .unprocessableContent)
            #expect(
                bad.text.contains("id=\"lines\" name=\"lines\" rows=\"6\" aria-describedby=\"lines-help\" aria-invalid=\"true\""))
            #expect(bad.text.contains("Operation:3:1"))  // what was typed stays
            let saved = try await web.post(
                "/staffing", as: hr,
                form: [("name", "Tokyo"), ("lines", StaffingFixtures.requirementLines.joined(separator: "\n"))])
            #expect(saved.status == .seeOther)
            let id = try await web.database.staffingRequirementID("Tokyo")
            let listed = try await web.get("/staffing", as: manager)
            #expect(listed.text.contains("Tokyo") && !listed.text.contains("id=\"requirement-form\""))
            #expect(
                try await web.post("/staffing", as: manager, form: [("name", "X"), ("lines", "Operation:3:1")]).status
                    == .forbidden)
            let check = try await web.get("/staffing/\(id)/check?org=OPS", as: manager)
            #expect(check.status == .ok)
            #expect(check.text.contains("4 slots filled of 6") && check.text.contains("Short by 1"))
            #expect(check.text.contains("Goro Endo") && check.text.contains("responsible person"))
            let past = try await web.get("/staffing/\(id)/check?org=OPS&as_of=2020-01-01", as: manager)
            #expect(past.text.contains("0 slots filled of 6"))
            let badDate = try await web.get("/staffing/\(id)/check?org=OPS&as_of=soon", as: manager)
            #expect(badDate.status == .unprocessableContent && badDate.text.contains("aria-invalid"))
            let checkJa = try await web.get("/staffing/\(id)/check?org=OPS", as: manager, headers: [.acceptLanguage: "ja"])
            #expect(checkJa.text.contains("要員充足の確認") && checkJa.text.contains("責任者"))
            // Editing with a stale version re-renders the stored requirement with the conflict.
            let edit = try await web.get("/staffing/\(id)/edit", as: hr)
            #expect(edit.text.contains("name=\"version\" value=\"1\""))
            #expect(
                try await web.post(
                    "/staffing/\(id)", as: hr, form: [("name", "Tokyo 2"), ("lines", "Operation:3:1"), ("version", "1")]
                )
                .status == .seeOther)
            let stale = try await web.post(
                "/staffing/\(id)", as: hr, form: [("name", "Tokyo 3"), ("lines", "Operation:3:2"), ("version", "1")])
            #expect(stale.status == .conflict && stale.text.contains("Tokyo 2") && stale.text.contains("value=\"2\""))
            #expect(try await web.post("/staffing/\(id)/remove", as: hr, form: [("version", "1")]).status == .conflict)
            #expect(try await web.post("/staffing/\(id)/remove", as: hr, form: [("version", "2")]).status == .seeOther)
            #expect(try await web.get("/staffing/\(id)/check", as: manager).status == .notFound)
        }
    }
}

/// The staffing views as pure functions: hostile text stays text.
@Suite("Staffing views")
struct StaffingViewTests {
    static let hostile = SkillViewsTests.hostile
    static let escaped = SkillViewsTests.escaped

    @Test("the check view shows every line, counted person, shortfall and near candidate, escaping names")
    func checkView() throws {
        let field = FieldReference(standard: StandardKey(name: "ITSM", version: "V3 2008"), field: "Service Desk")
        let lines = [
            StaffingLine(field: field, minimumLevel: 3, count: 1),
            StaffingLine(field: field, minimumLevel: 4, count: 1, role: .leader),
        ]
        let people = [
            StaffingPerson(personID: 1, employeeNumber: "P1", name: Self.hostile, levels: [field: 3]),
            StaffingPerson(personID: 2, employeeNumber: "P2", name: "Near One", levels: [field: 4], roles: [field: .member]),
        ]
        let requirement = StaffingRequirementView(
            id: 7, name: Self.hostile, version: 1, lines: lines, fieldIDs: [1, 1], createdAt: "2026", createdBy: "t",
            updatedAt: "2026")
        let unit = OrgUnit(id: 1, code: "OPS", name: "Ops", parentID: nil)
        let page = StaffingCheckPage(
            requirement: requirement, units: [unit], org: "OPS",
            report: StaffingCheckReport(
                requirement: requirement, orgUnit: unit, asOf: Day("2026-02-01"),
                result: StaffingCheck.evaluate(lines: lines, people: people)))
        let html = page.render(layout: SkillViewsTests.layout).rendered
        #expect(!html.contains(Self.hostile) && html.contains(Self.escaped))
        #expect(html.contains("id=\"line-1\"") && html.contains("id=\"line-2\""))
        #expect(html.contains("Short by 1"))
        #expect(html.contains("Near One") && html.contains("verified track record as <strong>leader</strong>"))
        #expect(html.contains("2026-02-01") && html.contains("1 slots filled of 2"))
        let japanese = page.render(
            layout: Layout(title: "t", language: .japanese, account: nil, csrfToken: nil, path: "/x")
        ).rendered
        #expect(japanese.contains("リーダー") && japanese.contains("不足"))
    }

    @Test("the coverage view: counts per level, single points of failure, near candidates with a pager")
    func coverageView() {
        let field = FieldReference(standard: StandardKey(name: "ITSM", version: "V3 2008"), field: "Service Desk")
        let unit = OrgUnit(id: 1, code: "OPS", name: Self.hostile, parentID: nil)
        let page = CoveragePage(
            units: [unit], fields: [(key: "V3 2008:Service Desk", label: "Service Desk (V3 2008)")], org: "OPS",
            field: "V3 2008:Service Desk",
            report: CoverageReport(
                orgUnit: unit, people: 3,
                fields: [
                    FieldCoverage(
                        field: field, fieldID: 4, definedLevels: [3, 4], assessed: 2,
                        items: [
                            CoverageItem(item: Self.hostile, ratedAtLeast: [2, 2, 2, 1, 0, 0, 0]),
                            CoverageItem(item: "Staffing", ratedAtLeast: [2, 2, 2, 2, 0, 0, 0]),
                        ])
                ]),
            near: NearCandidatePage(
                items: [
                    NearCandidate(
                        person: StaffingPersonReference(personID: 1, employeeNumber: "P1", name: "Near"), level: 3, nextLevel: 4,
                        lack: .item(name: "Staffing", rating: 3, needed: 4, text: "t"))
                ], page: 1, perPage: 50, hasMore: true))
        let html = page.render(layout: SkillViewsTests.layout).rendered
        #expect(!html.contains(Self.hostile) && html.contains(Self.escaped))
        #expect(html.components(separatedBy: "Single point of failure</span>").count == 2)  // one item flagged
        #expect(html.contains("<strong>Staffing</strong>: rated 3, needs 4"))
        #expect(html.contains("rel=\"next\" href=\"/coverage?org=OPS&amp;field=V3%202008%3AService%20Desk&amp;page=2\""))
    }

    @Test("the staffing list: write links only for writers; the empty state says what to do")
    func listView() {
        let empty = StaffingListPage(
            requirements: Page(items: [], page: 1, perPage: 50, total: 0), list: ListState(), canWrite: false)
        #expect(empty.render(layout: SkillViewsTests.layout).rendered.contains("No staffing requirement yet."))
        let writable = StaffingListPage(
            requirements: Page(items: [], page: 1, perPage: 50, total: 0), list: ListState(), canWrite: true)
        let html = writable.render(layout: SkillViewsTests.layout).rendered
        #expect(html.contains("Service Desk:4:1") && html.contains("name=\"_csrf\" value=\"token\""))
    }
}
