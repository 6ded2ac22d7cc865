import ITSSDomain

/// A specialty field (or shared-levels section) with its database id, for listings that link to it.
public struct CatalogFieldSummary: Sendable, Hashable {
    public var id: Int64
    public var reference: FieldReference
    public var kind: FieldKind
    /// Items of the field as assessed (shared-level items merged in).
    public var itemCount: Int
    /// Levels the field defines as assessed, ascending.
    public var definedLevels: [Int]
}

/// A field as the catalog pages show it: the field as assessed, its standard (to tell shared levels apart) and
/// the id of each item's row (a shared item's id is the shared section's).
public struct CatalogFieldDetail: Sendable {
    public var id: Int64
    public var standard: Standard
    /// The field as assessed: for V2 fields with the shared levels 1–2 merged in.
    public var field: SpecialtyField
    /// Item name → the id of the item's row.
    public var itemIDs: [String: Int64]

    public var reference: FieldReference { FieldReference(standard: standard.key, field: field.name) }
}

/// One skill item with its id and the field (section) it is stated in.
public struct CatalogItemDetail: Sendable {
    public var id: Int64
    /// The field or shared-levels section whose item it is.
    public var fieldID: Int64
    public var standard: Standard
    /// The field as stated in the document (not merged).
    public var field: SpecialtyField
    public var item: SkillItem
}

extension AppDatabase {
    /// Every current field and shared-levels section with its id, in catalog order. Served from the cached
    /// catalog index (no query beyond the catalog's signature).
    /// - Throws: database errors.
    public func catalogFieldSummaries() async throws -> [CatalogFieldSummary] {
        try await catalogIndex().fields.map { entry in
            CatalogFieldSummary(
                id: entry.id, reference: entry.reference, kind: entry.effective.kind,
                itemCount: entry.effective.items.count, definedLevels: entry.effective.definedLevels)
        }
    }

    /// The current catalog from the cache the use cases share (re-read only when a standard was imported or
    /// replaced, by this or another process): for searching on every request without reading every level text.
    /// - Throws: database errors.
    public func cachedCatalog() async throws -> Catalog {
        try await catalogIndex().catalog
    }

    /// The field with this id, as assessed, with its standard and item ids.
    /// - Throws: `StorageError.notFound` for an unknown or retired field.
    public func catalogFieldDetail(id: Int64) async throws -> CatalogFieldDetail {
        let index = try await catalogIndex()
        guard let entry = index.field(id: id), let standard = index.catalog.standard(entry.reference.standard) else {
            throw StorageError.notFound(what: "specialty field #\(id)")
        }
        return CatalogFieldDetail(id: entry.id, standard: standard, field: entry.effective, itemIDs: entry.itemIDs)
    }

    /// The skill item with this id and the field it is stated in.
    /// - Throws: `StorageError.notFound` for an unknown or retired item.
    public func catalogItemDetail(id: Int64) async throws -> CatalogItemDetail {
        let index = try await catalogIndex()
        for entry in index.fields {
            guard let name = entry.itemNames[id], let standard = index.catalog.standard(entry.reference.standard),
                let stated = standard.field(named: entry.reference.field), let item = stated.item(named: name)
            else { continue }
            return CatalogItemDetail(id: id, fieldID: entry.id, standard: standard, field: stated, item: item)
        }
        throw StorageError.notFound(what: "skill item #\(id)")
    }
}
