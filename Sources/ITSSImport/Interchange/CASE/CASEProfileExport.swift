import Foundation
import ITSSDomain

/// A node of a standard's CASE package that an item of a profile's derived package comes from.
public enum CASEStandardNode: Sendable, Hashable {
    case document
    case field(String)
    case item(field: String, item: String)
    case level(field: String, item: String, level: Int)
    case knowledge(field: String, item: String, number: Int)
}

extension CASEExport {
    /// The links to the nodes of a standard's package, exactly as `package(_:links:)` identifies them: the
    /// document, fields and skill items (`link(in:field:item:)`), and the level statements and knowledge items
    /// (numbered from 1) below them. The destinations of a derived package's `ext:isDerivedFrom` associations.
    public static func origins(_ standard: Standard) -> [CASEStandardNode: CASEPackage.Link] {
        let documentID = CASEIdentifiers.document(standard.key)
        var result: [CASEStandardNode: CASEPackage.Link] = [
            .document: CASEPackage.Link(
                title: standard.key.name, identifier: documentID, uri: CASEIdentifiers.uri(documentID))
        ]
        func link(_ title: String, _ path: [String]) -> CASEPackage.Link {
            let id = CASEIdentifiers.identifier(path)
            return CASEPackage.Link(title: Builder.title(title), identifier: id, uri: CASEIdentifiers.uri(id))
        }
        for field in standard.fields where result[.field(field.name)] == nil {
            guard let fieldLink = CASEExport.link(in: standard, field: field.name, item: nil) else { continue }
            result[.field(field.name)] = fieldLink
            let fieldPath = CASEIdentifiers.fieldPath(standard.key, field.name)
            for item in field.items where result[.item(field: field.name, item: item.name)] == nil {
                guard let itemLink = CASEExport.link(in: standard, field: field.name, item: item.name) else { continue }
                result[.item(field: field.name, item: item.name)] = itemLink
                let itemPath = CASEIdentifiers.itemPath(fieldPath, item.name)
                for level in item.levels {
                    result[.level(field: field.name, item: item.name, level: level.level)] = link(
                        level.text, itemPath + ["level", String(level.level)])
                }
                for (number, knowledge) in item.knowledgeItems.enumerated() {
                    result[.knowledge(field: field.name, item: item.name, number: number + 1)] = link(
                        knowledge, itemPath + ["knowledge", String(number + 1)])
                }
            }
        }
        return result
    }
}

/// Exports a version of a tailoring profile as a derived CASE 1.1 package: a CFDocument of its own whose items are
/// the tailored framework (`Tailoring.apply`), each item that comes from the standard linked to the standard's item
/// by an `ext:isDerivedFrom` association, every change's reason in the `notes` of what it concerns. Deterministic:
/// identifiers are UUIDv5 of the profile's name, version and each object's path, and `lastChangeDateTime` is the
/// standard's. docs/case.md ("Tailoring profiles") describes the mapping; `CASEProfileImport` reads it back.
public enum CASEProfileExport {
    /// The association type from a derived node to the standard's node it comes from. CASE 1.1 has no such type;
    /// its extension mechanism (`ext:` types) carries it.
    public static let derivedFrom = "ext:isDerivedFrom"

    /// The derived package of `profile` saved as `version`.
    /// - Throws: `TailoringError` when the profile does not apply to the catalog.
    public static func package(
        _ profile: TailoringProfile, version: Int, catalog: Catalog
    ) throws(TailoringError)
        -> CASEPackage
    {
        package(profile, version: version, tailored: try Tailoring.apply(profile, to: catalog))
    }

