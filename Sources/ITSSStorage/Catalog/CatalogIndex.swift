import ITSSDomain
import SQLKit

/// The catalog with the database ids of its fields and items, for the people-side use cases.
///
/// Built once per catalog state and cached; `signature` (every standard's revision) tells when another
/// process — or another `itss serve` instance — changed the catalog.
struct CatalogIndex: Sendable {
    struct FieldEntry: Sendable {
        var id: Int64
        var reference: FieldReference
        /// The field as assessed: for V2 fields with the shared levels 1–2 merged in.
        var effective: SpecialtyField
        /// The effective field prepared for fast level evaluation.
        var compiled: CompiledField
        /// Item name → the id of the row its ratings refer to (the field's own item, else the shared section's).
        var itemIDs: [String: Int64]
        /// Item id → item name (the inverse of `itemIDs`).
        var itemNames: [Int64: String]

        /// Resolves an item name as typed within the effective field.
        /// - Throws: `StorageError.notFound` / `.refused` with the lookup's message.
        func resolveItem(_ query: String) throws -> (item: SkillItem, id: Int64) {
            do {
                let item = try ItemLookup.resolve(query, in: effective)
                guard let id = itemIDs[item.name] else { throw StorageError.notFound(what: "skill item \"\(item.name)\"") }
                return (item, id)
            } catch let failure as ItemLookup.Failure {
                switch failure {
                case let .notFound(_, _, suggestions):
                    throw StorageError.notFound(what: "skill item \"\(query)\" in \(reference.field)", suggestions: suggestions)
                case .ambiguous: throw StorageError.refused(reason: failure.description)
                }
            }
        }
    }

    let signature: String
    let catalog: Catalog
    let fields: [FieldEntry]
    private let byReference: [FieldReference: Int]
    private let byID: [Int64: Int]

    init(signature: String, catalog: Catalog, fields: [FieldEntry]) {
        self.signature = signature
        self.catalog = catalog
        self.fields = fields
        byReference = Dictionary(uniqueKeysWithValues: fields.enumerated().map { ($1.reference, $0) })
        byID = Dictionary(uniqueKeysWithValues: fields.enumerated().map { ($1.id, $0) })
    }

    func field(_ reference: FieldReference) -> FieldEntry? { byReference[reference].map { fields[$0] } }
    func field(id: Int64) -> FieldEntry? { byID[id].map { fields[$0] } }

    /// The field with this id, refused when it only supplies levels to other fields: people work, are assessed
    /// and hold levels in specialty fields.
    /// - Throws: `StorageError.notFound` for an unknown id, `.refused` for a shared-levels section.
    func assessableField(id: Int64) throws -> FieldEntry {
        guard let entry = field(id: id) else { throw StorageError.notFound(what: "specialty field #\(id)") }
        try Self.refuseSharedLevels(entry)
        return entry
    }

    private static func refuseSharedLevels(_ entry: FieldEntry) throws {
        if entry.effective.kind == .sharedLevels {
            throw StorageError.refused(
                reason: "\"\(entry.reference.field)\" supplies levels to every field of \(entry.reference.standard.name); "
                    + "choose a specialty field")
        }
    }

    /// Resolves what a user typed to a field entry.
    /// - Parameter assessable: Refuse sections that only supply levels to other fields ("Common to Level 1, 2"):
    ///   people work, are assessed and hold levels in specialty fields.
    /// - Throws: `StorageError.notFound` / `.refused` with the lookup's message.
    func resolveField(_ query: String, assessable: Bool = true) throws -> FieldEntry {
        do {
            let reference = try FieldLookup.resolve(query, in: catalog)
            guard let entry = field(reference) else { throw StorageError.notFound(what: "specialty field \"\(query)\"") }
            if assessable { try Self.refuseSharedLevels(entry) }
            return entry
        } catch let failure as FieldLookup.Failure {
            switch failure {
            case let .notFound(_, suggestions):
                throw StorageError.notFound(what: "specialty field \"\(query)\"", suggestions: suggestions)
            case .ambiguous: throw StorageError.refused(reason: failure.description)
            }
        }
    }

