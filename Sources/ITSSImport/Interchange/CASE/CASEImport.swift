import Foundation
import ITSSDomain

/// A CASE package that cannot be imported: every problem found, each naming its place
/// (`CFItems[12].identifier: duplicate of CFItems[3]`). Nothing is imported.
public struct CASEPackageError: LocalizedError, Sendable, Hashable {
    /// `place: message`, in the order found.
    public var problems: [String]

    public init(problems: [String]) { self.problems = problems }

    public var errorDescription: String? {
        problems.count == 1
            ? problems[0] : "\(problems.count) problems:\n" + problems.map { "  " + $0 }.joined(separator: "\n")
    }
}

/// Reads a CASE 1.1 package of the shape `CASEExport` writes back into a standard.
///
/// The level texts are read as given (no errata); scale conditions are derived from them as the document importer
/// does. Associations other than `isChildOf` and `hasSkillLevel` (the crosswalk's `exactMatchOf` and
/// `isRelatedTo`, which may point into another package) are not part of the standard and are ignored.
public enum CASEImport {
    /// The largest package read, in bytes (16 MiB): both shipped standards export to well under 1 MiB.
    public static let maximumBytes = 16 * 1_048_576

    /// Whether `bytes` look like JSON (the first character that is not white space is `{`), as opposed to an
    /// ITSS text document.
    public static func looksLikeJSON(_ bytes: [UInt8]) -> Bool {
        bytes.first { ![0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) } == UInt8(ascii: "{")
    }

