import Foundation
import HTTPTypes
import HummingbirdTesting
import ITSSDomain
import ITSSStorage
import ITSSTestSupport
import Testing

@Suite("API: people and their reads")
struct PeopleAPITests {
    @Test("the people list pages, filters by org, and shows each role only whom it may read", arguments: TestBackend.enabled)
    func list(backend: TestBackend) async throws {
        try await WebFixture.with(backend) { web in
            let tokens = try await web.tokens()
            func numbers(_ login: String, _ query: String = "") async throws -> [String] {
                try await web.api("/api/v1/people\(query)", token: tokens[login]).items().compactMap {
                    $0["employee_number"] as? String
                }
            }
            #expect(try await numbers("hr") == ["E1001", "E1002", "M001"])
            #expect(try await numbers("admin") == ["E1001", "E1002", "M001"])
            #expect(try await numbers("manager") == ["E1001", "E1002", "M001"], "M001 evaluates OPS and its sub-units")
            #expect(try await numbers("hanako") == ["E1001"])
            #expect(try await numbers("hr", "?org=OPS-SD") == ["E1001", "E1002"])
            let page = try await web.api("/api/v1/people?page=2&per_page=2", token: tokens["hr"]).object()
            #expect(page["page"] as? Int == 2)
            #expect(page["per_page"] as? Int == 2)
            #expect(page["total"] as? Int == 3)
            #expect((page["items"] as? [JSONObject])?.map { $0["employee_number"] as? String } == ["M001"])
            let person = try #require(try await web.api("/api/v1/people?org=OPS-SD", token: tokens["hr"]).items().first)
            #expect(person["org_unit"] as? String == "OPS-SD")
            #expect((person["fields"] as? [JSONObject])?.first?["name"] as? String == "Service Desk")
            for (query, parameter) in [
                ("per_page=abc", "per_page"), ("per_page=0", "per_page"), ("per_page=1001", "per_page"), ("page=0", "page"),
                ("page=x", "page"), ("org=NOPE", "org"),
            ] {
                let refused = try await web.api("/api/v1/people?\(query)", token: tokens["hr"])
                #expect(refused.status == .badRequest, "\(query)")
                #expect(refused.problemField == parameter, "\(query)")
                #expect(refused.headers[.contentType] == "application/problem+json")
            }
        }
    }

    @Test("HR adds a person; a refused value is named", arguments: TestBackend.enabled)
    func add(backend: TestBackend) async throws {
        try await WebFixture.with(backend) { web in
            let hr = try await web.token(for: "hr")
            let created = try await web.api(
                "/api/v1/people", method: .post, token: hr,
                json: json([
                    "employee_number": "E2001", "name": "Jiro Tanaka", "org_unit": "OPS-SD", "joined_on": "2024-04-01",
                    "fields": ["Service Desk"],
                ]))
            #expect(created.status == .created)
            #expect(created.headers[.location] == "/api/v1/people/E2001")
            #expect(try created.object()["joined_on"] as? String == "2024-04-01")
            let again = try await web.api(
                "/api/v1/people", method: .post, token: hr, json: json(["employee_number": "E2001", "name": "Other"]))
            #expect(again.status == .conflict)
            let missing = try await web.api("/api/v1/people", method: .post, token: hr, json: json(["employee_number": "E2002"]))
            #expect(missing.status == .badRequest)
            #expect(missing.problemField == "name")
            let badDate = try await web.api(
                "/api/v1/people", method: .post, token: hr,
                json: json(["employee_number": "E2003", "name": "X", "joined_on": "April"]))
            #expect(badDate.problemField == "joined_on")
            let tooLong = try await web.api(
                "/api/v1/people", method: .post, token: hr,
                json: json(["employee_number": "E2004", "name": String(repeating: "x", count: 500)]))
            #expect(tooLong.status == .unprocessableContent)
            #expect(tooLong.problemField == "name")
            let employee = try await web.api(
                "/api/v1/people", method: .post, token: try await web.token(for: "taro"),
                json: json(["employee_number": "E2005", "name": "Y"]))
            #expect(employee.status == .forbidden)
        }
    }

