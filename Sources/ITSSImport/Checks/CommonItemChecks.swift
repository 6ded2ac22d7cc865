import ITSSDomain

/// Checks that items labelled "common to the job category" are common: present and labelled common in
/// every specialty field, with the same knowledge items.
enum CommonItemChecks {
    static func diagnostics(for standard: Standard) -> [Diagnostic] {
        let fields = standard.specialtyFields
        guard fields.count > 1 else { return [] }
        var result: [Diagnostic] = []
        var orderedNames: [String] = []
        var occurrences: [String: [(field: SpecialtyField, item: SkillItem)]] = [:]
        for field in fields {
            for item in field.items {
                if occurrences[item.name] == nil { orderedNames.append(item.name) }
                occurrences[item.name, default: []].append((field, item))
            }
        }
        for name in orderedNames {
            guard let sightings = occurrences[name],
                let labelledCommon = sightings.first(where: { $0.item.scope == .common })
            else { continue }
            let missing = fields.map(\.name).filter { fieldName in !sightings.contains { $0.field.name == fieldName } }
            let specific = sightings.filter { $0.item.scope == .specific }.map(\.field.name)
            if !missing.isEmpty || !specific.isEmpty {
                var parts: [String] = []
                if !missing.isEmpty { parts.append("fields \(OverviewChecks.quoted(missing)) do not have it") }
                if !specific.isEmpty { parts.append("\(OverviewChecks.quoted(specific)) label it specialty-field specific") }
                let overviewCount = standard.overview.filter { NameKey($0.name) == NameKey(name) }.count
                if overviewCount > 1 { parts.append("the overview lists it \(overviewCount) times, under single fields") }
                result.append(
                    Diagnostic(
                        .warning, .commonItemScopeMismatch, line: labelledCommon.item.line,
                        field: labelledCommon.field.name, item: name,
                        message: "the page labels the item common to the job category, but " + parts.joined(separator: "; ")))
            }
            result += knowledgeVariants(name: name, sightings: sightings.filter { $0.item.scope == .common })
        }
        return result
    }

    private static func knowledgeVariants(name: String, sightings: [(field: SpecialtyField, item: SkillItem)]) -> [Diagnostic] {
        guard let first = sightings.first else { return [] }
        let reference = KnowledgeSet(first.item.knowledgeItems)
        var result: [Diagnostic] = []
        for sighting in sightings.dropFirst() {
            let other = KnowledgeSet(sighting.item.knowledgeItems)
            let added = other.missing(from: reference)
            let dropped = reference.missing(from: other)
            guard !added.isEmpty || !dropped.isEmpty else { continue }
            var parts: [String] = []
            if !added.isEmpty { parts.append("lists \(OverviewChecks.quoted(added))") }
            if !dropped.isEmpty { parts.append("lacks \(OverviewChecks.quoted(dropped))") }
            result.append(
                Diagnostic(
                    .warning, .commonItemKnowledgeMismatch, line: sighting.item.line, field: sighting.field.name,
                    item: name,
                    message: "the common item " + parts.joined(separator: " and ")
                        + " compared with field \(Excerpt.quoted(first.field.name)) (line \(first.item.line))"))
        }
        return result
    }
}
