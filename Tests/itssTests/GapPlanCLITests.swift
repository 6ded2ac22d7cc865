import Foundation
import ITSSDomain
import ITSSStorage
import Testing

/// `itss gap` and `itss plan` on E1001 after the approved Service Desk assessment of `AssessmentCLITests`
/// (evaluator 4 everywhere but Service Support 3) and a verified member-role record: official level 3.
@Suite("itss gap / plan (CLI)")
struct GapPlanCLITests {
    static let person = Organisation.person

    static func prepared() throws -> CLIRunner {
        let cli = CLIRunner()
        try Organisation.create(cli)
        try AssessmentCLITests.approvedAssessment(cli)
        try AssessmentCLITests.verifiedMemberRecord(cli)
        return cli
    }

    @Test("gap lists each item with its current and needed level, and the scale condition it lacks")
    func gap() throws {
        let cli = try Self.prepared()
        defer { cli.cleanUp() }
        let text = try cli.ok("gap", Self.person, "--target", "Service Desk:4")
        #expect(text.contains("E1001 → Service Desk level 4 (approved; now level 3)"), "\(text)")
        #expect(text.contains("Service Support: rated 3, needs 4"), "\(text)")
        #expect(text.contains("Knowledge: Incident Management Process"), "\(text)")
        #expect(text.contains("Level 4 needs"), "\(text)")
        #expect(text.contains("leader"), "\(text)")
        // Only the one item falls short; the others are rated 4.
        #expect(!text.contains("Leadership: rated"), "\(text)")

        let gap = try cli.json(FieldGap.self, "gap", Self.person, "--target", "Service Desk:4")
        #expect(gap.basis == .approved)
        #expect(gap.field == "Service Desk")
        #expect(gap.target == 4)
        #expect(gap.definedLevels == [3, 4])
        #expect(gap.currentLevel == 3)
        #expect(gap.items.map(\.item) == ["Service Support"])
        #expect(gap.items.first?.rating == 3)
        #expect(gap.items.first?.needed == 4)
        #expect(gap.items.first?.knowledgeItems == ["Incident Management Process"])
        #expect(gap.scale.map(\.level) == [4])
        #expect(gap.scale.first?.condition.role == .leader)
        #expect(gap.scale.first?.best?.role == .member)
        #expect(!gap.isClosed)

        // Level 3 is held: no gap.
        let held = try cli.json(FieldGap.self, "gap", Self.person, "--target", "Service Desk:3")
        #expect(held.isClosed)
        #expect(try cli.ok("gap", Self.person, "--target", "Service Desk:3").contains("No gap"))

        // Provisional: self ratings (4 everywhere) and all records — only the leader role is missing.
        let provisional = try cli.json(FieldGap.self, "gap", Self.person, "--target", "Service Desk:4", "--provisional")
        #expect(provisional.basis == .provisional)
        #expect(provisional.items.isEmpty)
        #expect(provisional.scale.map(\.level) == [4])
    }

    @Test("a target level the field does not define fails naming the defined levels")
    func undefinedTarget() throws {
        let cli = CLIRunner()
        defer { cli.cleanUp() }
        try Organisation.create(cli)
        let message = try cli.fails("gap", Self.person, "--target", "Service Desk:6")
        #expect(message == "level 6 is not defined in Service Desk; its levels are 3, 4")
        let plan = try cli.fails("plan", "create", Self.person, "--target", "Service Desk:2")
        #expect(plan == "level 2 is not defined in Service Desk; its levels are 3, 4")
        let v2 = try cli.fails("gap", Organisation.v2Person, "--target", "V2:Service desk:6")
        #expect(v2 == "level 6 is not defined in Service desk; its levels are 1, 2, 3, 4, 5")
        let unknownField = try cli.fails("gap", Self.person, "--target", "Servise Desk:4")
        #expect(unknownField.contains("did you mean \"Service Desk\""), "\(unknownField)")
        let unknownPerson = try cli.fails("gap", "E1003", "--target", "Service Desk:4")
        #expect(unknownPerson.contains("did you mean"), "\(unknownPerson)")
        // Not FIELD:LEVEL at all: refused by the argument parser.
        #expect(try cli.run("gap", Self.person, "--target", "Service Desk").status != 0)
        #expect(try cli.run("gap", Self.person, "--target", "Service Desk:9").status != 0)
    }

