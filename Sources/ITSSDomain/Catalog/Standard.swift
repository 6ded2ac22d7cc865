/// Identifies one imported standard: a job category in one edition, e.g. `IT Service Management` `V3 2008`.
public struct StandardKey: Codable, Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The job category the document describes ("IT Service Management", "Operations").
    public var name: String
    /// The edition, e.g. `V3 2008`.
    public var version: String

    public init(name: String, version: String) {
        self.name = name
        self.version = version
    }

    public static func < (lhs: StandardKey, rhs: StandardKey) -> Bool {
        (lhs.version, lhs.name) < (rhs.version, rhs.name)
    }

    public var description: String { "\(name) (ITSS \(version))" }
}

/// Where a standard came from.
public struct SourceInfo: Codable, Sendable, Hashable {
    /// The document's file name, e.g. `itss-v3-2008-it-service-management.txt`.
    public var fileName: String
    /// Lowercase hex SHA-256 of the document's bytes.
    public var sha256: String
    public var lineCount: Int

    public init(fileName: String, sha256: String, lineCount: Int) {
        self.fileName = fileName
        self.sha256 = sha256
        self.lineCount = lineCount
    }
}

/// One entry of the skill-area overview that precedes the proficiency pages.
public struct OverviewEntry: Codable, Sendable, Hashable {
    public var name: String
    public var knowledgeItems: [String]
    public var line: Int

    public init(name: String, knowledgeItems: [String], line: Int) {
        self.name = name
        self.knowledgeItems = knowledgeItems
        self.line = line
    }
}

/// One ITSS job category in one edition, as imported from one document.
public struct Standard: Codable, Sendable, Hashable {
    public var key: StandardKey
    /// Specialty fields and shared-level sections in document order.
    public var fields: [SpecialtyField]
    /// The skill-area overview, as listed before the proficiency pages.
    public var overview: [OverviewEntry]
    public var source: SourceInfo

    public init(key: StandardKey, fields: [SpecialtyField], overview: [OverviewEntry], source: SourceInfo) {
        self.key = key
        self.fields = fields
        self.overview = overview
        self.source = source
    }

    /// The field with this exact name, if any.
    public func field(named name: String) -> SpecialtyField? {
        fields.first { $0.name == name }
    }

    /// The specialty fields proper (without shared-level sections such as "Common to Level 1, 2").
    public var specialtyFields: [SpecialtyField] { fields.filter { $0.kind == .specialty } }

    /// The shared-level sections whose items supply low levels to every specialty field.
    public var sharedLevelSections: [SpecialtyField] { fields.filter { $0.kind == .sharedLevels } }
}
