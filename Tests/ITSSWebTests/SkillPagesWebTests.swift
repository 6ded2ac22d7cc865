import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import ITSSDomain
import ITSSStorage
import ITSSTestSupport
import Testing

@testable import ITSSWeb

/// The pages employees and evaluators use every day, driven over HTTP as a browser would (forms, redirects,
/// cookies), on each backend.
@Suite("My skills, self-assessment, review and profile pages")
struct SkillPagesWebTests {
    static let serviceDesk = "V3 2008:Service Desk"

    /// The assessment id of a `/assessments/N` location.
    static func assessmentID(_ response: TestResponse) throws -> Int64 {
        guard let location = response.headers[.location], location.hasPrefix("/assessments/"),
            let id = Int64(location.dropFirst("/assessments/".count).prefix { $0.isNumber })
        else { throw WebTestError("no assessment location in \(response.status) \(response.headers[.location] ?? "")") }
        return id
    }

    /// The value of the hidden `version` input of the first form on a page.
    static func version(_ html: String) throws -> String {
        guard let range = html.range(of: "name=\"version\" value=\""),
            let end = html[range.upperBound...].firstIndex(of: "\"")
        else { throw WebTestError("no version on the page") }
        return String(html[range.upperBound..<end])
    }

    @Test(
        "the whole cycle: self-assess by level text, submit, review with a reason, approve, see the level",
        arguments: TestBackend.enabled)
    func wholeCycle(backend: TestBackend) async throws {
        try await WebFixture.with(backend) { web in
            let items = try await Fixtures.serviceDeskItems(web.database)
            let hanako = try await web.signIn("hanako")
            let me = try await web.get("/me", as: hanako)
            #expect(me.status == .ok)
            #expect(me.text.contains("No assessments yet"))
            #expect(me.text.contains("No experience recorded yet"))

            let started = try await web.post(
                "/me/assessments", as: hanako, form: [("field", Self.serviceDesk), ("cycle", "2026H2")])
            #expect(started.status == .seeOther)
            let id = try Self.assessmentID(started)

            // The choices are the item's level texts, not bare numbers.
            let form = try await web.get("/assessments/\(id)", as: hanako)
            #expect(form.status == .ok)
            let support = try #require(items.first { $0.name == "Service Support" })
            for level in support.levels { #expect(form.text.contains(HTML.escape(level.text))) }
            #expect(form.text.contains("Not yet (none of these texts)"))
            #expect(form.text.contains("type=\"radio\" name=\"item-0\" value=\"3\""))

            // Saving rates through the use case and shows the provisional level.
            let answers = items.indices.map { ("item-\($0)", "3") }
            let saved = try await web.post(
                "/assessments/\(id)", as: hanako, form: [("version", try Self.version(form.text))] + answers)
            #expect(saved.status == .seeOther)
            #expect(saved.headers[.location] == "/assessments/\(id)?done=saved")
            let afterSave = try await web.get("/assessments/\(id)?done=saved", as: hanako)
            #expect(afterSave.text.contains("Saved."))
            #expect(afterSave.text.contains("Provisional (not official)"))
            let stored = try await web.database.assessment(id)
            #expect(stored.ratings.allSatisfy { $0.selfLevel == 3 })

            // Track record, for the scale condition of level 3.
            let experience = try await web.post(
                "/me/experience", as: hanako,
                form: [
                    ("field", Self.serviceDesk), ("role", "member"), ("from", "2024-04-01"), ("to", ""), ("peak_staff", "6"),
                    ("annual_contract_yen", "12m"), ("customer", "ACME"), ("description", "first-line desk"),
                ])
            #expect(experience.status == .seeOther)
            let record = try #require(try await web.database.experience(of: "E1001").first)
            #expect(record.measures[.annualContractYen] == 12_000_000)

            let submitted = try await web.post(
                "/assessments/\(id)/submit", as: hanako, form: [("version", try Self.version(afterSave.text))] + answers)
            #expect(submitted.status == .seeOther)
            #expect(try await web.database.assessment(id).state == .submitted)
            let before = try await web.get("/people/E1001", as: hanako)
            #expect(before.text.contains("Below level 3"))

            // The evaluator's queue.
            let manager = try await web.signIn("manager")
            let queue = try await web.get("/review", as: manager)
            #expect(queue.status == .ok)
            #expect(queue.text.contains("Hanako Sato"))
            #expect(queue.text.contains("href=\"/review/\(id)\""))

            // Side by side; a changed rating without a reason is refused, the form keeps what was chosen.
            let review = try await web.get("/review/\(id)", as: manager)
            #expect(review.text.contains("Self rating"))
            #expect(review.text.contains("#\(record.recordID)"))
            let version = try Self.version(review.text)
            var ratings = items.indices.map { ("level-\($0)", "3") }
            ratings[0] = ("level-0", "4")
            let refused = try await web.post("/review/\(id)", as: manager, form: [("version", version)] + ratings)
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("name=\"reason-0\" value=\"\" aria-invalid=\"true\""))
            #expect(refused.text.contains("name=\"level-0\" value=\"4\" checked"))
            #expect(try await web.database.assessment(id).ratings.allSatisfy { $0.evaluatorLevel == nil }, "nothing saved")

            let verified = try await web.post("/review/\(id)/experience/\(record.recordID)/verify", as: manager, form: [])
            #expect(verified.status == .seeOther)
            let approved = try await web.post(
                "/review/\(id)/approve", as: manager,
                form: [("version", version), ("reason-0", "owns the regulatory briefings")] + ratings)
            #expect(approved.status == .seeOther)
            #expect(approved.headers[.location] == "/review/\(id)?done=approved")
            let decided = try await web.database.assessment(id)
            #expect(decided.state == .approved)
            #expect(decided.ratings[0].evaluatorLevel == 4)
            #expect(decided.ratings[0].evaluatorReason == "owns the regulatory briefings")
            let confirmation = try await web.get("/review/\(id)?done=approved", as: manager)
            #expect(confirmation.text.contains("The official level has changed"))
            #expect(confirmation.text.contains("href=\"/people/E1001\""))

            // The person's profile: the new official level with its explanation, the chart, the history.
            let profile = try await web.get("/people/E1001", as: hanako)
            #expect(profile.status == .ok)
            #expect(profile.text.contains("<strong class=\"official-level\">Level 3</strong>"))
            #expect(profile.text.contains("Missing for level 4"))
            #expect(profile.text.contains("<svg class=\"chart radar\""))
            #expect(profile.text.contains("assessment \(id) approve"))
            let japanese = try await web.get("/people/E1001", as: hanako, headers: [.acceptLanguage: "ja"])
            #expect(japanese.text.contains("<strong class=\"official-level\">レベル 3</strong>"))
            #expect(japanese.text.contains("レベル 4 に足りないもの"))
            // Returned-state view: the approved assessment is read-only for its person.
            let readOnly = try await web.get("/assessments/\(id)", as: hanako)
            #expect(readOnly.text.contains("Approved: this assessment can no longer change."))
            #expect(readOnly.text.contains("owns the regulatory briefings"))
        }
    }

