import Foundation
import ITSSDomain

/// Reads a derived CASE package of the shape `CASEProfileExport` writes back into the profile document, checked
/// against the standard it is derived from. Every problem names its place in the package (`CFItems[12].notes: …`).
public enum CASEProfileImport {
    /// Whether `bytes` are a CASE package (a JSON object with a `CFDocument`) rather than a profile document.
    public static func looksLikePackage(_ bytes: [UInt8]) -> Bool {
        guard CASEImport.looksLikeJSON(bytes) else { return false }
        return (try? JSONDecoder().decode(Probe.self, from: Data(bytes)))?.CFDocument != nil
    }

    /// Reads a derived package into the profile document it was exported from: name, standard, purpose, the
    /// version it was exported from (`version`, as in a JSON export) and every change with its reason.
    /// - Throws: `CASEPackageError` listing every problem with its place: JSON that is not a package, duplicate
    ///   identifiers, dangling associations, an unknown base standard, an `ext:isDerivedFrom` to an identifier the
    ///   standard does not have, a missing reason, and whatever makes the profile invalid for its standard.
    public static func read(_ bytes: [UInt8], catalog: Catalog) throws(CASEPackageError) -> TailoringProfile {
        var reader = PackageReader(try CASEImport.decode(bytes))
        guard let profile = reader.profile(catalog: catalog), reader.problems.isEmpty else {
            throw CASEPackageError(problems: reader.problems)
        }
        return profile
    }

    /// Accepts any JSON value: only whether `CFDocument` is there matters.
    struct Anything: Decodable {
        init(from decoder: any Decoder) throws {}
    }

    struct Probe: Decodable {
        var CFDocument: Anything?
    }
}

extension PackageReader {
    /// The profile of a derived package, or `nil` with `problems` set.
    mutating func profile(catalog: Catalog) -> TailoringProfile? {
        guard let parsed = parse(kinds: CASEItemKind.allCases) else { return nil }
        let associations = raw.CFAssociations ?? []
        guard let standard = baseStandard(parsed, associations, catalog: catalog) else { return nil }
        var derivation = Derivation(standard: standard)
        derivation.read(associations, parsed: parsed, reader: &self)
        guard problems.isEmpty else { return nil }

        var builder = ProfileBuilder(parsed: parsed, derivation: derivation, standard: standard)
        let fields = builder.fields(reader: &self)
        let version = Int(parsed.version).flatMap { $0 > 0 ? $0 : nil }
        if version == nil {
            problem(
                "CFDocument.version",
                "expected the profile version the package was exported from, a whole number (got \"\(parsed.version.prefix(40))\")"
            )
        }
        guard problems.isEmpty else { return nil }
        let profile = TailoringProfile(
            name: parsed.title, standard: standard.key, purpose: raw.CFDocument?.description, fields: fields,
            version: version)
        // The profile's own checks, each issue named at the package's place it comes from.
        for issue in Tailoring.validate(profile, against: standard) {
            problem(builder.place(of: issue.path), issue.message)
        }
        return problems.isEmpty ? profile : nil
    }

    /// The standard the CFDocument is derived from (its `ext:isDerivedFrom` association), found in the catalog.
    mutating func baseStandard(_ parsed: Parsed, _ associations: [CASEImport.RawAssociation], catalog: Catalog) -> Standard? {
        var found: [(index: Int, identifier: String)] = []
        for (index, association) in associations.enumerated() where association.associationType == CASEProfileExport.derivedFrom {
            guard let origin = association.originNodeURI?.identifier?.lowercased(), parsed.nodes[origin] == .document,
                let destination = association.destinationNodeURI?.identifier?.lowercased()
            else { continue }
            found.append((index, destination))
        }
        guard let base = found.first else {
            problem(
                "CFAssociations",
                "no \(CASEProfileExport.derivedFrom) association from the CFDocument names the standard the profile tailors")
            return nil
        }
        if found.count > 1 {
            problem(
                "CFAssociations[\(found[1].index)]", "the CFDocument is derived from a second standard; a profile tailors one")
            return nil
        }
        guard let standard = catalog.standards.first(where: { CASEIdentifiers.document($0.key) == base.identifier }) else {
            let known = catalog.standards.map { "\($0.key) (\(CASEIdentifiers.document($0.key)))" }.joined(separator: ", ")
            problem(
                "CFAssociations[\(base.index)].destinationNodeURI.identifier",
                "no standard of the catalog has the CFDocument \(base.identifier); the catalog has \(known.isEmpty ? "none" : known)"
            )
            return nil
        }
        return standard
    }
}

