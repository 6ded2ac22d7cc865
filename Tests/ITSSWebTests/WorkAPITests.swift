import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import ITSSDomain
import ITSSStorage
import ITSSTestSupport
import Testing

@Suite("API: experience and plans")
struct WorkAPITests {
    @Test(
        "experience is added by the person and verified only by their evaluator; values out of bounds are named",
        arguments: TestBackend.enabled)
    func experience(backend: TestBackend) async throws {
        try await WebFixture.with(backend) { web in
            let hanako = try await web.token(for: "hanako")
            let added = try await web.api(
                "/api/v1/people/E1001/experience", method: .post, token: hanako,
                json: json([
                    "field": "Service Desk", "role": "leader", "from": "2023-04-01", "to": "2024-03-31", "peak_staff": 12,
                    "annual_contract_yen": 50_000_000, "customer": "ACME",
                ]))
            #expect(added.status == .created)
            let record = try added.object()
            #expect(record["role"] as? String == "leader")
            #expect(record["to"] as? String == "2024-03-31")
            let id = try #require(record["id"] as? String)
            let listed = try await web.api("/api/v1/people/E1001/experience", token: hanako).items()
            #expect(listed.map { $0["id"] as? String } == [id])
            let own = try await web.api("/api/v1/experience/\(id)/verify", method: .post, token: hanako)
            #expect(own.status == .forbidden || own.status == .unprocessableContent, "nobody verifies their own record")
            let taro = try await web.api(
                "/api/v1/experience/\(id)/verify", method: .post, token: try await web.token(for: "taro"))
            #expect(taro.status == .notFound, "taro may not even see hanako's record")
            let verified = try await web.api(
                "/api/v1/experience/\(id)/verify", method: .post, token: try await web.token(for: "manager"),
                json: json(["on": "2024-04-10"]))
            #expect(verified.status == .ok)
            #expect(try verified.object()["verified_on"] as? String == "2024-04-10")
            for (body, field) in [
                (["field": "Service Desk", "role": "boss", "from": "2023-04-01"], "role"),
                (["field": "Service Desk", "role": "member", "from": "someday"], "from"),
                (["field": "Service Desk", "role": "member", "from": "2023-04-01", "peak_staff": -5], "peak_staff"),
                (["field": "Service Desk", "role": "member"], "from"),
                (["field": "Nothing", "role": "member", "from": "2023-04-01"], "field"),
            ] as [([String: Any], String)] {
                let refused = try await web.api("/api/v1/people/E1001/experience", method: .post, token: hanako, json: json(body))
                #expect(refused.status.code >= 400 && refused.status.code < 500, "\(body)")
                #expect(refused.problemField == field, "\(body)")
            }
            #expect(try await web.api("/api/v1/experience/999999/verify", method: .post, token: hanako).status == .notFound)
        }
    }

