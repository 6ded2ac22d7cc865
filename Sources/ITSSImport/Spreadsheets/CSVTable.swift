/// A CSV file — or a batch of its records (`CSVReader`) — read as RFC 4180 describes it: the header row's column
/// names, then records, each with the 1-based line it starts on.
public struct CSVTable: Sendable {
    /// One record: its line and where its values are in the table's flat value list.
    public struct Row: Sendable {
        public var line: Int
        let start: Int
        public let count: Int
    }

    /// Column names as written in the header, trimmed and lowercased.
    public private(set) var columns: [String]
    public private(set) var rows: [Row]
    /// Every value of every record, trimmed, row after row (one flat list: millions of rows stay cheap).
    private var values: [String]
    private var positions: [String: Int]

    /// Reads CSV bytes (UTF-8, optional BOM, LF or CRLF line ends, quoted fields with "" escapes) into one table.
    /// - Throws: `RowError` for binary data, text that is not UTF-8, an empty file or an unterminated quote.
    ///   Rows whose cell count differs from the header's are kept: `cellCountError(of:)` reports each of them.
    public init(bytes: [UInt8]) throws(RowError) {
        // Read in chunks of a megabyte: the reader's buffer stays small next to the bytes.
        var reader = try CSVReader(CSVInput(bytes: bytes, chunkSize: 1 << 20))
        self = try reader.next(maxRecords: .max) ?? CSVTable(columns: reader.columns, rows: [], values: [])
    }

    /// A table of some records of a file (a `CSVReader` batch), with the file's header columns.
    init(columns: [String], rows: [Row], values: [String]) {
        self.columns = columns
        self.rows = rows
        self.values = values
        var positions: [String: Int] = [:]
        for (position, column) in columns.enumerated() where positions[column] == nil { positions[column] = position }
        self.positions = positions
    }

    /// Checks that the header has the required columns, only known ones, and none twice.
    /// - Throws: `RowError` at line 1 naming the missing, unknown or repeated column.
    public func requireColumns(_ required: [String], optional: [String]) throws(RowError) {
        var seen = Set<String>()
        for column in columns where !column.isEmpty && !seen.insert(column).inserted {
            throw RowError(line: 1, column: column, message: "the column \"\(column)\" appears more than once in the header")
        }
        for column in required where !columns.contains(column) {
            throw RowError(
                line: 1, column: column,
                message: "the header lacks the column \"\(column)\"; expected \((required + optional).joined(separator: ","))")
        }
        for column in columns where !required.contains(column) && !optional.contains(column) {
            throw RowError(
                line: 1, column: column,
                message: "unknown column \"\(column)\"; expected some of \((required + optional).joined(separator: ","))")
        }
    }

    /// The error of a row with more or fewer cells than the header has columns, `nil` for a row that fits.
    ///
    /// Short rows are refused rather than read with the missing cells empty: a row that lost cells (a stray
    /// line break, a cell pasted into the wrong place) would otherwise import with its values under the wrong
    /// columns or silently dropped. Spreadsheets write every cell of a row, empty ones as `,,`; rows of only
    /// empty cells are skipped before this check.
    public func cellCountError(of row: Row) -> RowError? {
        guard row.count != columns.count else { return nil }
        return RowError(
            line: row.line,
            message: "has \(row.count) cell\(row.count == 1 ? "" : "s") but the header has \(columns.count) "
                + "(\(columns.joined(separator: ", "))); give every row one cell per column, empty ones as ,,")
    }

    /// The position of a column in the header, if present.
    public func position(of column: String) -> Int? { positions[column] }

    /// The trimmed value at a column position of a row, `nil` when empty or absent.
    public func value(at position: Int?, in row: Row) -> String? {
        guard let position, position < row.count else { return nil }
        let value = values[row.start + position]
        return value.isEmpty ? nil : value
    }

    /// The trimmed value of a column in a row, `nil` when empty or absent.
    public func value(_ column: String, in row: Row) -> String? {
        value(at: positions[column], in: row)
    }

    /// The row's values in column order.
    public func values(of row: Row) -> [String] { Array(values[row.start..<(row.start + row.count)]) }
}
