import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import ITSSDomain
import ITSSStorage
import ITSSTestSupport
import Testing

@Suite("API: assessments")
struct AssessmentsAPITests {
    /// Starts E1001's Service Desk assessment as hanako and returns its id and the item ids.
    static func start(_ web: WebFixture, token: String?, cycle: String = "2026H2") async throws -> (id: String, items: [String]) {
        let started = try await web.api(
            "/api/v1/people/E1001/assessments", method: .post, token: token,
            json: json(["field": "V3:Service Desk", "cycle": cycle]))
        #expect(started.status == .created)
        let body = try started.object()
        let id = try #require(body["id"] as? String)
        #expect(started.headers[.location] == "/api/v1/assessments/\(id)")
        #expect(started.etagVersion == 1)
        let items = (body["ratings"] as? [JSONObject] ?? []).compactMap { $0["item_id"] as? String }
        #expect(!items.isEmpty && items.allSatisfy { !$0.isEmpty })
        return (id, items)
    }

    @Test(
        "full cycle: self-rate every item, submit; the evaluator rates with a reason and approves; the official level changes",
        arguments: TestBackend.enabled)
    func fullCycle(backend: TestBackend) async throws {
        try await WebFixture.with(backend) { web in
            let hanako = try await web.token(for: "hanako")
            let manager = try await web.token(for: "manager")
            // A verified record, so that level 3's scale condition can hold.
            let record = try await web.api(
                "/api/v1/people/E1001/experience", method: .post, token: hanako,
                json: json(["field": "Service Desk", "role": "member", "from": "2021-04-01", "peak_staff": 5]))
            #expect(record.status == .created)
            let recordID = try #require(try record.object()["id"] as? String)
            #expect(try record.object()["verified"] as? Bool == false)
            let verified = try await web.api("/api/v1/experience/\(recordID)/verify", method: .post, token: manager)
            #expect(verified.status == .ok)
            #expect(try verified.object()["verified_by"] as? String == "M001")

            func officialLevel() async throws -> Int? {
                let levels = try await web.api("/api/v1/people/E1001/levels", token: hanako).items()
                return (levels.first?["official"] as? JSONObject)?["attained_level"] as? Int
            }
            #expect(try await officialLevel() == nil)

            let (id, items) = try await Self.start(web, token: hanako)
            var version = 1
            for item in items {
                let rated = try await web.api(
                    "/api/v1/assessments/\(id)/ratings/\(item)", method: .put, token: hanako,
                    json: json(["level": 4, "as": "self"]), headers: [.ifMatch: "\"\(version)\""])
                #expect(rated.status == .ok)
                #expect(rated.etagVersion == version + 1)
                version += 1
            }
            let submitted = try await web.api(
                "/api/v1/assessments/\(id)/submit", method: .post, token: hanako, headers: [.ifMatch: "\"\(version)\""])
            #expect(submitted.status == .ok)
            #expect(try submitted.object()["state"] as? String == "submitted")
            version += 1
            for item in items {
                let rated = try await web.api(
                    "/api/v1/assessments/\(id)/ratings/\(item)", method: .put, token: manager,
                    json: json(["level": 3, "as": "evaluator", "reason": "not yet owning the process"]))
                #expect(rated.status == .ok, "a blind write without If-Match is allowed")
            }
            let read = try await web.api("/api/v1/assessments/\(id)", token: manager)
            let current = try #require(read.etagVersion)
            let ratings = try read.object()["ratings"] as? [JSONObject] ?? []
            #expect(ratings.allSatisfy { $0["self_level"] as? Int == 4 && $0["evaluator_level"] as? Int == 3 })
            #expect(ratings.allSatisfy { $0["evaluator_reason"] as? String == "not yet owning the process" })
            let approved = try await web.api(
                "/api/v1/assessments/\(id)/approve", method: .post, token: manager, headers: [.ifMatch: "W/\"\(current)\""])
            #expect(approved.status == .ok)
            #expect(try approved.object()["state"] as? String == "approved")
            #expect(try approved.object()["decided_by"] as? String == "M001")
            #expect(try await officialLevel() == 3)
            let history = try await web.api("/api/v1/people/E1001/history", token: hanako).items()
            #expect(history.last?["level"] as? Int == 3)
        }
    }

    @Test("a stale If-Match is refused with 412 and nothing is written", arguments: TestBackend.enabled)
    func staleIfMatch(backend: TestBackend) async throws {
        try await WebFixture.with(backend) { web in
            let hanako = try await web.token(for: "hanako")
            let (id, items) = try await Self.start(web, token: hanako)
            let first = try await web.api(
                "/api/v1/assessments/\(id)/ratings/\(items[0])", method: .put, token: hanako,
                json: json(["level": 3, "as": "self"]), headers: [.ifMatch: "\"1\""])
            #expect(first.etagVersion == 2)
            let stale = try await web.api(
                "/api/v1/assessments/\(id)/ratings/\(items[1])", method: .put, token: hanako,
                json: json(["level": 4, "as": "self"]), headers: [.ifMatch: "\"1\""])
            #expect(stale.status == .preconditionFailed)
            #expect(stale.problemField == "If-Match")
            #expect(stale.headers[.contentType] == "application/problem+json")
            let after = try await web.api("/api/v1/assessments/\(id)", token: hanako)
            #expect(after.etagVersion == 2)
            let ratings = try after.object()["ratings"] as? [JSONObject] ?? []
            #expect(ratings[1]["self_level"] == nil, "nothing was written")
            let staleSubmit = try await web.api(
                "/api/v1/assessments/\(id)/submit", method: .post, token: hanako, headers: [.ifMatch: "\"1\""])
            #expect(staleSubmit.status == .preconditionFailed)
            let garbage = try await web.api(
                "/api/v1/assessments/\(id)/submit", method: .post, token: hanako, headers: [.ifMatch: "yesterday"])
            #expect(garbage.status == .badRequest)
            #expect(garbage.problemField == "If-Match")
            #expect(try await web.api("/api/v1/assessments/\(id)", token: hanako).etagVersion == 2)
        }
    }

