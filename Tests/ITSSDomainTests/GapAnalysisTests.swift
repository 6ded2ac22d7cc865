import Foundation
import ITSSDomain
import Testing

@Suite("GapAnalysis")
struct GapAnalysisTests {
    typealias F = LevelFixtures

    @Test("a target the field does not define is refused, naming the defined levels")
    func undefinedTarget() {
        for target in [0, 1, 2, 6, 7, 8, -1] {
            #expect(throws: GapError.targetNotDefined(target: target, field: "Desk", definedLevels: [3, 4, 5])) {
                try GapAnalysis.gap(field: F.desk, ratings: [:], records: [], target: target)
            }
        }
        #expect(
            GapError.targetNotDefined(target: 6, field: "Service Desk", definedLevels: [3, 4]).localizedDescription
                == "level 6 is not defined in Service Desk; its levels are 3, 4")
        #expect(
            GapError.targetNotDefined(target: 1, field: "Empty", definedLevels: []).localizedDescription
                == "level 1 is not defined in Empty; it defines no level")
    }

    @Test("items: each needs the highest level it defines up to the target; only those rated lower are listed")
    func items() throws {
        let ratings = ["Leadership": 5, "Service Support": 3, "Negotiation": 4]  // Facilities unrated
        let gap = try GapAnalysis.gap(
            field: F.desk, ratings: ratings, records: [F.record(1, .responsiblePerson, staff: 100)], target: 5)
        #expect(
            gap.items == [
                ItemGap(
                    item: "Service Support", rating: 3, needed: 5, text: F.text("Service Support", 5),
                    knowledgeItems: ["Service Support basics", "Service Support practice"]),
                ItemGap(
                    item: "Negotiation", rating: 4, needed: 5, text: F.text("Negotiation", 5),
                    knowledgeItems: ["Negotiation basics", "Negotiation practice"]),
                // Facilities defines only 3 and 4, so level 5 needs 4 of it.
                ItemGap(
                    item: "Facilities", rating: 0, needed: 4, text: F.text("Facilities", 4),
                    knowledgeItems: ["Facilities basics", "Facilities practice"]),
            ])
        #expect(gap.scale.isEmpty)
        #expect(gap.currentLevel == nil)
        #expect(gap.target == 5)
        #expect(gap.definedLevels == [3, 4, 5])
        #expect(gap.field == "Desk")
        #expect(gap.basis == .approved)
        #expect(!gap.isClosed)
    }

    @Test("scale: every unmet condition from level 3 up to the target, with the best record")
    func scale() throws {
        let member = F.record(1, .member, staff: 300, label: "ACME")
        let gap = try GapAnalysis.gap(
            field: F.desk, ratings: F.all(5, in: F.desk), records: [member], target: 5, basis: .provisional)
        #expect(gap.items.isEmpty)
        #expect(gap.scale.map(\.level) == [4, 5])
        #expect(gap.scale.map(\.best) == [member, member])
        #expect(gap.scale.first?.condition == F.operationManagement[4])
        #expect(gap.scale.first?.reason == "best record ACME (member): the role member is below the required leader")
        #expect(gap.currentLevel == 3)
        #expect(gap.basis == .provisional)

        let none = try GapAnalysis.gap(field: F.desk, ratings: F.all(5, in: F.desk), records: [], target: 4)
        #expect(
            none.scale == [
                ScaleGap(
                    level: 3, condition: F.operationManagement[3] ?? .none, best: nil,
                    reason: "no verified experience record in the field"),
                ScaleGap(
                    level: 4, condition: F.operationManagement[4] ?? .none, best: nil,
                    reason: "no verified experience record in the field"),
            ])
    }

    @Test("a gap to a level the person holds, or one below it, is closed")
    func closed() throws {
        let records = [F.record(1, .leader)]
        for target in [3, 4] {
            let gap = try GapAnalysis.gap(field: F.desk, ratings: F.all(4, in: F.desk), records: records, target: target)
            #expect(gap.isClosed)
            #expect(gap.currentLevel == 4)
        }
        #expect(try !GapAnalysis.gap(field: F.desk, ratings: F.all(4, in: F.desk), records: records, target: 5).isClosed)
    }

    @Test("the compiled and the plain entry points agree, and a gap round-trips through JSON")
    func entryPoints() throws {
        let ratings = ["Leadership": 4]
        let records = [F.record(3, .leader, yen: 10)]
        let plain = try GapAnalysis.gap(field: F.desk, ratings: ratings, records: records, target: 5)
        let compiled = try GapAnalysis.gap(field: CompiledField(F.desk), ratings: ratings, records: records, target: 5)
        #expect(plain == compiled)
        let data = try JSONEncoder().encode(plain)
        #expect(try JSONDecoder().decode(FieldGap.self, from: data) == plain)
    }
}