/// Where each item of a derived package comes from: the standard's node (`ext:isDerivedFrom`) and, for company
/// items, the ITSS item they are modelled on (`isRelatedTo`).
struct Derivation {
    let standard: Standard
    var derived: [Int: CASEStandardNode] = [:]
    var basedOn: [Int: String] = [:]

    init(standard: Standard) { self.standard = standard }

    mutating func read(_ associations: [CASEImport.RawAssociation], parsed: PackageReader.Parsed, reader: inout PackageReader) {
        var nodes: [String: CASEStandardNode] = [:]
        for (node, link) in CASEExport.origins(standard) { nodes[link.identifier] = node }
        for (index, association) in associations.enumerated() {
            let place = "CFAssociations[\(index)]"
            let type = association.associationType
            guard type == CASEProfileExport.derivedFrom || type == "isRelatedTo",
                let originID = association.originNodeURI?.identifier?.lowercased(),
                let destination = association.destinationNodeURI?.identifier?.lowercased()
            else { continue }
            let origin = parsed.nodes[originID]
            if origin == .document { continue }  // the base standard, read before
            guard case let .item(child) = origin else {
                reader.problem(place + ".originNodeURI.identifier", "no CFItem of this package has identifier \(originID)")
                continue
            }
            if type == "isRelatedTo" {
                // Only a company item's link to the ITSS item it is modelled on is part of the profile.
                guard parsed.kinds[child] == .companySkillItem else { continue }
                guard case let .item(_, item)? = nodes[destination] else {
                    reader.problem(
                        place + ".destinationNodeURI.identifier",
                        "\(standard.key) has no skill item with identifier \(destination)")
                    continue
                }
                basedOn[child] = item
                continue
            }
            guard let node = nodes[destination] else {
                reader.problem(
                    place + ".destinationNodeURI.identifier", "\(standard.key) has no item with identifier \(destination)")
                continue
            }
            if derived[child] != nil {
                reader.problem(place, "CFItems[\(child)] is derived from a second item of the standard")
                continue
            }
            derived[child] = node
        }
    }
}

/// Rebuilds the profile's fields from a checked derived package, in the standard's order, and remembers which
/// place of the package each part of the profile comes from.
struct ProfileBuilder {
    let parsed: PackageReader.Parsed
    let derivation: Derivation
    let standard: Standard
    /// Profile path (`fields[1].items[0]`) → the package's place (`CFItems[7]`).
    var places: [String: String] = ["name": "CFDocument.title", "purpose": "CFDocument.description"]
    /// Items read, so that an item outside the structure is reported rather than lost.
    var visited: Set<Int> = []

    init(parsed: PackageReader.Parsed, derivation: Derivation, standard: Standard) {
        self.parsed = parsed
        self.derivation = derivation
        self.standard = standard
    }

    func statement(_ index: Int) -> String { parsed.items[index].fullStatement ?? "" }

    func children(_ index: Int) -> [Int] { PackageReader.ordered(parsed.structure.children[.item(index)] ?? []) }

    func levels(_ index: Int) -> [Int] { PackageReader.ordered(parsed.structure.levels[index] ?? []) }

    /// The package's place of a profile path: the longest recorded prefix, with the rest of the path named.
    func place(of path: String) -> String {
        var prefix = path
        while !prefix.isEmpty {
            if let place = places[prefix] { return prefix == path ? place : "\(place) (\(path))" }
            guard let cut = prefix.lastIndex(where: { $0 == "." || $0 == "[" }) else { break }
            prefix = String(prefix[..<cut])
        }
        return path
    }