    @Test(
        "refusals name the field: cycle, level, as, reason, comment; workflow rules answer 403/409/422",
        arguments: TestBackend.enabled)
    func refusals(backend: TestBackend) async throws {
        try await WebFixture.with(backend) { web in
            let hanako = try await web.token(for: "hanako")
            let manager = try await web.token(for: "manager")
            let badCycle = try await web.api(
                "/api/v1/people/E1001/assessments", method: .post, token: hanako,
                json: json(["field": "Service Desk", "cycle": "someday"]))
            #expect(badCycle.status == .badRequest)
            #expect(badCycle.problemField == "cycle")
            let badField = try await web.api(
                "/api/v1/people/E1001/assessments", method: .post, token: hanako,
                json: json(["field": "Nothing at all", "cycle": "2026H2"]))
            #expect(badField.status == .unprocessableContent)
            #expect(badField.problemField == "field")
            let notJSON = try await web.client.execute(
                uri: "/api/v1/people/E1001/assessments", method: .post,
                headers: [.authorization: "Bearer \(hanako)", .contentType: "text/plain"], body: ByteBuffer(string: "x"))
            #expect(notJSON.status == .unsupportedMediaType)
            #expect(notJSON.problemField == "Content-Type")
            let (id, items) = try await Self.start(web, token: hanako)
            let duplicate = try await web.api(
                "/api/v1/people/E1001/assessments", method: .post, token: hanako,
                json: json(["field": "Service Desk", "cycle": "2026H2"]))
            #expect(duplicate.status == .conflict)
            let rate = "/api/v1/assessments/\(id)/ratings/\(items[0])"
            let undefined = try await web.api(rate, method: .put, token: hanako, json: json(["level": 9, "as": "self"]))
            #expect(undefined.status == .unprocessableContent)
            #expect(undefined.problemField == "level")
            let side = try await web.api(rate, method: .put, token: hanako, json: json(["level": 3, "as": "boss"]))
            #expect(side.status == .badRequest)
            #expect(side.problemField == "as")
            let noLevel = try await web.api(rate, method: .put, token: hanako, json: json(["as": "self"]))
            #expect(noLevel.problemField == "level")
            let longReason = try await web.api(
                rate, method: .put, token: manager,
                json: json(["level": 3, "as": "evaluator", "reason": String(repeating: "r", count: 5000)]))
            #expect(longReason.status == .unprocessableContent)
            #expect(longReason.problemField == "reason")
            let evaluatorOnDraft = try await web.api(
                rate, method: .put, token: manager, json: json(["level": 3, "as": "evaluator"]))
            #expect(evaluatorOnDraft.status == .conflict)
            let selfAsOther = try await web.api(rate, method: .put, token: manager, json: json(["level": 3, "as": "self"]))
            #expect(selfAsOther.status == .forbidden)
            let unknownItem = try await web.api(
                "/api/v1/assessments/\(id)/ratings/999999", method: .put, token: hanako, json: json(["level": 3, "as": "self"]))
            #expect(unknownItem.status == .notFound)
            let early = try await web.api("/api/v1/assessments/\(id)/submit", method: .post, token: hanako)
            #expect(early.status == .unprocessableContent, "self ratings are missing")
            for item in items {
                _ = try await web.api(
                    "/api/v1/assessments/\(id)/ratings/\(item)", method: .put, token: hanako,
                    json: json(["level": 4, "as": "self"]))
            }
            #expect(try await web.api("/api/v1/assessments/\(id)/submit", method: .post, token: hanako).status == .ok)
            let ownApproval = try await web.api("/api/v1/assessments/\(id)/approve", method: .post, token: hanako)
            #expect(ownApproval.status == .forbidden)
            let noComment = try await web.api(
                "/api/v1/assessments/\(id)/return", method: .post, token: manager, json: json(["comment": ""]))
            #expect(noComment.status == .unprocessableContent)
            #expect(noComment.problemField == "comment")
            let missingComment = try await web.api("/api/v1/assessments/\(id)/return", method: .post, token: manager, json: "{}")
            #expect(missingComment.status == .badRequest)
            #expect(missingComment.problemField == "comment")
            let returned = try await web.api(
                "/api/v1/assessments/\(id)/return", method: .post, token: manager, json: json(["comment": "add evidence"]))
            #expect(returned.status == .ok)
            #expect(try returned.object()["state"] as? String == "returned")
            #expect(try returned.object()["return_comment"] as? String == "add evidence")
            // Taro cannot see hanako's assessment at all.
            let taro = try await web.token(for: "taro")
            let hidden = try await web.api("/api/v1/assessments/\(id)", token: taro)
            let unknown = try await web.api("/api/v1/assessments/999999", token: taro)
            #expect(hidden.status == .notFound)
            #expect(
                hidden.text.replacingOccurrences(of: id, with: "N") == unknown.text.replacingOccurrences(of: "999999", with: "N"))
        }
    }
}
