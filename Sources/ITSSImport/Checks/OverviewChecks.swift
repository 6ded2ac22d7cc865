import ITSSDomain

/// Compares the skill-area overview with the proficiency pages.
enum OverviewChecks {
    static func diagnostics(for standard: Standard) -> [Diagnostic] {
        guard !standard.overview.isEmpty else { return [] }
        var result: [Diagnostic] = []
        let overviewByKey = Dictionary(grouping: standard.overview) { NameKey($0.name) }
        var pageKeys = Set<NameKey>()
        // The shared-levels section ("Common to Level 1, 2") too: its items are in the overview like any other,
        // and words glued onto one of its knowledge items (the V2 document ends with one) would go unreported.
        for field in standard.fields {
            for item in field.items {
                let key = NameKey(item.name)
                let firstSighting = pageKeys.insert(key).inserted
                guard let entries = overviewByKey[key] else {
                    if firstSighting {
                        result.append(
                            Diagnostic(
                                .warning, .overviewItemMismatch, line: item.line, field: field.name, item: item.name,
                                message: "the item is not listed in the skill-area overview"))
                    }
                    continue
                }
                if firstSighting, let entry = entries.first, entry.name != item.name {
                    result.append(
                        Diagnostic(
                            .info, .overviewItemMismatch, line: entry.line, field: field.name, item: item.name,
                            message: "the overview spells the item \(Excerpt.quoted(entry.name))"))
                }
                result += knowledgeDifferences(item: item, field: field, entries: entries)
            }
        }
        for entry in standard.overview where !pageKeys.contains(NameKey(entry.name)) {
            result.append(
                Diagnostic(
                    .warning, .overviewItemMismatch, line: entry.line, item: entry.name,
                    message: "the overview lists the item but no proficiency page has it"))
        }
        return deduplicated(result)
    }

    /// Differences between the page's knowledge items and the closest overview entry of the same name.
    private static func knowledgeDifferences(item: SkillItem, field: SpecialtyField, entries: [OverviewEntry]) -> [Diagnostic] {
        let page = KnowledgeSet(item.knowledgeItems)
        let candidates = entries.map { ($0, KnowledgeSet($0.knowledgeItems)) }
        // Closest = fewest differing knowledge items (ties: the first listed). Most shared items is not enough: an
        // entry that lists the page's items plus others shares as many as the exact one, and would win by order.
        guard let (entry, overview) = candidates.min(by: { page.difference($0.1) < page.difference($1.1) }) else { return [] }
        let onlyOnPage = page.missing(from: overview)
        let onlyInOverview = overview.missing(from: page)
        guard !onlyOnPage.isEmpty || !onlyInOverview.isEmpty else { return [] }
        var parts: [String] = []
        if !onlyOnPage.isEmpty { parts.append("the page lists \(quoted(onlyOnPage)) which the overview does not") }
        if !onlyInOverview.isEmpty {
            parts.append("the overview (line \(entry.line)) lists \(quoted(onlyInOverview)) which the page does not")
        }
        return [
            Diagnostic(
                .warning, .overviewKnowledgeMismatch, line: item.line, field: field.name, item: item.name,
                message: parts.joined(separator: "; "))
        ]
    }

    /// Common items repeat the same finding in every field: keep one per item and message.
    private static func deduplicated(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        var seen = Set<String>()
        return diagnostics.filter { seen.insert("\($0.code.rawValue)|\($0.item ?? "")|\($0.message)").inserted }
    }

    static func quoted(_ names: [String]) -> String {
        names.map { Excerpt.quoted($0) }.joined(separator: ", ")
    }
}

/// A name compared without case, spacing or punctuation: "relationship(service desk)" = "Relationship (Service Desk)".
struct NameKey: Hashable {
    let value: String

    init(_ name: String) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(name.utf8.count)
        var isASCII = true
        for byte in name.utf8 {
            switch byte {
            case 0x41...0x5A: bytes.append(byte + 0x20)
            case 0x61...0x7A, 0x30...0x39: bytes.append(byte)
            case 0x80...: isASCII = false
            default: continue
            }
        }
        if isASCII {
            value = String(decoding: bytes, as: UTF8.self)
        } else {
            value = String(name.lowercased().filter { $0.isLetter || $0.isNumber })
        }
    }
}

/// Knowledge items compared by `NameKey`, ignoring the overview's trailing "etc".
struct KnowledgeSet {
    let entries: [(name: String, key: NameKey)]
    let keys: Set<NameKey>

    init(_ names: [String]) {
        entries = names.filter { !["etc", "etc."].contains($0.lowercased()) }.map { ($0, NameKey($0)) }
        keys = Set(entries.map(\.key))
    }

    /// How many knowledge items only one of the two sets has.
    func difference(_ other: KnowledgeSet) -> Int { keys.symmetricDifference(other.keys).count }

    /// Names of this set whose key the other set lacks, in order.
    func missing(from other: KnowledgeSet) -> [String] {
        entries.filter { !other.keys.contains($0.key) }.map(\.name)
    }
}
