import Foundation
import ITSSDomain

/// The documented columns of the bulk-import files (docs/bulk-import.md) and their row types.
public enum SpreadsheetRows {
    /// `itss import people`: one person per row.
    public struct PersonRow: Sendable, Hashable {
        public var line: Int
        public var employeeNumber: String
        public var name: String
        public var email: String?
        public var orgUnit: String?
        public var active: Bool
        public var joinedOn: Day?
        /// Field names separated by ";" in the file.
        public var fields: [String]
    }

    /// `itss import experience`: one record per row; `verifiedBy` marks it verified by that evaluator.
    public struct ExperienceRow: Sendable, Hashable {
        public var line: Int
        public var employeeNumber: String
        public var field: String
        public var role: Role
        public var from: Day
        public var to: Day?
        /// The figures of the columns named after measures (`peak_staff`, `installation_sites`, …).
        public var measures: [ScaleMeasure: Int64]
        public var customer: String?
        public var description: String?
        public var verifiedBy: String?
    }

    /// `itss import assessments`: one skill-item rating per row.
    public struct RatingRow: Sendable, Hashable {
        public var line: Int
        public var employeeNumber: String
        public var field: String
        public var cycle: Cycle
        public var item: String
        public var selfLevel: Int?
        public var evaluatorLevel: Int?
        public var note: String?
        public var evidence: String?
        public var evaluatorReason: String?
    }

    public static let personColumns = (
        required: ["employee_number", "name"], optional: ["email", "org_unit", "active", "joined_on", "fields"]
    )
    public static let experienceColumns = (
        required: ["employee_number", "field", "role", "from"],
        optional: ["to"] + ScaleMeasure.allCases.map(\.rawValue) + ["customer", "description", "verified_by"]
    )
    public static let ratingColumns = (
        required: ["employee_number", "field", "cycle", "item"],
        optional: ["self_level", "evaluator_level", "note", "evidence", "evaluator_reason"]
    )

    /// Reads a people file: the good rows and a `RowError` for every bad one.
    /// - Throws: `BulkImportError` when the file itself cannot be read (not CSV, not UTF-8, header problems).
    public static func people(_ bytes: [UInt8]) throws(BulkImportError) -> ParsedRows<PersonRow> {
        try readRows(bytes, columns: personColumns) { table, row in
            var reader = CellReader(table: table, row: row)
            // Cells in column order, each through the bounds of the CLI and the API (InputBounds); the bounds
            // relative to today are checked on import.
            let employeeNumber = reader.required("employee_number")
            if !employeeNumber.isEmpty {
                reader.check { () throws(InputError) in try InputBounds.identifier(employeeNumber, field: "employee_number") }
            }
            let name = reader.required("name")
            if !name.isEmpty { reader.check { () throws(InputError) in try InputBounds.name(name) } }
            let email = reader.optional("email")
            if let email { reader.check { () throws(InputError) in try InputBounds.email(email) } }
            let active = reader.boolean("active") ?? true
            let joinedOn = reader.day("joined_on")
            if let joinedOn { reader.check { () throws(InputError) in try InputBounds.day(joinedOn, field: "joined_on") } }
            let result = PersonRow(
                line: row.line, employeeNumber: employeeNumber, name: name, email: email, orgUnit: reader.optional("org_unit"),
                active: active, joinedOn: joinedOn,
                fields: reader.optional("fields").map {
                    $0.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                } ?? [])
            return reader.errors.isEmpty ? (result, []) : (nil, reader.errors)
        }
    }

    /// Reads an experience file: the good rows and a `RowError` for every bad one.
    /// - Throws: `BulkImportError` when the file itself cannot be read.
    public static func experience(_ bytes: [UInt8]) throws(BulkImportError) -> ParsedRows<ExperienceRow> {
        try readRows(bytes, columns: experienceColumns) { table, row in
            var reader = CellReader(table: table, row: row)
            let from = reader.day("from", required: true)
            let to = reader.day("to")
            // The bounds of the CLI and the API (InputBounds); those relative to today are checked on import.
            if let from { reader.check { () throws(InputError) in try InputBounds.experiencePeriod(from: from, to: to) } }
            let employeeNumber = reader.required("employee_number")
            let field = reader.required("field")
            let role = reader.role("role")
            var measures: [ScaleMeasure: Int64] = [:]
            for measure in ScaleMeasure.allCases {
                measures[measure] = reader.parse(measure.rawValue) { text throws(InputError) in
                    try InputBounds.measure(parsing: text, measure)
                }
            }
            let customer = reader.optional("customer")
            let description = reader.optional("description")
            reader.check { () throws(InputError) in try InputBounds.optionalName(customer, field: "customer") }
            reader.check { () throws(InputError) in try InputBounds.freeText(description, field: "description") }
            guard reader.errors.isEmpty, let from, let role else { return (nil, reader.errors) }
            return (
                ExperienceRow(
                    line: row.line, employeeNumber: employeeNumber, field: field, role: role, from: from, to: to,
                    measures: measures, customer: customer,
                    description: description, verifiedBy: reader.optional("verified_by")),
                []
            )
        }
    }

