import ArgumentParser
import ITSSDomain
import ITSSStorage

/// `itss level PERSON [--field F] [--explain] [--as-of DATE]`.
struct LevelCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "level", abstract: "A person's ITSS level per specialty field, with the reasons.",
        discussion: """
            The official level uses approved evaluator ratings and verified experience; the provisional level uses
            self ratings and all experience and is always labelled so. See docs/levels.md for the rule.
            """)

    @Argument(help: "The person's employee number.") var employeeNumber: String
    @Option(help: "Only this specialty field.") var field: String?
    @Flag(help: "Show every condition of every level, met or not.") var explain = false
    @Option(help: "The official level as of this date (YYYY-MM-DD), from history.") var asOf: Day?
    @Flag(help: "Print JSON.") var json = false

    func run() async throws {
        try await reportingErrors {
            let levels = try await DatabaseSession.with { try await $0.levels(of: employeeNumber, field: field, asOf: asOf) }
            if json { return try Output.json(levels) }
            guard !levels.isEmpty else {
                return Output.line(
                    "\(employeeNumber) works in no specialty field yet (`itss person add-field \(employeeNumber) FIELD`).")
            }
            for level in levels {
                Output.line(LevelReport.render(level, explain: explain))
                Output.line("")
            }
        }
    }
}

/// The terminal view of a person's level in a field.
enum LevelReport {
    static func render(_ level: PersonLevel, explain: Bool) -> String {
        var lines = ["\(level.employeeNumber) — \(level.field)" + (level.asOf.map { " as of \($0)" } ?? "")]
        lines.append("  Official: \(level.official.levelSummary)")
        if let provisional = level.provisional { lines.append("  Provisional: \(provisional.levelSummary) — not official") }
        let official = level.official
        if let next = official.nextLevel {
            lines.append("  Missing for level \(next):")
            for condition in official.explanation { lines.append("    - " + describe(condition)) }
        } else {
            lines.append("  Holds the field's top level (\(official.definedLevels.last.map(String.init) ?? "–")).")
        }
        if explain {
            lines.append("  Breakdown (\(official.basis.rawValue)):")
            for check in official.levels {
                let met = check.items.filter(\.met).count
                var line = "    Level \(check.level) \(check.attained ? "✓" : "✗")  items \(met)/\(check.items.count)"
                if let scale = check.scale { line += "  scale \(scale.met ? "✓" : "✗") \(scale.reason)" }
                if !check.lowerLevelsAttained { line += "  (a lower level is not attained)" }
                lines.append(line)
                for item in check.items where !item.met {
                    lines.append("      · \(item.item): rated \(item.rating), needs \(item.needed)")
                }
            }
        }
        return lines.joined(separator: "\n")
    }

    static func describe(_ condition: UnmetCondition) -> String {
        switch condition {
        case let .item(name, rating, needed, text):
            "\(name): rated \(rating), needs \(needed) — “\(text)”"
        case .scale:
            condition.summary
        }
    }
}
