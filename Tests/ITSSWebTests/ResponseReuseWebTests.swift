import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import ITSSDomain
import ITSSStorage
import ITSSTestSupport
import Testing

/// The profile page and a person's levels are kept between requests (`ResponseCache`) and reused only while
/// nothing was written: a change by another server instance or process shows on the very next request.
@Suite("Kept responses follow every write")
struct ResponseReuseWebTests {
    /// The official level the levels API gives for the first field.
    static func officialLevel(_ web: WebFixture, token: String) async throws -> Int? {
        let levels = try await web.api("/api/v1/people/E1001/levels", token: token).items()
        return (levels.first?["official"] as? JSONObject)?["attained_level"] as? Int
    }

    /// Storage settings of another server instance.
    static let watching: StorageConfiguration = {
        var configuration = TestBackend.configuration
        configuration.watchesChanges = true
        return configuration
    }()

    /// Hanako's verified record as a Service Desk leader: with it, her ratings alone decide between levels 3 and 4.
    static func leaderRecord(_ database: AppDatabase) async throws {
        let record = try await database.addExperience(
            ExperienceForm(employeeNumber: "E1001", field: Fixtures.serviceDesk, role: .leader, from: Day("2020-04-01")!),
            actor: "test")
        try await database.verifyExperience(recordID: record.recordID, by: "M001")
    }

    /// Another server instance on the same database, an hour later by its clock (the fixture's clock stands still),
    /// approves Hanako's 2026H1 assessment with every item at level 4.
    static func anotherInstanceApprovesLevel4(_ web: WebFixture) async throws {
        let other = try await AppDatabase(
            location: web.database.location, configuration: watching,
            now: { Date(timeIntervalSince1970: 1_800_000_000 + 3600) })
        try await Fixtures.approvedAssessment(other, cycle: "2026H1", selfLevel: 4, evaluatorLevel: 4)
        await other.close()
    }

    @Test(
        "after another instance approves an assessment, the levels API and the profile page show it at once",
        arguments: TestBackend.enabled)
    func followsAnotherInstance(backend: TestBackend) async throws {
        try await WebFixture.with(backend) { web in
            try await Self.leaderRecord(web.database)
            try await Fixtures.approvedAssessment(web.database, cycle: "2025H2", selfLevel: 3, evaluatorLevel: 3)
            let token = try await web.token(for: "hr")
            let session = try await web.signIn("hr")
            #expect(try await Self.officialLevel(web, token: token) == 3)
            #expect(try await Self.officialLevel(web, token: token) == 3, "the same answer when nothing changed")
            let pageBefore = String(buffer: try await web.get("/people/E1001", as: session).body)
            #expect(pageBefore.contains("2025H2") && !pageBefore.contains("2026H1"))
            #expect(String(buffer: try await web.get("/people/E1001", as: session).body) == pageBefore)

            try await Self.anotherInstanceApprovesLevel4(web)

            #expect(try await Self.officialLevel(web, token: token) == 4, "the new level, not the kept one")
            let pageAfter = String(buffer: try await web.get("/people/E1001", as: session).body)
            #expect(pageAfter.contains("2026H1"), "the new assessment is on the page")
        }
    }

    @Test("the skill map, page and API, counts a person approved by another instance at once", arguments: TestBackend.enabled)
    func mapFollowsAnotherInstance(backend: TestBackend) async throws {
        try await WebFixture.with(backend) { web in
            try await Self.leaderRecord(web.database)
            let token = try await web.token(for: "hr")
            let session = try await web.signIn("hr")
            let apiBefore = String(buffer: try await web.api("/api/v1/map?org=OPS", token: token).body)
            let pageBefore = String(buffer: try await web.get("/map?org=OPS", as: session).body)
            #expect(String(buffer: try await web.api("/api/v1/map?org=OPS", token: token).body) == apiBefore)

            try await Self.anotherInstanceApprovesLevel4(web)

            #expect(String(buffer: try await web.api("/api/v1/map?org=OPS", token: token).body) != apiBefore)
            #expect(String(buffer: try await web.get("/map?org=OPS", as: session).body) != pageBefore)
        }
    }

    @Test(
        "many identical requests at once all get the right answer (one makes it, the others wait for it)",
        arguments: TestBackend.enabled)
    func concurrentIdenticalRequests(backend: TestBackend) async throws {
        try await WebFixture.with(backend, over: .live) { web in
            try await Self.leaderRecord(web.database)
            try await Fixtures.approvedAssessment(web.database, cycle: "2025H2", selfLevel: 3, evaluatorLevel: 3)
            let session = try await web.signIn("hr")
            let token = try await web.token(for: "hr")
            let pages = try await withThrowingTaskGroup(of: (Int, String).self) { group in
                for _ in 0..<16 {
                    group.addTask {
                        let response = try await web.get("/people/E1001", as: session)
                        return (Int(response.status.code), String(buffer: response.body))
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(pages.allSatisfy { $0.0 == 200 })
            #expect(Set(pages.map(\.1)).count == 1, "the same page for all")
            #expect(pages.first?.1.contains("2025H2") == true)
            let refusals = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<8 {
                    group.addTask { Int(try await web.api("/api/v1/people/NOBODY/levels", token: token).status.code) }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(refusals == Array(repeating: 404, count: 8), "errors are never shared as answers, each is made")
        }
    }

    @Test("a kept page is never given to another session: each carries its own CSRF token", arguments: TestBackend.enabled)
    func pagesArePerSession(backend: TestBackend) async throws {
        try await WebFixture.with(backend) { web in
            let first = try await web.signIn("hr")
            let second = try await web.signIn("hr")
            #expect(first.csrf != second.csrf)
            let firstPage = String(buffer: try await web.get("/people/E1001", as: first).body)
            let secondPage = String(buffer: try await web.get("/people/E1001", as: second).body)
            #expect(firstPage.contains(first.csrf) && !firstPage.contains(second.csrf))
            #expect(secondPage.contains(second.csrf) && !secondPage.contains(first.csrf))
        }
    }

    @Test(
        "an employee refused another person's levels stays refused, and a kept answer is not shared across accounts",
        arguments: TestBackend.enabled)
    func accessIsPerAccount(backend: TestBackend) async throws {
        try await WebFixture.with(backend) { web in
            let hr = try await web.token(for: "hr")
            let taro = try await web.token(for: "taro")
            #expect(try await web.api("/api/v1/people/E1001/levels", token: hr).status == .ok)
            #expect(try await web.api("/api/v1/people/E1001/levels", token: hr).status == .ok)
            #expect(try await web.api("/api/v1/people/E1001/levels", token: taro).status == .notFound)
        }
    }

    @Test("with the cache turned off every answer is still right", arguments: TestBackend.enabled)
    func cacheOff(backend: TestBackend) async throws {
        try await WebFixture.with(backend, configure: { $0.responseCacheBytes = 0 }) { web in
            try await Self.leaderRecord(web.database)
            try await Fixtures.approvedAssessment(web.database, cycle: "2025H2", selfLevel: 3, evaluatorLevel: 3)
            let token = try await web.token(for: "hr")
            #expect(try await Self.officialLevel(web, token: token) == 3)
            try await Fixtures.approvedAssessment(web.database, cycle: "2026H1", selfLevel: 4, evaluatorLevel: 4)
            #expect(try await Self.officialLevel(web, token: token) == 4)
        }
    }
}
