import Foundation

/// Validates a tailoring profile against its standard and applies it: a pure function from the published
/// catalog and a profile version to the tailored catalog and the diff.
public enum Tailoring {
    /// The longest name, display name, reason or text a profile may hold.
    public static let maximumTextLength = 2000

    /// Applies `profile` to the catalog.
    /// - Returns: The catalog with the profile's standard tailored, the diff and the item traces.
    /// - Throws: `TailoringError` with every issue, each naming its place: an unknown standard, field or item, a
    ///   missing reason, a threshold that is not a positive whole number, a field left without items, duplicate
    ///   company item names.
    public static func apply(_ profile: TailoringProfile, to catalog: Catalog) throws(TailoringError) -> TailoredCatalog {
        guard let standard = catalog.standard(profile.standard) else {
            let known = catalog.standards.map { "\"\($0.key.name)\" \($0.key.version)" }.joined(separator: ", ")
            throw TailoringError(
                path: "standard",
                message: "unknown standard \"\(profile.standard.name)\" \(profile.standard.version); the catalog has \(known)")
        }
        let issues = validate(profile, against: standard)
        guard issues.isEmpty else { throw TailoringError(issues) }
        return build(profile, standard: standard, catalog: catalog)
    }

    /// Every issue of `profile` against `standard`, in document order; empty when the profile is valid.
    public static func validate(_ profile: TailoringProfile, against standard: Standard) -> [TailoringIssue] {
        var issues: [TailoringIssue] = []
        func issue(_ path: String, _ message: String) { issues.append(TailoringIssue(path: path, message: message)) }
        func text(_ value: String, _ path: String, _ what: String) {
            let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty {
                issue(path, "\(what) is required")
            } else if value.count > maximumTextLength {
                issue(path, "\(what) is longer than \(maximumTextLength) characters")
            } else if value.unicodeScalars.contains(where: { $0.properties.generalCategory == .control && $0 != "\n" }) {
                issue(path, "\(what) contains a control character")
            }
        }
        text(profile.name, "name", "the profile's name")
        if profile.name.count > 200 { issue("name", "the profile's name is longer than 200 characters") }
        if let format = profile.format, format != TailoringProfile.formatTag {
            issue("format", "expected \"\(TailoringProfile.formatTag)\", got \"\(format)\"")
        }
        var seenFields: Set<String> = []
        for (f, tailoring) in profile.fields.enumerated() {
            let at = "fields[\(f)]"
            guard let field = standard.field(named: tailoring.field) else {
                let suggestions = Suggestions.closest(to: tailoring.field, among: standard.fields.map(\.name))
                let hint = suggestions.isEmpty ? "" : "; did you mean \(suggestions.map { "\"\($0)\"" }.joined(separator: ", "))?"
                issue("\(at).field", "unknown specialty field \"\(tailoring.field)\" in \(standard.key)\(hint)")
                continue
            }
            let name = field.name
            if !seenFields.insert(name).inserted { issue("\(at).field", "\"\(name)\" is tailored twice; merge the entries") }
            if let exclude = tailoring.exclude {
                text(exclude.reason, "\(at).exclude.reason", "the reason for excluding \"\(name)\"")
                if tailoring.changeCount > 1 {
                    issue("\(at).exclude", "\"\(name)\" is excluded, so it can have no other changes")
                }
            }
            if let display = tailoring.displayName {
                text(display.name, "\(at).display_name.name", "the display name of \"\(name)\"")
                text(display.reason, "\(at).display_name.reason", "the reason for renaming \"\(name)\"")
            }
            var seenItems: Set<String> = []
            var excluded: Set<String> = []
            for (i, item) in tailoring.items.enumerated() {
                let itemAt = "\(at).items[\(i)]"
                guard field.item(named: item.item) != nil else {
                    let suggestions = Suggestions.closest(to: item.item, among: field.items.map(\.name))
                    let hint =
                        suggestions.isEmpty ? "" : "; did you mean \(suggestions.map { "\"\($0)\"" }.joined(separator: ", "))?"
                    issue("\(itemAt).item", "unknown skill item \"\(item.item)\" in \"\(name)\"\(hint)")
                    continue
                }
                if !seenItems.insert(item.item).inserted {
                    issue("\(itemAt).item", "\"\(item.item)\" of \"\(name)\" is tailored twice; merge the entries")
                }
                if let exclude = item.exclude {
                    excluded.insert(item.item)
                    text(exclude.reason, "\(itemAt).exclude.reason", "the reason for excluding \"\(item.item)\"")
                    if item.changeCount > 1 {
                        issue("\(itemAt).exclude", "\"\(item.item)\" is excluded, so it can have no other changes")
                    }
                }
                if let display = item.displayName {
                    text(display.name, "\(itemAt).display_name.name", "the display name of \"\(item.item)\"")
                    text(display.reason, "\(itemAt).display_name.reason", "the reason for renaming \"\(item.item)\"")
                }
                for (k, addition) in item.addKnowledge.enumerated() {
                    text(addition.text, "\(itemAt).add_knowledge[\(k)].text", "the knowledge item")
                    text(addition.reason, "\(itemAt).add_knowledge[\(k)].reason", "the reason for the knowledge item")
                }
            }
            var companyNames: Set<String> = []
            for (c, company) in tailoring.companyItems.enumerated() {
                let companyAt = "\(at).company_items[\(c)]"
                text(company.name, "\(companyAt).name", "the company item's name")
                text(company.reason, "\(companyAt).reason", "the reason for the company item \"\(company.name)\"")
                if field.item(named: company.name) != nil {
                    issue(
                        "\(companyAt).name",
                        "\"\(company.name)\" is an ITSS item of \"\(name)\"; give the company item its own name")
                } else if !companyNames.insert(company.name.lowercased()).inserted {
                    issue("\(companyAt).name", "duplicate company item name \"\(company.name)\" in \"\(name)\"")
                }
                if let basis = company.basedOn, field.item(named: basis) == nil {
                    issue("\(companyAt).based_on", "unknown skill item \"\(basis)\" in \"\(name)\"")
                }
                if company.levels.isEmpty {
                    issue("\(companyAt).levels", "the company item \"\(company.name)\" needs a text for at least one level")
                }
                var levels: Set<Int> = []
                for (l, level) in company.levels.enumerated() {
                    if !(1...7).contains(level.level) {
                        issue("\(companyAt).levels[\(l)].level", "expected a level from 1 to 7, got \(level.level)")
                    } else if !levels.insert(level.level).inserted {
                        issue("\(companyAt).levels[\(l)].level", "level \(level.level) of \"\(company.name)\" is given twice")
                    }
                    text(level.text, "\(companyAt).levels[\(l)].text", "the level \(level.level) text of \"\(company.name)\"")
                }
                for (k, knowledge) in company.knowledgeItems.enumerated() {
                    text(knowledge, "\(companyAt).knowledge_items[\(k)]", "the knowledge item")
                }
            }
            var adjusted: Set<String> = []
            for (t, threshold) in tailoring.thresholds.enumerated() {
                let thresholdAt = "\(at).thresholds[\(t)]"
                if field.scaleCondition(atLevel: threshold.level) == nil {
                    let levels = field.scaleConditions.map { String($0.level) }.joined(separator: ", ")
                    issue(
                        "\(thresholdAt).level",
                        "\"\(name)\" states no scale condition at level \(threshold.level); it has levels \(levels)")
                }
                if ScaleMeasure(rawValue: threshold.measure) == nil {
                    let measures = ScaleMeasure.allCases.map(\.rawValue).joined(separator: ", ")
                    issue("\(thresholdAt).measure", "unknown measure \"\(threshold.measure)\"; expected one of \(measures)")
                }
                switch threshold.minimum.integer {
                case nil:
                    let shown = if case let .text(raw) = threshold.minimum { raw } else { "" }
                    issue("\(thresholdAt).minimum", "the threshold \"\(shown)\" is not a number; give a whole number such as 50")
                case let value? where value <= 0:
                    issue("\(thresholdAt).minimum", "the threshold must be positive (got \(value))")
                default: break
                }
                text(threshold.reason, "\(thresholdAt).reason", "the reason for the threshold")
                if !adjusted.insert("\(threshold.level) \(threshold.measure)").inserted {
                    issue("\(thresholdAt)", "level \(threshold.level) \(threshold.measure) of \"\(name)\" is adjusted twice")
                }
            }
            if tailoring.exclude == nil, !field.items.isEmpty, field.items.allSatisfy({ excluded.contains($0.name) }),
                tailoring.companyItems.isEmpty
            {
                issue(
                    "\(at).items",
                    "the profile removes every item of \"\(name)\"; exclude the field instead, or keep at least one item")
            }
        }
        return issues
    }

    /// Applies a validated profile.
    static func build(_ profile: TailoringProfile, standard: Standard, catalog: Catalog) -> TailoredCatalog {
        let byField = Dictionary(profile.fields.map { ($0.field, $0) }, uniquingKeysWith: { first, _ in first })
        var diff: [TailoringChange] = []
        var fields: [SpecialtyField] = []
        var traces: [String: [ItemTrace]] = [:]
        var displayNames: [String: String] = [:]
        var excludedItems: [String: Set<String>] = [:]
        // The diff follows the document's order; fields the profile does not name are copied as they are.
        for tailoring in profile.fields {
            diff += changes(tailoring, in: standard)
        }
        for field in standard.fields {
            guard let tailoring = byField[field.name] else {
                fields.append(field)
                traces[field.name] = field.items.map { ItemTrace(item: $0.name, origin: .standard(line: $0.line)) }
                continue
            }
            if tailoring.exclude != nil { continue }
            if let display = tailoring.displayName { displayNames[field.name] = display.name }
            let byItem = Dictionary(tailoring.items.map { ($0.item, $0) }, uniquingKeysWith: { first, _ in first })
            var items: [SkillItem] = []
            var fieldTraces: [ItemTrace] = []
            for item in field.items {
                let change = byItem[item.name]
                if change?.exclude != nil {
                    excludedItems[field.name, default: []].insert(item.name)
                    continue
                }
                var tailored = item
                let added = change?.addKnowledge.map(\.text) ?? []
                tailored.knowledgeItems += added
                items.append(tailored)
                fieldTraces.append(
                    ItemTrace(
                        item: item.name, displayName: change?.displayName?.name, origin: .standard(line: item.line),
                        addedKnowledge: added))
            }
            for company in tailoring.companyItems {
                let levels = company.levels.map { LevelDescription(level: $0.level, text: $0.text, scale: .none, line: 0) }
                items.append(
                    SkillItem(
                        name: company.name, scope: .specific, levels: levels, knowledgeItems: company.knowledgeItems, line: 0))
                fieldTraces.append(ItemTrace(item: company.name, origin: .company(basedOn: company.basedOn)))
            }
            var tailored = SpecialtyField(name: field.name, kind: field.kind, items: items, line: field.line)
            // The standard's conditions stay the field's conditions (leaving items out or adding company items does
            // not change what the standard states), with the profile's thresholds applied.
            let levels = Set(tailored.definedLevels)
            tailored.scaleConditions = adjusted(field.scaleConditions, by: tailoring.thresholds).filter {
                levels.contains($0.level)
            }
            fields.append(tailored)
            traces[field.name] = fieldTraces
        }
        let tailoredStandard = Standard(key: standard.key, fields: fields, overview: standard.overview, source: standard.source)
        let others = catalog.standards.filter { $0.key != standard.key }
        return TailoredCatalog(
            catalog: Catalog(standards: others + [tailoredStandard]), original: standard, tailored: tailoredStandard, diff: diff,
            traces: traces, fieldDisplayNames: displayNames, excludedItems: excludedItems)
    }

    /// The conditions with each adjustment's minimum set (replacing the standard's minimum for the measure, or
    /// added as a further alternative).
    static func adjusted(_ conditions: [FieldLevelCondition], by adjustments: [ThresholdAdjustment]) -> [FieldLevelCondition] {
        conditions.map { entry in
            var entry = entry
            var thresholds = entry.condition.thresholds
            for adjustment in adjustments where adjustment.level == entry.level {
                guard let measure = ScaleMeasure(rawValue: adjustment.measure), let minimum = adjustment.minimum.integer else {
                    continue
                }
                if let index = thresholds.firstIndex(where: { $0.measure == measure }) {
                    thresholds[index].minimum = minimum
                } else {
                    thresholds.append(ScaleThreshold(measure: measure, minimum: minimum))
                }
            }
            entry.condition = ScaleCondition(role: entry.condition.role, thresholds: thresholds)
            return entry
        }
    }

    /// The diff entries of one field's tailoring, in document order.
    static func changes(_ tailoring: FieldTailoring, in standard: Standard) -> [TailoringChange] {
        let name = tailoring.field
        var result: [TailoringChange] = []
        if let exclude = tailoring.exclude {
            result.append(TailoringChange(kind: .fieldExcluded, field: name, before: name, reason: exclude.reason))
        }
        if let display = tailoring.displayName {
            result.append(
                TailoringChange(kind: .fieldRenamed, field: name, before: name, after: display.name, reason: display.reason))
        }
        for item in tailoring.items {
            if let exclude = item.exclude {
                result.append(
                    TailoringChange(kind: .itemExcluded, field: name, item: item.item, before: item.item, reason: exclude.reason))
            }
            if let display = item.displayName {
                result.append(
                    TailoringChange(
                        kind: .itemRenamed, field: name, item: item.item, before: item.item, after: display.name,
                        reason: display.reason))
            }
            for addition in item.addKnowledge {
                result.append(
                    TailoringChange(
                        kind: .knowledgeAdded, field: name, item: item.item, after: addition.text, reason: addition.reason))
            }
        }
        for company in tailoring.companyItems {
            let levels = company.levels.map { String($0.level) }.sorted().joined(separator: ", ")
            result.append(
                TailoringChange(kind: .companyItemAdded, field: name, item: company.name, after: levels, reason: company.reason))
        }
        let conditions = standard.field(named: name)?.scaleConditions ?? []
        for threshold in tailoring.thresholds {
            let measure = ScaleMeasure(rawValue: threshold.measure) ?? .peakStaff
            let before = conditions.first { $0.level == threshold.level }?.condition.minimum(measure)
            let after = threshold.minimum.integer ?? 0
            result.append(
                TailoringChange(
                    kind: .thresholdAdjusted, field: name, before: before.map { "≥ " + ScaleCondition.format($0, measure) },
                    after: "≥ " + ScaleCondition.format(after, measure), level: threshold.level, reason: threshold.reason))
        }
        return result
    }
}
