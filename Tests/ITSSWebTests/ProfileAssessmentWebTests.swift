import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import ITSSDomain
import ITSSStorage
import ITSSTestSupport
import Testing

/// Assessing under a tailoring profile over HTTP: the API (start with `profile_id`, company items rated by name)
/// and the pages (the profile choice on *My skills*, company items on the self-assessment form).
@Suite("Assessments under a profile: API and pages")
struct ProfileAssessmentWebTests {
    /// Creates `Fixtures.helpDeskProfile()` as the administrator.
    static func createProfile(_ web: WebFixture) async throws -> Int64 {
        try await web.database.createProfile(
            Fixtures.helpDeskProfile(), by: Principal(origin: .account(login: "admin"), role: .administrator)
        ).profileID
    }

    @Test("API: start under a profile, rate a company item by name", arguments: TestBackend.enabled)
    func api(backend: TestBackend) async throws {
        try await WebFixture.with(backend) { web in
            let profileID = try await Self.createProfile(web)
            let hanako = try await web.token(for: "hanako")
            let bad = try await web.api(
                "/api/v1/people/E1001/assessments", method: .post, token: hanako,
                json: json(["field": "Service Desk", "cycle": "2026H2", "profile_id": "abc"]))
            #expect(bad.status == .unprocessableContent)
            #expect(try bad.object()["field"] as? String == "profile_id")

            let started = try await web.api(
                "/api/v1/people/E1001/assessments", method: .post, token: hanako,
                json: json(["field": "Service Desk", "cycle": "2026H2", "profile_id": String(profileID)]))
            #expect(started.status == .created)
            let body = try started.object()
            let id = try #require(body["id"] as? String)
            let profile = try #require(body["profile"] as? JSONObject)
            #expect(profile["name"] as? String == "ACME Help Desk" && profile["version"] as? Int == 1)
            let ratings = body["ratings"] as? [JSONObject] ?? []
            #expect(ratings.count == 17)
            #expect(!ratings.contains { $0["item"] as? String == "Staffing" })
            let chat = try #require(ratings.first { $0["item"] as? String == "Chat Support" })
            #expect(chat["company_item"] as? Bool == true && chat["item_id"] == nil)
            #expect(ratings.filter { $0["company_item"] as? Bool == false }.allSatisfy { $0["item_id"] is String })

            let rated = try await web.api(
                "/api/v1/assessments/\(id)/company-ratings/Chat%20Support", method: .put, token: hanako,
                json: json(["level": 3, "as": "self"]), headers: [.ifMatch: "\"1\""])
            #expect(rated.status == .ok)
            #expect(rated.etagVersion == 2)
            let after = try rated.object()["ratings"] as? [JSONObject] ?? []
            #expect(after.first { $0["item"] as? String == "Chat Support" }?["self_level"] as? Int == 3)

            let unknown = try await web.api(
                "/api/v1/assessments/\(id)/company-ratings/Juggling", method: .put, token: hanako,
                json: json(["level": 3, "as": "self"]))
            #expect(unknown.status == .notFound)
            let stale = try await web.api(
                "/api/v1/assessments/\(id)/company-ratings/Chat%20Support", method: .put, token: hanako,
                json: json(["level": 4, "as": "self"]), headers: [.ifMatch: "\"1\""])
            #expect(stale.status == .preconditionFailed)
        }
    }

    @Test("pages: choose the profile on My skills, rate the company item on the form", arguments: TestBackend.enabled)
    func pages(backend: TestBackend) async throws {
        try await WebFixture.with(backend) { web in
            let profileID = try await Self.createProfile(web)
            let hanako = try await web.signIn("hanako")
            let mySkills = try await web.get("/me", as: hanako)
            #expect(mySkills.text.contains("<select id=\"start-profile\" name=\"profile\""))
            #expect(mySkills.text.contains("ACME Help Desk"))

            let started = try await web.post(
                "/me/assessments", as: hanako,
                form: [("field", "V3:Service Desk"), ("cycle", "2026H2"), ("profile", String(profileID))])
            #expect(started.status == .seeOther)
            let location = try #require(started.headers[.location])
            let form = try await web.get(location, as: hanako)
            #expect(form.text.contains("ACME Help Desk (v1)"))
            #expect(form.text.contains("Chat Support <span class=\"badge company-item\">company item</span>"))
            #expect(form.text.contains("Leads the chat team"))
            #expect(!form.text.contains("<legend>Staffing</legend>"))

            // Chat Support is the last of the 17 items on the form.
            let saved = try await web.post(location, as: hanako, form: [("version", "1"), ("item-16", "4")])
            #expect(saved.status == .seeOther)
            let id = try #require(Int64(location.split(separator: "/").last.map(String.init) ?? ""))
            let view = try await web.database.assessment(id)
            #expect(view.ratings.first { $0.item == "Chat Support" }?.selfLevel == 4)
            #expect(view.ratings.filter { $0.selfLevel != nil }.count == 1)
        }
    }
}
