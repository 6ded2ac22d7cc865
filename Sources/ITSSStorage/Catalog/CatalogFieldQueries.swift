import ITSSDomain

/// A specialty field as listed, with the id other reads and writes take.
public struct CatalogFieldSummary: Sendable, Hashable {
    public var id: Int64
    public var reference: FieldReference
    public var kind: FieldKind
    /// The items of the field as assessed (for V2 fields, the shared levels 1–2 merged in).
    public var itemCount: Int
    public var definedLevels: [Int]
}

/// A specialty field as assessed, with the ids of its items (the ids ratings refer to).
public struct CatalogFieldDetail: Sendable, Hashable {
    public var id: Int64
    public var reference: FieldReference
    /// The effective field: items with their level texts and knowledge items, in field order.
    public var field: SpecialtyField
    /// Item name → item id.
    public var itemIDs: [String: Int64]
}

/// Catalog reads by id, answered from the cached catalog index (no query beyond the index's revision check).
extension AppDatabase {
    /// Every current specialty field (and shared-levels section), standard by standard in catalog order.
    /// - Throws: database errors.
    public func catalogFieldSummaries() async throws -> [CatalogFieldSummary] {
        try await catalogIndex().fields.map { entry in
            CatalogFieldSummary(
                id: entry.id, reference: entry.reference, kind: entry.effective.kind, itemCount: entry.effective.items.count,
                definedLevels: entry.effective.definedLevels)
        }
    }

    /// One field by id, as assessed.
    /// - Throws: `StorageError.notFound` for an unknown id.
    public func catalogField(id: Int64) async throws -> CatalogFieldDetail {
        guard let entry = try await catalogIndex().field(id: id) else {
            throw StorageError.notFound(what: "specialty field #\(id)")
        }
        return CatalogFieldDetail(id: entry.id, reference: entry.reference, field: entry.effective, itemIDs: entry.itemIDs)
    }

    /// One field by reference, as assessed.
    /// - Throws: `StorageError.notFound` for a field that is not (or no longer) in the catalog.
    public func catalogField(_ reference: FieldReference) async throws -> CatalogFieldDetail {
        guard let entry = try await catalogIndex().field(reference) else {
            throw StorageError.notFound(what: "specialty field \(reference.field)")
        }
        return CatalogFieldDetail(id: entry.id, reference: entry.reference, field: entry.effective, itemIDs: entry.itemIDs)
    }

    /// The ids of fields by reference (fields no longer in the catalog are left out).
    /// - Throws: database errors.
    public func fieldIDs(of references: [FieldReference]) async throws -> [FieldReference: Int64] {
        let index = try await catalogIndex()
        var result: [FieldReference: Int64] = [:]
        for reference in references { if let entry = index.field(reference) { result[reference] = entry.id } }
        return result
    }

    /// The current catalog from the cached index: what `catalog()` reads, without reading it again.
    /// - Throws: database errors.
    public func cachedCatalog() async throws -> Catalog {
        try await catalogIndex().catalog
    }
}
