import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import ITSSDomain
import ITSSImport
import ITSSStorage
import ITSSTestSupport
import Testing

/// Endpoints for what the pages and the CLI also do: the password form, the catalog document import, adding a
/// person's field, the review queue, the evaluator assignments list.
@Suite("API: parity with the pages and the CLI")
struct ParityAPITests {
    @Test("an account changes its own password; wrong current and short new passwords name their field", arguments: TestBackend.enabled)
    func password(backend: TestBackend) async throws {
        try await WebFixture.with(backend) { web in
            let hanako = try await web.token(for: "hanako")
            let wrong = try await web.api(
                "/api/v1/me/password", method: .put, token: hanako,
                json: json(["current_password": "not it", "new_password": "a brand new passphrase"]))
            #expect(wrong.status == .unprocessableContent)
            #expect(wrong.problemField == "current_password")
            let short = try await web.api(
                "/api/v1/me/password", method: .put, token: hanako,
                json: json(["current_password": "password-hanako", "new_password": "short"]))
            #expect(short.status == .unprocessableContent)
            #expect(short.problemField == "new_password")
            let missing = try await web.api(
                "/api/v1/me/password", method: .put, token: hanako, json: json(["new_password": "a brand new passphrase"]))
            #expect(missing.status == .badRequest)
            #expect(missing.problemField == "current_password")

            let changed = try await web.api(
                "/api/v1/me/password", method: .put, token: hanako,
                json: json(["current_password": "password-hanako", "new_password": "a brand new passphrase"]))
            #expect(changed.status == .noContent)
            await #expect(throws: SignInRefusal.self) { try await web.database.signIn(login: "hanako", password: "password-hanako") }
            _ = try await web.database.signIn(login: "hanako", password: "a brand new passphrase")
            #expect(try await web.api("/api/v1/me", token: hanako).status == .ok, "tokens stay valid")
            let audit = try await web.database.auditEntries(page: PageRequest(), action: .accountPassword, actor: nil)
            #expect(audit.items.count == 1)
            #expect(!audit.items.contains { $0.detail.contains("brand new") }, "no password in the audit log")
        }
    }

    @Test(
        "an administrator imports a catalog document and gets its outcome and diagnostics; bad text names the document",
        arguments: TestBackend.enabled)
    func catalogDocument(backend: TestBackend) async throws {
        try await WebFixture.with(backend) { web in
            let admin = try await web.token(for: "admin")
            let document = try #require(try BuiltInStandards.documents().first)
            let text = String(decoding: document.bytes, as: UTF8.self)
            let again = try await web.api(
                "/api/v1/catalog/documents", method: .post, token: admin,
                json: json(["document": text, "file_name": document.fileName]))
            #expect(again.status == .ok)
            let outcome = try again.object()
            #expect(outcome["outcome"] as? String == "unchanged")
            #expect(outcome["revision"] as? Int == 1)
            let diagnostics = try #require(outcome["diagnostics"] as? [JSONObject])
            #expect(!diagnostics.isEmpty, "the shipped documents have known inconsistencies")
            #expect(diagnostics.allSatisfy { ($0["line"] as? Int ?? 0) > 0 && $0["code"] is String })

            let garbage = try await web.api(
                "/api/v1/catalog/documents", method: .post, token: admin,
                json: json(["document": "not an ITSS document", "file_name": "x.txt"]))
            #expect(garbage.status == .unprocessableContent)
            #expect(garbage.problemField == "document")
            let empty = try await web.api("/api/v1/catalog/documents", method: .post, token: admin, json: json(["document": ""]))
            #expect(empty.problemField == "document")
            let hr = try await web.api(
                "/api/v1/catalog/documents", method: .post, token: try await web.token(for: "hr"), json: json(["document": text]))
            #expect(hr.status == .forbidden)
        }
    }