    static func signature(_ sql: any SQLDatabase) async throws -> String {
        try await sql.raw("SELECT id, revision FROM standards ORDER BY id").all().map { row in
            "\(try row.decode(column: "id", as: Int64.self)):\(try row.decode(column: "revision", as: Int.self))"
        }.joined(separator: ",")
    }

    static func load(_ database: AppDatabase, signature: String) async throws -> CatalogIndex {
        let catalog = try await database.catalog()
        let sql = try database.sql()
        var fieldIDs: [FieldReference: Int64] = [:]
        var itemIDs: [Int64: [String: Int64]] = [:]
        for row in try await sql.raw(
            """
            SELECT f.id, f.name AS field, s.name AS standard, s.version FROM specialty_fields f
            JOIN standards s ON s.id = f.standard_id WHERE f.retired_in_revision IS NULL
            """
        ).all() {
            let reference = FieldReference(
                standard: StandardKey(
                    name: try row.decode(column: "standard", as: String.self),
                    version: try row.decode(column: "version", as: String.self)),
                field: try row.decode(column: "field", as: String.self))
            fieldIDs[reference] = try row.decode(column: "id", as: Int64.self)
        }
        for row in try await sql.raw("SELECT id, field_id, name FROM skill_items WHERE retired_in_revision IS NULL").all() {
            itemIDs[try row.decode(column: "field_id", as: Int64.self), default: [:]][
                try row.decode(column: "name", as: String.self)] =
                try row.decode(column: "id", as: Int64.self)
        }
        var entries: [FieldEntry] = []
        for standard in catalog.standards {
            let sharedIDs = standard.sharedLevelSections.compactMap { section in
                fieldIDs[FieldReference(standard: standard.key, field: section.name)].flatMap { itemIDs[$0] }
            }
            for field in standard.fields {
                let reference = FieldReference(standard: standard.key, field: field.name)
                guard let id = fieldIDs[reference] else { continue }
                var ids = itemIDs[id] ?? [:]
                if field.kind == .specialty {
                    for shared in sharedIDs { ids.merge(shared) { own, _ in own } }
                }
                let effective = standard.effectiveField(field)
                entries.append(
                    FieldEntry(
                        id: id, reference: reference, effective: effective, compiled: CompiledField(effective), itemIDs: ids,
                        itemNames: Dictionary(ids.map { ($1, $0) }, uniquingKeysWith: { first, _ in first })))
            }
        }
        return CatalogIndex(signature: signature, catalog: catalog, fields: entries)
    }
}

/// Holds the current `CatalogIndex` of one `AppDatabase`.
///
/// Reading the standards' revisions is a query; a page or an API request uses the index several times, and a
/// server answers thousands of requests a second. So the revisions are read again only when `revalidation` has
/// passed since the last read: another process's (or `itss serve` instance's) catalog import shows within that
/// time, this process's own at once (`invalidate()`).
actor CatalogIndexCache {
    private var current: CatalogIndex?
    private var validatedAt: ContinuousClock.Instant?
    private let revalidation: Duration
    /// The read of revisions (and load, when they changed) under way: requests that arrive meanwhile wait for it
    /// instead of each running their own (an actor method is re-entered at every `await`).
    private var refreshing: Task<CatalogIndex, any Error>?
    /// Advanced by `invalidate()`, so that a refresh begun before this process changed the catalog is not kept.
    private var generation = 0

    init(revalidation: Duration) {
        self.revalidation = revalidation
    }

    func index(for database: AppDatabase) async throws -> CatalogIndex {
        let now = ContinuousClock.now
        if let current, let validatedAt, now - validatedAt < revalidation { return current }
        if let refreshing { return try await refreshing.value }
        let started = generation
        let task = Task { [current] in
            let signature = try await CatalogIndex.signature(database.sql())
            if let current, current.signature == signature { return current }
            return try await CatalogIndex.load(database, signature: signature)
        }
        refreshing = task
        do {
            let index = try await task.value
            if refreshing == task { refreshing = nil }
            if generation == started {
                current = index
                validatedAt = now
            }
            return index
        } catch {
            if refreshing == task { refreshing = nil }
            throw error
        }
    }

    /// Forgets the index: this process changed the catalog.
    func invalidate() {
        current = nil
        validatedAt = nil
        refreshing = nil
        generation += 1
    }
}
