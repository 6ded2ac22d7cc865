import ArgumentParser
import Foundation
import ITSSDomain
import ITSSImport
import ITSSStorage

/// `itss crosswalk export|carry|link`: the V2 ↔ V3 crosswalk and carrying people across editions.
struct CrosswalkCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "crosswalk", abstract: "The V2 ↔ V3 crosswalk: export it, carry a person's ratings across editions.",
        discussion: """
            The crosswalk pairs fields and skill items of ITSS V2 2006 Operations with ITSS V3 2008 IT Service
            Management, each pair with its kind (same, narrower, broader, related) and a reason (docs/crosswalk.md).
            """,
        subcommands: [Export.self, Carry.self, Link.self])

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Every pair as JSON or CSV.")

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case json, csv
        }

        @Option(help: "json or csv.") var format: Format = .json

        func run() async throws {
            try await reportingErrors {
                let pairs = try await DatabaseSession.with { try await $0.crosswalkPairs() }
                switch format {
                case .json: try Output.json(pairs)
                case .csv: FileHandle.standardOutput.write(Data(CrosswalkExport.csv(pairs).utf8))
                }
            }
        }
    }

    struct Carry: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Start a draft assessment in the newer edition, prefilled from the latest approved one of the older.",
            discussion: """
                Each prefilled self rating says where it came from. The draft is an ordinary one: it counts only once
                the person submits it and an evaluator approves it.
                """)
        @Argument(help: "The person's employee number.") var employeeNumber: String
        @Option(help: "The older edition's field, e.g. \"V2:Service desk\".") var from: String
        @Option(help: "The newer edition's field, e.g. \"Service Desk\".") var to: String
        @Option(help: "The cycle of the new draft (default: the current half year, e.g. 2026H2).") var cycle: Cycle?
        @Option(name: .customLong("as"), help: "Who carries (employee number), if not the operator.") var actingFor: String?
        @Flag(help: "Print the summary as JSON.") var json = false

        func run() async throws {
            try await reportingErrors {
                guard let cycle = cycle ?? Cycle.current() else { throw CLIError("give the cycle: --cycle 2026H2") }
                let summary = try await DatabaseSession.with { database in
                    try await database.carryAcrossEditions(
                        personID: try await database.personID(employeeNumber),
                        fromFieldID: try await database.fieldID(from), toFieldID: try await database.fieldID(to),
                        cycle: cycle, by: try await DatabaseSession.principal(database, actingFor: actingFor))
                }
                if json { return try Output.json(summary) }
                let view = summary.assessment
                Output.line(
                    "Started draft assessment #\(view.id): \(view.employeeNumber) in \(view.field) for \(view.cycle), "
                        + "\(summary.carried) of \(view.ratings.count) rating(s) prefilled from assessment #\(summary.sourceAssessmentID).")
                for rating in view.ratings {
                    Output.line(
                        "  \(rating.item): "
                            + (rating.selfLevel.map { "\($0) — carried from \(rating.carriedFrom ?? "?")" } ?? "not prefilled"))
                }
                Output.line("The person reviews and submits it (`itss assess submit \(view.id) --as \(view.employeeNumber)`).")
            }
        }
    }

    struct Link: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Copy an experience record into the counterpart field, linked to the original (unverified).")
        @Argument(help: "The record number.") var record: Int64
        @Option(help: "The counterpart field, e.g. \"Service Desk\".") var to: String
        @Option(name: .customLong("as"), help: "Who links (employee number), if not the operator.") var actingFor: String?

        func run() async throws {
            try await reportingErrors {
                let copy = try await DatabaseSession.with { database in
                    try await database.linkExperience(
                        recordID: record, toFieldID: try await database.fieldID(to),
                        by: try await DatabaseSession.principal(database, actingFor: actingFor))
                }
                Output.line(
                    "Recorded experience #\(copy.recordID) in \(copy.field.field), linked from #\(record) "
                        + "(not verified yet: `itss experience verify \(copy.recordID) --as EVALUATOR`).")
            }
        }
    }
}

extension Cycle {
    /// The half year of today (UTC), e.g. `2026H2`.
    static func current(_ date: Date = Date()) -> Cycle? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let parts = calendar.dateComponents([.year, .month], from: date)
        return Cycle("\(parts.year ?? 2026)H\((parts.month ?? 1) <= 6 ? 1 : 2)")
    }
}
