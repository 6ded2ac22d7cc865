import ArgumentParser
import ITSSDomain
import ITSSStorage

/// `itss staffing add|list|show|remove|check`: staffing requirements saved under a name, checked against a unit.
struct StaffingCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "staffing", abstract: "Staffing requirements and checks against an org unit.",
        subcommands: [Add.self, List.self, Show.self, Remove.self, Check.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Save a staffing requirement.",
            discussion: """
                Each --line is FIELD:LEVEL:COUNT with an optional :ROLE the verified track record must show, e.g.
                --line "Service Desk:4:1" --line "Service Desk:3:3" --line "Operation:3:2:responsible".
                """)
        @Argument(help: "The requirement's name, e.g. \"Service Desk Tokyo\".") var name: String
        @Option(name: .customLong("line"), help: "FIELD:LEVEL:COUNT[:ROLE] (repeatable).") var lines: [String] = []

        func run() async throws {
            try await reportingErrors {
                let specs = try lines.map { try StaffingLineSpec(parsing: $0, field: "--line") }
                let saved = try await DatabaseSession.with { database in
                    try await database.createStaffingRequirement(
                        name: name, lines: specs, by: try await DatabaseSession.principal(database))
                }
                Output.line("Saved \"\(saved.name)\" (#\(saved.id), version \(saved.version)):")
                for line in saved.lines { Output.line("  \(line.summary)") }
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List staffing requirements, a page at a time.")
        @Option(help: "The page to show (from 1).") var page = 1
        @Option(help: "Requirements per page (1–1000).") var perPage = 50
        @Flag(help: "Print JSON.") var json = false

        func validate() throws {
            guard page >= 1 else { throw ValidationError("--page starts at 1") }
            guard (1...1000).contains(perPage) else { throw ValidationError("--per-page must be between 1 and 1000") }
        }

        func run() async throws {
            try await reportingErrors {
                let list = try await DatabaseSession.with { database in
                    try await database.staffingRequirements(page: PageRequest(page: page, perPage: perPage))
                }
                if json { return try Output.json(list) }
                guard list.total > 0 else {
                    return Output.line(
                        "No staffing requirements yet. Save one with `itss staffing add NAME --line FIELD:LEVEL:COUNT`.")
                }
                var table = TextTable(header: ["#", "Name", "Version", "Lines"])
                for requirement in list.items {
                    table.rows.append([
                        String(requirement.id), requirement.name, String(requirement.version),
                        requirement.lines.map(\.summary).joined(separator: "; "),
                    ])
                }
                Output.line(table.rendered())
                Output.line(
                    "Page \(list.page) of \(list.pageCount) (\(list.total) requirements)"
                        + (list.page < list.pageCount ? "; next: --page \(list.page + 1)" : ""))
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a staffing requirement and its lines.")
        @Argument(help: "The requirement's name (or number).") var name: String
        @Flag(help: "Print JSON.") var json = false

        func run() async throws {
            try await reportingErrors {
                let requirement = try await DatabaseSession.with { database in
                    try await database.staffingRequirement(try await database.staffingRequirementID(name))
                }
                if json { return try Output.json(requirement) }
                Output.line("\(requirement.name) (#\(requirement.id), version \(requirement.version))")
                for (position, line) in requirement.lines.enumerated() { Output.line("  \(position + 1). \(line.summary)") }
                Output.line("  created \(requirement.createdAt) by \(requirement.createdBy); updated \(requirement.updatedAt)")
            }
        }
    }

    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove a staffing requirement.")
        @Argument(help: "The requirement's name (or number).") var name: String
        @Option(help: "Remove only if the requirement is still at this version.") var version: Int?

        func run() async throws {
            try await reportingErrors {
                try await DatabaseSession.with { database in
                    try await database.removeStaffingRequirement(
                        try await database.staffingRequirementID(name), expectedVersion: version,
                        by: try await DatabaseSession.principal(database))
                }
                Output.line("Removed \"\(name)\".")
            }
        }
    }

    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a requirement against the active people of an org unit and its sub-units.",
            discussion: """
                Each person fills at most one slot, chosen so that as many slots as possible are filled. Short lines
                list the people one condition away, with what each lacks.
                """)
        @Argument(help: "The requirement's name (or number).") var name: String
        @Option(help: "Org unit code (sub-units included).") var org: String
        @Option(help: "Levels as of this date (YYYY-MM-DD, from the level history); default today.") var asOf: Day?
        @Option(help: "Near candidates listed per short line.") var near = StaffingCheck.defaultNearLimit
        @Flag(help: "Print JSON.") var json = false

        func validate() throws {
            guard (0...1000).contains(near) else { throw ValidationError("--near must be between 0 and 1000") }
        }

        func run() async throws {
            try await reportingErrors {
                if let asOf { try InputBounds.day(asOf, field: "--as-of") }
                let report = try await DatabaseSession.with { database in
                    try await database.checkStaffing(
                        requirementID: try await database.staffingRequirementID(name),
                        orgUnitID: try await database.orgUnitID(org), asOf: asOf, nearLimit: near)
                }
                if json { return try Output.json(report) }
                let result = report.result
                Output.line(
                    "\(report.requirement.name) in \(report.orgUnit.code) (with sub-units), "
                        + (report.asOf.map { "as of \($0)" } ?? "today") + ": \(result.filled) of \(result.required) slots filled"
                        + (result.isStaffed ? " — fully staffed." : "."))
                for line in result.lines {
                    Output.line("")
                    Output.line(
                        "\(line.index + 1). \(line.line.summary): \(line.counted.count) of \(line.line.count)"
                            + (line.shortfall > 0 ? ", short by \(line.shortfall)" : ""))
                    for reason in line.reasons { Output.line("   \(reason)") }
                }
            }
        }
    }
}