    /// The fields of the profile, in the standard's order: kept ones with their changes (read from the package),
    /// left-out ones with the reason the CFDocument's notes give.
    mutating func fields(reader: inout PackageReader) -> [FieldTailoring] {
        let notes = (reader.raw.CFDocument?.notes ?? "").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        func reason(_ prefix: String) -> String? {
            notes.first { $0.hasPrefix(prefix) }.map { Self.unescaped(String($0.dropFirst(prefix.count))) }
        }
        var kept: [String: (tailoring: FieldTailoring, place: String, items: [String: String])] = [:]
        for fieldIndex in PackageReader.ordered(parsed.structure.children[.document] ?? []) {
            visited.insert(fieldIndex)
            let place = "CFItems[\(fieldIndex)]"
            let kind = parsed.kinds[fieldIndex]
            guard kind == .specialtyField || kind == .sharedLevels, case let .field(name)? = derivation.derived[fieldIndex]
            else {
                reader.problem(
                    place,
                    "a child of the CFDocument must be a field derived from a field of \(standard.key) (\(CASEProfileExport.derivedFrom))"
                )
                continue
            }
            guard kept[name] == nil else {
                reader.problem(place, "a second field derived from \"\(name)\"")
                continue
            }
            var tailoring = FieldTailoring(field: name, displayName: rename(fieldIndex, itss: name, reader: &reader))
            let result = children(of: fieldIndex, field: name, into: &tailoring, reader: &reader)
            kept[name] = (tailoring, place, result)
            // Items of the field the package does not have are left out, with the reason the notes give.
            guard let field = standard.field(named: name) else { continue }
            var items: [ItemTailoring] = []
            for item in field.items where !items.contains(where: { $0.item == item.name }) {
                if let changed = tailoring.items.first(where: { $0.item == item.name }) {
                    items.append(changed)
                } else if result[item.name] == nil {
                    let prefix = CASEProfileExport.leftOutPrefix(item: item.name, field: name)
                    guard let why = reason(prefix) else {
                        reader.problem(
                            "CFDocument.notes",
                            "\"\(item.name)\" of \"\(name)\" is not in the package, but no line \"\(prefix)reason\" says why it is left out"
                        )
                        continue
                    }
                    items.append(ItemTailoring(item: item.name, exclude: Exclusion(reason: why)))
                }
            }
            kept[name]?.tailoring.items = items
        }
        for index in parsed.items.indices where !visited.contains(index) {
            reader.problem(
                "CFItems[\(index)]", "not part of the framework: every item is a field (a child of the CFDocument) or below one")
        }
        // The profile's fields in the standard's order; fields the package does not have are left out.
        var fields: [FieldTailoring] = []
        for field in standard.fields where !fields.contains(where: { $0.field == field.name }) {
            let at = "fields[\(fields.count)]"
            guard let entry = kept[field.name] else {
                let prefix = CASEProfileExport.leftOutPrefix(field: field.name)
                guard let why = reason(prefix) else {
                    reader.problem(
                        "CFDocument.notes",
                        "the field \"\(field.name)\" is not in the package, but no line \"\(prefix)reason\" says why it is left out"
                    )
                    continue
                }
                places[at] = "CFDocument.notes"
                fields.append(FieldTailoring(field: field.name, exclude: Exclusion(reason: why)))
                continue
            }
            guard entry.tailoring.changeCount > 0 else { continue }
            places[at] = entry.place
            for (i, item) in entry.tailoring.items.enumerated() {
                places["\(at).items[\(i)]"] = entry.items[item.item] ?? "CFDocument.notes"
                for k in item.addKnowledge.indices {
                    places["\(at).items[\(i)].add_knowledge[\(k)]"] = entry.items["\(item.item)\u{1F}\(k)"]
                }
            }
            for (c, company) in entry.tailoring.companyItems.enumerated() {
                places["\(at).company_items[\(c)]"] = entry.items["company\u{1F}\(company.name)\u{1F}\(c)"]
            }
            for t in entry.tailoring.thresholds.indices { places["\(at).thresholds[\(t)]"] = entry.items["threshold\u{1F}\(t)"] }
            fields.append(entry.tailoring)
        }
        return fields
    }

