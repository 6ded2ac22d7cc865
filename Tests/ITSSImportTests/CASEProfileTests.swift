import Foundation
import ITSSDomain
import Testing

@testable import ITSSImport

/// A tailoring profile as a derived CASE package: its shape against the CASE 1.1 schema, the `ext:isDerivedFrom`
/// links into the standard's package, what is left out and what is the company's own, determinism, the round
/// trip, and bad packages named by their place.
@Suite("Tailoring profiles as derived CASE packages")
struct CASEProfileTests {
    static let catalog = TailoringTests.catalog
    static let sample = TailoringTests.sample
    static let derivedFrom = CASEProfileExport.derivedFrom

    static func package(_ profile: TailoringProfile = sample, version: Int = 1) throws -> CASEPackage {
        try CASEProfileExport.package(profile, version: version, catalog: catalog)
    }

    static func json(_ profile: TailoringProfile = sample, version: Int = 1) throws -> Data {
        try CASEExport.json(try package(profile, version: version))
    }

    /// The sample with reasons that need escaping, a second company item and thresholds in a non-canonical order.
    static let rich: TailoringProfile = {
        var profile = sample
        profile.fields[0].exclude = Exclusion(reason: "outsourced\nsince 2020 \\ for good")
        profile.fields[1].companyItems.append(
            CompanyItem(
                name: "Chat Support", reason: "our channel",
                levels: [CompanyLevel(level: 5, text: "Runs the bots"), CompanyLevel(level: 2, text: "Answers chats")]))
        profile.fields[1].thresholds.insert(
            ThresholdAdjustment(level: 6, measure: .annualContractYen, minimum: 500_000_000, reason: "our contracts"), at: 0)
        return profile
    }()

