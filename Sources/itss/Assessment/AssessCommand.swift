import ArgumentParser
import ITSSDomain
import ITSSStorage

/// `itss assess start|rate|submit|approve|return|show|list`.
struct AssessCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assess", abstract: "Self-assessment and evaluator review of skill items.",
        discussion: """
            A person starts an assessment, rates themselves per skill item and submits it; an evaluator of the person
            rates each item (a rating that differs from the self rating needs --reason) and approves it, or returns
            it with a comment. Approved assessments are immutable. Self and evaluator ratings are kept apart.
            """,
        subcommands: [Start.self, Rate.self, Submit.self, Approve.self, Return.self, Show.self, List.self])

    struct Start: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Start a person's assessment of a field for a cycle.")
        @Argument(help: "The person's employee number.") var employeeNumber: String
        @Option(help: "The specialty field.") var field: String
        @Option(help: "The cycle, e.g. 2026H2.") var cycle: Cycle
        @Option(
            help: "Assess under this tailoring profile (its current version): its company items are rated too.")
        var profile: String?
        @Option(name: .customLong("as"), help: "Who starts it (employee number), if not the operator.") var actingFor: String?

        func run() async throws {
            try await reportingErrors {
                let view = try await DatabaseSession.with { database in
                    var profileID: Int64?
                    if let profile { profileID = try await database.profileID(named: profile) }
                    return try await database.startAssessment(
                        personID: try await database.personID(employeeNumber), fieldID: try await database.fieldID(field),
                        cycle: cycle, profileID: profileID, by: try await DatabaseSession.principal(database, actingFor: actingFor))
                }
                let under = view.profile.map { " under profile \"\($0.name)\" version \($0.version)" } ?? ""
                Output.line(
                    "Started assessment #\(view.id): \(view.employeeNumber) in \(view.field) for \(view.cycle)\(under) (\(view.ratings.count) skill items)."
                )
            }
        }
    }

    struct Rate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Rate one skill item (self, or --evaluator).")
        @Argument(help: "The assessment number.") var assessment: Int64
        @Option(help: "The skill item (exact name or unambiguous prefix).") var item: String
        @Option(help: "The highest level whose text is met: 0 or a level the item defines.") var level: Int
        @Option(name: .customLong("as"), help: "Who rates (employee number).") var actor: String
        @Flag(help: "Set the evaluator rating instead of the self rating.") var evaluator = false
        @Option(help: "A note (self ratings).") var note: String?
        @Option(help: "Evidence (self ratings).") var evidence: String?
        @Option(help: "Why the evaluator rating differs from the self rating.") var reason: String?
        @Option(help: "The version you saw; refused if someone changed the assessment since.") var expectVersion: Int?

        func run() async throws {
            try await reportingErrors {
                let view = try await DatabaseSession.with { database in
                    try await database.rate(
                        assessment: assessment, item: try await database.assessmentItem(item, inAssessment: assessment), level: level,
                        asEvaluator: evaluator, by: try await DatabaseSession.principal(database, actingFor: actor), note: note,
                        evidence: evidence, reason: reason, expectedVersion: expectVersion)
                }
                Output.line("Assessment #\(view.id) is at version \(view.version).")
            }
        }
    }

    struct Submit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Submit an assessment for review (by the person).")
        @Argument var assessment: Int64
        @Option(name: .customLong("as")) var actor: String
        @Option var expectVersion: Int?

        func run() async throws {
            try await reportingErrors {
                let view = try await DatabaseSession.with { database in
                    try await database.submitAssessment(
                        assessment, by: try await DatabaseSession.principal(database, actingFor: actor),
                        expectedVersion: expectVersion)
                }
                Output.line("Assessment #\(view.id) is submitted.")
            }
        }
    }

    struct Approve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Approve a submitted assessment (by an evaluator).")
        @Argument var assessment: Int64
        @Option(name: .customLong("as")) var actor: String
        @Option var expectVersion: Int?

        func run() async throws {
            try await reportingErrors {
                let (view, levels) = try await DatabaseSession.with { database in
                    let view = try await database.approveAssessment(
                        assessment, by: try await DatabaseSession.principal(database, actingFor: actor),
                        expectedVersion: expectVersion)
                    return (
                        view,
                        try await database.levels(
                            of: view.employeeNumber, field: "\(view.field.standard.version):\(view.field.field)")
                    )
                }
                Output.line(
                    "Assessment #\(view.id) is approved. \(view.employeeNumber) in \(view.field.field): "
                        + (levels.first?.official.levelSummary ?? "no level"))
            }
        }
    }

    struct Return: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Return a submitted assessment to the person with a comment.")
        @Argument var assessment: Int64
        @Option(name: .customLong("as")) var actor: String
        @Option(help: "What to change.") var comment: String
        @Option var expectVersion: Int?

        func run() async throws {
            try await reportingErrors {
                let view = try await DatabaseSession.with { database in
                    try await database.returnAssessment(
                        assessment, by: try await DatabaseSession.principal(database, actingFor: actor), comment: comment,
                        expectedVersion: expectVersion)
                }
                Output.line("Assessment #\(view.id) is returned to \(view.employeeNumber).")
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show an assessment: self and evaluator ratings side by side.")
        @Argument var assessment: Int64
        @Flag(help: "Print JSON.") var json = false

        func run() async throws {
            try await reportingErrors {
                let view = try await DatabaseSession.with { try await $0.assessment(assessment) }
                if json { return try Output.json(view) }
                Output.line("Assessment #\(view.id) — \(view.employeeNumber) \(view.personName), \(view.field), \(view.cycle)")
                Output.line(
                    "State: \(view.state.rawValue), version \(view.version)"
                        + (view.decidedBy.map { ", decided by \($0) at \(view.decidedAt ?? "")" } ?? ""))
                if let profile = view.profile {
                    Output.line("Under profile \"\(profile.name)\" version \(profile.version); * = the company's own item")
                }
                if let comment = view.returnComment { Output.line("Comment: \(comment)") }
                var table = TextTable(header: ["Skill item", "Self", "Evaluator", "Reason / note"])
                for rating in view.ratings {
                    table.rows.append([
                        rating.item + (view.companyItems.contains(rating.item) ? " *" : ""), rating.selfLevel.map(String.init) ?? "–", rating.evaluatorLevel.map(String.init) ?? "–",
                        rating.evaluatorReason ?? rating.note ?? "",
                    ])
                }
                Output.line(table.rendered())
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List a person's assessments.")
        @Argument var employeeNumber: String
        @Flag(help: "Print JSON.") var json = false

        func run() async throws {
            try await reportingErrors {
                let views = try await DatabaseSession.with { try await $0.assessments(of: employeeNumber) }
                if json { return try Output.json(views) }
                guard !views.isEmpty else {
                    return Output.line("\(employeeNumber) has no assessments yet (`itss assess start`).")
                }
                for view in views {
                    Output.line(
                        "#\(view.id)  \(view.cycle)  \(view.field.field)  \(view.state.rawValue)  version \(view.version)")
                }
            }
        }
    }
}
