import Foundation

/// A company's tailoring of one ITSS standard: which fields and items it uses, under which names, with which
/// company skill items, extra knowledge items and scale thresholds — every change with its reason.
///
/// A profile is a document; storage keeps each saved document as an immutable version. It never changes the
/// standard itself: `Tailoring.apply(_:to:)` derives a tailored catalog from the standard as published, and every
/// tailored item stays traceable to the ITSS text it comes from (or is marked as the company's own).
///
/// The JSON form (`TailoringJSON`) uses snake_case keys; see docs/tailoring.md.
public struct TailoringProfile: Codable, Sendable, Hashable {
    /// The format tag written by exports (`itss-tailoring-profile`); optional on input.
    public var format: String?
    /// The profile's name, unique among profiles ("ACME IT Service Management").
    public var name: String
    /// The standard the profile tailors.
    public var standard: StandardKey
    /// What the profile is for, in a sentence.
    public var purpose: String?
    /// The version this document was exported from; an import saves the next version only if that is still
    /// the current one. Not part of the profile's content.
    public var version: Int?
    /// Why this version was saved (metadata of the version, not part of the profile's content).
    public var note: String?
    /// The changes, per ITSS field.
    public var fields: [FieldTailoring]

    public init(
        name: String, standard: StandardKey, purpose: String? = nil, fields: [FieldTailoring] = [], version: Int? = nil,
        note: String? = nil
    ) {
        self.format = Self.formatTag
        self.name = name
        self.standard = standard
        self.purpose = purpose
        self.fields = fields
        self.version = version
        self.note = note
    }

    private enum CodingKeys: String, CodingKey {
        case format, name, standard, purpose, version, note, fields
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        format = try container.decodeIfPresent(String.self, forKey: .format)
        name = try container.decode(String.self, forKey: .name)
        standard = try container.decode(StandardKey.self, forKey: .standard)
        purpose = try container.decodeIfPresent(String.self, forKey: .purpose)
        version = try container.decodeIfPresent(Int.self, forKey: .version)
        note = try container.decodeIfPresent(String.self, forKey: .note)
        fields = try container.decodeIfPresent([FieldTailoring].self, forKey: .fields) ?? []
    }

    /// The value of `format` in exported documents.
    public static let formatTag = "itss-tailoring-profile"

    /// The document's content without version metadata (`version`, `note`): what a version stores.
    public var content: TailoringProfile {
        var copy = self
        copy.version = nil
        copy.note = nil
        copy.format = Self.formatTag
        return copy
    }

    /// How many changes the profile makes (each is one entry of the diff).
    public var changeCount: Int {
        fields.reduce(0) { $0 + $1.changeCount }
    }
}

/// The changes a profile makes to one ITSS field.
public struct FieldTailoring: Codable, Sendable, Hashable {
    /// The ITSS field's exact name.
    public var field: String
    /// Leave the whole field out of the company's framework.
    public var exclude: Exclusion?
    /// The company's name for the field, shown next to the ITSS name.
    public var displayName: DisplayName?
    /// Changes to the field's ITSS items.
    public var items: [ItemTailoring]
    /// Skill items of the company's own.
    public var companyItems: [CompanyItem]
    /// Adjusted scale thresholds ("level 5 at 50 staff instead of 75").
    public var thresholds: [ThresholdAdjustment]

    public init(
        field: String, exclude: Exclusion? = nil, displayName: DisplayName? = nil, items: [ItemTailoring] = [],
        companyItems: [CompanyItem] = [], thresholds: [ThresholdAdjustment] = []
    ) {
        self.field = field
        self.exclude = exclude
        self.displayName = displayName
        self.items = items
        self.companyItems = companyItems
        self.thresholds = thresholds
    }

    private enum CodingKeys: String, CodingKey {
        case field, exclude, displayName, items, companyItems, thresholds
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        field = try container.decode(String.self, forKey: .field)
        exclude = try container.decodeIfPresent(Exclusion.self, forKey: .exclude)
        displayName = try container.decodeIfPresent(DisplayName.self, forKey: .displayName)
        items = try container.decodeIfPresent([ItemTailoring].self, forKey: .items) ?? []
        companyItems = try container.decodeIfPresent([CompanyItem].self, forKey: .companyItems) ?? []
        thresholds = try container.decodeIfPresent([ThresholdAdjustment].self, forKey: .thresholds) ?? []
    }

    /// The number of changes (diff entries) of this field.
    public var changeCount: Int {
        (exclude == nil ? 0 : 1) + (displayName == nil ? 0 : 1) + items.reduce(0) { $0 + $1.changeCount }
            + companyItems.count + thresholds.count
    }
}

/// The changes a profile makes to one ITSS skill item.
public struct ItemTailoring: Codable, Sendable, Hashable {
    /// The ITSS item's exact name.
    public var item: String
    public var exclude: Exclusion?
    public var displayName: DisplayName?
    /// Knowledge items the company adds to the ITSS item's own.
    public var addKnowledge: [KnowledgeAddition]

