import Foundation
import ITSSDomain
import SQLKit
import Testing
import ITSSTestSupport

@testable import ITSSStorage

@Suite("Assessment storage")
struct AssessmentStorageTests {
    @Test("approval stores the level in the same transaction and appends to the level history", arguments: TestBackend.enabled)
    func approvalMaterialisesLevel(backend: TestBackend) async throws {
        try await backend.withDatabase { database in
            try await Fixtures.seed(database)
            try await database.addExperience(
                ExperienceForm(employeeNumber: "E1001", field: Fixtures.serviceDesk, role: .member, from: Day("2021-04-01")!),
                actor: "test")
            try await database.verifyExperience(recordID: 1, by: "M001")
            let approved = try await Fixtures.approvedAssessment(database, cycle: "2026H1", selfLevel: 4, evaluatorLevel: 3)
            #expect(approved.state == .approved)
            #expect(approved.ratings.allSatisfy { $0.selfLevel == 4 && $0.evaluatorLevel == 3 })
            let stored = try await database.sql().raw(
                "SELECT basis, level FROM person_levels ORDER BY basis"
            ).all().map { (try $0.decode(column: "basis", as: String.self), try $0.decode(column: "level", as: Int?.self)) }
            #expect(stored.map(\.0) == ["approved", "provisional"])
            #expect(stored.first?.1 == 3)
            let history = try await database.levelHistory(of: "E1001")
            #expect(history.last?.level == 3)
            #expect(history.last?.cause.contains("approve") == true)
            let levels = try await database.levels(of: "E1001")
            #expect(levels.first?.official.attainedLevel == 3)
            #expect(levels.first?.official.basis == .approved)
            #expect(levels.first?.provisional?.basis == .provisional)
        }
    }