    /// Reads an assessments file: the good rows and a `RowError` for every bad one.
    /// - Throws: `BulkImportError` when the file itself cannot be read.
    public static func ratings(_ bytes: [UInt8]) throws(BulkImportError) -> ParsedRows<RatingRow> {
        try readRows(bytes, columns: ratingColumns, ratingReader())
    }

    /// Reads an assessments file a batch of `rowsPerBatch` records at a time, with the checks and errors of
    /// `ratings(_:)`: memory holds one batch, however long the file.
    /// - Throws: `BulkImportError` when the file cannot be read or its header is not one of an assessments file.
    public static func ratingBatches(
        _ input: CSVInput, rowsPerBatch: Int = 20_000
    ) throws(BulkImportError) -> CSVRowBatches<RatingRow> {
        try CSVRowBatches(input, columns: ratingColumns, rowsPerBatch: rowsPerBatch, read: ratingReader())
    }

    /// The positions of an assessments file's columns, looked up once per file.
    private struct RatingPositions {
        var employeeNumber, field, cycle, item, selfLevel, evaluatorLevel, note, evidence, reason: Int?

        init(_ table: CSVTable) {
            employeeNumber = table.position(of: "employee_number")
            field = table.position(of: "field")
            cycle = table.position(of: "cycle")
            item = table.position(of: "item")
            selfLevel = table.position(of: "self_level")
            evaluatorLevel = table.position(of: "evaluator_level")
            note = table.position(of: "note")
            evidence = table.position(of: "evidence")
            reason = table.position(of: "evaluator_reason")
        }
    }

    /// Reads one record of an assessments file into a rating row, or reports its errors.
    private static func ratingReader() -> (CSVTable, CSVTable.Row) -> (RatingRow?, [RowError]) {
        // Files hold millions of ratings of a few cycles: read each spelling of a cycle once. Columns are found by
        // name once (every batch of a file has the file's header).
        var cycles: [String: Cycle?] = [:]
        var lastCycle: (text: String, cycle: Cycle?)?
        var positions: RatingPositions?
        return { table, row in
            let at: RatingPositions
            if let positions {
                at = positions
            } else {
                at = RatingPositions(table)
                positions = at
            }
            var reader = CellReader(table: table, row: row)
            let cycleText = reader.required("cycle", at: at.cycle)
            let cycle: Cycle?
            if let last = lastCycle, last.text == cycleText {
                cycle = last.cycle
            } else if let known = cycles[cycleText] {
                cycle = known
                lastCycle = (cycleText, known)
            } else {
                cycle = Cycle(cycleText)
                cycles[cycleText] = cycle
            }
            if cycle == nil, !cycleText.isEmpty {
                reader.fail("cycle", "\"\(cycleText)\" is not a cycle; expected e.g. 2026H2, 2026Q3 or 2026")
            }
            let employeeNumber = reader.required("employee_number", at: at.employeeNumber)
            let field = reader.required("field", at: at.field)
            let item = reader.required("item", at: at.item)
            let selfLevel = reader.level("self_level", at: at.selfLevel)
            let evaluatorLevel = reader.level("evaluator_level", at: at.evaluatorLevel)
            let note = reader.optional(at: at.note)
            let evidence = reader.optional(at: at.evidence)
            let reason = reader.optional(at: at.reason)
            reader.check { () throws(InputError) in
                try InputBounds.freeText(note, field: "note")
                try InputBounds.freeText(evidence, field: "evidence")
                try InputBounds.freeText(reason, field: "evaluator_reason")
            }
            guard reader.errors.isEmpty, let cycle else { return (nil, reader.errors) }
            return (
                RatingRow(
                    line: row.line, employeeNumber: employeeNumber, field: field, cycle: cycle, item: item, selfLevel: selfLevel,
                    evaluatorLevel: evaluatorLevel, note: note, evidence: evidence, evaluatorReason: reason),
                []
            )
        }
    }