    @Test("plans are created from the gap and changed with If-Match", arguments: TestBackend.enabled)
    func plans(backend: TestBackend) async throws {
        try await WebFixture.with(backend) { web in
            let hanako = try await web.token(for: "hanako")
            let created = try await web.api(
                "/api/v1/people/E1001/plans", method: .post, token: hanako,
                json: json(["field": "Service Desk", "target_level": 4]))
            #expect(created.status == .created)
            let plan = try created.object()
            let id = try #require(plan["id"] as? String)
            #expect(created.headers[.location] == "/api/v1/plans/\(id)")
            #expect(created.etagVersion == 1)
            #expect((plan["actions"] as? [JSONObject])?.isEmpty == false)
            #expect(try await web.api("/api/v1/people/E1001/plans", token: hanako).items().count == 1)
            let read = try await web.api("/api/v1/plans/\(id)", token: hanako)
            #expect(read.etagVersion == 1)
            let changed = try await web.api(
                "/api/v1/plans/\(id)", method: .patch, token: hanako,
                json: json(["action": 1, "status": "in_progress", "add": ["title": "ITIL course", "kind": "training"]]),
                headers: [.ifMatch: "\"1\""])
            #expect(changed.status == .ok)
            #expect(changed.etagVersion == 2)
            let actions = try changed.object()["actions"] as? [JSONObject] ?? []
            #expect(actions.first?["status"] as? String == "in_progress")
            #expect(actions.last?["title"] as? String == "ITIL course")
            let stale = try await web.api(
                "/api/v1/plans/\(id)", method: .patch, token: hanako, json: json(["action": 1, "status": "done"]),
                headers: [.ifMatch: "\"1\""])
            #expect(stale.status == .preconditionFailed)
            #expect(stale.problemField == "If-Match")
            let unchanged = try await web.api("/api/v1/plans/\(id)", token: hanako)
            #expect(unchanged.etagVersion == 2)
            #expect((try unchanged.object()["actions"] as? [JSONObject])?.first?["status"] as? String == "in_progress")
            let badStatus = try await web.api(
                "/api/v1/plans/\(id)", method: .patch, token: hanako, json: json(["action": 1, "status": "finished"]))
            #expect(badStatus.problemField == "status")
            let nothing = try await web.api("/api/v1/plans/\(id)", method: .patch, token: hanako, json: "{}")
            #expect(nothing.status == .badRequest)
            #expect(nothing.problemField == "action")
            let badTarget = try await web.api(
                "/api/v1/people/E1001/plans", method: .post, token: hanako,
                json: json(["field": "Service Desk", "target_level": 9]))
            #expect(badTarget.problemField == "target_level")
            let taro = try await web.token(for: "taro")
            #expect(try await web.api("/api/v1/plans/\(id)", token: taro).status == .notFound)
            let foreign = try await web.api(
                "/api/v1/plans/\(id)", method: .patch, token: taro, json: json(["action": 1, "status": "done"]))
            #expect(foreign.status == .notFound)
        }
    }
}