    /// Reads a package.
    /// - Throws: `CASEPackageError` listing every problem with its place.
    public static func read(_ bytes: [UInt8], fileName: String) throws(CASEPackageError) -> ImportedDocument {
        var reader = PackageReader(try decode(bytes))
        let standard = reader.standard(
            source: SourceInfo(
                fileName: fileName, sha256: SHA256.hex(bytes),
                lineCount: bytes.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }))
        guard let standard, reader.problems.isEmpty else { throw CASEPackageError(problems: reader.problems) }
        return ImportedDocument(standard: standard, diagnostics: [])
    }

    /// The lenient shape of a package of at most `maximumBytes`.
    /// - Throws: `CASEPackageError` for too many bytes, or JSON that does not have the shape (naming the place).
    static func decode(_ bytes: [UInt8]) throws(CASEPackageError) -> RawPackage {
        guard bytes.count <= maximumBytes else {
            throw CASEPackageError(problems: ["the package has \(bytes.count) bytes; at most \(maximumBytes) are read"])
        }
        do {
            return try JSONDecoder().decode(RawPackage.self, from: Data(bytes))
        } catch let error as DecodingError {
            throw CASEPackageError(problems: [describe(error)])
        } catch {
            throw CASEPackageError(problems: ["not JSON: \(error.localizedDescription)"])
        }
    }

    /// `CFItems[3].fullStatement: expected a string` from a decoding error's path.
    static func describe(_ error: DecodingError) -> String {
        func place(_ path: [any CodingKey]) -> String {
            var text = ""
            for key in path {
                if let index = key.intValue {
                    text += "[\(index)]"
                } else {
                    text += (text.isEmpty ? "" : ".") + key.stringValue
                }
            }
            return text.isEmpty ? "the package" : text
        }
        switch error {
        case let .typeMismatch(type, context):
            return
                "\(place(context.codingPath)): expected \(type == String.self ? "a string" : type == Int.self ? "a whole number" : "\(type)")"
        case let .valueNotFound(_, context):
            return "\(place(context.codingPath)): missing"
        case let .keyNotFound(key, context):
            return "\(place(context.codingPath + [key])): missing"
        case let .dataCorrupted(context):
            return context.codingPath.isEmpty
                ? "not JSON (\(context.debugDescription))" : "\(place(context.codingPath)): \(context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }

    // MARK: - Lenient shapes: every property optional, so that missing ones are reported with their place.

    struct RawLink: Decodable {
        var identifier: String?
        var title: String?
        var uri: String?
    }

    struct RawDocument: Decodable {
        var identifier: String?
        var uri: String?
        var creator: String?
        var title: String?
        var version: String?
        var lastChangeDateTime: String?
        var description: String?
        var notes: String?
    }

    struct RawItem: Decodable {
        var identifier: String?
        var uri: String?
        var fullStatement: String?
        var lastChangeDateTime: String?
        var listEnumeration: String?
        var CFItemType: String?
        var abbreviatedStatement: String?
        var notes: String?
    }

    struct RawAssociation: Decodable {
        var identifier: String?
        var uri: String?
        var associationType: String?
        var originNodeURI: RawLink?
        var destinationNodeURI: RawLink?
        var lastChangeDateTime: String?
        var sequenceNumber: Int?
    }

    struct RawPackage: Decodable {
        var CFDocument: RawDocument?
        var CFItems: [RawItem]?
        var CFAssociations: [RawAssociation]?
    }
}

/// The association types of CASE 1.1.
let caseAssociationTypes: Set<String> = [
    "isChildOf", "isPeerOf", "isPartOf", "exactMatchOf", "precedes", "isRelatedTo", "replacedBy", "exemplar",
    "hasSkillLevel", "isTranslationOf",
]

/// Checks a lenient package and builds the standard, collecting every problem.
struct PackageReader {
    let raw: CASEImport.RawPackage
    var problems: [String] = []

    init(_ raw: CASEImport.RawPackage) { self.raw = raw }

    /// A node of the package: the document or an item (by index).
    enum Node: Hashable {
        case document
        case item(Int)
    }

    /// Child → (parent, sequence) by `isChildOf`; item → [(level statement, sequence)] by `hasSkillLevel`.
    struct Structure {
        var parent: [Int: (node: Node, sequence: Int?, association: Int)] = [:]
        var children: [Node: [(item: Int, sequence: Int?)]] = [:]
        var levels: [Int: [(item: Int, sequence: Int?)]] = [:]
        var levelOwner: [Int: Int] = [:]
    }

    mutating func problem(_ place: String, _ message: String) { problems.append("\(place): \(message)") }

    mutating func required(_ value: String?, _ place: String) -> String? {
        // Blank means only white space (as `.whitespacesAndNewlines`), checked without Foundation's bridging: this
        // runs for every property of every item and association.
        guard let value, !value.unicodeScalars.allSatisfy(\.properties.isWhitespace) else {
            problem(place, "missing")
            return nil
        }
        return value
    }

    mutating func identifier(_ value: String?, _ place: String) -> String? {
        guard let value = required(value, place) else { return nil }
        guard UUIDv5.bytes(value) != nil else {
            problem(place, "\"\(value.prefix(60))\" is not a UUID")
            return nil
        }
        return value.lowercased()
    }

    /// What the checks of a package's common shape found: the document's properties, the items' kinds and the
    /// structure (`isChildOf`, `hasSkillLevel`), and every identifier's node.
    struct Parsed {
        var title: String
        var version: String
        var items: [CASEImport.RawItem]
        var kinds: [Int: CASEItemKind]
        var structure: Structure
        var nodes: [String: Node]
    }

    mutating func standard(source: SourceInfo) -> Standard? {
        guard let parsed = parse(kinds: CASEItemKind.standardKinds) else { return nil }
        return build(
            StandardKey(name: parsed.title, version: parsed.version), items: parsed.items, kinds: parsed.kinds,
            structure: parsed.structure, source: source)
    }

    /// Checks what every package of ours has: required properties, unique identifiers, item types among `allowed`,
    /// association types of CASE 1.1 (or `ext:`), and the structure's ends inside the package. `nil` when a
    /// problem was found.
    mutating func parse(kinds allowed: [CASEItemKind]) -> Parsed? {
        guard let document = raw.CFDocument else {
            problem("CFDocument", "missing")
            return nil
        }
        let documentID = identifier(document.identifier, "CFDocument.identifier")
        _ = required(document.uri, "CFDocument.uri")
        _ = required(document.creator, "CFDocument.creator")
        _ = required(document.lastChangeDateTime, "CFDocument.lastChangeDateTime")
        let title = required(document.title, "CFDocument.title")
        let version = required(document.version, "CFDocument.version")
        let items = raw.CFItems ?? []
        let associations = raw.CFAssociations ?? []
        if raw.CFItems == nil { problem("CFItems", "missing") }

        // Items: required properties, unique identifiers, known types.
        var nodes: [String: Node] = [:]
        if let documentID { nodes[documentID] = .document }
        var kinds: [Int: CASEItemKind] = [:]
        var firstIndex: [String: Int] = [:]
        for (index, item) in items.enumerated() {
            let place = "CFItems[\(index)]"
            let id = identifier(item.identifier, place + ".identifier")
            _ = required(item.uri, place + ".uri")
            _ = required(item.fullStatement, place + ".fullStatement")
            _ = required(item.lastChangeDateTime, place + ".lastChangeDateTime")
            if let type = required(item.CFItemType, place + ".CFItemType") {
                if let kind = allowed.first(where: { $0.rawValue == type }) {
                    kinds[index] = kind
                } else {
                    problem(
                        place + ".CFItemType",
                        "\"\(type.prefix(60))\" is not one of " + allowed.map { "\"\($0.rawValue)\"" }.joined(separator: ", "))
                }
            }
            if kinds[index] == .levelStatement {
                if Int(item.listEnumeration ?? "").map({ (1...7).contains($0) }) != true {
                    problem(place + ".listEnumeration", "a level statement needs its level (1-7)")
                }
            }
            guard let id else { continue }
            if let first = firstIndex[id] {
                problem(place + ".identifier", "duplicate of CFItems[\(first)]")
            } else if id == documentID {
                problem(place + ".identifier", "duplicate of CFDocument")
            } else {
                firstIndex[id] = index
                nodes[id] = .item(index)
            }
        }

        // Associations: required properties, unique identifiers, the structure's ends inside the package.
        var structure = Structure()
        var seenAssociations: [String: Int] = [:]
        for (index, association) in associations.enumerated() {
            let place = "CFAssociations[\(index)]"
            if let id = identifier(association.identifier, place + ".identifier") {
                if let first = seenAssociations[id] {
                    problem(place + ".identifier", "duplicate of CFAssociations[\(first)]")
                } else {
                    seenAssociations[id] = index
                }
            }
            _ = required(association.uri, place + ".uri")
            _ = required(association.lastChangeDateTime, place + ".lastChangeDateTime")
            let origin = identifier(association.originNodeURI?.identifier, place + ".originNodeURI.identifier")
            let destination = identifier(
                association.destinationNodeURI?.identifier, place + ".destinationNodeURI.identifier")
            guard let type = required(association.associationType, place + ".associationType") else { continue }
            guard caseAssociationTypes.contains(type) || type.hasPrefix("ext:") else {
                problem(place + ".associationType", "\"\(type.prefix(60))\" is not a CASE 1.1 association type")
                continue
            }
            // Only the structure must stay inside the package; other links may point to other frameworks.
            guard type == "isChildOf" || type == "hasSkillLevel", let origin, let destination else { continue }
            guard let from = nodes[origin] else {
                problem(place + ".originNodeURI.identifier", "no CFItem of this package has identifier \(origin)")
                continue
            }
            guard let to = nodes[destination] else {
                problem(
                    place + ".destinationNodeURI.identifier",
                    "no CFItem or CFDocument of this package has identifier \(destination)")
                continue
            }
            guard case let .item(child) = from else {
                problem(place + ".originNodeURI.identifier", "the CFDocument cannot be the origin of \(type)")
                continue
            }
            if type == "isChildOf" {
                if let existing = structure.parent[child] {
                    problem(place, "CFItems[\(child)] is already a child (CFAssociations[\(existing.association)])")
                    continue
                }
                structure.parent[child] = (to, association.sequenceNumber, index)
                structure.children[to, default: []].append((child, association.sequenceNumber))
            } else {
                guard case let .item(level) = to, kinds[level] == .levelStatement else {
                    problem(place + ".destinationNodeURI.identifier", "hasSkillLevel must lead to a level statement")
                    continue
                }
                if let owner = structure.levelOwner[level] {
                    problem(place, "CFItems[\(level)] is already a level of CFItems[\(owner)]")
                    continue
                }
                structure.levelOwner[level] = child
                structure.levels[child, default: []].append((level, association.sequenceNumber))
            }
        }
        guard problems.isEmpty, let title, let version else { return nil }
        return Parsed(title: title, version: version, items: items, kinds: kinds, structure: structure, nodes: nodes)
    }

    /// The children in sequence order (then package order).
    static func ordered(_ children: [(item: Int, sequence: Int?)]) -> [Int] {
        children.sorted { ($0.sequence ?? .max, $0.item) < ($1.sequence ?? .max, $1.item) }.map(\.item)
    }

    mutating func build(
        _ key: StandardKey, items: [CASEImport.RawItem], kinds: [Int: CASEItemKind], structure: Structure,
        source: SourceInfo
    ) -> Standard? {
        func statement(_ index: Int) -> String { items[index].fullStatement ?? "" }
        // Every item sits where its type says.
        for index in items.indices {
            let place = "CFItems[\(index)]"
            let parent = structure.parent[index]?.node
            let parentKind: CASEItemKind? = if case let .item(p) = parent { kinds[p] } else { nil }
            switch kinds[index] {
            case .specialtyField, .sharedLevels:
                if parent != .document { problem(place, "a field must be a child of the CFDocument (isChildOf)") }
            case .commonSkillItem, .specificSkillItem:
                if parentKind != .specialtyField, parentKind != .sharedLevels {
                    problem(place, "a skill item must be a child of a field (isChildOf)")
                }
                if structure.levels[index, default: []].isEmpty {
                    problem(place, "a skill item needs at least one level statement (hasSkillLevel)")
                }
            case .knowledgeItem:
                if parentKind != .commonSkillItem, parentKind != .specificSkillItem {
                    problem(place, "a knowledge item must be a child of a skill item (isChildOf)")
                }
            case .levelStatement:
                if structure.levelOwner[index] == nil {
                    problem(place, "a level statement must be the level of a skill item (hasSkillLevel)")
                }
            case .companySkillItem, .thresholdAdjustment, nil: break  // not read from a standard's package
            }
        }
        var fields: [SpecialtyField] = []
        for fieldIndex in Self.ordered(structure.children[.document] ?? []) {
            var skillItems: [SkillItem] = []
            for itemIndex in Self.ordered(structure.children[.item(fieldIndex)] ?? []) {
                var levels: [LevelDescription] = []
                var seen: [Int: Int] = [:]
                for levelIndex in Self.ordered(structure.levels[itemIndex] ?? []) {
                    let level = Int(items[levelIndex].listEnumeration ?? "") ?? 0
                    if let other = seen[level] {
                        problem(
                            "CFItems[\(levelIndex)].listEnumeration",
                            "level \(level) of CFItems[\(itemIndex)] is also CFItems[\(other)]")
                        continue
                    }
                    seen[level] = levelIndex
                    let text = statement(levelIndex)
                    levels.append(
                        LevelDescription(
                            level: level, text: text, scale: ScaleConditionReader.condition(of: text), line: levelIndex + 1))
                }
                let knowledge = Self.ordered(structure.children[.item(itemIndex)] ?? []).map(statement)
                skillItems.append(
                    SkillItem(
                        name: statement(itemIndex), scope: kinds[itemIndex] == .commonSkillItem ? .common : .specific,
                        levels: levels, knowledgeItems: knowledge, line: itemIndex + 1))
            }
            fields.append(
                SpecialtyField(
                    name: statement(fieldIndex), kind: kinds[fieldIndex] == .sharedLevels ? .sharedLevels : .specialty,
                    items: skillItems, line: fieldIndex + 1))
        }
        if fields.isEmpty, problems.isEmpty { problem("CFItems", "no field is a child of the CFDocument") }
        guard problems.isEmpty else { return nil }
        return Standard(key: key, fields: fields, overview: [], source: source)
    }
}