    /// Reads the children of a field: its ITSS items (with their renames and added knowledge), company items and
    /// threshold adjustments. Returns the places read, by ITSS item name (and keys for the other parts).
    mutating func children(
        of fieldIndex: Int, field: String, into tailoring: inout FieldTailoring, reader: inout PackageReader
    ) -> [String: String] {
        var places: [String: String] = [:]
        for child in children(fieldIndex) {
            visited.insert(child)
            let place = "CFItems[\(child)]"
            let item = parsed.items[child]
            switch parsed.kinds[child] {
            case .commonSkillItem, .specificSkillItem:
                guard case let .item(from, name)? = derivation.derived[child], from == field else {
                    reader.problem(
                        place, "a skill item must be derived from a skill item of \"\(field)\" (\(CASEProfileExport.derivedFrom))"
                    )
                    continue
                }
                guard places[name] == nil else {
                    reader.problem(place, "a second skill item derived from \"\(name)\" of \"\(field)\"")
                    continue
                }
                places[name] = place
                var change = ItemTailoring(item: name, displayName: rename(child, itss: name, reader: &reader))
                for level in levels(child) {
                    visited.insert(level)
                    guard case let .level(f, i, _)? = derivation.derived[level], f == field, i == name else {
                        reader.problem(
                            "CFItems[\(level)]",
                            "a level statement of an ITSS item must be derived from a level of \"\(name)\" (\(CASEProfileExport.derivedFrom))"
                        )
                        continue
                    }
                }
                for knowledge in children(child) {
                    visited.insert(knowledge)
                    switch (parsed.kinds[knowledge], derivation.derived[knowledge]) {
                    case (.knowledgeItem, nil):
                        places["\(name)\u{1F}\(change.addKnowledge.count)"] = "CFItems[\(knowledge)]"
                        change.addKnowledge.append(
                            KnowledgeAddition(text: statement(knowledge), reason: parsed.items[knowledge].notes ?? ""))
                    case (.knowledgeItem, .knowledge(field, name, _)?): break
                    default:
                        reader.problem(
                            "CFItems[\(knowledge)]",
                            "below a skill item only knowledge items: derived from one of \"\(name)\", or added by the company (no \(CASEProfileExport.derivedFrom))"
                        )
                    }
                }
                if change.changeCount > 0 { tailoring.items.append(change) }
            case .companySkillItem:
                if derivation.derived[child] != nil {
                    reader.problem(place, "a company item is the company's own: it has no \(CASEProfileExport.derivedFrom)")
                }
                places["company\u{1F}\(statement(child))\u{1F}\(tailoring.companyItems.count)"] = place
                var levelTexts: [CompanyLevel] = []
                for level in levels(child) {
                    visited.insert(level)
                    levelTexts.append(
                        CompanyLevel(level: Int(parsed.items[level].listEnumeration ?? "") ?? 0, text: statement(level)))
                }
                var knowledge: [String] = []
                for entry in children(child) {
                    visited.insert(entry)
                    if parsed.kinds[entry] != .knowledgeItem {
                        reader.problem("CFItems[\(entry)]", "below a company item only knowledge items")
                    }
                    knowledge.append(statement(entry))
                }
                tailoring.companyItems.append(
                    CompanyItem(
                        name: statement(child), reason: item.notes ?? "", basedOn: derivation.basedOn[child], levels: levelTexts,
                        knowledgeItems: knowledge))
            case .thresholdAdjustment:
                places["threshold\u{1F}\(tailoring.thresholds.count)"] = place
                let parts = (item.abbreviatedStatement ?? "").components(separatedBy: " >= ")
                guard parts.count == 2, let minimum = Int64(parts[1]), let level = Int(item.listEnumeration ?? "") else {
                    reader.problem(
                        place + ".abbreviatedStatement",
                        "a threshold adjustment needs \"measure >= minimum\" (such as \"peak_staff >= 50\") and its level in listEnumeration"
                    )
                    continue
                }
                tailoring.thresholds.append(
                    ThresholdAdjustment(level: level, measure: parts[0], minimum: .number(minimum), reason: item.notes ?? ""))
            default:
                reader.problem(place, "below a field only skill items, company items and threshold adjustments")
            }
        }
        return places
    }

    /// The company's name of a field or item, from its statement and the reason in its notes.
    func rename(_ index: Int, itss: String, reader: inout PackageReader) -> DisplayName? {
        let shown = statement(index)
        guard let notes = parsed.items[index].notes, !notes.isEmpty else {
            if shown != itss {
                reader.problem(
                    "CFItems[\(index)].notes",
                    "\"\(shown)\" is not the ITSS name \"\(itss)\"; give the reason as \"\(CASEProfileExport.renamed(itss, "reason"))\""
                )
            }
            return nil
        }
        let prefix = CASEProfileExport.renamedPrefix(itss)
        guard notes.hasPrefix(prefix) else {
            reader.problem("CFItems[\(index)].notes", "expected \"\(prefix)reason\" (the reason for the company's name)")
            return nil
        }
        return DisplayName(name: shown, reason: String(notes.dropFirst(prefix.count)))
    }

    /// Undoes `CASEProfileExport.escaped`.
    static func unescaped(_ text: String) -> String {
        var result = ""
        var escaping = false
        for character in text {
            if escaping {
                result.append(character == "n" ? "\n" : character)
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else {
                result.append(character)
            }
        }
        return result
    }
}
