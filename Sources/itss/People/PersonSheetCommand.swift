import ArgumentParser
import ITSSDomain
import ITSSStorage

extension PersonCommand {
    /// `itss person sheet EMPLOYEE_NUMBER [--json]`: the skill sheet of the page `/people/{number}/sheet` and of
    /// `GET /api/v1/people/{number}/sheet`, from the same read (`AppDatabase.skillSheet`).
    struct Sheet: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "A person's skill sheet: levels with reasons, latest approved ratings, track record, plans.")
        @Argument(help: "The person's employee number.") var employeeNumber: String
        @Flag(help: "Print JSON.") var json = false

        func run() async throws {
            try await reportingErrors {
                let sheet = try await DatabaseSession.with { try await $0.skillSheet(of: employeeNumber) }
                if json { return try Output.json(sheet) }
                Output.line(SheetReport.render(sheet))
            }
        }
    }
}

/// The terminal view of a skill sheet: one section per part of the printable page.
enum SheetReport {
    static func render(_ sheet: SkillSheet) -> String {
        let person = sheet.person
        var lines = [
            "Skill sheet: \(person.employeeNumber) \(person.name)" + (person.active ? "" : " (inactive)"),
            "  org unit: \(sheet.orgUnit ?? "none")" + (person.joinedOn.map { "; joined: \($0)" } ?? ""),
            "", "Levels:",
        ]
        if sheet.levels.isEmpty { lines.append("  no specialty fields yet") }
        for level in sheet.levels {
            lines.append("  \(level.field): \(level.official.levelSummary)")
            if let next = level.official.nextLevel {
                lines.append("    missing for level \(next):")
                lines += level.official.explanation.map { "      - " + LevelReport.describe($0) }
            } else {
                lines.append("    holds the field's top level")
            }
        }
        lines += ["", "Ratings of the latest approved assessment per field:"]
        if sheet.assessments.isEmpty { lines.append("  none approved yet") }
        for assessment in sheet.assessments {
            lines.append("  \(assessment.field) · cycle \(assessment.cycle) (#\(assessment.id))")
            let table = TextTable(
                header: ["item", "self", "evaluator"],
                rows: assessment.ratings.map { rating in
                    [rating.item, rating.selfLevel.map(String.init) ?? "–", rating.evaluatorLevel.map(String.init) ?? "–"]
                })
            lines += table.rendered().split(separator: "\n").map { "    " + $0 }
        }
        lines += ["", "Track record:"]
        if sheet.experience.isEmpty {
            lines.append("  none")
        } else {
            let table = TextTable(
                header: ["field", "role", "period", "scale", "customer", "verified"],
                rows: sheet.experience.map { record in
                    [
                        record.field.field, record.role.label, "\(record.from)…\(record.to?.description ?? "")",
                        ScaleCondition.formatFigures(record.measures), record.customer ?? "",
                        record.isVerified ? "verified" : "not verified",
                    ]
                })
            lines += table.rendered().split(separator: "\n").map { "  " + $0 }
        }
        lines += ["", "Development plans:"]
        if sheet.plans.isEmpty { lines.append("  none") }
        for plan in sheet.plans {
            lines.append("  #\(plan.id) \(plan.field.field) → level \(plan.targetLevel): \(plan.progressPercentage)% done")
            for action in plan.actions {
                lines.append(
                    "    - \(action.title) (\(action.status.rawValue)\(action.dueOn.map { ", due \($0)" } ?? ""))")
            }
        }
        return lines.joined(separator: "\n")
    }
}