    static func item(_ package: CASEPackage, _ statement: String, kind: CASEItemKind? = nil) throws -> CASEPackage.Item {
        try #require(
            package.CFItems.first { $0.fullStatement == statement && (kind == nil || $0.CFItemType == kind?.rawValue) })
    }

    static func derivations(_ package: CASEPackage, from item: CASEPackage.Item) -> [CASEPackage.Association] {
        package.CFAssociations.filter { $0.associationType == derivedFrom && $0.originNodeURI.identifier == item.identifier }
    }

    @Test("the derived package is valid against the CASE 1.1 package schema", .enabled(if: SchemaValidator.isAvailable))
    func schema() throws {
        let schema = CatalogExportSchemaTests.root.appendingPathComponent("docs/case-1.1-package.schema.json")
        #expect(try SchemaValidator.validate(Self.json(), schema: schema) == "valid")
        #expect(try SchemaValidator.validate(Self.json(Self.rich, version: 4), schema: schema) == "valid")
    }

    @Test("every ext:isDerivedFrom leads to a node of the standard's own package, as itss catalog export writes it")
    func derivedFromTheStandard() throws {
        let package = try Self.package(Self.rich)
        let standard = try #require(Self.catalog.standard(TailoringTests.v3))
        let published = CASEExport.package(standard)
        let known = Set(published.CFItems.map(\.identifier) + [published.CFDocument.identifier])
        let derivations = package.CFAssociations.filter { $0.associationType == Self.derivedFrom }
        #expect(!derivations.isEmpty)
        for association in derivations {
            #expect(known.contains(association.destinationNodeURI.identifier), "\(association.destinationNodeURI)")
        }
        // The document comes from the standard's document; a renamed item from the ITSS item of its name.
        #expect(
            derivations.contains {
                $0.originNodeURI.identifier == package.CFDocument.identifier
                    && $0.destinationNodeURI.identifier == published.CFDocument.identifier
            })
        let technology = try Self.item(package, "Cloud Technology")
        #expect(technology.abbreviatedStatement == "Technology")
        #expect(technology.notes == "Renamed from the ITSS name \"Technology\": we run on cloud")
        let origin = try #require(CASEExport.link(in: standard, field: "Operation Management", item: "Technology"))
        #expect(Self.derivations(package, from: technology).map(\.destinationNodeURI.identifier) == [origin.identifier])
        // Every item of the package that is not the company's own comes from the standard.
        let ownKinds: Set<String> = [CASEItemKind.companySkillItem.rawValue, CASEItemKind.thresholdAdjustment.rawValue]
        let derivedItems = Set(derivations.map(\.originNodeURI.identifier))
        let added = Set(["FinOps", "Tagging policies", "Tracks costs", "Owns the budget", "Runs the bots", "Answers chats"])
        for item in package.CFItems where !ownKinds.contains(item.CFItemType ?? "") && !added.contains(item.fullStatement) {
            #expect(derivedItems.contains(item.identifier), "\(item.fullStatement) has no \(Self.derivedFrom)")
        }
    }

    @Test("left-out fields and items are absent, and the CFDocument's notes give each with its reason")
    func excludedAbsent() throws {
        let package = try Self.package()
        let standard = try #require(Self.catalog.standard(TailoringTests.v3))
        let names = Set(package.CFItems.compactMap(\.abbreviatedStatement))
        #expect(!names.contains("Operation") && !names.contains("Facility Management"))
        #expect(names.contains("Operation Management") && names.contains("Technology"))
        let excluded = [
            try #require(CASEExport.link(in: standard, field: "Operation", item: nil)),
            try #require(CASEExport.link(in: standard, field: "Operation Management", item: "Facility Management")),
        ]
        #expect(!package.CFAssociations.contains { association in excluded.contains(association.destinationNodeURI) })
        let notes = try #require(package.CFDocument.notes)
        #expect(notes.contains("ITSS V3 2008 IT Service Management"))
        #expect(notes.contains("Left out: field \"Operation\" — operations are outsourced"))
        #expect(notes.contains("Left out: item \"Facility Management\" of field \"Operation Management\" — no own data centre"))
        #expect(package.CFDocument.title == "ACME ITSM")
        #expect(package.CFDocument.description == "ACME's service management framework")
        #expect(package.CFDocument.version == "1")
    }

    @Test("company items, their levels and knowledge, and added knowledge have no ext:isDerivedFrom; reasons in notes")
    func companyItems() throws {
        let package = try Self.package()
        let company = try Self.item(package, "Cloud Cost Control", kind: .companySkillItem)
        #expect(company.notes == "not in ITSS")
        #expect(Self.derivations(package, from: company).isEmpty)
        let basedOn = package.CFAssociations.filter {
            $0.associationType == "isRelatedTo" && $0.originNodeURI.identifier == company.identifier
        }
        #expect(basedOn.map(\.destinationNodeURI.title) == ["Technology"])
        for text in ["Tracks costs", "Owns the budget", "Tagging policies"] {
            #expect(Self.derivations(package, from: try Self.item(package, text)).isEmpty, "\(text)")
        }
        let finOps = try Self.item(package, "FinOps", kind: .knowledgeItem)
        #expect(finOps.notes == "cost control matters")
        #expect(Self.derivations(package, from: finOps).isEmpty)
        let field = try Self.item(package, "Ops Management", kind: .specialtyField)
        #expect(field.notes == "Renamed from the ITSS name \"Operation Management\": our title")
        // The threshold adjustment is an item of its own kind below the field.
        let threshold = try #require(package.CFItems.first { $0.CFItemType == CASEItemKind.thresholdAdjustment.rawValue })
        #expect(threshold.abbreviatedStatement == "peak_staff >= 50")
        #expect(threshold.listEnumeration == "5")
        #expect(threshold.notes == "smaller teams")
        #expect(threshold.fullStatement == "Level 5 scale threshold: ≥ 50 staff (the standard: ≥ 75 staff)")
        #expect(
            package.CFAssociations.contains {
                $0.associationType == "isChildOf" && $0.originNodeURI.identifier == threshold.identifier
                    && $0.destinationNodeURI.identifier == field.identifier
            })
        #expect(package.CFDefinitions?.CFItemTypes.count == CASEItemKind.allCases.count)
    }

    @Test("exporting twice gives identical bytes; the profile's order of entries does not matter; identifiers differ by version")
    func deterministic() throws {
        #expect(try Self.json(Self.rich) == Self.json(Self.rich))
        var reordered = Self.rich
        reordered.fields.reverse()
        reordered.fields[0].thresholds.reverse()
        #expect(try Self.json(reordered) == Self.json(Self.rich))
        let first = try Self.package(version: 1)
        let second = try Self.package(version: 2)
        #expect(first.CFDocument.identifier != second.CFDocument.identifier)
        #expect(
            first.CFDocument.identifier
                == CASEIdentifiers.identifier(CASEIdentifiers.profilePath("ACME ITSM", version: 1)))
        #expect(Set(first.CFItems.map(\.identifier)).count == first.CFItems.count)
        #expect(Set(first.CFAssociations.map(\.identifier)).count == first.CFAssociations.count)
    }

    @Test("round trip: export, read back, export again gives the same bytes (V3 and V2)")
    func roundTrip() throws {
        let v2 = TailoringProfile(
            name: "V2 desk", standard: TailoringTests.v2, purpose: nil,
            fields: [
                FieldTailoring(
                    field: "Service desk", displayName: DisplayName(name: "Service desk", reason: "same name, noted"),
                    items: [ItemTailoring(item: "Negotiation", exclude: Exclusion(reason: "n/a"))],
                    thresholds: [ThresholdAdjustment(level: 5, measure: .annualInquiries, minimum: 2000, reason: "our volume")])
            ])
        for (profile, version) in [(Self.sample, 1), (Self.rich, 7), (v2, 2)] {
            let first = try Self.json(profile, version: version)
            let read = try CASEProfileImport.read([UInt8](first), catalog: Self.catalog)
            #expect(read.version == version)
            #expect(read.name == profile.name && read.standard == profile.standard && read.purpose == profile.purpose)
            #expect(try Self.json(read, version: version) == first)
            // The same changes, with the same reasons.
            let before = try Tailoring.apply(profile, to: Self.catalog)
            let after = try Tailoring.apply(read, to: Self.catalog)
            #expect(Set(after.diff) == Set(before.diff))
            #expect(after.tailored.fields.map { $0.items.map(\.name) } == before.tailored.fields.map { $0.items.map(\.name) })
            #expect(after.tailored.fields.map(\.scaleConditions) == before.tailored.fields.map(\.scaleConditions))
        }
        #expect(CASEProfileImport.looksLikePackage([UInt8](try Self.json())))
        #expect(!CASEProfileImport.looksLikePackage([UInt8](try TailoringJSON.encode(Self.sample))))
        #expect(!CASEProfileImport.looksLikePackage(Array("not json".utf8)))
    }

    // MARK: - Bad packages

    /// The sample's package as a JSON object, changed by `change`, read back; the problems found.
    static func problems(_ change: (inout [String: Any]) throws -> Void) throws -> [String] {
        try CASEPackageTests.problems(in: json(), change) { bytes throws(CASEPackageError) in
            _ = try CASEProfileImport.read(bytes, catalog: catalog)
        }
    }

    static func items(_ object: [String: Any]) throws -> [[String: Any]] { try CASEPackageTests.items(object) }
    static func associations(_ object: [String: Any]) throws -> [[String: Any]] { try CASEPackageTests.associations(object) }

    /// Sets a property of the destination of every association matching `where`.
    static func redirect(_ object: inout [String: Any], to identifier: String, where matches: ([String: Any]) -> Bool) throws {
        var associations = try Self.associations(object)
        for index in associations.indices where matches(associations[index]) {
            var destination = try #require(associations[index]["destinationNodeURI"] as? [String: Any])
            destination["identifier"] = identifier
            associations[index]["destinationNodeURI"] = destination
        }
        object["CFAssociations"] = associations
    }

    @Test("an unknown base standard is named at the CFDocument's ext:isDerivedFrom")
    func unknownStandard() throws {
        let package = try Self.package()
        let index = try #require(
            package.CFAssociations.firstIndex { $0.originNodeURI.identifier == package.CFDocument.identifier })
        let other = CASEIdentifiers.document(StandardKey(name: "Embedded", version: "V3 2011"))
        let problems = try Self.problems { object in
            try Self.redirect(&object, to: other) {
                (($0["originNodeURI"] as? [String: Any])?["identifier"] as? String) == package.CFDocument.identifier
            }
        }
        #expect(problems.count == 1)
        #expect(
            problems.first?.hasPrefix(
                "CFAssociations[\(index)].destinationNodeURI.identifier: no standard of the catalog has the CFDocument \(other)")
                == true, "\(problems)")
        let none = try Self.problems { object in
            try object["CFAssociations"] = Self.associations(object).filter {
                (($0["originNodeURI"] as? [String: Any])?["identifier"] as? String) != package.CFDocument.identifier
            }
        }
        #expect(none.first?.hasPrefix("CFAssociations: no ext:isDerivedFrom association from the CFDocument") == true)
    }

    @Test("an ext:isDerivedFrom to an identifier the standard does not have is named")
    func unknownDerivation() throws {
        let package = try Self.package()
        let technology = try Self.item(package, "Cloud Technology")
        let index = try #require(
            package.CFAssociations.firstIndex {
                $0.associationType == Self.derivedFrom && $0.originNodeURI.identifier == technology.identifier
            })
        let missing = "00000000-0000-5000-8000-000000000000"
        let problems = try Self.problems { object in
            try Self.redirect(&object, to: missing) {
                ($0["associationType"] as? String) == Self.derivedFrom
                    && (($0["originNodeURI"] as? [String: Any])?["identifier"] as? String) == technology.identifier
            }
        }
        #expect(
            problems == [
                "CFAssociations[\(index)].destinationNodeURI.identifier: IT Service Management (ITSS V3 2008) has no item with identifier \(missing)"
            ])
    }

    @Test("duplicate identifiers and dangling associations are named with their place")
    func duplicatesAndDangling() throws {
        let duplicate = try Self.problems { object in
            var items = try Self.items(object)
            items[12]["identifier"] = items[3]["identifier"]
            object["CFItems"] = items
        }
        #expect(duplicate.contains("CFItems[12].identifier: duplicate of CFItems[3]"))
        let missing = "00000000-0000-5000-8000-000000000000"
        let dangling = try Self.problems { object in
            var associations = try Self.associations(object)
            let index = try #require(associations.firstIndex { ($0["associationType"] as? String) == "isChildOf" })
            var destination = try #require(associations[index]["destinationNodeURI"] as? [String: Any])
            destination["identifier"] = missing
            associations[index]["destinationNodeURI"] = destination
            object["CFAssociations"] = associations
        }
        #expect(
            dangling.contains {
                $0.hasSuffix(".destinationNodeURI.identifier: no CFItem or CFDocument of this package has identifier \(missing)")
            }, "\(dangling)")
    }

    @Test("a missing reason, a broken threshold and an invalid company level are named at the package's place")
    func badContent() throws {
        let package = try Self.package()
        let noReason = try Self.problems { object in
            var document = try #require(object["CFDocument"] as? [String: Any])
            document["notes"] = "no lines"
            object["CFDocument"] = document
        }
        #expect(
            noReason.contains {
                $0.hasPrefix("CFDocument.notes: the field \"Operation\" is not in the package, but no line")
            }, "\(noReason)")
        #expect(noReason.contains { $0.hasPrefix("CFDocument.notes: \"Facility Management\" of \"Operation Management\"") })
        let thresholdIndex = try #require(
            package.CFItems.firstIndex { $0.CFItemType == CASEItemKind.thresholdAdjustment.rawValue })
        let threshold = try Self.problems { object in
            var items = try Self.items(object)
            items[thresholdIndex]["abbreviatedStatement"] = "peak_staff at least fifty"
            object["CFItems"] = items
        }
        #expect(
            threshold.first?.hasPrefix("CFItems[\(thresholdIndex)].abbreviatedStatement: a threshold adjustment needs") == true)
        let levelIndex = try #require(package.CFItems.firstIndex { $0.fullStatement == "Owns the budget" })
        let level = try Self.problems { object in
            var items = try Self.items(object)
            items[levelIndex]["listEnumeration"] = "3"
            object["CFItems"] = items
        }
        let companyIndex = try #require(package.CFItems.firstIndex { $0.fullStatement == "Cloud Cost Control" })
        #expect(
            level.contains {
                $0.hasPrefix("CFItems[\(companyIndex)] (fields[0].company_items[0].levels[1].level): level 3")
            }, "\(level)")
        let renamed = try Self.problems { object in
            var items = try Self.items(object)
            let index = try #require(items.firstIndex { ($0["fullStatement"] as? String) == "Cloud Technology" })
            items[index].removeValue(forKey: "notes")
            object["CFItems"] = items
        }
        #expect(renamed.first?.contains(".notes: \"Cloud Technology\" is not the ITSS name \"Technology\"") == true, "\(renamed)")
    }
}
