import ArgumentParser
import Foundation
import ITSSDomain
import ITSSStorage

/// `itss catalog search QUERY`: ranked hits across item names, knowledge items and level texts.
struct CatalogSearchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search item names, knowledge items and level texts, best hits first."
    )

    @Argument(help: "Words to look for (all must match; word prefixes count).")
    var query: String

    @Option(help: "How many hits to print.")
    var limit = 20

    @Flag(help: "Print JSON.")
    var json = false

    func run() async throws {
        try await reportingErrors {
            let catalog = try await DatabaseSession.with { try await $0.catalog() }
            let hits = CatalogSearch.search(query, in: catalog, limit: limit)
            if json { return try Output.json(hits) }
            guard !hits.isEmpty else {
                Output.line("No matches for \"\(query)\". Try fewer or shorter words, or `itss catalog list` to browse.")
                return
            }
            for (rank, hit) in hits.enumerated() {
                let place = [hit.field, hit.item].joined(separator: " / ") + (hit.level.map { " / level \($0)" } ?? "")
                Output.line("\(rank + 1). [\(hit.kind.rawValue)] \(place)  (ITSS \(hit.standard.version))")
                Output.line("   " + Snippet.around(query, in: hit.text))
            }
        }
    }
}

/// A short excerpt of a text around the first query word.
enum Snippet {
    static func around(_ query: String, in text: String, width: Int = 110) -> String {
        guard text.count > width else { return text }
        let firstWord = query.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).first.map(String.init) ?? ""
        guard !firstWord.isEmpty, let range = text.range(of: firstWord, options: [.caseInsensitive, .diacriticInsensitive]) else {
            return String(text.prefix(width)) + "…"
        }
        let offset = text.distance(from: text.startIndex, to: range.lowerBound)
        let start = max(0, min(offset - width / 3, text.count - width))
        let startIndex = text.index(text.startIndex, offsetBy: start)
        let endIndex = text.index(startIndex, offsetBy: width, limitedBy: text.endIndex) ?? text.endIndex
        return (start > 0 ? "…" : "") + text[startIndex..<endIndex] + (endIndex < text.endIndex ? "…" : "")
    }
}
