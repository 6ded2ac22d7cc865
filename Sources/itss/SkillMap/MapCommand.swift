import ArgumentParser
import Foundation
import ITSSDomain
import ITSSStorage

/// The options the skill map commands share: which unit, which fields, inactive people.
struct MapScopeOptions: ParsableArguments {
    @Option(help: "The org unit (code), with its sub-units; the whole organisation by default.") var org: String?
    @Option(help: "Only the fields of this standard (its edition, e.g. V3 or \"V2 2006\", or its name).") var standard: String?
    @Option(help: "Only this specialty field (repeatable).") var field: [String] = []
    @Flag(help: "Count inactive people too.") var includeInactive = false

    func scope(_ database: AppDatabase) async throws -> SkillMapScope {
        try await database.skillMapScope(orgUnit: org, for: try await DatabaseSession.principal(database))
    }

    func fieldIDs(_ database: AppDatabase) async throws -> [Int64]? {
        try await database.skillMapFieldIDs(standard: standard, fields: field)
    }
}

/// `itss map`: the ITSS grid of an org unit — people per field and level — now or as of a date.
struct MapCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "map", abstract: "The skill map: people per specialty field and level, for an org unit and its sub-units.",
        discussion: """
            Official levels by default (approved assessments, verified records), as stored now or — with --as-of —
            from the level history. --provisional shows self-assessed levels, a separate layer (today only).
            Compare with --compare-as-of or --compare-org; list a cell's people with --cell LEVEL|below|none and one
            --field. --csv prints the map as CSV; --export levels|ratings streams people × field levels or the
            latest approved ratings as CSV.
            """)

    enum Export: String, ExpressibleByArgument, CaseIterable {
        case levels
        case ratings
    }

    @OptionGroup var scope: MapScopeOptions
    @Option(help: "As of this date (YYYY-MM-DD), from history.") var asOf: Day?
    @Flag(help: "Provisional (self-assessed) levels instead of official ones.") var provisional = false
    @Option(help: "Compare with the map as of this date.") var compareAsOf: Day?
    @Option(help: "Compare with this org unit.") var compareOrg: String?
    @Option(help: "List the people of one cell: a level, below or none (needs one --field).") var cell: String?
    @Option(help: "The page of --cell.") var page = 1
    @Option(help: "People per page of --cell.") var perPage = 50
    @Option(help: "Stream an export as CSV: levels or ratings.") var export: Export?
    @Flag(help: "Print JSON.") var json = false
    @Flag(help: "Print CSV.") var csv = false
    @Option(help: .hidden) var time: Int?

    func run() async throws {
        try await reportingErrors {
            try await DatabaseSession.with { database in
                let mapScope = try await scope.scope(database)
                let filter = SkillMapFilter(
                    asOf: asOf, fieldIDs: try await scope.fieldIDs(database), basis: provisional ? .provisional : .official,
                    includeInactive: scope.includeInactive)
                if let export { return try await self.export(export, database, mapScope, filter) }
                if let cell { return try await self.cell(cell, database, mapScope, filter) }
                if let time { return try await self.time(time, database, mapScope, filter) }
                let map = try await database.skillMap(mapScope, filter: filter)
                if compareAsOf != nil || compareOrg != nil {
                    var right = filter
                    if let compareAsOf { right.asOf = compareAsOf }
                    let other =
                        compareOrg == nil
                        ? mapScope
                        : try await database.skillMapScope(orgUnit: compareOrg, for: try await DatabaseSession.principal(database))
                    let comparison = SkillMapComparison(left: map, right: try await database.skillMap(other, filter: right))
                    if json { return try Output.json(comparison) }
                    Output.line(MapReport.render(comparison))
                    return
                }
                if csv { return print(SkillMapCSV.map(map), terminator: "") }
                if json { return try Output.json(map) }
                Output.line(MapReport.render(map))
            }
        }
    }

    /// `--time N` (for BENCHMARKS.md): the map's queries N times after one warm-up; times on standard error.
    private func time(_ runs: Int, _ database: AppDatabase, _ scope: SkillMapScope, _ filter: SkillMapFilter) async throws {
        let warm = try await database.skillMap(scope, filter: filter)
        var times: [Double] = []
        for _ in 0..<max(1, runs) {
            let start = DispatchTime.now().uptimeNanoseconds
            _ = try await database.skillMap(scope, filter: filter)
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
        }
        times.sort()
        Output.note(
            String(
                format: "map of %d people, %d runs: min %.1f ms, median %.1f ms, max %.1f ms", warm.people, times.count,
                times[0], times[times.count / 2], times[times.count - 1]))
    }

    private func cell(_ text: String, _ database: AppDatabase, _ scope: SkillMapScope, _ filter: SkillMapFilter) async throws {
        guard let cell = SkillMapCell(text) else { throw CLIError("--cell takes a level from 1 to 7, below or none") }
        guard let fieldID = filter.fieldIDs?.first, filter.fieldIDs?.count == 1 else {
            throw CLIError("--cell needs exactly one --field")
        }
        let people = try await database.skillMapPeople(
            scope, filter: filter, fieldID: fieldID, cell: cell, page: PageRequest(page: page, perPage: perPage))
        if json { return try Output.json(people) }
        var table = TextTable(header: ["Employee", "Name", "Org unit", ""])
        for person in people.items {
            table.rows.append([person.employeeNumber, person.name, person.orgUnitCode ?? "", person.active ? "" : "inactive"])
        }
        Output.line(people.items.isEmpty ? "Nobody is in this cell." : table.rendered())
        Output.line("Page \(people.page) of \(people.pageCount) (\(people.total) in all)")
    }

    private func export(_ kind: Export, _ database: AppDatabase, _ scope: SkillMapScope, _ filter: SkillMapFilter) async throws {
        var cursor: ExportCursor?
        switch kind {
        case .levels:
            print(SkillMapCSV.header(SkillMapCSV.levelColumns), terminator: "")
            repeat {
                let batch = try await database.levelExport(scope, filter: filter, after: cursor)
                print(SkillMapCSV.levels(batch.rows), terminator: "")
                cursor = batch.next
            } while cursor != nil
        case .ratings:
            print(SkillMapCSV.header(SkillMapCSV.ratingColumns), terminator: "")
            repeat {
                let batch = try await database.ratingExport(
                    scope, fieldIDs: filter.fieldIDs, includeInactive: filter.includeInactive, after: cursor)
                print(SkillMapCSV.ratings(batch.rows), terminator: "")
                cursor = batch.next
            } while cursor != nil
        }
    }
}

