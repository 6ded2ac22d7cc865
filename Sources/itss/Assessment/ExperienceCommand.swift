import ArgumentParser
import ITSSDomain
import ITSSStorage

/// `itss experience add|verify|correct|list`: the verified track record.
struct ExperienceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "experience", abstract: "Record and verify track record (role, staff, contract value, sites, inquiries).",
        subcommands: [Add.self, Verify.self, Correct.self, List.self])

    struct RecordOptions: ParsableArguments {
        @Argument(help: "The person's employee number.") var employeeNumber: String
        @Option(help: "The specialty field.") var field: String
        @Option(help: "member, leader or responsible-person.") var role: Role
        @Option(help: "Start date, YYYY-MM-DD.") var from: Day
        @Option(help: "End date, YYYY-MM-DD (omit while ongoing).") var to: Day?
        // Numbers are read as text and parsed by InputBounds: `.unconditional` lets `-5` reach that parser (which
        // says negative numbers are not allowed) instead of being taken for an option, and out-of-range values get
        // a one-line error naming the option instead of ArgumentParser's usage screen.
        @Option(parsing: .unconditional, help: "Staff at peak (0 to 1,000,000).") var staff: String?
        @Option(parsing: .unconditional, help: "Annual contract value in yen: 750000000, 750,000,000, 750m, 1.5b.")
        var contract: String?
        @Option(parsing: .unconditional, help: "Installation sites (0 to 10,000,000).") var installationSites: String?
        @Option(parsing: .unconditional, help: "Answered user inquiries per year (0 to 1,000,000,000).")
        var annualInquiries: String?
        @Option(help: "Customer or service name.") var customer: String?
        @Option(help: "What the work was.") var description: String?

        /// - Throws: `InputError` naming the option (`--staff`, `--installation-sites`, …) whose value is not a
        ///   number in bounds.
        func record() throws(InputError) -> ExperienceForm {
            var measures: [ScaleMeasure: Int64] = [:]
            let typed: [(ScaleMeasure, String, String?)] = [
                (.peakStaff, "--staff", staff), (.annualContractYen, "--contract", contract),
                (.installationSites, "--installation-sites", installationSites),
                (.annualInquiries, "--annual-inquiries", annualInquiries),
            ]
            for (measure, option, text) in typed {
                if let text { measures[measure] = try InputBounds.measure(typed: text, measure, field: option) }
            }
            return ExperienceForm(
                employeeNumber: employeeNumber, field: field, role: role, from: from, to: to, measures: measures,
                customer: customer, description: description)
        }
    }

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record a piece of track record (unverified).")
        @OptionGroup var options: RecordOptions

        func run() async throws {
            try await reportingErrors {
                let form = try options.record()
                let record = try await DatabaseSession.with { database in
                    try await database.addExperience(
                        try await database.resolve(form), by: try await DatabaseSession.principal(database))
                }
                Output.line(
                    "Recorded experience #\(record.recordID) (not verified yet: `itss experience verify \(record.recordID) --as EVALUATOR`)."
                )
            }
        }
    }

    struct Correct: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record a correction of a record as its next version.")
        @Argument(help: "The record number.") var record: Int64
        @OptionGroup var options: RecordOptions

        func run() async throws {
            try await reportingErrors {
                let form = try options.record()
                let corrected = try await DatabaseSession.with { database in
                    try await database.correctExperience(
                        recordID: record, with: try await database.resolve(form),
                        by: try await DatabaseSession.principal(database))
                }
                Output.line("Recorded version \(corrected.version) of experience #\(corrected.recordID) (not verified yet).")
            }
        }
    }

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Verify the latest version of a record (by an evaluator).")
        @Argument(help: "The record number.") var record: Int64
        @Option(name: .customLong("as"), help: "The evaluator's employee number.") var actor: String
        @Option(help: "The verification date (default today).") var on: Day?

        func run() async throws {
            try await reportingErrors {
                let verified = try await DatabaseSession.with { database in
                    try await database.verifyExperience(
                        recordID: record, by: try await DatabaseSession.principal(database, actingFor: actor), on: on)
                }
                Output.line("Experience #\(verified.recordID) version \(verified.version) is verified.")
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List a person's track record.")
        @Argument var employeeNumber: String
        @Flag(help: "Print JSON.") var json = false

        func run() async throws {
            try await reportingErrors {
                let records = try await DatabaseSession.with { try await $0.experience(of: employeeNumber) }
                if json { return try Output.json(records) }
                guard !records.isEmpty else {
                    return Output.line("\(employeeNumber) has no track record yet (`itss experience add`).")
                }
                var table = TextTable(header: ["#", "Field", "Role", "From", "To", "Scale", "Verified"])
                for record in records {
                    table.rows.append([
                        "\(record.recordID) v\(record.version)", record.field.field, record.role.label, "\(record.from)",
                        record.to?.description ?? "",
                        ScaleCondition.formatFigures(record.measures),
                        record.verifiedOn?.description ?? "no",
                    ])
                }
                Output.line(table.rendered())
            }
        }
    }
}
