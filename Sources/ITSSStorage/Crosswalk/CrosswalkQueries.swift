import ITSSDomain
import ITSSImport

/// A counterpart of a field or item in the other edition, as seen from the one asked about.
public struct CrosswalkCounterpart: Sendable, Hashable, Codable {
    public var field: FieldReference
    /// The field's id, for links (nil if the field is not stored).
    public var fieldID: Int64?
    /// The counterpart item, or nil for a field pair.
    public var item: String?
    public var itemID: Int64?
    /// How the node asked about relates to the counterpart (`narrower`: it covers part of it).
    public var kind: CrosswalkKind
    public var reason: String
}

extension AppDatabase {
    /// The crosswalk counterparts of a field (`item` nil) or of one of its items, from either edition; empty
    /// when the crosswalk does not concern it or does not match the stored catalog. Reads the cached catalog.
    /// - Throws: the database error.
    public func crosswalkCounterparts(of field: FieldReference, item: String?) async throws -> [CrosswalkCounterpart] {
        let index = try await catalogIndex()
        guard let crosswalk = try? Crosswalk.builtIn() else { return [] }
        return crosswalk.counterparts(of: field, item: item, in: index.catalog).map { pair in
            let forward = pair.fromField == field
            let other = forward ? pair.toField : pair.fromField
            let otherItem = forward ? pair.toItem : pair.fromItem
            let entry = index.field(other)
            return CrosswalkCounterpart(
                field: other, fieldID: entry?.id, item: otherItem, itemID: otherItem.flatMap { entry?.itemIDs[$0] },
                kind: forward ? pair.kind : pair.kind.inverse, reason: pair.reason)
        }
    }
}

/// A field pair of the crosswalk, older edition first.
public struct CrosswalkFieldPair: Sendable, Hashable, Codable {
    public var from: FieldReference
    public var to: FieldReference
    public var kind: CrosswalkKind
}

extension AppDatabase {
    /// The crosswalk's field pairs against the stored catalog (none when it does not match the catalog).
    /// - Throws: the database error.
    public func crosswalkFieldPairs() async throws -> [CrosswalkFieldPair] {
        let catalog = try await catalogIndex().catalog
        guard let pairs = try? Crosswalk.builtIn().pairs(in: catalog) else { return [] }
        return pairs.filter { $0.fromItem == nil }.map { CrosswalkFieldPair(from: $0.fromField, to: $0.toField, kind: $0.kind) }
    }
}
