import ArgumentParser
import ITSSDomain
import ITSSStorage

/// `itss person add|list|show`.
struct PersonCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "person", abstract: "Manage people and the fields they work in.",
        subcommands: [Add.self, List.self, Show.self, AddField.self])

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
                        NewPerson(
                            employeeNumber: employeeNumber, name: name, email: email, orgUnitCode: org, active: !inactive,
                            joinedOn: joined, fields: fields),
                        actor: DatabaseSession.actor)
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
                try await DatabaseSession.with {
                    try await $0.addField(field, toPerson: employeeNumber, actor: DatabaseSession.actor)
                }
                Output.line("\(employeeNumber) now works in \(field).")
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List people.")
        @Option(help: "Only this org unit and its sub-units.") var org: String?
        @Flag(help: "Leave out inactive people.") var activeOnly = false
        @Flag(help: "Print JSON.") var json = false

        func run() async throws {
            try await reportingErrors {
                let (people, units) = try await DatabaseSession.with { database in
                    (try await database.people(inOrgUnit: org, includeInactive: !activeOnly), try await database.orgUnits())
                }
                if json { return try Output.json(people) }
                guard !people.isEmpty else {
                    return Output.line("No people yet. Add one with `itss person add` or `itss import people FILE.csv`.")
                }
                var table = TextTable(header: ["Employee", "Name", "Org unit", "Active", "Fields"])
                for person in people {
                    table.rows.append([
                        person.employeeNumber, person.name, units.first { $0.id == person.orgUnitID }?.code ?? "—",
                        person.active ? "yes" : "no", person.fields.map(\.field).joined(separator: ", "),
                    ])
                }
                Output.line(table.rendered())
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
                            + (record.peakStaff.map { ", \($0) staff" } ?? "")
                            + (record.annualContractYen.map { ", ¥\(ScaleCondition.groupedDigits($0))/year" } ?? "")
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