/// `itss trends`: quarter by quarter, official levels per field, who moved, the median time to the next level.
struct TrendsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trends", abstract: "Quarterly trends of the official levels of an org unit and its sub-units.")

    @OptionGroup var scope: MapScopeOptions
    @Option(help: "How many quarters, ending with the current one (1–40).") var quarters = 8
    @Flag(help: "Print JSON.") var json = false

    func run() async throws {
        try await reportingErrors {
            guard AppDatabase.trendQuarters.contains(quarters) else { throw CLIError("--quarters takes 1 to 40") }
            let trends = try await DatabaseSession.with { database in
                try await database.skillMapTrends(
                    try await scope.scope(database), fieldIDs: try await scope.fieldIDs(database),
                    includeInactive: scope.includeInactive, quarters: quarters)
            }
            if json { return try Output.json(trends) }
            Output.line(MapReport.render(trends))
        }
    }
}

/// The terminal views of maps, comparisons and trends.
enum MapReport {
    static let columns = (1...7).map { "L\($0)" } + ["Below", "None"]
    static let cells: [SkillMapCell] = (1...7).map(SkillMapCell.level) + [.below, .notAssessed]

    static func title(_ map: SkillMap) -> String {
        "Skill map of \(map.unit.map { "\($0.code) (\($0.name))" } ?? "the whole organisation")"
            + " as of \(map.asOf?.description ?? "today")"
            + (map.basis == .provisional ? " — provisional (self-assessed), not official" : " — official levels")
            + (map.includeInactive ? ", inactive people included" : "")
    }

    static func render(_ map: SkillMap) -> String {
        var table = TextTable(header: ["Field"] + columns)
        for row in map.rows {
            table.rows.append(
                ["\(row.field.field) (\(row.field.standard.version))"]
                    + cells.map { cell in
                        if case let .level(level) = cell, !row.definedLevels.contains(level) { return "·" }
                        return String(row.count(cell))
                    })
        }
        let without = map.basis == .official ? "without an approved assessment" : "without any assessment"
        return [title(map), table.rendered(), "\(map.people) people counted; \(map.withoutAssessment) \(without)."]
            .joined(separator: "\n")
    }

    static func render(_ comparison: SkillMapComparison) -> String {
        let differences = comparison.differences
        var lines = ["Left:  " + title(comparison.left), "Right: " + title(comparison.right)]
        guard !differences.isEmpty else { return (lines + ["No cell differs."]).joined(separator: "\n") }
        var table = TextTable(header: ["Field", "Cell", "Left", "Right", "Change"])
        for difference in differences {
            table.rows.append([
                "\(difference.field.field) (\(difference.field.standard.version))",
                label(difference.cell), String(difference.left),
                String(difference.right), difference.change > 0 ? "+\(difference.change)" : String(difference.change),
            ])
        }
        lines.append(table.rendered())
        return lines.joined(separator: "\n")
    }

    static func label(_ cell: SkillMapCell) -> String {
        switch cell {
        case let .level(level): "level \(level)"
        case .below: "below first level"
        case .notAssessed: "not assessed"
        }
    }

    static func render(_ trends: SkillMapTrends) -> String {
        var lines = ["Trends of \(trends.unit.map { "\($0.code) (\($0.name))" } ?? "the whole organisation") — official levels"]
        guard !trends.fields.isEmpty else { return (lines + ["No level has changed here yet."]).joined(separator: "\n") }
        for field in trends.fields {
            lines.append("")
            lines.append("\(field.field.field) (\(field.field.standard.version))")
            var table = TextTable(header: ["Quarter"] + field.definedLevels.map { "L\($0)" } + ["Up", "Down"])
            for point in field.points {
                table.rows.append(
                    [point.quarter] + field.definedLevels.map { String(point.levels[$0 - 1]) } + [
                        String(point.movedUp), String(point.movedDown),
                    ])
            }
            lines.append(table.rendered())
            for step in field.steps {
                lines.append("  Level \(step.from) → \(step.to): median \(step.medianDays) days (\(step.people) people)")
            }
        }
        return lines.joined(separator: "\n")
    }
}