    @Test("a returned assessment shows the evaluator's comment to its person", arguments: TestBackend.enabled)
    func returned(backend: TestBackend) async throws {
        try await WebFixture.with(backend) { web in
            let items = try await Fixtures.serviceDeskItems(web.database)
            let hanako = try await web.signIn("hanako")
            let id = try Self.assessmentID(
                try await web.post("/me/assessments", as: hanako, form: [("field", Self.serviceDesk), ("cycle", "2026H1")]))
            let answers = items.indices.map { ("item-\($0)", "0") }
            #expect(try await web.post("/assessments/\(id)/submit", as: hanako, form: answers).status == .seeOther)
            let manager = try await web.signIn("manager")
            let empty = try await web.post("/review/\(id)/return", as: manager, form: [("comment", "")])
            #expect(empty.status == .unprocessableContent)
            #expect(empty.text.contains("id=\"return-comment\" name=\"comment\" aria-invalid=\"true\""))
            let returned = try await web.post("/review/\(id)/return", as: manager, form: [("comment", "Add <evidence> please")])
            #expect(returned.status == .seeOther)
            let page = try await web.get("/assessments/\(id)", as: hanako)
            #expect(page.text.contains("Returned by your evaluator"))
            #expect(page.text.contains("Add &lt;evidence&gt; please"))
            #expect(try await web.get("/me", as: hanako).text.contains("Add &lt;evidence&gt; please"))
        }
    }