    @Test("plan create/show/update: suggested actions, progress, version conflicts and history")
    func plan() throws {
        let cli = try Self.prepared()
        defer { cli.cleanUp() }
        let created = try cli.ok("plan", "create", Self.person, "--target", "Service Desk:4")
        #expect(created.contains("Created plan #1 with 2 action(s)."), "\(created)")
        #expect(created.contains("Learn Incident Management Process (Service Support, level 4)"), "\(created)")
        #expect(created.contains("Take on a leader role"), "\(created)")

        var plan = try cli.json(PlanView.self, "plan", "show", "1")
        #expect(plan.version == 1)
        #expect(plan.targetLevel == 4)
        #expect(plan.progressPercentage == 0)
        #expect(plan.actions.count == 2)
        #expect(plan.actions.allSatisfy { $0.status == .open })
        #expect(plan.actions.map(\.kind) == [.learnKnowledge, .takeRole])

        let updated = try cli.ok("plan", "update", "1", "--action", "1", "--status", "done", "--expect-version", "1")
        #expect(updated.contains("50% done (version 2)"), "\(updated)")
        plan = try cli.json(PlanView.self, "plan", "show", "1")
        #expect(plan.version == 2)
        #expect(plan.progressPercentage == 50)
        #expect(plan.actions.first?.status == .done)

        let conflict = try cli.fails("plan", "update", "1", "--action", "2", "--status", "done", "--expect-version", "1")
        #expect(conflict.contains("plan 1 was changed by someone else"), "\(conflict)")
        #expect(conflict.contains("version 2"), "\(conflict)")
        #expect(try cli.json(PlanView.self, "plan", "show", "1") == plan)

        try cli.ok(
            "plan", "update", "1", "--add", "ITIL Foundation", "--kind", "certification", "--due", "2026-12-31", "--owner",
            "E1001")
        try cli.ok("plan", "update", "1", "--action", "2", "--status", "dropped", "--due", "2027-03-31")
        plan = try cli.json(PlanView.self, "plan", "show", "1")
        #expect(plan.version == 4)
        #expect(plan.actions.count == 3)
        #expect(plan.actions[2].kind == .certification)
        #expect(plan.actions[2].dueOn == Day("2026-12-31"))
        #expect(plan.actions[2].owner == "E1001")
        #expect(plan.actions[1].status == .dropped)
        #expect(plan.actions[1].dueOn == Day("2027-03-31"))
        // Dropped actions do not count: 1 done of 2.
        #expect(plan.progressPercentage == 50)

        let unknownAction = try cli.fails("plan", "update", "1", "--action", "9", "--status", "done")
        #expect(unknownAction.contains("action 9 of plan 1"), "\(unknownAction)")
        #expect(try cli.json(PlanView.self, "plan", "show", "1").version == 4)

        let history = try cli.ok("plan", "show", "1", "--history")
        for version in 1...4 {
            #expect(history.contains("version \(version) at "), "\(history)")
        }
        #expect(history.contains("version 1 at") && history.contains("by operator cli-test: 0/2 done"), "\(history)")
        #expect(history.contains("by operator cli-test: 1/2 done"), "\(history)")
        #expect(history.contains("by operator cli-test: 1/3 done"), "\(history)")
        #expect(!history.contains("version 5"))

        let profile = try cli.ok("person", "show", Self.person)
        #expect(profile.contains("#1 Service Desk → level 4: 50% of 3 action(s)"), "\(profile)")
        let unknownPlan = try cli.fails("plan", "show", "2")
        #expect(unknownPlan == "plan 2 does not exist")
    }
}
