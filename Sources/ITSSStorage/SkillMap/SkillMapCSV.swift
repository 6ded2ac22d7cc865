import ITSSDomain
import ITSSImport

/// The CSV exports of the skill map (RFC 4180, `"\n"` line ends, a header row), written the same by the CLI and
/// the web. Text a spreadsheet would run as a formula (starting `=`, `+`, `-`, `@`) gets a leading `'`.
public enum SkillMapCSV {
    public static let mapColumns =
        ["org_unit", "as_of", "basis", "standard", "edition", "field"] + (1...7).map { "level_\($0)" } + [
            "below_first_level", "not_assessed",
        ]
    public static let levelColumns = [
        "employee_number", "name", "org_unit", "active", "standard", "edition", "field", "level", "status",
    ]
    public static let ratingColumns = [
        "employee_number", "name", "org_unit", "standard", "edition", "field", "cycle", "decided_at", "item", "self_level",
        "evaluator_level",
    ]

    /// The whole map: one row per field.
    public static func map(_ map: SkillMap) -> String {
        var output = CSVRecord.line(mapColumns)
        for row in map.rows {
            output += CSVRecord.line(
                [
                    text(map.unit?.code ?? ""), map.asOf?.description ?? "", map.basis.rawValue, text(row.field.standard.name),
                    text(row.field.standard.version), text(row.field.field),
                ] + row.levels.map(String.init) + [String(row.below), String(row.notAssessed)])
        }
        return output
    }

    public static func header(_ columns: [String]) -> String { CSVRecord.line(columns) }

    /// Rows of the people × field levels export (no header).
    public static func levels(_ rows: [LevelExportRow]) -> String {
        rows.map { row in
            let status =
                switch row.cell {
                case .level: "level"
                case .below: "below_first_level"
                case .notAssessed: "not_assessed"
                }
            return CSVRecord.line([
                text(row.employeeNumber), text(row.name), text(row.orgUnitCode ?? ""), row.active ? "true" : "false",
                text(row.field.standard.name), text(row.field.standard.version), text(row.field.field),
                row.level.map(String.init) ?? "", status,
            ])
        }.joined()
    }

    /// Rows of the ratings export (no header).
    public static func ratings(_ rows: [RatingExportRow]) -> String {
        rows.map { row in
            CSVRecord.line([
                text(row.employeeNumber), text(row.name), text(row.orgUnitCode ?? ""), text(row.field.standard.name),
                text(row.field.standard.version), text(row.field.field), text(row.cycle), row.decidedAt, text(row.item),
                row.selfLevel.map(String.init) ?? "", row.evaluatorLevel.map(String.init) ?? "",
            ])
        }.joined()
    }

    /// A text cell that cannot start a spreadsheet formula.
    static func text(_ value: String) -> String {
        guard let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return value }
        return "'" + value
    }
}