    public init(
        item: String, exclude: Exclusion? = nil, displayName: DisplayName? = nil, addKnowledge: [KnowledgeAddition] = []
    ) {
        self.item = item
        self.exclude = exclude
        self.displayName = displayName
        self.addKnowledge = addKnowledge
    }

    private enum CodingKeys: String, CodingKey {
        case item, exclude, displayName, addKnowledge
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        item = try container.decode(String.self, forKey: .item)
        exclude = try container.decodeIfPresent(Exclusion.self, forKey: .exclude)
        displayName = try container.decodeIfPresent(DisplayName.self, forKey: .displayName)
        addKnowledge = try container.decodeIfPresent([KnowledgeAddition].self, forKey: .addKnowledge) ?? []
    }

    /// The number of changes (diff entries) of this item.
    public var changeCount: Int {
        (exclude == nil ? 0 : 1) + (displayName == nil ? 0 : 1) + addKnowledge.count
    }
}

/// Leaves a field or item out, with the reason.
public struct Exclusion: Codable, Sendable, Hashable {
    public var reason: String

    public init(reason: String) { self.reason = reason }
}

/// The company's name for a field or item, shown next to the ITSS name, with the reason.
public struct DisplayName: Codable, Sendable, Hashable {
    public var name: String
    public var reason: String

    public init(name: String, reason: String) {
        self.name = name
        self.reason = reason
    }
}

/// A knowledge item the company adds to an ITSS item, with the reason.
public struct KnowledgeAddition: Codable, Sendable, Hashable {
    public var text: String
    public var reason: String

    public init(text: String, reason: String) {
        self.text = text
        self.reason = reason
    }
}

/// A skill item of the company's own, with its level texts and knowledge items.
public struct CompanyItem: Codable, Sendable, Hashable {
    public var name: String
    public var reason: String
    /// The ITSS item of the same field it is modelled on, if any (for traceability).
    public var basedOn: String?
    public var levels: [CompanyLevel]
    public var knowledgeItems: [String]

    public init(name: String, reason: String, basedOn: String? = nil, levels: [CompanyLevel], knowledgeItems: [String] = []) {
        self.name = name
        self.reason = reason
        self.basedOn = basedOn
        self.levels = levels
        self.knowledgeItems = knowledgeItems
    }

    private enum CodingKeys: String, CodingKey {
        case name, reason, basedOn, levels, knowledgeItems
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        reason = try container.decode(String.self, forKey: .reason)
        basedOn = try container.decodeIfPresent(String.self, forKey: .basedOn)
        levels = try container.decodeIfPresent([CompanyLevel].self, forKey: .levels) ?? []
        knowledgeItems = try container.decodeIfPresent([String].self, forKey: .knowledgeItems) ?? []
    }
}

/// The proficiency text of a company item at one level.
public struct CompanyLevel: Codable, Sendable, Hashable {
    public var level: Int
    public var text: String

    public init(level: Int, text: String) {
        self.level = level
        self.text = text
    }
}

/// A field's scale threshold at one level set to another minimum ("level 5 at 50 staff instead of 75").
///
/// The adjusted minimum replaces the standard's minimum for that measure at that level, or is added as a further
/// alternative when the standard names none for the measure. The level rule evaluates it like any other.
public struct ThresholdAdjustment: Codable, Sendable, Hashable {
    public var level: Int
    /// A `ScaleMeasure` raw value: `peak_staff`, `annual_contract_yen`, `installation_sites`, `annual_inquiries`.
    public var measure: String
    /// The new minimum as written; validation refuses one that is not a positive whole number.
    public var minimum: ThresholdValue
    public var reason: String

    public init(level: Int, measure: ScaleMeasure, minimum: Int64, reason: String) {
        self.init(level: level, measure: measure.rawValue, minimum: .number(minimum), reason: reason)
    }

    public init(level: Int, measure: String, minimum: ThresholdValue, reason: String) {
        self.level = level
        self.measure = measure
        self.minimum = minimum
        self.reason = reason
    }
}

/// A threshold as written in a profile: a number, or text that validation then refuses naming its place
/// (a form or a hand-written file may hold `"fifty"`).
public enum ThresholdValue: Codable, Sendable, Hashable {
    case number(Int64)
    case text(String)

    /// The value as a whole number, if it is one (a numeric string such as `"50"` counts).
    public var integer: Int64? {
        switch self {
        case let .number(value): value
        case let .text(text): Int64(text.trimmingCharacters(in: .whitespaces))
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let value = try? container.decode(Int64.self) {
            self = .number(value)
        } else if let value = try? container.decode(Double.self) {
            self = value.rounded() == value && abs(value) < 9e18 ? .number(Int64(value)) : .text(String(value))
        } else if let text = try? container.decode(String.self) {
            self = .text(text)
        } else if let flag = try? container.decode(Bool.self) {
            self = .text(String(flag))
        } else {
            self = .text("null")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case let .number(value): try container.encode(value)
        case let .text(text): try container.encode(text)
        }
    }
}
