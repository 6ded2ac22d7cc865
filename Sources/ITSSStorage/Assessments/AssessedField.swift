import ITSSDomain

/// A specialty field as people are assessed in it: the effective field (for V2 with the shared levels 1–2 merged
/// in), its items with their level texts and knowledge items, and the ids the `rate` use case takes.
public struct AssessedField: Sendable {
    public var reference: FieldReference
    /// The effective field: items in document order, each with the level texts it defines.
    public var field: SpecialtyField
    /// Item name → the item id `rate(assessment:item:…)` takes.
    public var itemIDs: [String: Int64]
}

extension AppDatabase {
    /// The field an assessment is of, with its items and their ids, from the cached catalog index (no catalog
    /// read unless another process changed the catalog).
    /// - Throws: `StorageError.notFound` for a field that is not (or no longer) in the catalog.
    public func assessedField(_ reference: FieldReference) async throws -> AssessedField {
        guard let entry = try await catalogIndex().field(reference) else {
            throw StorageError.notFound(what: "specialty field \(reference)")
        }
        return AssessedField(reference: entry.reference, field: entry.effective, itemIDs: entry.itemIDs)
    }

    /// Every field people can be assessed in (shared-level sections left out), in catalog order.
    /// - Throws: database errors.
    public func assessableFields() async throws -> [FieldReference] {
        try await catalogIndex().fields.filter { $0.effective.kind == .specialty }.map(\.reference)
    }
}
