import ArgumentParser
import ITSSStorage

/// `itss evaluator assign`.
struct EvaluatorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluator", abstract: "Assign evaluators to org units or people.", subcommands: [Assign.self])

    struct Assign: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Assign an evaluator to an org unit (and its sub-units) or directly to a person.")
        @Argument(help: "The evaluator's employee number.") var evaluator: String
        @Option(help: "The org unit's code.") var org: String?
        @Option(help: "The person's employee number.") var person: String?

        func validate() throws {
            if (org == nil) == (person == nil) { throw ValidationError("give exactly one of --org and --person") }
        }

        func run() async throws {
            try await reportingErrors {
                try await DatabaseSession.with { database in
                    let scope: EvaluatorScope =
                        if let org { .orgUnit(try await database.orgUnitID(org)) } else {
                            .person(try await database.personID(person ?? ""))
                        }
                    try await database.assignEvaluator(
                        try await database.personID(evaluator), to: scope, by: try await DatabaseSession.principal(database))
                }
                Output.line("\(evaluator) now evaluates " + (org.map { "org unit \($0)" } ?? person ?? "") + ".")
            }
        }
    }
}
