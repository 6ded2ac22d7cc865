import Foundation
import ITSSDomain

/// A link of ours from a node of a standard to a node of another (the V2 ↔ V3 crosswalk), exported as a
/// CASE association (`exactMatchOf` for the same skill, `isRelatedTo` otherwise).
public struct CASECrossLink: Sendable, Hashable {
    /// The field of the exporting standard the link starts from.
    public var field: String
    /// The skill item of that field, or `nil` for a link of the field itself.
    public var item: String?
    /// `exactMatchOf` or `isRelatedTo`.
    public var associationType: String
    /// The node of the other standard.
    public var destination: CASEPackage.Link
    /// Why (kind and reason), for `notes`.
    public var notes: String

    public init(field: String, item: String?, associationType: String, destination: CASEPackage.Link, notes: String) {
        self.field = field
        self.item = item
        self.associationType = associationType
        self.destination = destination
        self.notes = notes
    }
}

/// Exports a standard as a CASE 1.1 package (`CFPackage`), deterministically: identifiers are UUIDv5 of the
/// standard and each object's path, `lastChangeDateTime` comes from the edition, and order follows the document.
/// `docs/case.md` describes the mapping.
public enum CASEExport {
    /// The package of one standard.
    /// - Parameter links: Crosswalk links starting from this standard's fields and items; links naming a field
    ///   or item the standard does not have are left out.
    public static func package(_ standard: Standard, links: [CASECrossLink] = []) -> CASEPackage {
        let changed = CASEIdentifiers.lastChange(standard.key)
        let id = CASEIdentifiers.document(standard.key)
        var builder = Builder(
            document: CASEPackage.Link(title: standard.key.name, identifier: id, uri: CASEIdentifiers.uri(id)), changed: changed)
        builder.build(standard, links: links)
        return builder.package(
            CASEPackage.Document(
                identifier: id, uri: CASEIdentifiers.uri(id), creator: "IPA (Information-technology Promotion Agency, Japan)",
                title: standard.key.name, lastChangeDateTime: changed, publisher: "IPA",
                description:
                    "ITSS \(standard.key.version) \(standard.key.name): skill proficiency texts by specialty field, as exported by itss.",
                subject: ["IT Skill Standard (ITSS)"], language: "en", version: standard.key.version,
                adoptionStatus: "Adopted", frameworkType: "Skill standard", caseVersion: "1.1", notes: nil,
                CFPackageURI: builder.document),
            kinds: CASEItemKind.standardKinds)
    }

    /// The link to a field or skill item of a standard (for crosswalk destinations), or `nil` if it has none.
    public static func link(in standard: Standard, field: String, item: String?) -> CASEPackage.Link? {
        guard let fieldIndex = standard.fields.firstIndex(where: { $0.name == field }) else { return nil }
        let fieldPath = CASEIdentifiers.fieldPath(standard.key, field, ordinal: 1)
        guard let item else {
            let id = CASEIdentifiers.identifier(fieldPath)
            return CASEPackage.Link(title: field, identifier: id, uri: CASEIdentifiers.uri(id))
        }
        guard standard.fields[fieldIndex].items.contains(where: { $0.name == item }) else { return nil }
        let id = CASEIdentifiers.identifier(CASEIdentifiers.itemPath(fieldPath, item))
        return CASEPackage.Link(title: item, identifier: id, uri: CASEIdentifiers.uri(id))
    }

