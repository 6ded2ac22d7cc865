/// A CSV file read as RFC 4180 describes it: a header row naming the columns, then records, each with the
/// 1-based line it starts on.
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

    /// Reads CSV bytes (UTF-8, optional BOM, LF or CRLF line ends, quoted fields with "" escapes).
    /// - Throws: `RowError` for binary data, text that is not UTF-8, an empty file or an unterminated quote.
    ///   Rows whose cell count differs from the header's are kept: `cellCountError(of:)` reports each of them.
    public init(bytes: [UInt8]) throws(RowError) {
        var values: [String] = []
        values.reserveCapacity(bytes.count / 8)
        var records: [Row] = []
        var field: [UInt8] = []
        var recordStart = 0
        var recordHasText = false
        var quoted = false
        var line = 1
        var recordLine = 1
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var fieldStarted = false
        var notUTF8Line: Int?
        func endField() {
            // Trim spaces and tabs on bytes; Foundation's trimming per cell costs more than the whole parse.
            var lower = 0
            var upper = field.count
            while lower < upper, field[lower] == 0x20 || field[lower] == 0x09 { lower += 1 }
            while upper > lower, field[upper - 1] == 0x20 || field[upper - 1] == 0x09 { upper -= 1 }
            if lower < upper { recordHasText = true }
            if let text = String(validating: field[lower..<upper], as: UTF8.self) {
                values.append(text)
            } else {
                // Typically a spreadsheet saved as Shift_JIS: refuse it rather than import "�" in names.
                if notUTF8Line == nil { notUTF8Line = recordLine }
                values.append("")
            }
            field.removeAll(keepingCapacity: true)
            fieldStarted = false
        }
        func endRecord() {
            if recordHasText {
                records.append(Row(line: recordLine, start: recordStart, count: values.count - recordStart))
            } else {
                // Blank lines and rows of empty cells (",,,", written by spreadsheets for rows used once) are skipped.
                values.removeLast(values.count - recordStart)
            }
            recordStart = values.count
            recordHasText = false
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0 { throw RowError(line: line, message: "binary data; expected CSV text") }
            if quoted {
                if byte == 0x22 {
                    if index + 1 < bytes.count, bytes[index + 1] == 0x22 {
                        field.append(0x22)
                        index += 1
                    } else {
                        quoted = false
                    }
                } else {
                    if byte == 0x0A { line += 1 }
                    field.append(byte)
                }
            } else {
                switch byte {
                case 0x22 where !fieldStarted && field.isEmpty:
                    quoted = true
                    fieldStarted = true
                case 0x2C:
                    endField()
                case 0x0D where index + 1 < bytes.count && bytes[index + 1] == 0x0A:
                    break
                case 0x0A:
                    endField()
                    endRecord()
                    line += 1
                    recordLine = line
                default:
                    field.append(byte)
                    fieldStarted = true
                }
            }
            index += 1
        }
        if quoted { throw RowError(line: recordLine, message: "a quoted field is not closed; expected a closing \"") }
        if fieldStarted || !field.isEmpty || values.count > recordStart {
            endField()
            endRecord()
        }
        if let notUTF8Line {
            throw RowError(line: notUTF8Line, message: "the text is not UTF-8; save the file as CSV UTF-8")
        }
        guard let header = records.first else { throw RowError(line: 1, message: "the file is empty; expected a header row") }
        self.columns = values[header.start..<(header.start + header.count)].map { $0.lowercased() }
        self.values = values
        rows = Array(records.dropFirst())
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