/// `itss coverage --org UNIT [--field F]`: per skill item, people rated at least each level; single points of
/// failure; with one field, the people one condition from their next level.
struct CoverageCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coverage", abstract: "How an org unit's people cover each skill item of a field.")
    @Option(help: "Org unit code (sub-units included).") var org: String
    @Option(help: "One specialty field (default: every field assessed in the unit).") var field: String?
    @Option(help: "The page of near candidates (with --field).") var page = 1
    @Option(help: "Near candidates per page (1–1000).") var perPage = 50
    @Flag(help: "Print JSON.") var json = false

    func validate() throws {
        guard page >= 1 else { throw ValidationError("--page starts at 1") }
        guard (1...1000).contains(perPage) else { throw ValidationError("--per-page must be between 1 and 1000") }
    }

    struct CoverageJSON: Encodable {
        var orgUnit: String
        var people: Int
        var fields: [FieldCoverage]
        var nearCandidates: NearCandidatePage?
    }

    func run() async throws {
        try await reportingErrors {
            let (report, near) = try await DatabaseSession.with { database in
                let unitID = try await database.orgUnitID(org)
                var fieldID: Int64?
                if let field { fieldID = try await database.fieldID(field) }
                let report = try await database.coverage(orgUnitID: unitID, fieldID: fieldID)
                var near: NearCandidatePage?
                if let fieldID {
                    near = try await database.nearCandidates(
                        orgUnitID: unitID, fieldID: fieldID, page: PageRequest(page: page, perPage: perPage))
                }
                return (report, near)
            }
            if json {
                return try Output.json(
                    CoverageJSON(orgUnit: report.orgUnit.code, people: report.people, fields: report.fields, nearCandidates: near)
                )
            }
            Output.line("\(report.orgUnit.code) \(report.orgUnit.name) (with sub-units): \(report.people) active people")
            guard !report.fields.isEmpty else {
                return Output.line("Nobody here has an approved assessment yet (`itss assess approve`).")
            }
            for coverage in report.fields {
                Output.line("")
                Output.line("\(coverage.field.field) (\(coverage.field.standard.version)): \(coverage.assessed) assessed")
                var table = TextTable(header: ["Skill item", "≥1", "≥2", "≥3", "≥4", "≥5", "≥6", "≥7", ""])
                for item in coverage.items {
                    table.rows.append(
                        [item.item] + item.ratedAtLeast.map(String.init) + [
                            item.isSinglePointOfFailure ? "single point of failure" : ""
                        ])
                }
                Output.line(table.rendered())
                let single = coverage.singlePointsOfFailure
                Output.line(
                    single.isEmpty
                        ? "No single point of failure (every item has two or more people at level 4 or above)."
                        : "Single points of failure (≤ 1 person at level 4+): \(single.map(\.item).joined(separator: ", "))")
            }
            guard let near else {
                return Output.line("\nName a field (--field) to list the people one condition from their next level.")
            }
            Output.line("")
            Output.line("One condition from the next level:")
            if near.items.isEmpty { Output.line("  nobody" + (near.page > 1 ? " on this page" : "")) }
            for candidate in near.items {
                Output.line(
                    "  \(candidate.person.employeeNumber) \(candidate.person.name): level \(candidate.level.map(String.init) ?? "–") → \(candidate.nextLevel); lacks \(candidate.lack.summary)"
                )
            }
            if near.hasMore { Output.line("More: --page \(near.page + 1)") }
        }
    }
}
