import ITSSDomain

/// A tailoring profile as listed: its current version and state.
public struct ProfileSummary: Sendable, Hashable, Codable {
    public var id: Int64
    public var name: String
    public var standard: StandardKey
    /// The current (latest) version.
    public var version: Int
    /// The number of changes the current version makes.
    public var changeCount: Int
    /// When the profile was archived; `nil` while it is in use.
    public var archivedAt: String?
    public var createdAt: String
    public var createdBy: String
    public var updatedAt: String

    /// Whether the profile is archived (kept with its history, no longer offered).
    public var isArchived: Bool { archivedAt != nil }
}

/// One immutable version of a profile: the document as saved, who saved it, when and why.
public struct ProfileVersion: Sendable, Hashable {
    public var profileID: Int64
    public var version: Int
    /// The validated profile document (without version metadata).
    public var profile: TailoringProfile
    public var changeCount: Int
    public var note: String
    public var createdAt: String
    public var createdBy: String
}

/// How to order the profile list.
public enum ProfileSort: String, Sendable, Hashable, CaseIterable {
    case name
    case standard
    case updated

    var column: String {
        switch self {
        case .name: "t.name"
        case .standard: "s.version"
        case .updated: "t.updated_at"
        }
    }
}

/// A person's levels under a profile beside the levels under the standard as published.
public struct ProfileLevels: Sendable {
    /// The profile and the version the tailored levels were computed under.
    public var profile: ProfileSummary
    public var profileVersion: Int
    public var employeeNumber: String
    public var fields: [ProfileFieldLevel]
}

/// One field of a person: the level under the standard as published and, where the profile keeps the field, the
/// level under the profile (same rule, same ratings and records, the tailored field).
public struct ProfileFieldLevel: Sendable {
    /// Why there is no tailored level, when there is none.
    public enum Absence: String, Sendable, Codable {
        /// The field belongs to another standard than the profile's.
        case otherStandard = "other_standard"
        /// The profile excludes the field.
        case fieldExcluded = "field_excluded"
    }

    /// The level under the standard as published.
    public var standard: PersonLevel
    /// The company's name of the field, when the profile gives one.
    public var displayName: String?
    /// Official level under the profile; `nil` with `absence` set.
    public var tailoredOfficial: LevelBreakdown?
    /// Provisional level under the profile.
    public var tailoredProvisional: LevelBreakdown?
    public var absence: Absence?
    /// The profile's own items of the field when the official level under the profile does not weigh them: the
    /// approved assessment that counts was not made under this profile, so they have no ratings.
    public var unassessedCompanyItems: [String]
    /// The threshold adjustments of the field that the tailored level applies, with their reasons.
    public var adjustments: [TailoringChange]
}