    /// A package as JSON: pretty-printed with sorted keys, `/` not escaped, UTF-8, ending with a line feed; the
    /// same package always gives the same bytes.
    /// - Throws: `EncodingError`, which the package's value types (strings and integers) do not cause.
    public static func json(_ package: CASEPackage) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(package)
        data.append(UInt8(ascii: "\n"))
        return data
    }

    /// A file name for a standard's package: `itss-v3-2008-it-service-management.case.json`.
    public static func fileName(_ key: StandardKey) -> String {
        let words = "itss \(key.version) \(key.name)".lowercased().split(whereSeparator: {
            !($0.isASCII && ($0.isLetter || $0.isNumber))
        })
        return words.joined(separator: "-") + ".case.json"
    }

    /// Collects the items and associations of a package in document order (a standard's, or a profile's derived
    /// one), with identifiers from paths.
    struct Builder {
        let changed: String
        let document: CASEPackage.Link
        var items: [CASEPackage.Item] = []
        var associations: [CASEPackage.Association] = []

        init(document: CASEPackage.Link, changed: String) {
            self.document = document
            self.changed = changed
        }

        /// The package of `document` with what was built, defining the item types `kinds`.
        func package(_ document: CASEPackage.Document, kinds: [CASEItemKind]) -> CASEPackage {
            CASEPackage(
                CFDocument: document, CFItems: items, CFAssociations: associations,
                CFDefinitions: CASEPackage.Definitions(
                    CFItemTypes: kinds.map { kind in
                        let id = CASEIdentifiers.itemType(kind)
                        return CASEPackage.ItemType(
                            identifier: id, uri: CASEIdentifiers.uri(id), title: kind.rawValue, description: kind.meaning,
                            hierarchyCode: kind.code, typeCode: kind.code, lastChangeDateTime: changed)
                    }))
        }

        /// The standard's fields, skill items, level statements and knowledge items, then the crosswalk links.
        mutating func build(_ standard: Standard, links: [CASECrossLink]) {
            var fieldCounts: [String: Int] = [:]
            for (fieldNumber, field) in standard.fields.enumerated() {
                fieldCounts[field.name, default: 0] += 1
                let fieldPath = CASEIdentifiers.fieldPath(standard.key, field.name, ordinal: fieldCounts[field.name] ?? 1)
                let fieldLink = add(
                    fieldPath, field.name, kind: field.kind == .sharedLevels ? .sharedLevels : .specialtyField,
                    enumeration: fieldNumber + 1)
                relate(fieldLink, "isChildOf", document, sequence: fieldNumber + 1)
                var itemCounts: [String: Int] = [:]
                for (itemNumber, item) in field.items.enumerated() {
                    itemCounts[item.name, default: 0] += 1
                    let itemPath = CASEIdentifiers.itemPath(fieldPath, item.name, ordinal: itemCounts[item.name] ?? 1)
                    let itemLink = add(
                        itemPath, item.name, kind: item.scope == .common ? .commonSkillItem : .specificSkillItem,
                        enumeration: itemNumber + 1)
                    relate(itemLink, "isChildOf", fieldLink, sequence: itemNumber + 1)
                    addLevels(item.levels, of: itemLink, path: itemPath)
                    addKnowledge(item.knowledgeItems, of: itemLink, path: itemPath)
                }
            }
            for link in links {
                guard let origin = CASEExport.link(in: standard, field: link.field, item: link.item) else { continue }
                relate(origin, link.associationType, link.destination, sequence: nil, notes: link.notes)
            }
        }

        /// Adds the level statements of a skill item (`hasSkillLevel`); `derived` gives the `ext:isDerivedFrom`
        /// destination of each level, if any.
        mutating func addLevels(
            _ levels: [LevelDescription], of item: CASEPackage.Link, path: [String],
            derived: (Int) -> CASEPackage.Link? = { _ in nil }
        ) {
            for level in levels {
                let levelLink = add(
                    path + ["level", String(level.level)], level.text, kind: .levelStatement, enumeration: level.level,
                    abbreviated: "Level \(level.level)")
                relate(item, "hasSkillLevel", levelLink, sequence: level.level)
                if let origin = derived(level.level) { relate(levelLink, CASEProfileExport.derivedFrom, origin, sequence: nil) }
            }
        }

        /// Adds knowledge items of a skill item (`isChildOf`), numbered from `first`; `derived` gives the
        /// `ext:isDerivedFrom` destination and `notes` the notes of each (by its number).
        mutating func addKnowledge(
            _ knowledge: [String], of item: CASEPackage.Link, path: [String], first: Int = 1, segment: String = "knowledge",
            derived: (Int) -> CASEPackage.Link? = { _ in nil }, notes: (Int) -> String? = { _ in nil }
        ) {
            for (offset, text) in knowledge.enumerated() {
                let number = first + offset
                let link = add(
                    path + [segment, String(number - first + 1)], text, kind: .knowledgeItem, enumeration: number,
                    notes: notes(number))
                relate(link, "isChildOf", item, sequence: number)
                if let origin = derived(number) { relate(link, CASEProfileExport.derivedFrom, origin, sequence: nil) }
            }
        }

        /// Adds an item and returns the link to it.
        mutating func add(
            _ path: [String], _ statement: String, kind: CASEItemKind, enumeration: Int, abbreviated: String? = nil,
            notes: String? = nil
        ) -> CASEPackage.Link {
            let id = CASEIdentifiers.identifier(path)
            let typeID = CASEIdentifiers.itemType(kind)
            items.append(
                CASEPackage.Item(
                    identifier: id, uri: CASEIdentifiers.uri(id), fullStatement: statement, lastChangeDateTime: changed,
                    CFDocumentURI: document, abbreviatedStatement: abbreviated, humanCodingScheme: nil,
                    listEnumeration: String(enumeration), CFItemType: kind.rawValue,
                    CFItemTypeURI: CASEPackage.Link(title: kind.rawValue, identifier: typeID, uri: CASEIdentifiers.uri(typeID)),
                    language: "en", notes: notes))
            return CASEPackage.Link(title: Self.title(statement), identifier: id, uri: CASEIdentifiers.uri(id))
        }

        /// Adds an association from `origin` to `destination`.
        mutating func relate(
            _ origin: CASEPackage.Link, _ type: String, _ destination: CASEPackage.Link, sequence: Int?, notes: String? = nil
        ) {
            let id = CASEIdentifiers.identifier(["association", origin.identifier, type, destination.identifier])
            associations.append(
                CASEPackage.Association(
                    identifier: id, uri: CASEIdentifiers.uri(id), associationType: type, originNodeURI: origin,
                    destinationNodeURI: destination, lastChangeDateTime: changed, sequenceNumber: sequence,
                    notes: notes))
        }

        /// A link's title: the statement, shortened to 100 characters for long level texts.
        static func title(_ statement: String) -> String {
            // At most 100 UTF-8 bytes is at most 100 characters, without counting them.
            statement.utf8.count <= 100 || statement.count <= 100 ? statement : String(statement.prefix(99)) + "…"
        }
    }
}
