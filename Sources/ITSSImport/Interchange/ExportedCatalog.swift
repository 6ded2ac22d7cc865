/// The `itss-catalog` interchange format, version 1: the whole catalog as `CatalogExport.json` writes it.
///
/// These types mirror the domain model on purpose rather than reusing it, so the file format stays the same
/// when the domain types change; a change of this format must raise `CatalogExport.formatVersion`.
/// Keys are camelCase; optional values that are absent are left out of the JSON. `docs/catalog-export.md`
/// documents every key.
public struct ExportedCatalog: Codable, Sendable, Hashable {
    /// Always `itss-catalog` (`CatalogExport.format`).
    public var format: String
    /// The format version, `CatalogExport.formatVersion`.
    public var formatVersion: Int
    /// In catalog order: by edition, then job category.
    public var standards: [Standard]

    /// One job category in one edition.
    public struct Standard: Codable, Sendable, Hashable {
        /// The job category, e.g. `IT Service Management`.
        public var name: String
        /// The edition, e.g. `V3 2008`.
        public var version: String
        public var source: Source
        /// The skill-area overview in document order.
        public var overview: [OverviewEntry]
        /// Specialty fields and shared-level sections in document order.
        public var fields: [Field]
        /// The importer's findings sorted by line; absent when the export was made without diagnostics.
        public var diagnostics: [Diagnostic]?
    }

    /// The document a standard was imported from.
    public struct Source: Codable, Sendable, Hashable {
        public var fileName: String
        /// Lowercase hex SHA-256 of the document's bytes.
        public var sha256: String
        public var lineCount: Int
    }

    /// One entry of the skill-area overview.
    public struct OverviewEntry: Codable, Sendable, Hashable {
        public var name: String
        public var knowledgeItems: [String]
        /// 1-based source line.
        public var line: Int
    }

    /// A specialty field or a shared-level section.
    public struct Field: Codable, Sendable, Hashable {
        public var name: String
        public var kind: FieldKind
        /// 1-based source line of the section heading.
        public var line: Int
        /// Levels at which at least one item has a text, ascending.
        public var definedLevels: [Int]
        /// Per defined level, the scale condition most of the field's items state.
        public var scaleConditions: [FieldLevel]
        /// Skill items in document order.
        public var items: [Item]
    }

    /// What a section describes.
    public enum FieldKind: String, Codable, Sendable, Hashable, CaseIterable {
        case specialty
        /// Items that supply low levels to every field of the job category ("Common to Level 1, 2").
        case sharedLevels = "shared_levels"
    }

    /// A field's scale condition at one level and how many items agree with it.
    public struct FieldLevel: Codable, Sendable, Hashable {
        public var level: Int
        public var scale: Scale
        /// Items with a text at this level that state exactly `scale`.
        public var agreeingItems: Int
        /// Items with a text at this level.
        public var totalItems: Int
    }

    /// One skill item of a field.
    public struct Item: Codable, Sendable, Hashable {
        public var name: String
        public var scope: Scope
        /// 1-based source line of the item's heading.
        public var line: Int
        public var knowledgeItems: [String]
        /// Level texts in ascending level order; only the levels the item defines.
        public var levels: [Level]
    }

    /// Whether an item is common to the job category or specific to its field.
    public enum Scope: String, Codable, Sendable, Hashable, CaseIterable {
        case common
        case specific
    }

    /// An item's proficiency text at one level.
    public struct Level: Codable, Sendable, Hashable {
        public var level: Int
        /// The text as it applies (errata applied).
        public var text: String
        /// The source document's wording; present only when an erratum changed it.
        public var sourceText: String?
        /// The erratum applied to this text; present only when one was applied.
        public var erratum: Erratum?
        /// 1-based source line where the text begins.
        public var line: Int
        /// The scale condition read from `text`.
        public var scale: Scale
    }

    /// A correction of ours applied to a level text.
    public struct Erratum: Codable, Sendable, Hashable {
        public var id: String
        public var reason: String
    }

    /// A scale condition: the role a text requires and the size of the work.
    public struct Scale: Codable, Sendable, Hashable {
        /// Absent when the text names no role.
        public var role: Role?
        /// Alternatives ("… or …"), ordered peak staff, contract value, installation sites, inquiries.
        public var thresholds: [Threshold]
    }

    /// The responsibility a level text requires.
    public enum Role: String, Codable, Sendable, Hashable, CaseIterable {
        case member
        case leader
        case responsiblePerson = "responsible_person"
    }

    /// One quantitative bound of a scale condition.
    public struct Threshold: Codable, Sendable, Hashable {
        public var measure: Measure
        /// A requirement ("N or more"); absent when the text states none for this measure.
        public var minimum: Int64?
        /// Descriptive only ("less than N"), never a requirement; absent when the text states none.
        public var upperBound: Int64?
    }

    /// The quantity a threshold bounds.
    public enum Measure: String, Codable, Sendable, Hashable, CaseIterable {
        /// Staff at peak.
        case peakStaff = "peak_staff"
        /// Annual contract value in yen.
        case annualContractYen = "annual_contract_yen"
        /// Installation sites.
        case installationSites = "installation_sites"
        /// Answers to user inquiries per year.
        case annualInquiries = "annual_inquiries"
    }

    /// A finding of the importer about the source document.
    public struct Diagnostic: Codable, Sendable, Hashable {
        public var severity: Severity
        /// A kebab-case code such as `scale-condition-outlier`; a string, so new codes need no new format version.
        public var code: String
        /// 1-based source line (0 when the finding has no line).
        public var line: Int
        public var field: String?
        public var item: String?
        public var level: Int?
        public var message: String
    }

    /// How serious a diagnostic is.
    public enum Severity: String, Codable, Sendable, Hashable, CaseIterable {
        case info
        case warning
        case error
    }
}
