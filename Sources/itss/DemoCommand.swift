import ArgumentParser
import Foundation
import ITSSStorage

/// `itss demo --people N --seed S`: a deterministic synthetic organisation, for a first look and for benchmarks.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo", abstract: "Fill an empty database with a realistic synthetic organisation.",
        discussion: """
            Builds an org tree (company, divisions, departments, teams), people in several fields of both standards, \
            team leads as evaluators, three cycles of approved assessments, verified and pending experience and some \
            plans. The same people and seed give the same data. Refuses a database that already holds people; start \
            from a fresh one with an empty ITSS_DATA_DIR.
            """)

    @Option(help: "How many people.") var people = 2_000
    @Option(help: "Seed of the generator: the same seed gives the same organisation.") var seed: UInt64 = 1
    @Flag(help: "Add another demo organisation (with its own codes) to a database made by itss demo.") var force = false

    func run() async throws {
        try await reportingErrors {
            guard people >= 2 else { throw CLIError("--people must be at least 2") }
            let start = Date()
            let (summary, accounts) = try await DatabaseSession.with { database in
                Output.note("Generating a demo organisation of \(people) people (seed \(seed)) in \(database.location)…")
                let principal = try await DatabaseSession.principal(database)
                let summary = try await database.generateDemo(
                    people: people, seed: seed, force: force, by: principal, progress: { Output.note($0) })
                try await database.refreshSkillMapTallyReporting()
                let accounts = try await database.hasDemoAccounts() ? [] : try await database.createDemoAccounts(by: principal)
                return (summary, accounts)
            }
            Output.line(
                "Demo organisation: \(summary.people) people in \(summary.orgUnits) org units (\(summary.orgLevels) levels), "
                    + "\(summary.evaluators) evaluators")
            Output.line(
                "  \(summary.assessments) approved assessments (\(summary.ratings) ratings), \(summary.levelsComputed) levels stored"
            )
            Output.line(
                "  \(summary.experienceRecords) experience records (\(summary.verifiedRecords) verified, "
                    + "\(summary.experienceRecords - summary.verifiedRecords) pending), \(summary.plans) plans")
            Output.line(String(format: "  in %.1f s. Try: itss person list, itss level D000002", Date().timeIntervalSince(start)))
            if !accounts.isEmpty {
                Output.line("Demo accounts for `itss serve` (passwords shown this once):")
                for account in accounts {
                    Output.line(
                        "  \(account.login)\t\(account.password)\t\(account.role.rawValue)"
                            + (account.employeeNumber.map { "\t\($0)" } ?? ""))
                }
            }
        }
    }
}
