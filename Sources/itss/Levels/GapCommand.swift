import ArgumentParser
import ITSSDomain
import ITSSStorage

/// `itss gap PERSON --target "Service Desk:4"`.
struct GapCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gap", abstract: "Every unmet condition between a person and a target level.")

    @Argument(help: "The person's employee number.") var employeeNumber: String
    @Option(help: "FIELD:LEVEL, e.g. \"Service Desk:4\" or \"V2:Service desk:3\".") var target: LevelTarget
    @Flag(help: "Use self ratings and all records (provisional) instead of the official inputs.") var provisional = false
    @Flag(help: "Print JSON.") var json = false

    func run() async throws {
        try await reportingErrors {
            let gap = try await DatabaseSession.with { database in
                try await database.gap(
                    personID: try await database.personID(employeeNumber), fieldID: try await database.fieldID(target.field),
                    target: target.level, basis: provisional ? .provisional : .approved)
            }
            if json { return try Output.json(gap) }
            Output.line(
                "\(employeeNumber) → \(gap.field) level \(gap.target) (\(gap.basis.rawValue); now "
                    + (gap.currentLevel.map { "level \($0)" } ?? "below level \(gap.definedLevels.first ?? 1)") + ")")
            if gap.isClosed { return Output.line("No gap: every condition up to level \(gap.target) is met.") }
            if !gap.items.isEmpty {
                Output.line("")
                Output.line("Skill items:")
                for item in gap.items {
                    Output.line("  \(item.item): rated \(item.rating), needs \(item.needed)")
                    Output.line(ItemDetail.wrap("“\(item.text)”", indent: "    "))
                    if !item.knowledgeItems.isEmpty {
                        Output.line("    Knowledge: " + item.knowledgeItems.joined(separator: "; "))
                    }
                }
            }
            if !gap.scale.isEmpty {
                Output.line("")
                Output.line("Track record:")
                for scale in gap.scale {
                    Output.line("  Level \(scale.level) needs \(scale.condition.summary): \(scale.reason)")
                }
            }
        }
    }
}