    @Test("refused forms keep what was typed and mark the wrong field", arguments: TestBackend.enabled)
    func refusedForms(backend: TestBackend) async throws {
        try await WebFixture.with(backend) { web in
            let hanako = try await web.signIn("hanako")
            let cycle = try await web.post("/me/assessments", as: hanako, form: [("field", Self.serviceDesk), ("cycle", "20X6")])
            #expect(cycle.status == .unprocessableContent)
            #expect(cycle.text.contains("value=\"20X6\""))
            #expect(cycle.text.contains("name=\"cycle\" value=\"20X6\" placeholder=\"2026H2\" required aria-invalid=\"true\""))

            _ = try await web.post("/me/assessments", as: hanako, form: [("field", Self.serviceDesk), ("cycle", "2026H2")])
            let twice = try await web.post(
                "/me/assessments", as: hanako, form: [("field", Self.serviceDesk), ("cycle", "2026H2")])
            #expect(twice.status == .conflict)
            #expect(twice.text.contains("id=\"start-cycle-error\""))

            let staff = try await web.post(
                "/me/experience", as: hanako,
                form: [
                    ("field", Self.serviceDesk), ("role", "leader"), ("from", "2024-04-01"), ("peak_staff", "-5"),
                    ("customer", "<b>Globex</b>"),
                ])
            #expect(staff.status == .unprocessableContent)
            #expect(
                staff.text.contains("name=\"peak_staff\" type=\"text\" value=\"-5\" inputmode=\"numeric\" aria-invalid=\"true\""))
            #expect(staff.text.contains("value=\"&lt;b&gt;Globex&lt;/b&gt;\""))
            #expect(staff.text.contains("<option value=\"leader\" selected>"))
            let future = try await web.post(
                "/me/experience", as: hanako, form: [("field", Self.serviceDesk), ("role", "member"), ("from", "2099-01-01")])
            #expect(future.status == .unprocessableContent)
            #expect(future.text.contains("id=\"experience-from-error\""))
            #expect(try await web.database.experience(of: "E1001").isEmpty)
        }
    }

    @Test("posts without the session's CSRF token are refused and change nothing", arguments: TestBackend.enabled)
    func csrf(backend: TestBackend) async throws {
        try await WebFixture.with(backend) { web in
            let hanako = try await web.signIn("hanako")
            let manager = try await web.signIn("manager")
            let forged = try await web.post(
                "/me/assessments", as: hanako, form: [("field", Self.serviceDesk), ("cycle", "2026H2")], csrf: "forged")
            #expect(forged.status == .forbidden)
            #expect(try await web.database.assessments(of: "E1001").isEmpty)
            let id = try Self.assessmentID(
                try await web.post("/me/assessments", as: hanako, form: [("field", Self.serviceDesk), ("cycle", "2026H2")]))
            let paths = [
                "/assessments/\(id)", "/assessments/\(id)/submit", "/me/experience", "/people/E1001/plans",
            ]
            for path in paths {
                let response = try await web.post(
                    path, as: hanako, form: [("item-0", "3"), ("field", Self.serviceDesk)], csrf: "")
                #expect(response.status == .forbidden, "\(path)")
            }
            for path in ["/review/\(id)", "/review/\(id)/approve", "/review/\(id)/return"] {
                let response = try await web.post(path, as: manager, form: [("comment", "x")], csrf: "nope")
                #expect(response.status == .forbidden, "\(path)")
            }
            let view = try await web.database.assessment(id)
            #expect(view.state == .draft)
            #expect(view.ratings.allSatisfy { $0.selfLevel == nil })
            #expect(try await web.database.experience(of: "E1001").isEmpty)
            #expect(try await web.database.plans(of: "E1001").isEmpty)
        }
    }

    @Test("reading someone one may not see answers exactly like an unknown person", arguments: TestBackend.enabled)
    func forbiddenReads(backend: TestBackend) async throws {
        try await WebFixture.with(backend) { web in
            let hanako = try await web.signIn("hanako")
            let taro = try await web.signIn("taro")
            let id = try Self.assessmentID(
                try await web.post("/me/assessments", as: hanako, form: [("field", Self.serviceDesk), ("cycle", "2026H2")]))
            let forbidden = try await web.get("/people/E1001", as: taro)
            let unknown = try await web.get("/people/E9999", as: taro)
            #expect(forbidden.status == .notFound)
            #expect(unknown.status == .notFound)
            #expect(
                forbidden.text.replacingOccurrences(of: "E1001", with: "N")
                    == unknown.text.replacingOccurrences(of: "E9999", with: "N"))
            #expect(!forbidden.text.contains("Hanako"))
            let otherAssessment = try await web.get("/assessments/\(id)", as: taro)
            let noAssessment = try await web.get("/assessments/999999", as: taro)
            #expect(otherAssessment.status == .notFound)
            func masked(_ text: String, _ number: String) -> String {
                text.replacingOccurrences(of: "assessments/\(number)", with: "N")
                    .replacingOccurrences(of: "assessments%2F\(number)", with: "N")
            }
            #expect(masked(otherAssessment.text, "\(id)") == masked(noAssessment.text, "999999"))
            #expect(try await web.get("/review/\(id)", as: taro).status == .notFound)
            #expect(try await web.get("/review", as: taro).status == .forbidden)
            #expect(try await web.get("/people", as: taro).status == .forbidden)
            // Writes into a person one may not read are refused the same way.
            #expect(
                try await web.post("/people/E1001/plans", as: taro, form: [("field", Self.serviceDesk), ("target", "4")]).status
                    == .notFound)
            // The evaluator reads the people they evaluate; HR reads everyone.
            let manager = try await web.signIn("manager")
            #expect(try await web.get("/people/E1002", as: manager).status == .ok)
            #expect(try await web.get("/assessments/\(id)", as: manager).status == .ok)
            #expect(try await web.get("/people/M001", as: try await web.signIn("hr")).status == .ok)
            #expect(try await web.get("/people/E1001", as: nil).status == .seeOther, "anonymous: to the sign-in page")
        }
    }

    @Test("the people list pages, sorts and filters; an evaluator sees the people they evaluate", arguments: TestBackend.enabled)
    func peopleList(backend: TestBackend) async throws {
        try await WebFixture.with(backend) { web in
            let manager = try await web.signIn("manager")
            let mine = try await web.get("/people", as: manager)
            #expect(mine.status == .ok)
            #expect(mine.text.contains("href=\"/people/E1001\""))
            #expect(mine.text.contains("href=\"/people/E1002\""))
            #expect(!mine.text.contains("href=\"/people/M001\""), "not themselves")
            let hr = try await web.signIn("hr")
            let byName = try await web.get("/people?sort=name", as: hr).text
            let hanako = try #require(byName.range(of: "Hanako Sato"))
            let kenji = try #require(byName.range(of: "Kenji Manager"))
            let taro = try #require(byName.range(of: "Taro Suzuki"))
            #expect(hanako.lowerBound < kenji.lowerBound && kenji.lowerBound < taro.lowerBound)
            let byNumber = try await web.get("/people", as: hr).text
            #expect(try #require(byNumber.range(of: "E1001")).lowerBound < #require(byNumber.range(of: "M001")).lowerBound)
            let unit = try await web.get("/people?org=OPS-SD", as: hr).text
            #expect(unit.contains("E1002") && !unit.contains("href=\"/people/M001\""))
            let paged = try await web.get("/people?page=2", as: hr)
            #expect(paged.text.contains("Page 2 / 1") || paged.text.contains("Nobody here"))
            let badUnit = try await web.get("/people?org=NOPE", as: hr)
            #expect(badUnit.status == .unprocessableContent)
            #expect(badUnit.text.contains("aria-invalid=\"true\""))
            let page = try await web.database.peopleDirectory(sort: .name, page: PageRequest(page: 1, perPage: 2))
            #expect(page.total == 3)
            #expect(page.items.map(\.person.employeeNumber) == ["E1001", "M001"])
        }
    }

    @Test("gap to a target and development plans with the version check", arguments: TestBackend.enabled)
    func gapAndPlans(backend: TestBackend) async throws {
        try await WebFixture.with(backend) { web in
            let hanako = try await web.signIn("hanako")
            let gap = try await web.get("/people/E1001?target=\(HTML.percentEncoded(Self.serviceDesk + ":4"))", as: hanako)
            #expect(gap.status == .ok)
            #expect(gap.text.contains("class=\"card gap-result\""))
            #expect(gap.text.contains("Service Support</strong>: rated 0, needs 4"))
            #expect(gap.text.contains("<option value=\"V3 2008:Service Desk:4\" selected>"))
            let wrong = try await web.get("/people/E1001?target=V3+2008%3AService+Desk%3A6", as: hanako)
            #expect(wrong.status == .unprocessableContent)
            #expect(wrong.text.contains("level 6 is not defined in Service Desk"))
            #expect(wrong.text.contains("<option value=\"V3 2008:Service Desk:6\" selected>"))
            #expect(wrong.text.contains("id=\"gap-target\" name=\"target\" aria-invalid=\"true\""))

            let created = try await web.post(
                "/people/E1001/plans", as: hanako, form: [("field", Self.serviceDesk), ("target", "4")])
            #expect(created.status == .seeOther)
            let plan = try #require(try await web.database.plans(of: "E1001").first)
            #expect(!plan.actions.isEmpty)
            let done = try await web.post(
                "/people/E1001/plans/\(plan.id)", as: hanako,
                form: [("version", "\(plan.version)"), ("action", "1"), ("status", "done")])
            #expect(done.status == .seeOther)
            // The same form again carries the old version: refused, nothing overwritten, a clear message.
            let stale = try await web.post(
                "/people/E1001/plans/\(plan.id)", as: hanako,
                form: [("version", "\(plan.version)"), ("action", "1"), ("status", "dropped")])
            #expect(stale.status == .conflict)
            #expect(stale.text.contains("Someone else changed this in the meantime"))
            let current = try await web.database.plan(plan.id)
            #expect(current.actions[0].status == .done)
            #expect(current.version == plan.version + 1)
            let added = try await web.post(
                "/people/E1001/plans/\(plan.id)", as: hanako,
                form: [("version", "\(current.version)"), ("title", "Shadow the L2 desk")])
            #expect(added.status == .seeOther)
            let profile = try await web.get("/people/E1001", as: hanako)
            #expect(profile.text.contains("Shadow the L2 desk"))
            // Another employee's plan cannot be reached through one's own path.
            let taro = try await web.signIn("taro")
            #expect(
                try await web.post("/people/E1002/plans/\(plan.id)", as: taro, form: [("version", "1"), ("title", "x")]).status
                    == .notFound)
        }
    }

    @Test(
        "the review queue holds the submitted assessments of the evaluator's people, paged in SQL", arguments: TestBackend.enabled
    )
    func reviewQueue(backend: TestBackend) async throws {
        try await WebFixture.with(backend) { web in
            let database = web.database
            let items = try await Fixtures.serviceDeskItems(database)
            var submitted: [Int64] = []
            for (person, cycle, submit) in [("E1001", "2026H1", true), ("E1002", "2026H1", true), ("E1001", "2026H2", false)] {
                let started = try await database.startAssessment(
                    of: person, field: Fixtures.serviceDesk, cycle: try #require(Cycle(cycle)), actor: "test")
                for item in items {
                    try await database.rate(assessment: started.id, item: item.name, level: 3, by: person, asEvaluator: false)
                }
                if submit {
                    try await database.submitAssessment(started.id, by: person)
                    submitted.append(started.id)
                }
            }
            let manager = try await database.personID("M001")
            let first = try await database.reviewQueue(evaluatorID: manager, page: PageRequest(page: 1, perPage: 1))
            let second = try await database.reviewQueue(evaluatorID: manager, page: PageRequest(page: 2, perPage: 1))
            #expect(first.total == 2 && second.total == 2)
            #expect((first.items + second.items).map(\.assessmentID) == submitted, "oldest submission first, drafts left out")
            #expect(first.items.first?.personName == "Hanako Sato")
            // Nobody evaluates Hanako's colleagues but the manager.
            #expect(try await database.reviewQueue(evaluatorID: try await database.personID("E1001")).total == 0)
            let queue = try await web.get("/review", as: try await web.signIn("manager"))
            #expect(queue.text.contains("Taro Suzuki") && queue.text.contains("Hanako Sato"))
            #expect(queue.text.contains("Page 1 / 1"))
        }
    }

    @Test("empty states say what to do; accounts without a person are told so", arguments: TestBackend.enabled)
    func emptyStates(backend: TestBackend) async throws {
        try await WebFixture.with(backend) { web in
            let manager = try await web.signIn("manager")
            let queue = try await web.get("/review", as: manager)
            #expect(queue.text.contains("Nothing to review"))
            let profile = try await web.get("/people/E1002", as: manager)
            #expect(profile.text.contains("works in no specialty field yet"))
            let admin = try await web.signIn("admin")
            #expect(try await web.get("/me", as: admin).status == .notFound)
            #expect(try await web.get("/review", as: admin).text.contains("This account is not a person"))
            let japanese = try await web.get("/me", as: try await web.signIn("taro"), headers: [.acceptLanguage: "ja"])
            #expect(japanese.text.contains("まだ評価がありません"))
        }
    }
}
