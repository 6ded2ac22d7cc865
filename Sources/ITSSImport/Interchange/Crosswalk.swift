import Foundation
import ITSSDomain

/// How a node of the older edition relates to its counterpart in the newer one.
public enum CrosswalkKind: String, Codable, Sendable, Hashable, CaseIterable {
    /// The same skill.
    case same
    /// The older node covers part of the newer one.
    case narrower
    /// The older node covers more than the newer one.
    case broader
    /// Overlapping, neither contains the other.
    case related

    /// The CASE association type: `exactMatchOf` for the same skill, `isRelatedTo` otherwise.
    public var caseAssociationType: String { self == .same ? "exactMatchOf" : "isRelatedTo" }

    /// Whether a rating may be carried across this pair: the same, a narrower or a broader skill (a merely
    /// related one is shown but not carried).
    public var carriesRatings: Bool { self != .related }
}

/// Our crosswalk between two standards (the file `Resources/crosswalk.json`): field to field, item to item,
/// each pair with its kind and a one-line reason, and the fields left unpaired with the reason why.
///
/// `common` pairs hold for every field pair whose two fields both have the items (the items common to a job
/// category repeat in each of its fields); `items` pairs name their fields.
public struct Crosswalk: Codable, Sendable, Hashable {
    public struct StandardRef: Codable, Sendable, Hashable {
        public var standard: String
        public var version: String
        public var key: StandardKey { StandardKey(name: standard, version: version) }
    }

    public struct FieldPair: Codable, Sendable, Hashable {
        public var from: String
        public var to: String
        public var kind: CrosswalkKind
        public var reason: String
    }

    public struct CommonPair: Codable, Sendable, Hashable {
        public var from: String
        public var to: String
        public var kind: CrosswalkKind
        public var reason: String
    }

    public struct ItemPair: Codable, Sendable, Hashable {
        public var fromField: String
        public var from: String
        public var toField: String
        public var to: String
        public var kind: CrosswalkKind
        public var reason: String
    }

    public struct Unmatched: Codable, Sendable, Hashable {
        public var field: String
        public var item: String?
        public var reason: String
    }

    public var from: StandardRef
    public var to: StandardRef
    public var fields: [FieldPair]
    public var common: [CommonPair]
    public var items: [ItemPair]
    public var unmatched: [Unmatched]

    /// One resolved pair: a field pair (`fromItem` and `toItem` nil) or an item pair.
    public struct Pair: Codable, Sendable, Hashable {
        public var fromField: FieldReference
        public var fromItem: String?
        public var toField: FieldReference
        public var toItem: String?
        public var kind: CrosswalkKind
        public var reason: String
    }

    /// The shipped crosswalk.
    /// - Throws: `CrosswalkError` when the shipped file is missing or malformed (a build defect the tests catch).
    public static func builtIn() throws(CrosswalkError) -> Crosswalk {
        guard let url = Bundle.module.url(forResource: "crosswalk", withExtension: "json"),
            let data = try? Data(contentsOf: url)
        else { throw CrosswalkError(problems: ["crosswalk.json: not found in the bundle"]) }
        return try read(data, name: "crosswalk.json")
    }

    /// Reads a crosswalk file.
    /// - Throws: `CrosswalkError` naming the place of a malformed value.
    public static func read(_ data: Data, name: String) throws(CrosswalkError) -> Crosswalk {
        do {
            return try JSONDecoder().decode(Crosswalk.self, from: data)
        } catch let error as DecodingError {
            throw CrosswalkError(problems: ["\(name): " + CASEImport.describe(error)])
        } catch {
            throw CrosswalkError(problems: ["\(name): not JSON (\(error.localizedDescription))"])
        }
    }

