import ITSSDomain

/// Reads the skill-area overview that precedes the proficiency pages.
///
/// The overview is a two-column table flattened by the extraction: "●Item" headings, each followed by
/// its knowledge items separated by commas, interleaved with column headings and field names.
enum OverviewParser {
    /// Column headings of the overview table, which the extraction sometimes splits mid-word.
    static let headings = [
        "Job Category Skill Item", "Career common skill item", "Specialty Field Specific Skill Item",
        "Specialty Field Skill Item", "All Specialty Field",
    ]

    /// The overview's "●" entries with their comma-separated knowledge items.
    static func entries(_ source: SourceText, lines: ClosedRange<Int>, fieldNames: [String]) -> [OverviewEntry] {
        let stopLines = Set(fieldNames.map { $0.lowercased() } + headings.map { $0.lowercased() })
        var entries: [OverviewEntry] = []
        var current: (name: Substring, line: Int, parts: [Substring])?
        var inNote = false

        func close() {
            guard let entry = current else { return }
            let joined = TextJoiner.join(entry.parts)
            let knowledge = joined.split(separator: ",").map { String(SourceText.trim($0)) }.filter { !$0.isEmpty }
            entries.append(OverviewEntry(name: String(entry.name), knowledgeItems: knowledge, line: entry.line))
            current = nil
        }

        for number in lines {
            let line = source[number]
            if line.hasPrefix("<Note>") {
                close()
                inNote = true
                continue
            }
            if line.isEmpty {
                inNote = false
                continue
            }
            if inNote { continue }
            switch LineKind.classify(line) {
            case let .itemHeading(name):
                close()
                current = (name, number, [])
            case .text where !stopLines.contains(line.lowercased()):
                current?.parts.append(line)
            default:
                close()
            }
        }
        close()
        return entries
    }

    /// The headings without case and spaces, for matching split fragments.
    private static let compactHeadings = headings.map { (heading: $0, compact: compact($0[...])) }

    /// Notes for overview headings the extraction split over several lines ("Job C" / "ategory Skill Item").
    static func splitHeadings(_ source: SourceText, lines: ClosedRange<Int>) -> [Diagnostic] {
        var notes: [Diagnostic] = []
        let nonBlank = lines.filter { !source[$0].isEmpty && source[$0].utf8.count < 40 }
        for (position, number) in nonBlank.enumerated() {
            let first = compact(source[number])
            guard !first.isEmpty else { continue }
            for (heading, target) in compactHeadings where first.count < target.count && target.hasPrefix(first) {
                var joined = first
                var last = number
                for next in nonBlank.dropFirst(position + 1).prefix(3) {
                    joined += compact(source[next])
                    last = next
                    if joined.count >= target.count { break }
                }
                if joined == target {
                    notes.append(
                        Diagnostic(
                            .info, .headerTypo, line: number,
                            message: "the heading \"\(heading)\" is split over lines \(number)–\(last) by the extraction"))
                }
            }
        }
        return notes
    }

    private static func compact(_ text: Substring) -> String {
        NameKey(String(text)).value
    }
}