    @Test("a person, their evaluator or HR adds a field the person works in; unknown fields and unreadable people are refused", arguments: TestBackend.enabled)
    func personField(backend: TestBackend) async throws {
        try await WebFixture.with(backend) { web in
            let hr = try await web.token(for: "hr")
            let added = try await web.api(
                "/api/v1/people/E1002/fields", method: .post, token: hr, json: json(["field": "V2:Service desk"]))
            #expect(added.status == .ok)
            let fields = try #require(try added.object()["fields"] as? [JSONObject])
            #expect(fields.map { $0["name"] as? String } == ["Service desk"])
            let twice = try await web.api(
                "/api/v1/people/E1002/fields", method: .post, token: hr, json: json(["field": "V2:Service desk"]))
            #expect((try twice.object()["fields"] as? [JSONObject])?.count == 1, "adding it again changes nothing")
            let unknown = try await web.api(
                "/api/v1/people/E1002/fields", method: .post, token: hr, json: json(["field": "Astrology"]))
            #expect(unknown.status == .unprocessableContent)
            #expect(unknown.problemField == "field")
            let taro = try await web.api(
                "/api/v1/people/E1001/fields", method: .post, token: try await web.token(for: "taro"),
                json: json(["field": "V2:Service desk"]))
            #expect(taro.status == .notFound)
            let manager = try await web.api(
                "/api/v1/people/E1002/fields", method: .post, token: try await web.token(for: "manager"),
                json: json(["field": "Operation"]))
            #expect(manager.status == .ok, "an evaluator adds fields of the people they evaluate")
            let own = try await web.api(
                "/api/v1/people/E1001/fields", method: .post, token: try await web.token(for: "hanako"),
                json: json(["field": "V2:Service desk"]))
            #expect(own.status == .ok, "and a person their own")
        }
    }

    @Test("the review queue lists what waits for the evaluator; employees have none", arguments: TestBackend.enabled)
    func reviewQueue(backend: TestBackend) async throws {
        try await WebFixture.with(backend) { web in
            let manager = try await web.token(for: "manager")
            let empty = try await web.api("/api/v1/review-queue", token: manager)
            #expect(empty.status == .ok)
            #expect(try empty.object()["total"] as? Int == 0)

            let started = try await web.database.startAssessment(
                of: "E1001", field: Fixtures.serviceDesk, cycle: try #require(Cycle("2026")), actor: "test")
            for item in try await Fixtures.serviceDeskItems(web.database) {
                try await web.database.rate(assessment: started.id, item: item.name, level: 3, by: "E1001", asEvaluator: false)
            }
            try await web.database.submitAssessment(started.id, by: "E1001")

            let queue = try await web.api("/api/v1/review-queue?per_page=10", token: manager)
            let page = try queue.object()
            #expect(page["total"] as? Int == 1)
            #expect(page["per_page"] as? Int == 10)
            let entry = try #require(try queue.items().first)
            #expect(entry["assessment_id"] as? String == String(started.id))
            #expect(entry["employee_number"] as? String == "E1001")
            #expect((entry["field"] as? JSONObject)?["name"] as? String == "Service Desk")
            #expect(entry["submitted_at"] is String)
            let admin = try await web.api("/api/v1/review-queue", token: try await web.token(for: "admin"))
            #expect(try admin.object()["total"] as? Int == 0, "an account that is no person evaluates no one")
            #expect(try await web.api("/api/v1/review-queue", token: try await web.token(for: "hanako")).status == .forbidden)
        }
    }

    @Test("HR lists the current evaluator assignments, newest first or by evaluator", arguments: TestBackend.enabled)
    func evaluatorAssignments(backend: TestBackend) async throws {
        try await WebFixture.with(backend) { web in
            let hr = try await web.token(for: "hr")
            let assigned = try await web.api(
                "/api/v1/evaluator-assignments", method: .post, token: hr, json: json(["evaluator": "E1001", "person": "E1002"]))
            #expect(assigned.status == .created)
            let newest = try await web.api("/api/v1/evaluator-assignments", token: hr)
            #expect(newest.status == .ok)
            let items = try newest.items()
            #expect(items.map { $0["evaluator"] as? String } == ["E1001", "M001"])
            #expect(items.first?["person"] as? String == "E1002")
            #expect(items.first?["person_name"] as? String == "Taro Suzuki")
            #expect(items.last?["org_unit"] as? String == "OPS")
            #expect(items.allSatisfy { $0["id"] is String && $0["assigned_at"] is String })
            let byEvaluator = try await web.api("/api/v1/evaluator-assignments?sort=evaluator&per_page=1", token: hr)
            #expect(try byEvaluator.object()["total"] as? Int == 2)
            #expect(try byEvaluator.items().count == 1)
            let bad = try await web.api("/api/v1/evaluator-assignments?sort=sideways", token: hr)
            #expect(bad.status == .badRequest)
            #expect(bad.problemField == "sort")
            #expect(
                try await web.api("/api/v1/evaluator-assignments", token: try await web.token(for: "manager")).status == .forbidden)
        }
    }
}
