import Testing

@testable import ITSSStorage

/// A person's stored share of the skill map's tally reads back exactly, and a damaged one is refused by name.
@Suite("SkillMapShare")
struct SkillMapShareTests {
    @Test("encode then decode gives the same counts; equal counts give equal texts")
    func roundTrip() throws {
        let counts: [SkillMapTallyKey: Int] = [
            SkillMapTallyKey(basis: "approved", day: "now", orgUnitID: -1, active: true, fieldID: 12, cell: 3): 1,
            SkillMapTallyKey(basis: "provisional", day: "now", orgUnitID: 7, active: false, fieldID: 0, cell: -1): 1,
            SkillMapTallyKey(basis: "approved", day: "2026-01-15", orgUnitID: -1, active: true, fieldID: 12, cell: -1): -1,
        ]
        let text = SkillMapShare.encode(counts)
        #expect(try SkillMapShare.decode(text) == counts)
        #expect(SkillMapShare.encode(try SkillMapShare.decode(text)) == text)
        #expect(text.split(separator: ";").count == 3)
        #expect(try SkillMapShare.decode("").isEmpty)
    }

    @Test(
        "a damaged entry is refused, naming it",
        arguments: ["x,now,1,1,2,3,1", "a,now,1,2,2,3,1", "a,now,1,1,2,3", "a,now,u,1,2,3,1"])
    func damaged(entry: String) {
        #expect(throws: StorageError.self) { try SkillMapShare.decode("a,now,-1,1,12,3,1;" + entry) }
    }
}
