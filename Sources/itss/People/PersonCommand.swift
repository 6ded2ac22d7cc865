import ArgumentParser
import ITSSDomain
import ITSSStorage

/// `itss person add|list|show`.
struct PersonCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "person", abstract: "Manage people and the fields they work in.",
        subcommands: [Add.self, List.self, Show.self, Sheet.self, AddField.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a person.")
        @Argument(help: "Unique employee number.") var employeeNumber: String
        @Argument(help: "Full name.") var name: String
        @Option(help: "E-mail address.") var email: String?
        @Option(help: "Org unit code.") var org: String?
        @Option(help: "Joined date, YYYY-MM-DD.") var joined: Day?
        @Option(name: .customLong("field"), help: "A specialty field the person works in (repeatable).") var fields: [String] = []
        @Flag(help: "Add the person as inactive.") var inactive = false

        func run() async throws {
            try await reportingErrors {
                let person = try await DatabaseSession.with { database in
                    try await database.addPerson(
                        try await database.resolve(
                            PersonForm(
                                employeeNumber: employeeNumber, name: name, email: email, orgUnit: org, active: !inactive,
                                joinedOn: joined, fields: fields)),
                        by: try await DatabaseSession.principal(database))
                }
                Output.line(
                    "Added \(person.employeeNumber) \(person.name)"
                        + (person.fields.isEmpty
                            ? "." : " working in " + person.fields.map(\.field).joined(separator: ", ") + "."))
            }
        }
    }

    struct AddField: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add-field", abstract: "Add a specialty field a person works in.")
        @Argument var employeeNumber: String
        @Argument var field: String

        func run() async throws {
            try await reportingErrors {
                try await DatabaseSession.with { database in
                    try await database.addField(
                        try await database.fieldID(field), toPerson: try await database.personID(employeeNumber),
                        by: try await DatabaseSession.principal(database))
                }
                Output.line("\(employeeNumber) now works in \(field).")
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List people, a page at a time.")
        @Option(help: "Only this org unit and its sub-units.") var org: String?
        @Flag(help: "Leave out inactive people.") var activeOnly = false
        @Option(help: "The page to show (from 1).") var page = 1
        @Option(help: "People per page (1–1000).") var perPage = 50
        @Flag(help: "Print JSON.") var json = false

        func validate() throws {
            guard page >= 1 else { throw ValidationError("--page starts at 1") }
            guard (1...1000).contains(perPage) else { throw ValidationError("--per-page must be between 1 and 1000") }
        }

        func run() async throws {
            try await reportingErrors {
                let (list, units) = try await DatabaseSession.with { database in
                    var unitID: Int64?
                    if let org { unitID = try await database.orgUnitID(org) }
                    return (
                        try await database.people(
                            inOrgUnit: unitID, includeInactive: !activeOnly, page: PageRequest(page: page, perPage: perPage)),
                        try await database.orgUnits()
                    )
                }
                if json { return try Output.json(list) }
                guard list.total > 0 else {
                    return Output.line(
                        org == nil
                            ? "No people yet. Add one with `itss person add` or `itss import people FILE.csv`."
                            : "Nobody in \(org ?? "") or its sub-units yet.")
                }
                guard !list.items.isEmpty else {
                    return Output.line("Page \(list.page) is empty: there are \(list.pageCount) page(s) of \(list.total) people.")
                }
                let codes = Dictionary(units.map { ($0.id, $0.code) }, uniquingKeysWith: { first, _ in first })
                var table = TextTable(header: ["Employee", "Name", "Org unit", "Active", "Fields"])
                for person in list.items {
                    table.rows.append([
                        person.employeeNumber, person.name, person.orgUnitID.flatMap { codes[$0] } ?? "—",
                        person.active ? "yes" : "no", person.fields.map(\.field).joined(separator: ", "),
                    ])
                }
                Output.line(table.rendered())
                Output.line(
                    "Page \(list.page) of \(list.pageCount) (\(list.total) people)"
                        + (list.page < list.pageCount ? "; next: --page \(list.page + 1)" : ""))
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show a person: fields, levels, evaluators, assessments, track record, plans.")
        @Argument var employeeNumber: String
        @Flag(help: "Print JSON.") var json = false

        struct Profile: Encodable {
            var person: Person
            var evaluators: [String]
            var levels: [PersonLevel]
            var assessments: [AssessmentView]
            var experience: [ExperienceRecord]
            var plans: [PlanView]
        }

        func run() async throws {
            try await reportingErrors {
                let profile = try await DatabaseSession.with { database in
                    Profile(
                        person: try await database.person(employeeNumber),
                        evaluators: try await database.evaluators(of: employeeNumber).map { "\($0.employeeNumber) \($0.name)" },
                        levels: try await database.levels(of: employeeNumber),
                        assessments: try await database.assessments(of: employeeNumber),
                        experience: try await database.experience(of: employeeNumber),
                        plans: try await database.plans(of: employeeNumber))
                }
                if json { return try Output.json(profile) }
                let person = profile.person
                Output.line("\(person.employeeNumber) \(person.name)" + (person.active ? "" : " (inactive)"))
                if let email = person.email { Output.line("  e-mail: \(email)") }
                if let joined = person.joinedOn { Output.line("  joined: \(joined)") }
                Output.line(
                    "  evaluators: "
                        + (profile.evaluators.isEmpty
                            ? "none assigned (`itss evaluator assign`)" : profile.evaluators.joined(separator: ", ")))
                Output.line("")
                Output.line("Levels:")
                if profile.levels.isEmpty { Output.line("  no specialty fields yet (`itss person add-field`)") }
                for level in profile.levels {
                    Output.line(
                        "  \(level.field): \(level.official.levelSummary)"
                            + (level.provisional.map { "; \($0.levelSummary)" } ?? ""))
                }
                Output.line("")
                Output.line("Assessments:")
                if profile.assessments.isEmpty { Output.line("  none (`itss assess start`)") }
                for assessment in profile.assessments {
                    Output.line(
                        "  #\(assessment.id) \(assessment.cycle) \(assessment.field.field): \(assessment.state.rawValue) (version \(assessment.version))"
                    )
                }
                Output.line("")
                Output.line("Track record:")
                if profile.experience.isEmpty { Output.line("  none (`itss experience add`)") }
                for record in profile.experience {
                    Output.line(
                        "  #\(record.recordID) v\(record.version) \(record.field.field): \(record.role.label) \(record.from)…\(record.to?.description ?? "")"
                            + (record.measures.isEmpty ? "" : ", " + ScaleCondition.formatFigures(record.measures))
                            + (record.isVerified ? ", verified" : ", not verified"))
                }
                Output.line("")
                Output.line("Development plans:")
                if profile.plans.isEmpty { Output.line("  none (`itss plan create`)") }
                for plan in profile.plans {
                    Output.line(
                        "  #\(plan.id) \(plan.field.field) → level \(plan.targetLevel): \(plan.progressPercentage)% of \(plan.actions.count) action(s)"
                    )
                }
            }
        }
    }
}
