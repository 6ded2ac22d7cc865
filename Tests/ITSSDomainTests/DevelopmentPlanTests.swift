import Foundation
import ITSSDomain
import Testing

@Suite("DevelopmentPlan")
struct DevelopmentPlanTests {
    typealias F = LevelFixtures
    static let reference = FieldReference(standard: StandardKey(name: "IT Service Management", version: "V3 2008"), field: "Desk")

    static func plan(_ statuses: [PlanActionStatus]) -> DevelopmentPlan {
        DevelopmentPlan(
            personID: 7, field: reference, targetLevel: 5,
            actions: statuses.enumerated().map { PlanAction(kind: .training, title: "step \($0.offset)", status: $0.element) })
    }

    @Test(
        "progress is done ÷ (all − dropped) in whole percent, rounded down",
        arguments: [
            ([PlanActionStatus](), 0),
            ([.dropped, .dropped], 0),
            ([.open], 0),
            ([.done], 100),
            ([.done, .open], 50),
            ([.done, .inProgress, .open], 33),
            ([.done, .done, .open], 66),
            ([.done, .dropped], 100),
            ([.done, .dropped, .open, .dropped], 50),
            ([.done, .done, .done, .inProgress], 75),
        ])
    func progress(_ statuses: [PlanActionStatus], _ expected: Int) {
        #expect(Self.plan(statuses).progressPercentage == expected)
    }

    @Test("suggested actions: one per knowledge item of each gapped item, then one per scale gap")
    func suggestions() throws {
        let ratings = ["Leadership": 5, "Service Support": 4, "Negotiation": 5, "Facilities": 4]
        let gap = try GapAnalysis.gap(field: F.desk, ratings: ratings, records: [F.record(1, .leader, staff: 20)], target: 5)
        let actions = DevelopmentPlan.suggestedActions(from: gap)
        #expect(
            actions == [
                PlanAction(kind: .learnKnowledge, title: "Learn Service Support basics (Service Support, level 5)"),
                PlanAction(kind: .learnKnowledge, title: "Learn Service Support practice (Service Support, level 5)"),
                PlanAction(kind: .takeRole, title: "Take on a responsible-person role with ≥ 75 staff or ≥ ¥750,000,000/year"),
            ])
        #expect(actions.allSatisfy { $0.status == .open && $0.dueOn == nil && $0.owner == nil })
        let plan = DevelopmentPlan(personID: 7, field: Self.reference, targetLevel: 5, actions: actions)
        #expect(plan.progressPercentage == 0)
    }

    @Test("a closed gap suggests nothing; role titles cover a role alone and minimums alone")
    func titles() throws {
        let closed = try GapAnalysis.gap(field: F.desk, ratings: F.all(4, in: F.desk), records: [F.record(1, .leader)], target: 4)
        #expect(DevelopmentPlan.suggestedActions(from: closed).isEmpty)
        let leaderGap = try GapAnalysis.gap(field: F.desk, ratings: F.all(4, in: F.desk), records: [], target: 4)
        #expect(
            DevelopmentPlan.suggestedActions(from: leaderGap).map(\.title) == ["Take on a member role", "Take on a leader role"])
        let field = F.field("Sized", [F.item("A", levels: [3], conditions: [3: F.condition(nil, staff: 10, sites: 100)])])
        let sized = try GapAnalysis.gap(field: field, ratings: ["A": 3], records: [], target: 3)
        #expect(DevelopmentPlan.suggestedActions(from: sized).map(\.title) == ["Take on a role with ≥ 10 staff or ≥ 100 installation sites"])
    }

    @Test("plans and actions round-trip through JSON with the stored spellings")
    func codable() throws {
        let day = try #require(Day("2026-09-30"))
        let plan = DevelopmentPlan(
            personID: 7, field: Self.reference, targetLevel: 5,
            actions: [PlanAction(kind: .certification, title: "ITIL Expert", dueOn: day, owner: "E1001", status: .inProgress)])
        let data = try JSONEncoder().encode(plan)
        #expect(try JSONDecoder().decode(DevelopmentPlan.self, from: data) == plan)
        let json = String(decoding: data, as: UTF8.self)
        #expect(json.contains(#""kind":"certification""#))
        #expect(json.contains(#""status":"inProgress""#))
        #expect(json.contains(#""dueOn":"2026-09-30""#))
        #expect(PlanActionKind.allCases.map(\.rawValue) == ["learnKnowledge", "takeRole", "training", "certification"])
        #expect(PlanActionStatus.allCases.map(\.rawValue) == ["open", "inProgress", "done", "dropped"])
    }
}
