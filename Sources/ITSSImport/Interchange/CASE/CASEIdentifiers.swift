import ITSSDomain

/// The kinds of CASE items a standard or a tailoring profile becomes (`CFItemType`), with their stable identifiers.
public enum CASEItemKind: String, CaseIterable, Sendable, Hashable {
    case specialtyField = "Specialty field"
    case sharedLevels = "Shared levels section"
    case commonSkillItem = "Common skill item"
    case specificSkillItem = "Specialty skill item"
    case levelStatement = "Level statement"
    case knowledgeItem = "Knowledge item"
    /// Only in a profile's derived package: a skill item of the company's own.
    case companySkillItem = "Company skill item"
    /// Only in a profile's derived package: a field's scale threshold set by the profile at one level.
    case thresholdAdjustment = "Scale threshold adjustment"

    /// The kinds a standard's package uses (and the only ones `CASEImport` reads).
    public static let standardKinds: [CASEItemKind] = [
        .specialtyField, .sharedLevels, .commonSkillItem, .specificSkillItem, .levelStatement, .knowledgeItem,
    ]

    /// `hierarchyCode` and `typeCode` of the item type.
    public var code: String {
        switch self {
        case .specialtyField: "field"
        case .sharedLevels: "shared-levels"
        case .commonSkillItem: "skill-item-common"
        case .specificSkillItem: "skill-item-specific"
        case .levelStatement: "level"
        case .knowledgeItem: "knowledge-item"
        case .companySkillItem: "skill-item-company"
        case .thresholdAdjustment: "threshold-adjustment"
        }
    }

    /// What the type stands for, for `CFItemType.description`.
    public var meaning: String {
        switch self {
        case .specialtyField: "A specialty field of an ITSS job category."
        case .sharedLevels: "A section whose skill items supply levels 1-2 to every specialty field of the job category."
        case .commonSkillItem: "A skill item common to the specialty fields of the job category."
        case .specificSkillItem: "A skill item specific to one specialty field."
        case .levelStatement: "The proficiency text of a skill item at one ITSS level (listEnumeration is the level)."
        case .knowledgeItem: "A knowledge item of a skill item."
        case .companySkillItem: "A skill item of the company's own, not in ITSS (it has no ext:isDerivedFrom association)."
        case .thresholdAdjustment:
            "A scale threshold of a field set by the company at one level (listEnumeration is the level; abbreviatedStatement is `measure >= minimum`)."
        }
    }
}

/// Stable identifiers for CASE objects: UUIDv5 in the `itss` namespace from the standard and the object's path,
/// so that exporting twice gives the same identifiers and a re-import finds the same items.
public enum CASEIdentifiers {
    /// The `itss` namespace: UUIDv5 of `https://itss.invalid/case/v1p1` in RFC 4122's URL namespace.
    public static let namespace: [UInt8] =
        UUIDv5.bytes(UUIDv5.make(namespace: UUIDv5.urlNamespace, name: "https://itss.invalid/case/v1p1")) ?? []

    /// The identifier of a path: components joined by U+001F (a character no name contains).
    public static func identifier(_ components: [String]) -> String {
        UUIDv5.make(namespace: namespace, name: components.joined(separator: "\u{1F}"))
    }

    /// The path of a standard: its edition and job category.
    public static func standardPath(_ key: StandardKey) -> [String] { ["standard", key.version, key.name] }

    public static func document(_ key: StandardKey) -> String { identifier(standardPath(key)) }

    public static func itemType(_ kind: CASEItemKind) -> String { identifier(["item-type", kind.code]) }

    /// A field's path; `ordinal` (1-based) tells apart fields of the same name.
    public static func fieldPath(_ key: StandardKey, _ field: String, ordinal: Int = 1) -> [String] {
        standardPath(key) + ["field", field] + (ordinal > 1 ? ["#\(ordinal)"] : [])
    }

    /// A skill item's path within its field; `ordinal` (1-based) tells apart items of the same name.
    public static func itemPath(_ field: [String], _ item: String, ordinal: Int = 1) -> [String] {
        field + ["item", item] + (ordinal > 1 ? ["#\(ordinal)"] : [])
    }

    /// The path of a tailoring profile version: its name and version (a profile's name is unique).
    public static func profilePath(_ name: String, version: Int) -> [String] { ["profile", name, String(version)] }

    /// The URI of an object: `urn:uuid:…` (resolvable at the provider API by its identifier).
    public static func uri(_ identifier: String) -> String { "urn:uuid:\(identifier)" }

    /// The date-time of a standard's content: 1 January of its edition's year (`V3 2008` → 2008), the
    /// last four-digit number of the edition, so that it never depends on the clock.
    public static func lastChange(_ key: StandardKey) -> String {
        let years = key.version.split(whereSeparator: { !$0.isASCII || !$0.isNumber }).map(String.init)
            .filter { $0.count == 4 }
        return "\(years.last ?? "1970")-01-01T00:00:00Z"
    }
}
