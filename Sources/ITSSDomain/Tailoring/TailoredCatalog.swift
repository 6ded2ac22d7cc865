/// The result of applying a profile to the catalog: the catalog with the profile's standard tailored, what
/// changed (with reasons), and where every tailored item comes from.
public struct TailoredCatalog: Sendable, Hashable {
    /// The catalog with the tailored standard in place of the published one (same key; other standards as they
    /// are). Fields and items keep their ITSS names, so ratings and records apply as they are.
    public var catalog: Catalog
    /// The published standard the profile tailors.
    public var original: Standard
    /// The tailored standard.
    public var tailored: Standard
    /// Every change, in document order, with its reason: exactly one entry per change the profile makes.
    public var diff: [TailoringChange]
    /// Per tailored field (by ITSS name): where each of its items comes from, in item order.
    public var traces: [String: [ItemTrace]]
    /// Company display names of fields, by ITSS field name.
    public var fieldDisplayNames: [String: String]
    /// Items each specialty field leaves out, by ITSS field name (so shared levels do not bring them back).
    public var excludedItems: [String: Set<String>]

    /// The company's name of a field, or its ITSS name.
    public func displayName(ofField field: String) -> String { fieldDisplayNames[field] ?? field }

    /// Whether the profile leaves the field out.
    public func excludes(field: String) -> Bool {
        original.field(named: field) != nil && tailored.field(named: field) == nil
    }

    /// The tailored field as assessed: shared-level sections merged in (V2), items the profile leaves out kept
    /// out, and the field's scale conditions — with the profile's adjusted thresholds — kept for its levels.
    /// `nil` for a field the profile excludes or the standard does not have.
    public func effectiveField(_ name: String) -> SpecialtyField? {
        guard let field = tailored.field(named: name) else { return nil }
        var effective = tailored.effectiveField(field)
        let excluded = excludedItems[name] ?? []
        if !excluded.isEmpty {
            effective = SpecialtyField(
                name: effective.name, kind: effective.kind, items: effective.items.filter { !excluded.contains($0.name) },
                line: effective.line)
        }
        let stated = Dictionary(field.scaleConditions.map { ($0.level, $0) }, uniquingKeysWith: { first, _ in first })
        effective.scaleConditions = effective.scaleConditions.map { stated[$0.level] ?? $0 }
        return effective
    }

    /// The effective tailored field without the company's own items: what the level rule weighs at read time,
    /// since ratings exist only for ITSS items (see docs/tailoring.md).
    public func ruleField(_ name: String) -> SpecialtyField? {
        guard var field = effectiveField(name) else { return nil }
        let company = Set(companyItems(of: name))
        guard !company.isEmpty else { return field }
        let conditions = field.scaleConditions
        field = SpecialtyField(
            name: field.name, kind: field.kind, items: field.items.filter { !company.contains($0.name) }, line: field.line)
        let levels = Set(field.definedLevels)
        field.scaleConditions = conditions.filter { levels.contains($0.level) }
        return field
    }

    /// The names of the company's own items of a field, in order.
    public func companyItems(of field: String) -> [String] {
        (traces[field] ?? []).compactMap { trace in
            if case .company = trace.origin { return trace.item }
            return nil
        }
    }
}

/// Where one item of a tailored field comes from.
public struct ItemTrace: Codable, Sendable, Hashable {
    public enum Origin: Codable, Sendable, Hashable {
        /// The ITSS item of the same name in the published standard, at its source line.
        case standard(line: Int)
        /// The company's own item, modelled on an ITSS item of the field if `basedOn` is given.
        case company(basedOn: String?)
    }

    /// The item's name in the tailored catalog (the ITSS name, or the company item's name).
    public var item: String
    /// The company's display name, if the profile gives one.
    public var displayName: String?
    public var origin: Origin
    /// Knowledge items the company added to the ITSS item's own.
    public var addedKnowledge: [String]

    public init(item: String, displayName: String? = nil, origin: Origin, addedKnowledge: [String] = []) {
        self.item = item
        self.displayName = displayName
        self.origin = origin
        self.addedKnowledge = addedKnowledge
    }

    /// Whether the item is the company's own rather than an ITSS item.
    public var isCompanyItem: Bool {
        if case .company = origin { return true }
        return false
    }
}

/// One change a profile makes to the standard, with its reason: an entry of the diff.
public struct TailoringChange: Codable, Sendable, Hashable {
    public enum Kind: String, Codable, Sendable, Hashable, CaseIterable {
        case fieldExcluded = "field_excluded"
        case fieldRenamed = "field_renamed"
        case itemExcluded = "item_excluded"
        case itemRenamed = "item_renamed"
        case knowledgeAdded = "knowledge_added"
        case companyItemAdded = "company_item_added"
        case thresholdAdjusted = "threshold_adjusted"
    }

    public var kind: Kind
    /// The ITSS field.
    public var field: String
    /// The ITSS item (or the company item, for `companyItemAdded`).
    public var item: String?
    /// What the standard has: the ITSS name, the threshold (`≥ 75 staff`), or `nil`.
    public var before: String?
    /// What the profile has: the display name, the knowledge item, the new threshold, or `nil`.
    public var after: String?
    /// The level, for threshold adjustments.
    public var level: Int?
    public var reason: String

    public init(
        kind: Kind, field: String, item: String? = nil, before: String? = nil, after: String? = nil, level: Int? = nil,
        reason: String
    ) {
        self.kind = kind
        self.field = field
        self.item = item
        self.before = before
        self.after = after
        self.level = level
        self.reason = reason
    }

    /// One English line: `Service Desk › Staffing: excluded (we have no staffing role)`.
    public var summary: String {
        let place = item.map { "\(field) › \($0)" } ?? field
        let what: String
        switch kind {
        case .fieldExcluded, .itemExcluded: what = "excluded"
        case .fieldRenamed, .itemRenamed: what = "shown as \"\(after ?? "")\""
        case .knowledgeAdded: what = "knowledge item added: \(after ?? "")"
        case .companyItemAdded: what = "company item added (levels \(after ?? ""))"
        case .thresholdAdjusted: what = "level \(level ?? 0) threshold \(before ?? "none") → \(after ?? "")"
        }
        return "\(place): \(what) (\(reason))"
    }
}