    private static func readRows<Row>(
        _ bytes: [UInt8], columns: (required: [String], optional: [String]),
        _ read: (CSVTable, CSVTable.Row) -> (Row?, [RowError])
    ) throws(BulkImportError) -> ParsedRows<Row> {
        let table: CSVTable
        do {
            table = try CSVTable(bytes: bytes)
            try table.requireColumns(columns.required, optional: columns.optional)
        } catch {
            throw BulkImportError(rows: [error])
        }
        return readRows(table, read)
    }

    /// Reads the records of a table (a whole file or a batch of one) whose header was checked.
    static func readRows<Row>(
        _ table: CSVTable, _ read: (CSVTable, CSVTable.Row) -> (Row?, [RowError])
    ) -> ParsedRows<Row> {
        var rows: [Row] = []
        rows.reserveCapacity(table.rows.count)
        var errors: [RowError] = []
        for row in table.rows {
            if let error = table.cellCountError(of: row) {
                errors.append(error)
                continue
            }
            let (value, rowErrors) = read(table, row)
            if let value, rowErrors.isEmpty { rows.append(value) } else { errors += rowErrors }
        }
        return ParsedRows(rows: rows, errors: errors)
    }
}

/// The rows of a bulk-import file that could be read, and an error for every one that could not. The database
/// checks add their errors to these, so one report lists every bad row.
public struct ParsedRows<Row: Sendable>: Sendable {
    public var rows: [Row]
    public var errors: [RowError]

    public init(rows: [Row], errors: [RowError] = []) {
        self.rows = rows
        self.errors = errors
    }

    /// The number of data rows in the file (read or not).
    public var count: Int { rows.count + Set(errors.map(\.line)).count }
}

/// Reads and checks the cells of one row, collecting every problem instead of stopping at the first.
struct CellReader {
    let table: CSVTable
    let row: CSVTable.Row
    var errors: [RowError] = []

    mutating func fail(_ column: String, _ message: String) {
        errors.append(RowError(line: row.line, column: column, message: message))
    }

    func optional(_ column: String) -> String? { table.value(column, in: row) }

    /// The cell of the column at `position` (looked up once per file: millions of rows, no lookup by name each).
    func optional(at position: Int?) -> String? { table.value(at: position, in: row) }

    mutating func required(_ column: String) -> String { required(column, at: table.position(of: column)) }

    mutating func required(_ column: String, at position: Int?) -> String {
        guard let value = table.value(at: position, in: row) else {
            fail(column, "is empty; expected a value")
            return ""
        }
        return value
    }

    mutating func day(_ column: String, required: Bool = false) -> Day? {
        guard let text = table.value(column, in: row) else {
            if required { fail(column, "is empty; expected a date YYYY-MM-DD") }
            return nil
        }
        guard let day = Day(text) else {
            fail(column, "\"\(text)\" is not a date; expected YYYY-MM-DD")
            return nil
        }
        return day
    }

    /// Records the `InputError` of a bound check, naming its field as the column.
    mutating func check(_ body: () throws(InputError) -> Void) {
        do throws(InputError) {
            try body()
        } catch {
            errors.append(RowError(line: row.line, error))
        }
    }

    /// The cell read by `parse` (an `InputBounds` reader), `nil` when empty or refused.
    mutating func parse<Value>(_ column: String, _ parse: (String) throws(InputError) -> Value) -> Value? {
        guard let text = table.value(column, in: row) else { return nil }
        do throws(InputError) {
            return try parse(text)
        } catch {
            errors.append(RowError(line: row.line, column: column, message: error.message))
            return nil
        }
    }

    mutating func level(_ column: String) -> Int? { level(column, at: table.position(of: column)) }

    mutating func level(_ column: String, at position: Int?) -> Int? {
        guard let text = table.value(at: position, in: row) else { return nil }
        guard let value = Int(text), (0...7).contains(value) else {
            fail(column, "\"\(text)\" is not a level; expected 0 (none) to 7")
            return nil
        }
        return value
    }

    mutating func boolean(_ column: String) -> Bool? {
        guard let text = table.value(column, in: row)?.lowercased() else { return nil }
        switch text {
        case "true", "yes", "1", "y": return true
        case "false", "no", "0", "n": return false
        default:
            fail(column, "\"\(text)\" is not yes/no")
            return nil
        }
    }

    mutating func role(_ column: String) -> Role? {
        let text = required(column)
        guard !text.isEmpty else { return nil }
        guard let role = Role(label: text) else {
            fail(column, "\"\(text)\" is not a role; expected member, leader or responsible person")
            return nil
        }
        return role
    }
}
