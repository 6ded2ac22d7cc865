import Foundation
import ITSSDomain
import Testing

@Suite("CatalogSearch")
struct CatalogSearchTests {
    static let v3 = StandardKey(name: "IT Service Management", version: "V3 2008")
    static let v2 = StandardKey(name: "Operations", version: "V2 2006")

    static func level(_ level: Int, _ text: String, line: Int = 100) -> LevelDescription {
        LevelDescription(level: level, text: text, scale: .none, line: line)
    }

    static func item(_ name: String, knowledge: [String] = [], levels: [LevelDescription] = []) -> SkillItem {
        SkillItem(name: name, scope: .specific, levels: levels, knowledgeItems: knowledge, line: 1)
    }

    static func catalog(_ fields: [SpecialtyField], key: StandardKey = v3) -> Catalog {
        Catalog(standards: [
            Standard(key: key, fields: fields, overview: [], source: SourceInfo(fileName: "test.txt", sha256: "", lineCount: 0))
        ])
    }

    static func field(_ name: String, _ items: [SkillItem]) -> SpecialtyField {
        SpecialtyField(name: name, kind: .specialty, items: items, line: 1)
    }

    /// One field where "incident" appears as an item name, a knowledge item and a level text.
    static let sample = catalog([
        field(
            "Operation Management",
            [
                item("Leadership", levels: [level(5, "Handles every incident as a leader", line: 40)]),
                item(
                    "Incident Management", knowledge: ["Incident and Problem Control"],
                    levels: [
                        level(3, "Resolves incidents as a member", line: 50),
                        level(4, "Resolves incidents and problems as a leader", line: 51),
                    ]),
            ])
    ])

    @Test("an empty, whitespace or punctuation-only query finds nothing")
    func emptyQuery() {
        #expect(CatalogSearch.search("", in: Self.sample).isEmpty)
        #expect(CatalogSearch.search("  \t\n ", in: Self.sample).isEmpty)
        #expect(CatalogSearch.search(" , . ", in: Self.sample).isEmpty)
    }

    @Test("a limit of zero or less finds nothing, a positive limit caps the hits")
    func limit() {
        #expect(CatalogSearch.search("incident", in: Self.sample, limit: 0).isEmpty)
        #expect(CatalogSearch.search("incident", in: Self.sample, limit: -3).isEmpty)
        #expect(CatalogSearch.search("incident", in: Self.sample, limit: 2).count == 2)
        #expect(CatalogSearch.search("incident", in: Self.sample).count == 5)
    }

    @Test("matching ignores case")
    func caseInsensitive() {
        let upper = CatalogSearch.search("INCIDENT MANAGEMENT", in: Self.sample)
        let lower = CatalogSearch.search("incident management", in: Self.sample)
        #expect(upper == lower)
        #expect(upper.first?.text == "Incident Management")
    }

    @Test("every word of the query must match, in any order")
    func allWords() {
        let hits = CatalogSearch.search("problems leader", in: Self.sample)
        #expect(hits.map(\.text) == ["Resolves incidents and problems as a leader"])
        #expect(CatalogSearch.search("incident nonexistent", in: Self.sample).isEmpty)
    }

    @Test("query words match as prefixes of words, not inside them")
    func prefixes() {
        #expect(CatalogSearch.search("incid", in: Self.sample).count == 5)
        #expect(CatalogSearch.search("cident", in: Self.sample).isEmpty)
        #expect(CatalogSearch.search("incidents", in: Self.sample).map(\.level) == [3, 4])
    }

    @Test("punctuation separates words in the query as in the texts")
    func punctuation() {
        let catalog = Self.catalog([Self.field("F", [Self.item("Item", levels: [Self.level(5, "of 7.5 billion yen or more")])])])
        #expect(CatalogSearch.search("7.5 billion", in: catalog).count == 1)
        #expect(CatalogSearch.search("7,5", in: catalog).count == 1)
    }

