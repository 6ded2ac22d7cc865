import ITSSDomain

/// Catalog reads by field reference, answered from the cached catalog index (no query beyond the index's
/// revision check). Reads by id are in `CatalogBrowsing.swift`.
extension AppDatabase {
    /// One field by reference, as assessed.
    /// - Throws: `StorageError.notFound` for a field that is not (or no longer) in the catalog.
    public func catalogField(_ reference: FieldReference) async throws -> CatalogFieldDetail {
        let index = try await catalogIndex()
        guard let entry = index.field(reference), let standard = index.catalog.standard(reference.standard) else {
            throw StorageError.notFound(what: "specialty field \(reference.field)")
        }
        return CatalogFieldDetail(id: entry.id, standard: standard, field: entry.effective, itemIDs: entry.itemIDs)
    }

    /// The ids of fields by reference (fields no longer in the catalog are left out).
    /// - Throws: database errors.
    public func fieldIDs(of references: [FieldReference]) async throws -> [FieldReference: Int64] {
        let index = try await catalogIndex()
        var result: [FieldReference: Int64] = [:]
        for reference in references { if let entry = index.field(reference) { result[reference] = entry.id } }
        return result
    }
}
