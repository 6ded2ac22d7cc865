import ArgumentParser
import ITSSDomain
import ITSSStorage

/// `itss plan create|show|update`: development plans towards a target level.
struct PlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan", abstract: "Development plans created from a gap.",
        subcommands: [Create.self, Show.self, Update.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create a plan with the actions the gap suggests.")
        @Argument var employeeNumber: String
        @Option(help: "FIELD:LEVEL.") var target: LevelTarget

        func run() async throws {
            try await reportingErrors {
                let plan = try await DatabaseSession.with {
                    let database = $0
                    return try await database.createPlan(
                        personID: try await database.personID(employeeNumber), fieldID: try await database.fieldID(target.field),
                        target: target.level, by: try await DatabaseSession.principal(database))
                }
                Output.line("Created plan #\(plan.id) with \(plan.actions.count) action(s).")
                Output.line(PlanReport.render(plan))
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a plan (with --history, every version).")
        @Argument var plan: Int64
        @Flag(help: "Also list every earlier version.") var history = false
        @Flag(help: "Print JSON.") var json = false

        func run() async throws {
            try await reportingErrors {
                let (view, revisions) = try await DatabaseSession.with { database in
                    (try await database.plan(plan), history ? try await database.planHistory(plan) : [])
                }
                if json { return try Output.json(view) }
                Output.line(PlanReport.render(view))
                for revision in revisions {
                    let done = revision.actions.filter { $0.status == .done }.count
                    Output.line(
                        "  version \(revision.version) at \(revision.occurredAt) by \(revision.actor): \(done)/\(revision.actions.count) done"
                    )
                }
            }
        }
    }

    struct Update: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Change an action's status, due date or owner, or add an action.")
        @Argument var plan: Int64
        @Option(help: "The action's number (1-based).") var action: Int?
        @Option(help: "open, inProgress, done or dropped.") var status: PlanActionStatus?
        @Option(help: "Due date, YYYY-MM-DD.") var due: Day?
        @Option(help: "Who is responsible.") var owner: String?
        @Option(help: "Add an action with this title.") var add: String?
        @Option(help: "The added action's kind: learnKnowledge, takeRole, training, certification.") var kind: PlanActionKind =
            .training
        @Option(help: "The version you saw; refused if the plan changed since.") var expectVersion: Int?

        func validate() throws {
            if action == nil, add == nil { throw ValidationError("give --action N (with --status/--due/--owner) or --add TITLE") }
        }

        func run() async throws {
            try await reportingErrors {
                // Storage checks the title too; checking here names the option the user typed.
                if let add { try InputBounds.title(add, field: "--add") }
                let view = try await DatabaseSession.with { database in
                    try await database.updatePlan(
                        plan, action: action, change: PlanActionChange(status: status, dueOn: due, owner: owner),
                        append: add.map {
                            PlanAction(
                                kind: kind, title: $0, dueOn: action == nil ? due : nil, owner: action == nil ? owner : nil)
                        },
                        expectedVersion: expectVersion, by: try await DatabaseSession.principal(database))
                }
                Output.line(PlanReport.render(view))
            }
        }
    }
}

enum PlanReport {
    static func render(_ plan: PlanView) -> String {
        var lines = [
            "Plan #\(plan.id): \(plan.employeeNumber) → \(plan.field.field) level \(plan.targetLevel) — \(plan.progressPercentage)% done (version \(plan.version))"
        ]
        if plan.actions.isEmpty {
            lines.append("  No actions: the target is already met, or add some with `itss plan update \(plan.id) --add TITLE`.")
        }
        for (number, action) in plan.actions.enumerated() {
            lines.append(
                "  \(number + 1). [\(action.status.rawValue)] \(action.title)"
                    + (action.dueOn.map { " — due \($0)" } ?? "") + (action.owner.map { " — \($0)" } ?? ""))
        }
        return lines.joined(separator: "\n")
    }
}