@Suite("API: organisation, imports, audit, accounts and tokens")
struct AdministrationAPITests {
    @Test("org units are listed to everyone and created by HR; evaluator assignments by HR", arguments: TestBackend.enabled)
    func organisation(backend: TestBackend) async throws {
        try await WebFixture.with(backend) { web in
            let hr = try await web.token(for: "hr")
            let units = try await web.api("/api/v1/org-units", token: try await web.token(for: "taro"))
            #expect(units.status == .ok)
            #expect(try units.items().map { $0["code"] as? String } == ["OPS", "OPS-SD"])
            #expect(try units.items().last?["parent"] as? String == "OPS")
            let created = try await web.api(
                "/api/v1/org-units", method: .post, token: hr, json: json(["code": "OPS-NW", "name": "Network", "parent": "OPS"]))
            #expect(created.status == .created)
            #expect(try created.object()["parent"] as? String == "OPS")
            let taken = try await web.api(
                "/api/v1/org-units", method: .post, token: hr, json: json(["code": "OPS", "name": "x"]))
            #expect(taken.status == .conflict)
            let badParent = try await web.api(
                "/api/v1/org-units", method: .post, token: hr, json: json(["code": "X1", "name": "x", "parent": "NOPE"]))
            #expect(badParent.problemField == "parent")
            let emptyCode = try await web.api(
                "/api/v1/org-units", method: .post, token: hr, json: json(["code": "", "name": "x"]))
            #expect(emptyCode.status == .unprocessableContent)
            #expect(emptyCode.problemField == "code")
            let employee = try await web.api(
                "/api/v1/org-units", method: .post, token: try await web.token(for: "hanako"),
                json: json(["code": "X", "name": "x"]))
            #expect(employee.status == .forbidden)

            let assigned = try await web.api(
                "/api/v1/evaluator-assignments", method: .post, token: hr, json: json(["evaluator": "E1001", "person": "E1002"]))
            #expect(assigned.status == .created)
            let hanako = try await web.token(for: "hanako")
            #expect(
                try await web.api("/api/v1/people/E1002", token: hanako).status == .notFound, "an employee reads only themselves")
            let both = try await web.api(
                "/api/v1/evaluator-assignments", method: .post, token: hr,
                json: json(["evaluator": "M001", "person": "E1002", "org_unit": "OPS"]))
            #expect(both.problemField == "org_unit")
            let unknown = try await web.api(
                "/api/v1/evaluator-assignments", method: .post, token: hr, json: json(["evaluator": "X9", "org_unit": "OPS"]))
            #expect(unknown.status == .unprocessableContent)
            #expect(unknown.problemField == "evaluator")
            let themselves = try await web.api(
                "/api/v1/evaluator-assignments", method: .post, token: hr, json: json(["evaluator": "M001", "person": "M001"]))
            #expect(themselves.status == .unprocessableContent)
        }
    }

    @Test("CSV imports report every bad row with its line and write nothing; good files import", arguments: TestBackend.enabled)
    func imports(backend: TestBackend) async throws {
        try await WebFixture.with(backend) { web in
            let hr = try await web.token(for: "hr")
            func post(_ path: String, _ csv: String, token: String? = nil) async throws -> TestResponse {
                try await web.client.execute(
                    uri: path, method: .post, headers: [.authorization: "Bearer \(token ?? hr)", .contentType: "text/csv"],
                    body: ByteBuffer(string: csv))
            }
            let bad = try await post(
                "/api/v1/imports/people",
                "employee_number,name,org_unit\nE3001,Good Person,OPS\nE3002,,OPS\nE3003,Bad Unit,NOPE\n")
            #expect(bad.status == .unprocessableContent)
            #expect(bad.headers[.contentType] == "application/problem+json")
            let errors = try bad.object()["errors"] as? [JSONObject] ?? []
            #expect(errors.map { $0["line"] as? Int } == [3, 4])
            #expect(errors.map { $0["field"] as? String } == ["name", "org_unit"])
            #expect(try await web.api("/api/v1/people/E3001", token: hr).status == .notFound, "nothing was written")
            let good = try await post(
                "/api/v1/imports/people", "employee_number,name,org_unit,fields\nE3001,Good Person,OPS-SD,Service Desk\n")
            #expect(good.status == .created)
            #expect(try good.object()["created"] as? Int == 1)
            let experience = try await post(
                "/api/v1/imports/experience",
                "employee_number,field,role,from,verified_by\nE3001,Service Desk,member,2022-04-01,M001\n")
            #expect(experience.status == .created)
            #expect(try experience.object()["rows"] as? Int == 1)
            let unknownApprover = try await post(
                "/api/v1/imports/assessments?approved_by=X9", "employee_number,field,cycle,item,self_level\n")
            #expect(unknownApprover.problemField == "approved_by")
            let items = try await Fixtures.serviceDeskItems(web.database)
            let rows = items.map { "E3001,Service Desk,2026H1,\"\($0.name)\",3,3" }.joined(separator: "\n")
            let assessments = try await post(
                "/api/v1/imports/assessments?approved_by=M001",
                "employee_number,field,cycle,item,self_level,evaluator_level\n" + rows + "\n")
            #expect(assessments.status == .created, "\(assessments.text)")
            #expect(try assessments.object()["created"] as? Int == 1)
            let wrongType = try await web.api("/api/v1/imports/people", method: .post, token: hr, json: "{}")
            #expect(wrongType.status == .unsupportedMediaType)
            #expect(wrongType.problemField == "Content-Type")
            let employee = try await post(
                "/api/v1/imports/people", "employee_number,name\nE9,x\n", token: try await web.token(for: "hanako"))
            #expect(employee.status == .forbidden)
        }
    }

    @Test("the audit log pages and filters by action and actor; only HR and admins read it", arguments: TestBackend.enabled)
    func audit(backend: TestBackend) async throws {
        try await WebFixture.with(backend) { web in
            let hr = try await web.token(for: "hr")
            _ = try await web.api("/api/v1/org-units", method: .post, token: hr, json: json(["code": "AUD", "name": "Audited"]))
            let page = try await web.api("/api/v1/audit?per_page=2", token: hr).object()
            #expect((page["items"] as? [JSONObject])?.count == 2)
            #expect((page["total"] as? Int ?? 0) > 2)
            let newest = try #require((page["items"] as? [JSONObject])?.first)
            #expect(newest["action"] as? String == "org.create")
            #expect(newest["actor_role"] as? String == "hr")
            let filtered = try await web.api("/api/v1/audit?action=org.create&actor=account%20hr", token: hr).items()
            #expect(filtered.count == 1)
            #expect(filtered.first?["subject"] as? String == "org unit AUD")
            #expect(try await web.api("/api/v1/audit?actor=account%20nobody", token: hr).items().isEmpty)
            let badAction = try await web.api("/api/v1/audit?action=everything", token: hr)
            #expect(badAction.status == .badRequest)
            #expect(badAction.problemField == "action")
            #expect(try await web.api("/api/v1/audit?page=0", token: hr).problemField == "page")
            #expect(try await web.api("/api/v1/audit", token: try await web.token(for: "manager")).status == .forbidden)
        }
    }

    @Test("administrators manage accounts with If-Match; everyone manages their own tokens", arguments: TestBackend.enabled)
    func accountsAndTokens(backend: TestBackend) async throws {
        try await WebFixture.with(backend) { web in
            let admin = try await web.token(for: "admin")
            let list = try await web.api("/api/v1/accounts?per_page=2", token: admin).object()
            #expect(list["total"] as? Int == 5)
            #expect((list["items"] as? [JSONObject])?.map { $0["login"] as? String } == ["admin", "hanako"])
            let created = try await web.api(
                "/api/v1/accounts", method: .post, token: admin,
                json: json(["login": "taro2", "role": "employee", "person": "E1002", "password": "a long enough password"]))
            #expect(created.status == .created)
            #expect(created.headers[.location] == "/api/v1/accounts/taro2")
            #expect(try created.object()["employee_number"] as? String == "E1002")
            let version = try #require(created.etagVersion)
            let badRole = try await web.api(
                "/api/v1/accounts", method: .post, token: admin, json: json(["login": "x", "role": "king"]))
            #expect(badRole.status == .badRequest)
            #expect(badRole.problemField == "role")
            let unknownPerson = try await web.api(
                "/api/v1/accounts", method: .post, token: admin, json: json(["login": "x", "role": "employee", "person": "X9"]))
            #expect(unknownPerson.problemField == "person")
            let promoted = try await web.api(
                "/api/v1/accounts/taro2", method: .patch, token: admin, json: json(["role": "evaluator"]),
                headers: [.ifMatch: "\"\(version)\""])
            #expect(promoted.status == .ok)
            #expect(try promoted.object()["role"] as? String == "evaluator")
            let stale = try await web.api(
                "/api/v1/accounts/taro2", method: .patch, token: admin, json: json(["active": false]),
                headers: [.ifMatch: "\"\(version)\""])
            #expect(stale.status == .preconditionFailed)
            let read = try await web.api("/api/v1/accounts/taro2", token: admin)
            #expect(try read.object()["active"] as? Bool == true, "nothing was written")
            #expect(try await web.api("/api/v1/accounts/nobody", token: admin).status == .notFound)
            #expect(try await web.api("/api/v1/accounts", token: try await web.token(for: "hr")).status == .forbidden)

            let hanako = try await web.token(for: "hanako")
            let token = try await web.api("/api/v1/tokens", method: .post, token: hanako, json: json(["name": "laptop"]))
            #expect(token.status == .created)
            let secret = try #require(try token.object()["secret"] as? String)
            let tokenID = try #require(try token.object()["id"] as? String)
            #expect(try await web.api("/api/v1/me", token: secret).status == .ok)
            let listed = try await web.api("/api/v1/tokens", token: secret).items()
            #expect(listed.contains { $0["name"] as? String == "laptop" })
            #expect(listed.allSatisfy { $0["secret"] == nil }, "secrets are shown once")
            let noName = try await web.api("/api/v1/tokens", method: .post, token: hanako, json: json(["name": ""]))
            #expect(noName.status == .unprocessableContent)
            #expect(noName.problemField == "name")
            let foreign = try await web.api("/api/v1/tokens/\(tokenID)", method: .delete, token: try await web.token(for: "taro"))
            #expect(foreign.status == .notFound)
            let revoked = try await web.api("/api/v1/tokens/\(tokenID)", method: .delete, token: hanako)
            #expect(revoked.status == .noContent)
            #expect(try await web.api("/api/v1/me", token: secret).status == .unauthorized)
        }
    }
}
