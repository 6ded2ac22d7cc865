import ITSSDomain
import ITSSStorage

/// A tailoring profile as listed.
struct APIProfile: Encodable, Sendable {
    var id: String
    var name: String
    var standard: StandardKey
    /// The current version; also the `ETag`.
    var version: Int
    var changeCount: Int
    var archived: Bool
    var archivedAt: String?
    var createdAt: String
    var createdBy: String
    var updatedAt: String

    init(_ summary: ProfileSummary) {
        id = String(summary.id)
        name = summary.name
        standard = summary.standard
        version = summary.version
        changeCount = summary.changeCount
        archived = summary.isArchived
        archivedAt = summary.archivedAt
        createdAt = summary.createdAt
        createdBy = summary.createdBy
        updatedAt = summary.updatedAt
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(name, forKey: .name)
        try container.encode(standard, forKey: .standard)
        try container.encode(version, forKey: .version)
        try container.encode(changeCount, forKey: .changeCount)
        try container.encode(archived, forKey: .archived)
        // Always present, `null` while the profile is in use.
        try container.encode(archivedAt, forKey: .archivedAt)
        try container.encode(createdAt, forKey: .createdAt)
        try container.encode(createdBy, forKey: .createdBy)
        try container.encode(updatedAt, forKey: .updatedAt)
    }

    private enum CodingKeys: String, CodingKey {
        case id, name, standard, version, changeCount, archived, archivedAt, createdAt, createdBy, updatedAt
    }
}

/// One version of a profile: the document, who saved it and why, and the diff against the standard.
struct APIProfileVersion: Encodable, Sendable {
    var profile: APIProfile
    /// The version shown (the current one unless `?version=` asked for another).
    var version: Int
    var note: String
    var savedAt: String
    var savedBy: String
    /// The profile document of this version (as `itss profile export` writes it).
    var document: TailoringProfile
    /// Every change against the standard as published, with its reason.
    var diff: [TailoringChange]

    init(_ summary: ProfileSummary, _ stored: ProfileVersion, diff: [TailoringChange]) {
        profile = APIProfile(summary)
        version = stored.version
        note = stored.note
        savedAt = stored.createdAt
        savedBy = stored.createdBy
        var document = stored.profile
        document.version = stored.version
        self.document = document
        self.diff = diff
    }
}

/// A person's level in one field under a profile, beside the level under the standard as published.
struct APIProfileLevel: Encodable, Sendable {
    /// The profile and version the tailored level was computed under.
    var profileId: String
    var profileName: String
    var profileVersion: Int
    /// The company's name of the field, if the profile gives one.
    var displayName: String?
    /// `other_standard` or `field_excluded` when there is no tailored level.
    var absence: String?
    var official: APILevelBreakdown?
    var provisional: APILevelBreakdown?
    /// Company items of the field not weighed by the official level under the profile: the approved assessment
    /// that counts was not made under this profile.
    var unassessedCompanyItems: [String]
    var adjustments: [TailoringChange]

    init(_ field: ProfileFieldLevel, levels: ProfileLevels) {
        profileId = String(levels.profile.id)
        profileName = levels.profile.name
        profileVersion = levels.profileVersion
        displayName = field.displayName
        absence = field.absence?.rawValue
        official = field.tailoredOfficial.map(APILevelBreakdown.init)
        provisional = field.tailoredProvisional.map(APILevelBreakdown.init)
        unassessedCompanyItems = field.unassessedCompanyItems
        adjustments = field.adjustments
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(profileId, forKey: .profileId)
        try container.encode(profileName, forKey: .profileName)
        try container.encode(profileVersion, forKey: .profileVersion)
        try container.encode(displayName, forKey: .displayName)
        try container.encode(absence, forKey: .absence)
        try container.encode(official, forKey: .official)
        try container.encode(provisional, forKey: .provisional)
        try container.encode(unassessedCompanyItems, forKey: .unassessedCompanyItems)
        try container.encode(adjustments, forKey: .adjustments)
    }

    private enum CodingKeys: String, CodingKey {
        case profileId, profileName, profileVersion, displayName, absence, official, provisional, unassessedCompanyItems,
            adjustments
    }
}