    @Test("a person's profile, levels, gap, assessments, experience, plans and history", arguments: TestBackend.enabled)
    func reads(backend: TestBackend) async throws {
        try await WebFixture.with(backend) { web in
            try await web.database.addExperience(
                ExperienceForm(employeeNumber: "E1001", field: Fixtures.serviceDesk, role: .member, from: Day("2021-04-01")!),
                actor: "test")
            try await web.database.verifyExperience(recordID: 1, by: "M001")
            try await Fixtures.approvedAssessment(web.database, cycle: "2026H1", selfLevel: 4, evaluatorLevel: 3)
            let token = try await web.token(for: "hanako")
            let person = try await web.api("/api/v1/people/E1001", token: token)
            #expect(try person.object()["name"] as? String == "Hanako Sato")
            let levels = try await web.api("/api/v1/people/E1001/levels", token: token).items()
            let level = try #require(levels.first)
            let official = try #require(level["official"] as? JSONObject)
            #expect(official["basis"] as? String == "approved")
            #expect((official["levels"] as? [JSONObject])?.isEmpty == false)
            #expect((level["provisional"] as? JSONObject)?["basis"] as? String == "provisional")
            #expect((level["field"] as? JSONObject)?["id"] is String)
            let past = try await web.api("/api/v1/people/E1001/levels?as_of=2020-01-01", token: token).items()
            #expect(past.first?["provisional"] == nil)
            #expect(past.first?["as_of"] as? String == "2020-01-01")
            #expect(try await web.api("/api/v1/people/E1001/levels?as_of=yesterday", token: token).problemField == "as_of")
            let ancient = try await web.api("/api/v1/people/E1001/levels?as_of=0160-06-20", token: token)
            #expect(ancient.status == .unprocessableContent)
            #expect(ancient.problemField == "as_of")
            let gap = try await web.api("/api/v1/people/E1001/gap?target=Service%20Desk:4", token: token)
            #expect(gap.status == .ok)
            #expect(try gap.object()["target"] as? Int == 4)
            #expect(try await web.api("/api/v1/people/E1001/gap", token: token).problemField == "target")
            #expect(try await web.api("/api/v1/people/E1001/gap?target=Desk", token: token).problemField == "target")
            let unknownField = try await web.api("/api/v1/people/E1001/gap?target=Nothing:4", token: token)
            #expect(unknownField.status == .unprocessableContent)
            #expect(unknownField.problemField == "target")
            let undefined = try await web.api("/api/v1/people/E1001/gap?target=Service%20Desk:7", token: token)
            #expect(undefined.status == .unprocessableContent)
            #expect(undefined.problemField == "target")
            let assessments = try await web.api("/api/v1/people/E1001/assessments", token: token).items()
            #expect(assessments.first?["state"] as? String == "approved")
            #expect(
                try await web.api("/api/v1/people/E1001/experience", token: token).items().first?["verified"] as? Bool == true)
            #expect(try await web.api("/api/v1/people/E1001/plans", token: token).items().isEmpty)
            let history = try await web.api("/api/v1/people/E1001/history", token: token).items()
            #expect(history.last?["level"] as? Int == 3)
            #expect(history.last?["effective_at"] is String)
        }
    }

    @Test("another person's data answers exactly like an unknown number, naming no other number", arguments: TestBackend.enabled)
    func guessing(backend: TestBackend) async throws {
        try await WebFixture.with(backend) { web in
            let token = try await web.token(for: "hanako")
            for suffix in ["", "/levels", "/gap?target=Service%20Desk:4", "/assessments", "/experience", "/plans", "/history"] {
                let other = try await web.api("/api/v1/people/E1002\(suffix)", token: token)
                let unknown = try await web.api("/api/v1/people/E1003\(suffix)", token: token)
                #expect(other.status == .notFound, "\(suffix)")
                #expect(unknown.status == .notFound, "\(suffix)")
                #expect(
                    other.text.replacingOccurrences(of: "E1002", with: "N")
                        == unknown.text.replacingOccurrences(of: "E1003", with: "N"),
                    "\(suffix)")
                for number in ["E1001", "M001"] { #expect(!unknown.text.contains(number)) }
                #expect(!other.text.contains("E1001"))
            }
        }
    }
}