    /// Every pair, resolved against a catalog holding both standards: field pairs, then for each field pair its
    /// common item pairs, then the named item pairs, in file order.
    /// - Throws: `CrosswalkError` listing every field or item the catalog does not have, with its place in the
    ///   file (`crosswalk.json: items[3].to: no skill item "X" in V3 2008 Service Desk`).
    public func pairs(in catalog: Catalog, name: String = "crosswalk.json") throws(CrosswalkError) -> [Pair] {
        var problems: [String] = []
        guard let source = catalog.standard(from.key) else {
            throw CrosswalkError(problems: ["\(name): from: no standard \(from.key) in the catalog"])
        }
        guard let target = catalog.standard(to.key) else {
            throw CrosswalkError(problems: ["\(name): to: no standard \(to.key) in the catalog"])
        }
        func field(_ standard: Standard, _ fieldName: String, _ place: String) -> SpecialtyField? {
            guard let field = standard.field(named: fieldName) else {
                problems.append("\(name): \(place): no field \"\(fieldName)\" in \(standard.key.version) \(standard.key.name)")
                return nil
            }
            return field
        }
        func item(_ field: SpecialtyField?, _ itemName: String, _ standard: Standard, _ place: String) -> Bool {
            guard let field else { return false }
            guard field.item(named: itemName) != nil else {
                problems.append("\(name): \(place): no skill item \"\(itemName)\" in \(standard.key.version) \(field.name)")
                return false
            }
            return true
        }
        func reference(_ standard: Standard, _ field: String) -> FieldReference {
            FieldReference(standard: standard.key, field: field)
        }
        var result: [Pair] = []
        var fieldPairs: [(SpecialtyField, SpecialtyField)] = []
        for (index, pair) in fields.enumerated() {
            let a = field(source, pair.from, "fields[\(index)].from")
            let b = field(target, pair.to, "fields[\(index)].to")
            guard let a, let b else { continue }
            fieldPairs.append((a, b))
            result.append(
                Pair(
                    fromField: reference(source, a.name), fromItem: nil, toField: reference(target, b.name), toItem: nil,
                    kind: pair.kind, reason: pair.reason))
        }
        for (index, pair) in common.enumerated() {
            let inSource = source.fields.contains { $0.item(named: pair.from) != nil }
            let inTarget = target.fields.contains { $0.item(named: pair.to) != nil }
            if !inSource { problems.append("\(name): common[\(index)].from: no skill item \"\(pair.from)\" in \(from.key)") }
            if !inTarget { problems.append("\(name): common[\(index)].to: no skill item \"\(pair.to)\" in \(to.key)") }
        }
        for (a, b) in fieldPairs {
            for pair in common where a.item(named: pair.from) != nil && b.item(named: pair.to) != nil {
                result.append(
                    Pair(
                        fromField: reference(source, a.name), fromItem: pair.from, toField: reference(target, b.name),
                        toItem: pair.to, kind: pair.kind, reason: pair.reason))
            }
        }
        for (index, pair) in items.enumerated() {
            let a = field(source, pair.fromField, "items[\(index)].fromField")
            let b = field(target, pair.toField, "items[\(index)].toField")
            let okA = item(a, pair.from, source, "items[\(index)].from")
            let okB = item(b, pair.to, target, "items[\(index)].to")
            guard okA, okB else { continue }
            result.append(
                Pair(
                    fromField: reference(source, pair.fromField), fromItem: pair.from, toField: reference(target, pair.toField),
                    toItem: pair.to, kind: pair.kind, reason: pair.reason))
        }
        for (index, entry) in unmatched.enumerated() {
            let a = field(source, entry.field, "unmatched[\(index)].field")
            if let itemName = entry.item { _ = item(a, itemName, source, "unmatched[\(index)].item") }
        }
        guard problems.isEmpty else { throw CrosswalkError(problems: problems) }
        return result
    }

    /// The pairs of one field or item of either standard (its counterparts), as pairs from that side.
    public func counterparts(
        of field: FieldReference, item: String?, in catalog: Catalog
    ) -> [Pair] {
        guard let pairs = try? pairs(in: catalog) else { return [] }
        return pairs.filter { pair in
            (pair.fromField == field && pair.fromItem == item) || (pair.toField == field && pair.toItem == item)
        }
    }

    /// The CASE links from a standard's fields and items to their counterparts, for its package; none when the
    /// standard is not one of the crosswalk's or the other one is not in the catalog (or the file does not match
    /// the catalog). Links go both ways: each side's package links to the other's nodes.
    public func caseLinks(from standard: Standard, in catalog: Catalog) -> [CASECrossLink] {
        guard standard.key == from.key || standard.key == to.key, let pairs = try? pairs(in: catalog),
            let source = catalog.standard(from.key), let target = catalog.standard(to.key)
        else { return [] }
        let forward = standard.key == from.key
        return pairs.compactMap { pair in
            let (field, item, otherField, otherItem, other) =
                forward
                ? (pair.fromField.field, pair.fromItem, pair.toField.field, pair.toItem, target)
                : (pair.toField.field, pair.toItem, pair.fromField.field, pair.fromItem, source)
            guard let destination = CASEExport.link(in: other, field: otherField, item: otherItem) else { return nil }
            let kind = forward ? pair.kind.rawValue : pair.kind.inverse.rawValue
            return CASECrossLink(
                field: field, item: item, associationType: pair.kind.caseAssociationType, destination: destination,
                notes: "crosswalk \(kind): \(pair.reason)")
        }
    }
}

extension CrosswalkKind {
    /// The kind seen from the other side: narrower ↔ broader.
    public var inverse: CrosswalkKind {
        switch self {
        case .narrower: .broader
        case .broader: .narrower
        default: self
        }
    }
}

/// A crosswalk that names something the catalog lacks, or a malformed file: every problem with its place.
public struct CrosswalkError: LocalizedError, Sendable, Hashable {
    public var problems: [String]

    public init(problems: [String]) { self.problems = problems }

    public var errorDescription: String? { problems.joined(separator: "\n") }
}

/// The crosswalk's pairs as CSV (`itss crosswalk export --format csv`).
public enum CrosswalkExport {
    /// The header, in column order.
    public static let columns = [
        "from_standard", "from_version", "from_field", "from_item", "to_standard", "to_version", "to_field", "to_item",
        "kind", "reason",
    ]

    /// One row per pair (field pairs have empty item columns); RFC 4180 quoting, "\n" line ends, header row.
    public static func csv(_ pairs: [Crosswalk.Pair]) -> String {
        var output = CSVRecord.line(columns)
        for pair in pairs {
            output += CSVRecord.line([
                pair.fromField.standard.name, pair.fromField.standard.version, pair.fromField.field, pair.fromItem ?? "",
                pair.toField.standard.name, pair.toField.standard.version, pair.toField.field, pair.toItem ?? "",
                pair.kind.rawValue, pair.reason,
            ])
        }
        return output
    }
}