    @Test("item names rank before knowledge items, knowledge items before level texts")
    func kindRanking() {
        let hits = CatalogSearch.search("incident", in: Self.sample)
        #expect(hits.map(\.kind) == [.itemName, .knowledgeItem, .levelText, .levelText, .levelText])
        #expect(hits.first?.item == "Incident Management")
        #expect(hits.first?.level == nil)
        #expect(hits[1].text == "Incident and Problem Control")
        // A level text ranks below an item name even when it matches better (whole word versus prefix).
        let prefixOnly = CatalogSearch.search("incid", in: Self.sample)
        #expect(prefixOnly.first?.kind == .itemName)
    }

    @Test("a phrase match ranks first even when the text is longer")
    func phraseBonus() {
        let catalog = Self.catalog([
            Self.field("F", [Self.item("Desk for the service"), Self.item("Service Desk Operation Planning")])
        ])
        let hits = CatalogSearch.search("service desk", in: catalog)
        #expect(hits.map(\.text) == ["Service Desk Operation Planning", "Desk for the service"])
        #expect(hits[0].score > hits[1].score)
    }

    @Test("whole-word matches rank before prefix-only matches even when longer")
    func wholeWords() {
        let catalog = Self.catalog([Self.field("F", [Self.item("Planning"), Self.item("Capacity Plan Review")])])
        let hits = CatalogSearch.search("plan", in: catalog)
        #expect(hits.map(\.text) == ["Capacity Plan Review", "Planning"])
        #expect(hits[0].score > hits[1].score)
    }

    @Test("shorter texts first when the scores are equal")
    func shorterFirst() {
        let catalog = Self.catalog([
            Self.field("F", [Self.item("Problem Management Tools"), Self.item("Problem Management")])
        ])
        let hits = CatalogSearch.search("problem", in: catalog)
        #expect(hits.map(\.text) == ["Problem Management", "Problem Management Tools"])
        #expect(hits[0].score == hits[1].score)
    }

    @Test("identical texts in several fields and standards are separate hits in catalog order")
    func duplicatesAreStable() {
        let shared = Self.item("Leadership", knowledge: ["Coaching"], levels: [Self.level(3, "Coaching as a member")])
        let fields = [Self.field("Service Desk", [shared]), Self.field("Operation Management", [shared])]
        let catalog = Catalog(standards: [
            Self.catalog(fields, key: Self.v3).standards[0], Self.catalog(fields, key: Self.v2).standards[0],
        ])
        let hits = CatalogSearch.search("leadership", in: catalog)
        // Catalog order: V2 before V3 (by edition), fields in document order.
        #expect(hits.map(\.standard) == [Self.v2, Self.v2, Self.v3, Self.v3])
        #expect(hits.map(\.field) == ["Service Desk", "Operation Management", "Service Desk", "Operation Management"])
        #expect(Set(hits.map(\.score)).count == 1)
        for _ in 0..<5 { #expect(CatalogSearch.search("leadership", in: catalog) == hits) }
        // The same catalog order breaks ties between kinds' texts too.
        let coaching = CatalogSearch.search("coaching", in: catalog)
        #expect(
            coaching.map(\.kind) == [
                .knowledgeItem, .knowledgeItem, .knowledgeItem, .knowledgeItem,
                .levelText, .levelText, .levelText, .levelText,
            ])
    }

    @Test("level hits carry their level, item and field")
    func levelHitPlace() throws {
        let hit = try #require(CatalogSearch.search("leader handles", in: Self.sample).first)
        #expect(
            hit
                == SearchHit(
                    standard: Self.v3, field: "Operation Management", item: "Leadership", level: 5, kind: .levelText,
                    text: "Handles every incident as a leader", score: hit.score))
    }

    @Test("hits encode with stable kind names")
    func codable() throws {
        let hits = CatalogSearch.search("incident", in: Self.sample)
        let data = try JSONEncoder().encode(hits)
        #expect(try JSONDecoder().decode([SearchHit].self, from: data) == hits)
        #expect(SearchHit.Kind.allCases.map(\.rawValue) == ["item_name", "knowledge_item", "level_text"])
    }
}