    /// The derived package of `profile` saved as `version`, from the profile applied to the catalog.
    public static func package(_ profile: TailoringProfile, version: Int, tailored: TailoredCatalog) -> CASEPackage {
        let standard = tailored.original
        let root = CASEIdentifiers.profilePath(profile.name, version: version)
        let id = CASEIdentifiers.identifier(root)
        let changed = CASEIdentifiers.lastChange(standard.key)
        var builder = CASEExport.Builder(
            document: CASEPackage.Link(title: profile.name, identifier: id, uri: CASEIdentifiers.uri(id)), changed: changed)
        let origins = CASEExport.origins(standard)
        if let base = origins[.document] { builder.relate(builder.document, derivedFrom, base, sequence: nil) }
        let byField = Dictionary(profile.fields.map { ($0.field, $0) }, uniquingKeysWith: { first, _ in first })
        for (fieldNumber, field) in tailored.tailored.fields.enumerated() {
            let tailoring = byField[field.name]
            let fieldPath = root + ["field", field.name]
            let fieldLink = builder.add(
                fieldPath, tailored.displayName(ofField: field.name),
                kind: field.kind == .sharedLevels ? .sharedLevels : .specialtyField, enumeration: fieldNumber + 1,
                abbreviated: field.name, notes: tailoring?.displayName.map { renamed(field.name, $0.reason) })
            builder.relate(fieldLink, "isChildOf", builder.document, sequence: fieldNumber + 1)
            if let origin = origins[.field(field.name)] { builder.relate(fieldLink, derivedFrom, origin, sequence: nil) }
            let byItem = Dictionary(
                (tailoring?.items ?? []).map { ($0.item, $0) }, uniquingKeysWith: { first, _ in first })
            let companies = Dictionary(
                (tailoring?.companyItems ?? []).map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
            var sequence = 0
            for (item, trace) in zip(field.items, tailored.traces[field.name] ?? []) {
                sequence += 1
                switch trace.origin {
                case .standard:
                    builder.addStandardItem(
                        item, trace: trace, change: byItem[item.name], field: field.name, under: fieldLink,
                        path: fieldPath, sequence: sequence, origins: origins)
                case let .company(basedOn):
                    let path = fieldPath + ["company-item", item.name]
                    let link = builder.add(
                        path, item.name, kind: .companySkillItem, enumeration: sequence, notes: companies[item.name]?.reason)
                    builder.relate(link, "isChildOf", fieldLink, sequence: sequence)
                    // Company levels are written in level order, so that reading the package back keeps the bytes.
                    builder.addLevels(item.levels.sorted { $0.level < $1.level }, of: link, path: path)
                    builder.addKnowledge(item.knowledgeItems, of: link, path: path)
                    if let basedOn, let origin = origins[.item(field: field.name, item: basedOn)] {
                        builder.relate(link, "isRelatedTo", origin, sequence: nil, notes: basedOnNote)
                    }
                }
            }
            // Adjustments in a canonical order (level, then measure), whatever the profile's order.
            let adjustments = zip(
                tailoring?.thresholds ?? [],
                tailored.diff.filter { $0.field == field.name && $0.kind == .thresholdAdjusted }
            ).sorted { ($0.0.level, measureRank($0.0.measure)) < ($1.0.level, measureRank($1.0.measure)) }
            for (threshold, change) in adjustments {
                sequence += 1
                let link = builder.add(
                    fieldPath + ["threshold", String(threshold.level), threshold.measure],
                    "Level \(threshold.level) scale threshold: \(change.after ?? "") (the standard: \(change.before ?? "no minimum for this measure"))",
                    kind: .thresholdAdjustment, enumeration: threshold.level,
                    abbreviated: "\(threshold.measure) >= \(threshold.minimum.integer ?? 0)", notes: threshold.reason)
                builder.relate(link, "isChildOf", fieldLink, sequence: sequence)
            }
        }
        return builder.package(
            CASEPackage.Document(
                identifier: id, uri: CASEIdentifiers.uri(id), creator: "itss (company tailoring profile)", title: profile.name,
                lastChangeDateTime: changed, publisher: nil, description: profile.purpose,
                subject: ["IT Skill Standard (ITSS)", "Company tailoring profile"], language: "en", version: String(version),
                adoptionStatus: nil, frameworkType: "Tailoring profile", caseVersion: "1.1",
                notes: documentNotes(profile, version: version, tailored: tailored), CFPackageURI: builder.document),
            kinds: CASEItemKind.allCases)
    }

    /// The package as JSON, like a standard's (`CASEExport.json`): the same profile version gives the same bytes.
    /// - Throws: `EncodingError`, which the package's value types do not cause.
    public static func json(_ profile: TailoringProfile, version: Int, tailored: TailoredCatalog) throws -> Data {
        try CASEExport.json(package(profile, version: version, tailored: tailored))
    }

    /// The notes of a renamed field or item: `Renamed from the ITSS name "…": reason`.
    static func renamed(_ itssName: String, _ reason: String) -> String { renamedPrefix(itssName) + reason }

    static func renamedPrefix(_ itssName: String) -> String { "Renamed from the ITSS name \"\(itssName)\": " }

    /// The notes of a company item's `isRelatedTo` association to the ITSS item it is modelled on.
    static let basedOnNote = "based on: the company item is modelled on this ITSS item"

    /// The line of the CFDocument's notes that gives the reason for leaving a field out.
    static func leftOutPrefix(field: String) -> String { "Left out: field \"\(field)\" — " }

    /// The line of the CFDocument's notes that gives the reason for leaving an item out.
    static func leftOutPrefix(item: String, field: String) -> String { "Left out: item \"\(item)\" of field \"\(field)\" — " }

    /// A reason on one line: `\` and line feeds escaped (the only control character a reason may hold).
    static func escaped(_ reason: String) -> String {
        reason.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\n", with: "\\n")
    }

    /// The CFDocument's notes: the base standard, how the package reads, then what the profile leaves out, in the
    /// standard's order, one line each with its reason.
    static func documentNotes(_ profile: TailoringProfile, version: Int, tailored: TailoredCatalog) -> String {
        let key = tailored.original.key
        var lines = [
            "Company tailoring profile \"\(profile.name)\" version \(version) of ITSS \(key.version) \(key.name) "
                + "(CFDocument \(CASEIdentifiers.document(key))). Items that come from the standard have an "
                + "\(derivedFrom) association to the standard's item; company items, added knowledge items and "
                + "threshold adjustments have none. Each change's reason is in the notes of what it concerns."
        ]
        let byField = Dictionary(profile.fields.map { ($0.field, $0) }, uniquingKeysWith: { first, _ in first })
        for field in tailored.original.fields {
            guard let tailoring = byField[field.name] else { continue }
            if let exclude = tailoring.exclude {
                lines.append(leftOutPrefix(field: field.name) + escaped(exclude.reason))
                continue
            }
            let byItem = Dictionary(tailoring.items.map { ($0.item, $0) }, uniquingKeysWith: { first, _ in first })
            for item in field.items {
                guard let exclude = byItem[item.name]?.exclude else { continue }
                lines.append(leftOutPrefix(item: item.name, field: field.name) + escaped(exclude.reason))
            }
        }
        return lines.joined(separator: "\n")
    }

    /// The position of a measure (`ScaleMeasure.order`; unknown ones, which validation refuses, last).
    static func measureRank(_ measure: String) -> Int { ScaleMeasure(rawValue: measure)?.order ?? .max }
}

extension CASEExport.Builder {
    /// Adds a skill item of the standard as the profile keeps it: the company's name (the ITSS name in
    /// `abbreviatedStatement`), its level statements and knowledge items derived from the standard's, then the
    /// company's added knowledge items with their reasons.
    mutating func addStandardItem(
        _ item: SkillItem, trace: ItemTrace, change: ItemTailoring?, field: String, under fieldLink: CASEPackage.Link,
        path fieldPath: [String], sequence: Int, origins: [CASEStandardNode: CASEPackage.Link]
    ) {
        let path = fieldPath + ["item", item.name]
        let link = add(
            path, trace.displayName ?? item.name, kind: item.scope == .common ? .commonSkillItem : .specificSkillItem,
            enumeration: sequence, abbreviated: item.name,
            notes: change?.displayName.map { CASEProfileExport.renamed(item.name, $0.reason) })
        relate(link, "isChildOf", fieldLink, sequence: sequence)
        if let origin = origins[.item(field: field, item: item.name)] {
            relate(link, CASEProfileExport.derivedFrom, origin, sequence: nil)
        }
        addLevels(item.levels, of: link, path: path, derived: { origins[.level(field: field, item: item.name, level: $0)] })
        let own = item.knowledgeItems.count - trace.addedKnowledge.count
        addKnowledge(
            Array(item.knowledgeItems.prefix(own)), of: link, path: path,
            derived: { origins[.knowledge(field: field, item: item.name, number: $0)] })
        let reasons = change?.addKnowledge.map(\.reason) ?? []
        addKnowledge(
            trace.addedKnowledge, of: link, path: path, first: own + 1, segment: "added-knowledge",
            notes: { number in reasons.indices.contains(number - own - 1) ? reasons[number - own - 1] : nil })
    }
}
