/// A CSV file read as RFC 4180 describes it: a header row naming the columns, then records, each with the
/// 1-based line it starts on.
public struct CSVTable: Sendable {
    public struct Row: Sendable {
        public var line: Int
        public var values: [String]
    }

    /// Column names as written in the header, trimmed and lowercased.
    public var columns: [String]
    public var rows: [Row]

    /// Reads CSV bytes (UTF-8, optional BOM, LF or CRLF line ends, quoted fields with "" escapes).
    /// - Throws: `RowError` for binary data, text that is not UTF-8, an empty file, an unterminated quote or a
    ///   row with too many fields.
    public init(bytes: [UInt8]) throws(RowError) {
        var records: [(line: Int, fields: [String])] = []
        var field: [UInt8] = []
        var fields: [String] = []
        var quoted = false
        var line = 1
        var recordLine = 1
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var fieldStarted = false
        var notUTF8Line: Int?
        func endField() {
            if let text = String(validating: field, as: UTF8.self) {
                fields.append(text)
            } else {
                // Typically a spreadsheet saved as Shift_JIS: refuse it rather than import "�" in names.
                if notUTF8Line == nil { notUTF8Line = recordLine }
                fields.append(String(decoding: field, as: UTF8.self))
            }
            field.removeAll(keepingCapacity: true)
            fieldStarted = false
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
                    records.append((recordLine, fields))
                    fields.removeAll()
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
        if fieldStarted || !field.isEmpty || !fields.isEmpty {
            endField()
            records.append((recordLine, fields))
        }
        if let notUTF8Line {
            throw RowError(line: notUTF8Line, message: "the text is not UTF-8; save the file as CSV UTF-8")
        }
        // Blank lines are skipped, as spreadsheets often end with some — also rows of empty cells (",,,"),
        // which spreadsheets write for rows that were used once.
        records.removeAll { $0.fields.allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty } }
        guard let header = records.first else { throw RowError(line: 1, message: "the file is empty; expected a header row") }
        columns = header.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        rows = []
        rows.reserveCapacity(records.count)
        for record in records.dropFirst() {
            guard record.fields.count <= columns.count else {
                throw RowError(line: record.line, message: "\(record.fields.count) fields; expected at most \(columns.count) (the header's columns)")
            }
            rows.append(Row(line: record.line, values: record.fields))
        }
    }

    /// Checks that the header has the required columns, only known ones, and none twice.
    /// - Throws: `RowError` at line 1 naming the missing, unknown or repeated column.
    public func requireColumns(_ required: [String], optional: [String]) throws(RowError) {
        var seen = Set<String>()
        for column in columns where !column.isEmpty && !seen.insert(column).inserted {
            throw RowError(line: 1, column: column, message: "the column \"\(column)\" appears more than once in the header")
        }
        for column in required where !columns.contains(column) {
            throw RowError(line: 1, column: column, message: "the header lacks the column \"\(column)\"; expected \((required + optional).joined(separator: ","))")
        }
        for column in columns where !required.contains(column) && !optional.contains(column) {
            throw RowError(line: 1, column: column, message: "unknown column \"\(column)\"; expected some of \((required + optional).joined(separator: ","))")
        }
    }

    /// The trimmed value of a column in a row, `nil` when empty or absent.
    public func value(_ column: String, in row: Row) -> String? {
        guard let position = columns.firstIndex(of: column), position < row.values.count else { return nil }
        let value = row.values[position].trimmingCharacters(in: .whitespaces)
        return value.isEmpty ? nil : value
    }
}
