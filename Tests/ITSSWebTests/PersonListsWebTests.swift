import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import ITSSDomain
import ITSSStorage
import ITSSTestSupport
import Testing

/// A person's own lists page in the API and on the pages: assessments and track record on *My skills*, each
/// with its own page parameter; the per-person API lists answer pages with their totals.
@Suite("Per-person lists page")
struct PersonListsWebTests {
    /// 25 experience records and 21 assessments (one per cycle 2001–2021) for E1001.
    static func longHistory(_ database: AppDatabase) async throws {
        for year in 2001...2025 {
            try await database.addExperience(
                ExperienceForm(
                    employeeNumber: "E1001", field: Fixtures.serviceDesk, role: .member,
                    from: try #require(Day("\(year)-04-01")), customer: "customer \(year)"),
                actor: "test")
        }
        for year in 2001...2021 {
            try await database.startAssessment(of: "E1001", field: Fixtures.serviceDesk, cycle: try #require(Cycle("\(year)")), actor: "test")
        }
    }

    @Test("API: assessments, experience, plans and history page with totals; bad page values are 400", arguments: TestBackend.enabled)
    func api(backend: TestBackend) async throws {
        try await WebFixture.with(backend) { web in
            try await Self.longHistory(web.database)
            let token = try await web.token(for: "hanako")
            let third = try await web.api("/api/v1/people/E1001/experience?per_page=10&page=3", token: token)
            #expect(third.status == .ok)
            let body = try third.object()
            #expect(body["total"] as? Int == 25 && body["page"] as? Int == 3 && body["per_page"] as? Int == 10)
            #expect((body["items"] as? [JSONObject])?.compactMap { $0["customer"] as? String } == (2021...2025).map { "customer \($0)" })

            let assessments = try await web.api("/api/v1/people/E1001/assessments?per_page=20&page=2", token: token).object()
            #expect(assessments["total"] as? Int == 21)
            // Newest cycle first: the second page holds the oldest.
            #expect((assessments["items"] as? [JSONObject])?.map { $0["cycle"] as? String } == ["2001"])

            for path in ["plans", "history"] {
                let empty = try await web.api("/api/v1/people/E1001/\(path)", token: token).object()
                #expect(empty["total"] as? Int == 0 && empty["page"] as? Int == 1)
            }
            let bad = try await web.api("/api/v1/people/E1001/assessments?page=0", token: token)
            #expect(bad.status == .badRequest)
            #expect(try bad.object()["field"] as? String == "page")
        }
    }

    @Test("My skills: each list pages on its own and keeps the other's page", arguments: TestBackend.enabled)
    func mySkills(backend: TestBackend) async throws {
        try await WebFixture.with(backend) { web in
            try await Self.longHistory(web.database)
            let hanako = try await web.signIn("hanako")
            let first = try await web.get("/me", as: hanako).text
            #expect(first.contains("Page 1 of 2 (21 in all)"))
            #expect(first.contains("Page 1 of 2 (25 in all)"))
            #expect(first.contains("customer 2001") && !first.contains("customer 2021"))
            #expect(first.contains("href=\"/me?experience_page=2\""))

            let second = try await web.get("/me?experience_page=2", as: hanako).text
            #expect(second.contains("customer 2021") && second.contains("customer 2025") && !second.contains("customer 2001"))
            // The assessments' pager keeps the track record on its second page.
            #expect(second.contains("href=\"/me?experience_page=2&amp;assessments_page=2\""))

            let beyond = try await web.get("/me?assessments_page=9", as: hanako).text
            #expect(beyond.contains("This page is empty."))
        }
    }
}
