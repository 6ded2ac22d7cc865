import Foundation
import ITSSDomain
import ITSSImport
import Testing

@Suite
struct BuiltInSearchTests {
    @Test("searching the built-in catalog for \"incident\" lists item names and knowledge items before level texts")
    func incident() throws {
        let catalog = try BuiltInStandards.catalog()
        let hits = CatalogSearch.search("incident", in: catalog, limit: 100)
        let first = try #require(hits.first)
        #expect(first.kind == .knowledgeItem)
        #expect(first.text == "Incident Management")
        #expect(first.field == "Operation Management")
        #expect(first.item == "Service Support")
        #expect(
            Array(hits.prefix(3).map(\.text)) == [
                "Incident Management", "Incident Management System", "Incident Management Process",
            ])
        let firstLevelText = try #require(hits.firstIndex { $0.kind == .levelText })
        #expect(hits[..<firstLevelText].allSatisfy { $0.kind != .levelText })
        #expect(hits[firstLevelText...].allSatisfy { $0.kind == .levelText && $0.level != nil })
        #expect(hits.allSatisfy { $0.text.lowercased().contains("incident") })
        #expect(hits.map(\.score) == hits.map(\.score).sorted(by: >))
    }

    @Test("a phrase query puts the text that is exactly that phrase first")
    func phrase() throws {
        let catalog = try BuiltInStandards.catalog()
        let hits = CatalogSearch.search("incident management process", in: catalog)
        #expect(hits.first?.text == "Incident Management Process")
        #expect(hits.first?.field == "Service Desk")
    }

    @Test("item names of both editions are found, common items once per field")
    func itemNames() throws {
        let catalog = try BuiltInStandards.catalog()
        let hits = CatalogSearch.search("leadership", in: catalog, limit: 1000).filter { $0.kind == .itemName }
        let fieldsWithLeadership = catalog.allFields.filter { catalog.field($0)?.item(named: "Leadership") != nil }
        #expect(hits.count == fieldsWithLeadership.count)
        #expect(hits.map { FieldReference(standard: $0.standard, field: $0.field) } == fieldsWithLeadership)
        #expect(Set(hits.map(\.standard.version)).count == 2)
    }

    @Test("a search of the whole built-in catalog is fast enough to run on every keystroke")
    func interactiveSpeed() throws {
        let catalog = try BuiltInStandards.catalog()
        let queries = ["incident", "i", "service desk", "as a person responsible", "7.5 billion yen", "zzz", "operation man"]
        let clock = ContinuousClock()
        var hits = 0
        let elapsed = clock.measure {
            for query in queries { hits += CatalogSearch.search(query, in: catalog).count }
        }
        let perQuery = elapsed / queries.count
        print("CatalogSearch: \(perQuery) per query over the built-in catalog (\(hits) hits)")
        // Generous for debug builds on slow CI machines; a release build takes a few milliseconds.
        #expect(perQuery < .milliseconds(250))
    }
}
