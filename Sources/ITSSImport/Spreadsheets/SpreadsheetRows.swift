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
        public var peakStaff: Int?
        public var annualContractYen: Int64?
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
        optional: ["to", "peak_staff", "annual_contract_yen", "customer", "description", "verified_by"]
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
            let result = PersonRow(
                line: row.line, employeeNumber: reader.required("employee_number"), name: reader.required("name"),
                email: reader.optional("email"), orgUnit: reader.optional("org_unit"),
                active: reader.boolean("active") ?? true, joinedOn: reader.day("joined_on"),
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
            if let from, let to, to < from { reader.fail("to", "\(to) is before from (\(from))") }
            let employeeNumber = reader.required("employee_number")
            let field = reader.required("field")
            let role = reader.role("role")
            let peakStaff = reader.integer("peak_staff").map { Int($0) }
            let contract = reader.integer("annual_contract_yen")
            guard reader.errors.isEmpty, let from, let role else { return (nil, reader.errors) }
            return (
                ExperienceRow(
                    line: row.line, employeeNumber: employeeNumber, field: field, role: role, from: from, to: to,
                    peakStaff: peakStaff, annualContractYen: contract, customer: reader.optional("customer"),
                    description: reader.optional("description"), verifiedBy: reader.optional("verified_by")),
                []
            )
        }
    }

    /// Reads an assessments file: the good rows and a `RowError` for every bad one.
    /// - Throws: `BulkImportError` when the file itself cannot be read.
    public static func ratings(_ bytes: [UInt8]) throws(BulkImportError) -> ParsedRows<RatingRow> {
        // Files hold millions of ratings of a few cycles: read each spelling of a cycle once.
        var cycles: [String: Cycle?] = [:]
        return try readRows(bytes, columns: ratingColumns) { table, row in
            var reader = CellReader(table: table, row: row)
            let cycleText = reader.required("cycle")
            let cycle: Cycle?
            if let known = cycles[cycleText] {
                cycle = known
            } else {
                cycle = Cycle(cycleText)
                cycles[cycleText] = cycle
            }
            if cycle == nil, !cycleText.isEmpty {
                reader.fail("cycle", "\"\(cycleText)\" is not a cycle; expected e.g. 2026H2, 2026Q3 or 2026")
            }
            let employeeNumber = reader.required("employee_number")
            let field = reader.required("field")
            let item = reader.required("item")
            let selfLevel = reader.level("self_level")
            let evaluatorLevel = reader.level("evaluator_level")
            guard reader.errors.isEmpty, let cycle else { return (nil, reader.errors) }
            return (
                RatingRow(
                    line: row.line, employeeNumber: employeeNumber, field: field, cycle: cycle, item: item, selfLevel: selfLevel,
                    evaluatorLevel: evaluatorLevel, note: reader.optional("note"), evidence: reader.optional("evidence"),
                    evaluatorReason: reader.optional("evaluator_reason")),
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
        var rows: [Row] = []
        rows.reserveCapacity(table.rows.count)
        var errors: [RowError] = []
        for row in table.rows {
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

    mutating func required(_ column: String) -> String {
        guard let value = table.value(column, in: row) else {
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

    mutating func integer(_ column: String) -> Int64? {
        guard let text = table.value(column, in: row) else { return nil }
        guard let value = Int64(text.replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "_", with: "")), value >= 0
        else {
            fail(column, "\"\(text)\" is not a whole number ≥ 0")
            return nil
        }
        return value
    }

    mutating func level(_ column: String) -> Int? {
        guard let text = table.value(column, in: row) else { return nil }
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
