import ITSSDomain
import SQLKit

/// The tailoring profile version an assessment was made under.
public struct AssessmentProfile: Sendable, Codable, Hashable {
    public var id: Int64
    public var name: String
    public var version: Int

    public init(id: Int64, name: String, version: Int) {
        self.id = id
        self.name = name
        self.version = version
    }
}

/// An item as the `rate` use case takes it: an ITSS skill item by its catalog id, or one of the company's own
/// items of the assessment's profile by its name (company items have no catalog row).
public enum AssessmentItemID: Sendable, Hashable, CustomStringConvertible {
    case standard(Int64)
    case company(String)

    public var description: String {
        switch self {
        case let .standard(id): "#\(id)"
        case let .company(name): "\"\(name)\""
        }
    }
}

/// What an assessment rates: the field's items as the standard has them, or — under a profile — the tailored
/// field's items (items the profile leaves out are not asked for; the company's own items are).
struct AssessmentScope: Sendable {
    var entry: CatalogIndex.FieldEntry
    var profile: AssessmentProfile?
    /// The items to rate, in order, with their level texts.
    var items: [SkillItem]
    /// The names of the company's own items among `items`.
    var companyItems: Set<String>

    /// The item with this id or name, if the assessment rates it.
    func item(_ id: AssessmentItemID) -> SkillItem? {
        let name: String?
        switch id {
        case let .standard(itemID): name = entry.itemNames[itemID].flatMap { companyItems.contains($0) ? nil : $0 }
        case let .company(itemName): name = companyItems.contains(itemName) ? itemName : nil
        }
        return name.flatMap { name in items.first { $0.name == name } }
    }

    /// How `rate` addresses the item of this name.
    func itemID(named name: String) -> AssessmentItemID? {
        if companyItems.contains(name) { return .company(name) }
        return entry.itemIDs[name].map(AssessmentItemID.standard)
    }
}

extension AppDatabase {
    /// The scope of an assessment of `entry` made under `profile` (or under the standard as published).
    /// - Throws: `StorageError.refused` when the profile version no longer applies to the catalog or leaves the
    ///   field out; `.notFound` for an unknown profile version.
    func assessmentScope(_ entry: CatalogIndex.FieldEntry, profile: AssessmentProfile?) async throws -> AssessmentScope {
        guard let profile else {
            return AssessmentScope(entry: entry, profile: nil, items: entry.effective.items, companyItems: [])
        }
        let tailored = try await tailoredCatalog(try await profileVersion(profile.id, version: profile.version))
        guard entry.reference.standard == tailored.original.key, let field = tailored.effectiveField(entry.reference.field)
        else {
            throw StorageError.refused(
                reason: "profile \"\(profile.name)\" version \(profile.version) does not include \(entry.reference.field)")
        }
        return AssessmentScope(
            entry: entry, profile: profile, items: field.items, companyItems: Set(tailored.companyItems(of: field.name)))
    }

    /// The scope of a stored assessment, read before its transaction (the field and profile of an assessment never
    /// change).
    /// - Throws: `StorageError.notFound` for an unknown assessment; see `assessmentScope(_:profile:)`.
    func assessmentScope(assessmentID id: Int64) async throws -> AssessmentScope {
        guard
            let row = try await sql().raw(
                """
                SELECT a.field_id, a.profile_id, a.profile_version, t.name AS profile_name
                FROM assessments a LEFT JOIN tailoring_profiles t ON t.id = a.profile_id WHERE a.id = \(bind: id)
                """
            ).first()
        else { throw StorageError.notFound(what: "assessment \(id)") }
        guard let entry = try await catalogIndex().field(id: try row.decode(column: "field_id", as: Int64.self)) else {
            throw StorageError.corrupt(detail: "assessment \(id) refers to a retired field")
        }
        return try await assessmentScope(entry, profile: AssessmentRows.profile(from: row))
    }
}
