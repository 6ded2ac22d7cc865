import Foundation
import ITSSDomain
import Testing

@testable import ITSSImport

@Suite("V2 ↔ V3 crosswalk")
struct CrosswalkTests {
    static let catalog = (try? BuiltInStandards.catalog()) ?? Catalog(standards: [])

    @Test("the shipped crosswalk names only fields and items of the shipped standards, each pair with a reason")
    func shippedFileIsValid() throws {
        let crosswalk = try Crosswalk.builtIn()
        let pairs = try crosswalk.pairs(in: Self.catalog)
        #expect(pairs.count > 20)
        #expect(pairs.allSatisfy { !$0.reason.trimmingCharacters(in: .whitespaces).isEmpty })
        #expect(pairs.allSatisfy { $0.fromField.standard == crosswalk.from.key && $0.toField.standard == crosswalk.to.key })
        #expect(crosswalk.unmatched.allSatisfy { !$0.reason.isEmpty })
        // The issue's carry example has its field pair, and the same Leadership item in it.
        let desk = pairs.filter { $0.fromField.field == "Service desk" && $0.toField.field == "Service Desk" }
        #expect(desk.contains { $0.fromItem == nil && $0.kind == .same })
        #expect(desk.contains { $0.fromItem == "Leadership" && $0.toItem == "Leadership" && $0.kind == .same })
    }

    @Test("every ITSS V2 Operations item has a crosswalk entry or a stated reason why not")
    func everyV2ItemCovered() throws {
        let crosswalk = try Crosswalk.builtIn()
        let pairs = try crosswalk.pairs(in: Self.catalog)
        let v2 = try #require(Self.catalog.standard(crosswalk.from.key))
        var uncovered: [String] = []
        for field in v2.fields {
            let fieldReason = crosswalk.unmatched.contains { $0.field == field.name && $0.item == nil }
            if !fieldReason, !pairs.contains(where: { $0.fromField.field == field.name && $0.fromItem == nil }) {
                uncovered.append(field.name)
            }
            for item in field.items {
                let paired = pairs.contains { $0.fromField.field == field.name && $0.fromItem == item.name }
                let excused = fieldReason || crosswalk.unmatched.contains { $0.field == field.name && $0.item == item.name }
                if !paired, !excused { uncovered.append("\(field.name) / \(item.name)") }
            }
        }
        #expect(uncovered.isEmpty, "without a pair or a reason: \(uncovered)")
    }

    @Test("a file naming an unknown item or field is refused with the place")
    func badFile() throws {
        var crosswalk = try Crosswalk.builtIn()
        crosswalk.items[1].to = "Platform Operations"
        crosswalk.fields[0].from = "Systems operation"
        crosswalk.common[0].to = "Information Asset Management"
        let problems: [String]
        do {
            _ = try crosswalk.pairs(in: Self.catalog)
            problems = []
        } catch {
            problems = error.problems
        }
        #expect(problems.contains("crosswalk.json: items[1].to: no skill item \"Platform Operations\" in V3 2008 Operation"))
        #expect(problems.contains("crosswalk.json: fields[0].from: no field \"Systems operation\" in V2 2006 Operations"))
        #expect(
            problems.contains(
                "crosswalk.json: common[0].to: no skill item \"Information Asset Management\" in IT Service Management (ITSS V3 2008)"))
        let malformed = Data(#"{"from": {"standard": "Operations"}, "to": {}, "fields": [], "common": [], "items": [], "unmatched": []}"#.utf8)
        #expect(throws: CrosswalkError(problems: ["bad.json: from.version: missing"])) {
            try Crosswalk.read(malformed, name: "bad.json")
        }
        let wrongKind = Data(
            #"{"from": {"standard": "a", "version": "b"}, "to": {"standard": "a", "version": "b"}, "fields": [{"from": "x", "to": "y", "kind": "equal", "reason": "r"}], "common": [], "items": [], "unmatched": []}"#
                .utf8)
        #expect(throws: CrosswalkError.self) { try Crosswalk.read(wrongKind, name: "bad.json") }
    }

    @Test("counterparts of an item from either side, and the kinds seen from the other side")
    func counterparts() throws {
        let crosswalk = try Crosswalk.builtIn()
        let v3Desk = FieldReference(standard: crosswalk.to.key, field: "Service Desk")
        let personnel = crosswalk.counterparts(of: v3Desk, item: "Personnel Management", in: Self.catalog)
        #expect(personnel.contains { $0.fromItem == "Stress management" && $0.kind == .narrower })
        #expect(CrosswalkKind.narrower.inverse == .broader)
        #expect(CrosswalkKind.same.caseAssociationType == "exactMatchOf")
        #expect(CrosswalkKind.related.caseAssociationType == "isRelatedTo")
    }
}
