import ArgumentParser
import ITSSDomain
import ITSSStorage

/// `itss catalog list`: standards, job categories and specialty fields with their defined levels.
struct CatalogListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List standards, job categories and specialty fields with their defined levels."
    )

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    struct FieldSummary: Encodable {
        var standard: String
        var version: String
        var field: String
        var kind: String
        var items: Int
        var levels: [Int]
    }

    func run() async throws {
        try await reportingErrors {
            let (catalog, stored) = try await DatabaseSession.with { database in
                (try await database.catalog(), try await database.storedStandards())
            }
            let summaries = catalog.standards.flatMap { standard in
                standard.fields.map { field in
                    FieldSummary(
                        standard: standard.key.name, version: standard.key.version, field: field.name,
                        kind: field.kind.rawValue, items: field.items.count,
                        levels: standard.effectiveField(field).definedLevels)
                }
            }
            if json { return try Output.json(summaries) }
            for standard in catalog.standards {
                let facts = stored.first { $0.key == standard.key }
                Output.line("ITSS \(standard.key.version) — job category: \(standard.key.name)")
                Output.line(
                    "  source \(standard.source.fileName), revision \(facts?.revision ?? 1)"
                        + ((facts?.errataApplied ?? false) ? ", errata applied" : ""))
                var table = TextTable(header: ["Specialty field", "Items", "Levels"])
                for field in standard.fields {
                    let levels = standard.effectiveField(field).definedLevels
                    let label = field.kind == .sharedLevels ? "\(field.name) (supplies levels to every field)" : field.name
                    table.rows.append(["  " + label, "\(field.items.count)", LevelRange.describe(levels)])
                }
                Output.line(table.rendered())
                Output.line()
            }
        }
    }
}

/// `[3, 4, 5, 6, 7]` → `3–7`; `[1, 2, 4]` → `1, 2, 4`.
enum LevelRange {
    static func describe(_ levels: [Int]) -> String {
        guard let first = levels.first, let last = levels.last else { return "none" }
        if levels.count > 1, last - first + 1 == levels.count { return "\(first)–\(last)" }
        return levels.map(String.init).joined(separator: ", ")
    }
}