    @Test("self and evaluator ratings stay apart and approved assessments are immutable", arguments: TestBackend.enabled)
    func approvedIsImmutable(backend: TestBackend) async throws {
        try await backend.withDatabase { database in
            try await Fixtures.seed(database)
            let approved = try await Fixtures.approvedAssessment(database, cycle: "2026H1", selfLevel: 4, evaluatorLevel: 3)
            await #expect(throws: AssessmentRuleError.approvedIsImmutable) {
                try await database.rate(assessment: approved.id, item: "Leadership", level: 3, by: "E1001", asEvaluator: false)
            }
            await #expect(throws: AssessmentRuleError.approvedIsImmutable) {
                try await database.rate(
                    assessment: approved.id, item: "Leadership", level: 4, by: "M001", asEvaluator: true, reason: "x")
            }
            #expect(try await database.assessment(approved.id) == approved)
        }
    }

    @Test("nobody approves their own assessment; only assigned evaluators decide", arguments: TestBackend.enabled)
    func selfApprovalRefused(backend: TestBackend) async throws {
        try await backend.withDatabase { database in
            try await Fixtures.seed(database)
            let items = try await Fixtures.serviceDeskItems(database)
            let started = try await database.startAssessment(
                of: "E1001", field: Fixtures.serviceDesk, cycle: Cycle("2026H2")!, actor: "test")
            for item in items {
                try await database.rate(assessment: started.id, item: item.name, level: 3, by: "E1001", asEvaluator: false)
            }
            try await database.submitAssessment(started.id, by: "E1001")
            await #expect(throws: AssessmentRuleError.ownAssessment(.approve)) {
                try await database.approveAssessment(started.id, by: "E1001")
            }
            await #expect(throws: AssessmentRuleError.notAnEvaluator(.approve)) {
                try await database.approveAssessment(started.id, by: "E1002")
            }
            await #expect(throws: AssessmentRuleError.missingEvaluatorRatings(items.map(\.name))) {
                try await database.approveAssessment(started.id, by: "M001")
            }
            #expect(try await database.assessment(started.id).state == .submitted)
        }
    }

    @Test("a rating at a level the item does not define names the defined levels", arguments: TestBackend.enabled)
    func undefinedLevelRefused(backend: TestBackend) async throws {
        try await backend.withDatabase { database in
            try await Fixtures.seed(database)
            let started = try await database.startAssessment(
                of: "E1001", field: Fixtures.serviceDesk, cycle: Cycle("2026H2")!, actor: "test")
            do {
                try await database.rate(
                    assessment: started.id, item: "Service Support", level: 5, by: "E1001", asEvaluator: false)
                Issue.record("expected a refusal")
            } catch let error as AssessmentRuleError {
                #expect(error.errorDescription == "\"Service Support\" has no level 5; rate it one of 0, 3, 4")
            }
            do {
                try await database.rate(assessment: started.id, item: "Servise Suport", level: 3, by: "E1001", asEvaluator: false)
                Issue.record("expected a refusal")
            } catch let error as StorageError {
                #expect(error.errorDescription?.contains("did you mean \"Service Support\"") == true)
            }
            #expect(try await database.assessment(started.id).version == 1)
        }
    }

    @Test("two evaluators editing at once: the second gets a conflict and nothing is lost", arguments: TestBackend.enabled)
    func concurrentEditsConflict(backend: TestBackend) async throws {
        try await backend.withDatabase { database in
            try await Fixtures.seed(database)
            try await database.addPerson(
                PersonForm(employeeNumber: "M002", name: "Second Evaluator", orgUnit: "OPS"), actor: "test")
            try await database.assignEvaluator("M002", toOrgUnit: "OPS-SD", actor: "test")
            let items = try await Fixtures.serviceDeskItems(database)
            let started = try await database.startAssessment(
                of: "E1001", field: Fixtures.serviceDesk, cycle: Cycle("2026H2")!, actor: "test")
            for item in items {
                try await database.rate(assessment: started.id, item: item.name, level: 3, by: "E1001", asEvaluator: false)
            }
            let submitted = try await database.submitAssessment(started.id, by: "E1001")
            // Both evaluators saw the same version.
            async let first = outcome {
                try await database.rate(
                    assessment: started.id, item: "Leadership", level: 4, by: "M001", asEvaluator: true, reason: "leads",
                    expectedVersion: submitted.version)
            }
            async let second = outcome {
                try await database.rate(
                    assessment: started.id, item: "Negotiation", level: 4, by: "M002", asEvaluator: true, reason: "negotiates",
                    expectedVersion: submitted.version)
            }
            let outcomes = await [first, second]
            let successes = outcomes.filter { if case .success = $0 { true } else { false } }
            #expect(successes.count == 1)
            let failure = outcomes.compactMap { if case let .failure(error) = $0 { error } else { nil } }.first
            guard case let .conflict(_, expected, actual)? = failure as? StorageError else {
                Issue.record("expected a conflict, got \(String(describing: failure))")
                return
            }
            #expect(expected == submitted.version)
            #expect(actual == submitted.version + 1)
            let after = try await database.assessment(started.id)
            #expect(after.version == submitted.version + 1)
            let evaluated = after.ratings.filter { $0.evaluatorLevel != nil }
            #expect(evaluated.count == 1)
            #expect(evaluated.first?.evaluatorLevel == 4)
        }
    }

    @Test("returning needs a comment and makes the assessment editable again", arguments: TestBackend.enabled)
    func returnForRevision(backend: TestBackend) async throws {
        try await backend.withDatabase { database in
            try await Fixtures.seed(database)
            let items = try await Fixtures.serviceDeskItems(database)
            let started = try await database.startAssessment(
                of: "E1001", field: Fixtures.serviceDesk, cycle: Cycle("2026H2")!, actor: "test")
            for item in items {
                try await database.rate(assessment: started.id, item: item.name, level: 3, by: "E1001", asEvaluator: false)
            }
            try await database.submitAssessment(started.id, by: "E1001")
            await #expect(throws: AssessmentRuleError.commentRequired) {
                try await database.returnAssessment(started.id, by: "M001", comment: "  ")
            }
            let returned = try await database.returnAssessment(
                started.id, by: "M001", comment: "add evidence for Service Support")
            #expect(returned.state == .returned)
            #expect(returned.returnComment == "add evidence for Service Support")
            #expect(returned.decidedBy == "M001")
            let edited = try await database.rate(
                assessment: started.id, item: "Service Support", level: 4, by: "E1001", asEvaluator: false,
                evidence: "ticket stats")
            #expect(edited.ratings.first { $0.item == "Service Support" }?.selfLevel == 4)
            #expect(try await database.submitAssessment(started.id, by: "E1001").state == .submitted)
            let actions = try await database.auditLog().map(\.action)
            #expect(actions.contains("assessment.return"))
        }
    }

    @Test("the level as of a past date comes from history", arguments: TestBackend.enabled)
    func levelAsOfDate(backend: TestBackend) async throws {
        let clock = TestClock("2026-01-10T09:00:00Z")
        try await backend.withDatabase(now: { clock.now }) { database in
            try await Fixtures.seed(database)
            try await database.addExperience(
                ExperienceForm(employeeNumber: "E1001", field: Fixtures.serviceDesk, role: .leader, from: Day("2020-04-01")!),
                actor: "test")
            try await database.verifyExperience(recordID: 1, by: "M001")
            clock.set("2026-03-01T10:00:00Z")
            try await Fixtures.approvedAssessment(database, cycle: "2026H1", selfLevel: 3, evaluatorLevel: 3)
            clock.set("2026-09-15T10:00:00Z")
            try await Fixtures.approvedAssessment(database, cycle: "2026H2", selfLevel: 4, evaluatorLevel: 4)
            #expect(try await database.levels(of: "E1001", asOf: Day("2026-02-28")).first?.official.attainedLevel == nil)
            #expect(try await database.levels(of: "E1001", asOf: Day("2026-03-01")).first?.official.attainedLevel == 3)
            #expect(try await database.levels(of: "E1001", asOf: Day("2026-09-14")).first?.official.attainedLevel == 3)
            #expect(try await database.levels(of: "E1001", asOf: Day("2026-09-15")).first?.official.attainedLevel == 4)
            #expect(try await database.levels(of: "E1001").first?.official.attainedLevel == 4)
            #expect(try await database.levels(of: "E1001", asOf: Day("2026-03-01")).first?.provisional == nil)
            let history = try await database.levelHistory(of: "E1001")
            #expect(history.map(\.level) == [3, 4])
            #expect(history.map(\.effectiveAt) == ["2026-03-01T10:00:00.000Z", "2026-09-15T10:00:00.000Z"])
        }
    }

    private func outcome<T>(_ body: () async throws -> T) async -> Result<T, any Error> {
        do {
            return .success(try await body())
        } catch {
            return .failure(error)
        }
    }
}
