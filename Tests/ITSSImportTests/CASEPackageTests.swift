import Foundation
import ITSSDomain
import Testing

@testable import ITSSImport

@Suite("CASE 1.1 packages")
struct CASEPackageTests {
    static let catalog = (try? BuiltInStandards.catalog()) ?? Catalog(standards: [])
    static let v2 = StandardKey(name: "Operations", version: "V2 2006")
    static let v3 = StandardKey(name: "IT Service Management", version: "V3 2008")

    static func package(_ key: StandardKey) throws -> CASEPackage {
        let standard = try #require(catalog.standard(key))
        let crosswalk = try Crosswalk.builtIn()
        return CASEExport.package(standard, links: crosswalk.caseLinks(from: standard, in: catalog))
    }

    static func json(_ key: StandardKey) throws -> Data { try CASEExport.json(try package(key)) }

    @Test("SHA-1 and UUIDv5 give the published test vectors")
    func vectors() {
        #expect(
            SHA1.digest(Array("abc".utf8)).map { String(format: "%02x", $0) }.joined()
                == "a9993e364706816aba3e25717850c26c9cd0d89d")
        #expect(
            SHA1.digest(Array(repeating: UInt8(ascii: "a"), count: 1_000)).map { String(format: "%02x", $0) }.joined()
                == "291e9a6c66994949b57ba5e650361e98fc36b1ba")
        // RFC 4122 / Python's uuid.uuid5(uuid.NAMESPACE_DNS, "python.org").
        #expect(UUIDv5.make(namespace: UUIDv5.dnsNamespace, name: "python.org") == "886313e1-3b8a-5372-9b90-0c9aee199e5d")
        #expect(UUIDv5.make(namespace: UUIDv5.urlNamespace, name: "") == "1b4db7eb-4057-5ddf-91e0-36dec72071f5")
        // Our namespace and the V3 document, as Python's uuid computes them.
        #expect(
            UUIDv5.make(namespace: UUIDv5.urlNamespace, name: "https://itss.invalid/case/v1p1")
                == "eba4657f-0dfd-5f84-a638-2cc39543120a")
        #expect(CASEIdentifiers.document(Self.v3) == "4fb8e395-df04-5d41-94d5-343b1afccda5")
        #expect(UUIDv5.bytes("886313E1-3B8A-5372-9B90-0C9AEE199E5D")?.count == 16)
        #expect(UUIDv5.bytes("886313e1-3b8a-5372-9b90-0c9aee199e5") == nil)
        #expect(UUIDv5.bytes("886313e1+3b8a-5372-9b90-0c9aee199e5d") == nil)
    }

    @Test("identifiers are stable: the same standard and path give the same identifier, another path another")
    func stableIdentifiers() {
        let field = CASEIdentifiers.fieldPath(Self.v3, "Service Desk")
        #expect(CASEIdentifiers.identifier(field) == CASEIdentifiers.identifier(field))
        #expect(
            CASEIdentifiers.identifier(field) != CASEIdentifiers.identifier(CASEIdentifiers.fieldPath(Self.v2, "Service Desk")))
        #expect(CASEIdentifiers.lastChange(Self.v3) == "2008-01-01T00:00:00Z")
        #expect(CASEIdentifiers.lastChange(StandardKey(name: "X", version: "draft")) == "1970-01-01T00:00:00Z")
    }

    @Test("exporting twice gives identical bytes", arguments: [v2, v3])
    func deterministic(key: StandardKey) throws {
        #expect(try Self.json(key) == Self.json(key))
    }

    @Test("the package holds fields, skill items, level statements with their level, knowledge items and the links")
    func shape() throws {
        let package = try Self.package(Self.v3)
        let standard = try #require(Self.catalog.standard(Self.v3))
        let items = standard.fields.flatMap(\.items)
        let count = { (kind: CASEItemKind) in package.CFItems.filter { $0.CFItemType == kind.rawValue }.count }
        #expect(count(.specialtyField) == standard.fields.count)
        #expect(count(.commonSkillItem) + count(.specificSkillItem) == items.count)
        #expect(count(.levelStatement) == items.reduce(0) { $0 + $1.levels.count })
        #expect(count(.knowledgeItem) == items.reduce(0) { $0 + $1.knowledgeItems.count })
        let byID = Dictionary(uniqueKeysWithValues: package.CFItems.map { ($0.identifier, $0) })
        let levels = package.CFAssociations.filter { $0.associationType == "hasSkillLevel" }
        #expect(levels.count == count(.levelStatement))
        for association in levels {
            let level = try #require(byID[association.destinationNodeURI.identifier])
            #expect(level.listEnumeration == association.sequenceNumber.map(String.init))
            #expect(level.abbreviatedStatement == "Level \(level.listEnumeration ?? "")")
        }
        #expect(package.CFDocument.version == "V3 2008")
        #expect(package.CFDefinitions?.CFItemTypes.count == CASEItemKind.standardKinds.count)
        #expect(Set(package.CFItems.map(\.identifier)).count == package.CFItems.count)
        #expect(Set(package.CFAssociations.map(\.identifier)).count == package.CFAssociations.count)
        // The crosswalk, seen from V3: the same Service Desk field as V2's, exactMatchOf.
        let deskField = CASEIdentifiers.identifier(CASEIdentifiers.fieldPath(Self.v3, "Service Desk"))
        let v2Desk = CASEIdentifiers.identifier(CASEIdentifiers.fieldPath(Self.v2, "Service desk"))
        #expect(
            package.CFAssociations.contains {
                $0.associationType == "exactMatchOf" && $0.originNodeURI.identifier == deskField
                    && $0.destinationNodeURI.identifier == v2Desk && ($0.notes ?? "").hasPrefix("crosswalk same: ")
            })
        #expect(try Self.package(Self.v2).CFAssociations.contains { $0.associationType == "isRelatedTo" })
    }

    @Test("round trip: export, read back, export again gives the same bytes", arguments: [v2, v3])
    func roundTrip(key: StandardKey) throws {
        let standard = try #require(Self.catalog.standard(key))
        let first = try CASEExport.json(CASEExport.package(standard))
        let imported = try CASEImport.read([UInt8](first), fileName: "package.json").standard
        #expect(imported.key == key)
        #expect(imported.fields.map(\.name) == standard.fields.map(\.name))
        #expect(imported.fields.map(\.kind) == standard.fields.map(\.kind))
        #expect(imported.fields.map(\.scaleConditions) == standard.fields.map(\.scaleConditions))
        #expect(try CASEExport.json(CASEExport.package(imported)) == first)
        // Crosswalk links point into the other package; reading ignores them.
        let linked = try Self.json(key)
        #expect(try CASEExport.json(CASEExport.package(CASEImport.read([UInt8](linked), fileName: "p.json").standard)) == first)
    }

    @Test("both packages are valid against the CASE 1.1 package schema", .enabled(if: SchemaValidator.isAvailable))
    func schema() throws {
        let schema = CatalogExportSchemaTests.root.appendingPathComponent("docs/case-1.1-package.schema.json")
        #expect(try SchemaValidator.validate(Self.json(Self.v2), schema: schema) == "valid")
        #expect(try SchemaValidator.validate(Self.json(Self.v3), schema: schema) == "valid")
        // The validator really validates: an association without its destination is refused.
        var broken = try Self.package(Self.v3)
        var object = try #require(
            try JSONSerialization.jsonObject(with: CASEExport.json(broken)) as? [String: Any])
        var associations = try #require(object["CFAssociations"] as? [[String: Any]])
        associations[0].removeValue(forKey: "destinationNodeURI")
        object["CFAssociations"] = associations
        broken.CFItems = []
        #expect(try SchemaValidator.validate(JSONSerialization.data(withJSONObject: object), schema: schema) != "valid")
    }

    // MARK: - Bad packages

    /// The V3 package as a JSON object, changed by `change`, read back; the problems found.
    static func problems(_ change: (inout [String: Any]) throws -> Void) throws -> [String] {
        let standard = try #require(catalog.standard(v3))
        return try problems(in: CASEExport.json(CASEExport.package(standard)), change) { bytes throws(CASEPackageError) in
            _ = try CASEImport.read(bytes, fileName: "bad.json")
        }
    }

    /// A package as a JSON object, changed by `change`, read back by `read`; the problems found.
    static func problems(
        in package: Data, _ change: (inout [String: Any]) throws -> Void, read: ([UInt8]) throws(CASEPackageError) -> Void
    ) throws -> [String] {
        var object = try #require(try JSONSerialization.jsonObject(with: package) as? [String: Any])
        try change(&object)
        let bytes = [UInt8](try JSONSerialization.data(withJSONObject: object))
        do {
            try read(bytes)
            return []
        } catch {
            return error.problems
        }
    }

    static func items(_ object: [String: Any]) throws -> [[String: Any]] { try #require(object["CFItems"] as? [[String: Any]]) }
    static func associations(_ object: [String: Any]) throws -> [[String: Any]] {
        try #require(object["CFAssociations"] as? [[String: Any]])
    }

    @Test("a duplicate identifier names both places")
    func duplicateIdentifier() throws {
        let problems = try Self.problems { object in
            var items = try Self.items(object)
            items[12]["identifier"] = items[3]["identifier"]
            object["CFItems"] = items
        }
        #expect(problems.contains("CFItems[12].identifier: duplicate of CFItems[3]"))
        let associationProblems = try Self.problems { object in
            var associations = try Self.associations(object)
            associations[7]["identifier"] = associations[2]["identifier"]
            object["CFAssociations"] = associations
        }
        #expect(associationProblems.contains("CFAssociations[7].identifier: duplicate of CFAssociations[2]"))
    }

    @Test("a dangling association names the missing end")
    func dangling() throws {
        let missing = "00000000-0000-5000-8000-000000000000"
        let problems = try Self.problems { object in
            var associations = try Self.associations(object)
            var destination = try #require(associations[5]["destinationNodeURI"] as? [String: Any])
            destination["identifier"] = missing
            associations[5]["destinationNodeURI"] = destination
            object["CFAssociations"] = associations
        }
        #expect(
            problems.contains(
                "CFAssociations[5].destinationNodeURI.identifier: no CFItem or CFDocument of this package has identifier \(missing)"
            ))
    }

    @Test("missing required properties are named with their place")
    func missingRequired() throws {
        let problems = try Self.problems { object in
            var items = try Self.items(object)
            items[4].removeValue(forKey: "fullStatement")
            items[6].removeValue(forKey: "identifier")
            object["CFItems"] = items
            var document = try #require(object["CFDocument"] as? [String: Any])
            document.removeValue(forKey: "version")
            object["CFDocument"] = document
        }
        #expect(problems.contains("CFItems[4].fullStatement: missing"))
        #expect(problems.contains("CFItems[6].identifier: missing"))
        #expect(problems.contains("CFDocument.version: missing"))
        #expect(try Self.problems { $0.removeValue(forKey: "CFDocument") } == ["CFDocument: missing"])
    }

    @Test("a level statement without a level is refused")
    func levelWithoutLevel() throws {
        var index = 0
        let problems = try Self.problems { object in
            var items = try Self.items(object)
            index = try #require(items.firstIndex { $0["CFItemType"] as? String == CASEItemKind.levelStatement.rawValue })
            items[index].removeValue(forKey: "listEnumeration")
            object["CFItems"] = items
        }
        #expect(problems.contains("CFItems[\(index)].listEnumeration: a level statement needs its level (1-7)"))
    }

    @Test("wrong types, unknown item types and association types, and broken structure are named")
    func otherProblems() throws {
        let typed = try Self.problems { object in
            var items = try Self.items(object)
            items[2]["fullStatement"] = 42
            object["CFItems"] = items
        }
        #expect(typed == ["CFItems[2].fullStatement: expected a string"])
        let kinds = try Self.problems { object in
            var items = try Self.items(object)
            items[1]["CFItemType"] = "Chapter"
            object["CFItems"] = items
            var associations = try Self.associations(object)
            associations[0]["associationType"] = "isCousinOf"
            object["CFAssociations"] = associations
        }
        #expect(kinds.contains { $0.hasPrefix("CFItems[1].CFItemType: \"Chapter\" is not one of") })
        #expect(kinds.contains("CFAssociations[0].associationType: \"isCousinOf\" is not a CASE 1.1 association type"))
        let orphan = try Self.problems { object in
            var associations = try Self.associations(object)
            associations.removeAll { ($0["associationType"] as? String) == "hasSkillLevel" }
            object["CFAssociations"] = associations
        }
        #expect(orphan.contains { $0.hasSuffix("a level statement must be the level of a skill item (hasSkillLevel)") })
        #expect(orphan.contains { $0.hasSuffix("a skill item needs at least one level statement (hasSkillLevel)") })
        #expect(throws: CASEPackageError.self) { try CASEImport.read(Array("{not json".utf8), fileName: "x.json") }
        #expect(CASEImport.looksLikeJSON(Array("  \n{".utf8)))
        #expect(!CASEImport.looksLikeJSON(Array("ITSS".utf8)))
    }
}
