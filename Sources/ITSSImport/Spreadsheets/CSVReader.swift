/// Reads CSV as RFC 4180 describes it — a header row naming the columns, then records — a batch of records at a
/// time from a `CSVInput`, so that memory holds one batch and one chunk of the file, not the file.
///
/// UTF-8 with an optional BOM, LF or CRLF line ends, quoted fields with `""` escapes and line breaks. Cells are
/// trimmed of spaces and tabs; blank lines and records of only empty cells are skipped. Every record keeps the
/// 1-based line it starts on, counted over the whole file (quoted line breaks included), whatever the chunks.
public struct CSVReader {
    /// Column names as written in the header, trimmed and lowercased.
    public private(set) var columns: [String]
    private var input: CSVInput
    /// Bytes read and not yet consumed start at `position`; a record cut by the end of a chunk stays here until
    /// the next chunk completes it.
    private var buffer: [UInt8] = []
    private var position = 0
    private var inputEnded = false
    /// The line of the byte at `position`.
    private var line = 1
    /// A quoted cell's bytes without its quotes and escapes.
    private var scratch: [UInt8] = []

    /// What scanning the next record found.
    private enum Scan {
        /// A record ending before `end`, spanning `lines` line ends; its cells were appended.
        case record(end: Int, lines: Int, hasText: Bool, notUTF8: Bool)
        /// The bytes end inside the record: more input is needed.
        case incomplete
        /// No bytes are left.
        case endOfInput
        case binary(line: Int)
        case unclosedQuote
    }

    /// Opens `input` and reads its header row (the first record with text).
    /// - Throws: `RowError` for binary data, text that is not UTF-8, an unterminated quote, a read error or a file
    ///   without a header row.
    public init(_ input: CSVInput) throws(RowError) {
        self.input = input
        columns = []
        buffer.reserveCapacity(input.chunkSize)
        try fill(atLeast: 3)
        if buffer.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
        var header: [String] = []
        while header.isEmpty {
            var values: [String] = []
            guard let record = try nextRecord(into: &values) else {
                throw RowError(line: 1, message: "the file is empty; expected a header row")
            }
            if record.notUTF8 { throw Self.notUTF8(line: record.line) }
            if record.hasText { header = values }
        }
        columns = header.map { $0.lowercased() }
    }

    /// Reads the next records, at most `maxRecords` of them.
    /// - Returns: The records as a table with the header's columns; `nil` when the file has no more records.
    /// - Throws: `RowError` for binary data, an unterminated quote (at the line its record starts), a read
    ///   error, or text that is not UTF-8 (at the first such line of the batch, once the batch is read).
    public mutating func next(maxRecords: Int) throws(RowError) -> CSVTable? {
        var values: [String] = []
        var rows: [CSVTable.Row] = []
        var notUTF8Line: Int?
        while rows.count < maxRecords {
            let start = values.count
            guard let record = try nextRecord(into: &values) else { break }
            if record.notUTF8, notUTF8Line == nil { notUTF8Line = record.line }
            if record.hasText {
                rows.append(CSVTable.Row(line: record.line, start: start, count: values.count - start))
            } else {
                values.removeLast(values.count - start)
            }
        }
        if let notUTF8Line { throw Self.notUTF8(line: notUTF8Line) }
        guard !rows.isEmpty else { return nil }
        return CSVTable(columns: columns, rows: rows, values: values)
    }

    private static func notUTF8(line: Int) -> RowError {
        // Typically a spreadsheet saved as Shift_JIS: refuse it rather than import "�" in names.
        RowError(line: line, message: "the text is not UTF-8; save the file as CSV UTF-8")
    }

    /// Reads one record (blank ones too), appending its cells to `values`.
    /// - Returns: Where it starts, whether any cell has text and whether a cell is not UTF-8; `nil` at the end.
    private mutating func nextRecord(
        into values: inout [String]
    ) throws(RowError) -> (line: Int, hasText: Bool, notUTF8: Bool)? {
        while true {
            let before = values.count
            let (start, final, firstLine) = (position, inputEnded, line)
            var scratch: [UInt8] = []
            swap(&scratch, &self.scratch)
            let scanned = buffer.withUnsafeBufferPointer {
                Self.scan($0, from: start, final: final, line: firstLine, into: &values, scratch: &scratch)
            }
            swap(&scratch, &self.scratch)
            switch scanned {
            case let .record(end, lines, hasText, notUTF8):
                let recordLine = line
                position = end
                line += lines
                return (recordLine, hasText, notUTF8)
            case .endOfInput:
                return nil
            case .incomplete:
                values.removeLast(values.count - before)
                // Keep the unfinished record, drop what is consumed; read at least as much again as is held, so
                // that a record longer than a chunk is scanned a bounded number of times.
                buffer.removeFirst(position)
                position = 0
                try fill(atLeast: buffer.count + max(input.chunkSize, buffer.count))
            case let .binary(at):
                throw RowError(line: at, message: "binary data; expected CSV text")
            case .unclosedQuote:
                throw RowError(line: line, message: "a quoted field is not closed; expected a closing \"")
            }
        }
    }

    /// Reads until the buffer holds `count` bytes or the input ends.
    private mutating func fill(atLeast count: Int) throws(RowError) {
        while !inputEnded, buffer.count < count {
            do {
                if try input.read(into: &buffer, count: max(input.chunkSize, count - buffer.count)) == 0 { inputEnded = true }
            } catch {
                throw RowError(line: line, message: "the file cannot be read (\(error))")
            }
        }
    }

    /// Scans the record at `start` of `bytes` (`final`: no bytes follow them), which begins on `firstLine`.
    /// Unquoted cells — nearly all of them — become strings straight from the bytes; a quoted one is unescaped
    /// into `scratch` first.
    private static func scan(
        _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, final: Bool, line firstLine: Int, into values: inout [String],
        scratch: inout [UInt8]
    ) -> Scan {
        let count = bytes.count
        var index = start
        guard index < count else { return final ? .endOfInput : .incomplete }
        var lines = 0
        var hasText = false
        var notUTF8 = false
        /// Appends a cell, trimmed; `ascii`: every byte is below 0x80, so the bytes are valid UTF-8 as they are.
        func append(_ cell: UnsafeBufferPointer<UInt8>, ascii: Bool) {
            var lower = 0
            var upper = cell.count
            while lower < upper, cell[lower] == 0x20 || cell[lower] == 0x09 { lower += 1 }
            while upper > lower, cell[upper - 1] == 0x20 || cell[upper - 1] == 0x09 { upper -= 1 }
            guard lower < upper else {
                values.append("")
                return
            }
            hasText = true
            let bytes = UnsafeBufferPointer(rebasing: cell[lower..<upper])
            if ascii {
                // Nearly every cell: no validation to do, and decoding is a copy.
                values.append(String(decoding: bytes, as: UTF8.self))
            } else if let text = String(validating: bytes, as: UTF8.self) {
                values.append(text)
            } else {
                notUTF8 = true
                values.append("")
            }
        }
        while true {
            // At the start of a cell.
            if index < count, bytes[index] == 0x22 {
                // A quoted cell: unescape into `scratch`; text after the closing quote is kept as is.
                scratch.removeAll(keepingCapacity: true)
                index += 1
                while true {
                    guard index < count else { return final ? .unclosedQuote : .incomplete }
                    let byte = bytes[index]
                    if byte == 0x22 {
                        guard index + 1 < count || final else { return .incomplete }
                        if index + 1 < count, bytes[index + 1] == 0x22 {
                            scratch.append(0x22)
                            index += 2
                            continue
                        }
                        index += 1
                        break
                    }
                    if byte == 0 { return .binary(line: firstLine + lines) }
                    if byte == 0x0A { lines += 1 }
                    scratch.append(byte)
                    index += 1
                }
                let tail = index
                while index < count {
                    let byte = bytes[index]
                    if byte == 0x2C || byte == 0x0A { break }
                    if byte == 0 { return .binary(line: firstLine + lines) }
                    if byte == 0x0D {
                        guard index + 1 < count || final else { return .incomplete }
                        if index + 1 < count, bytes[index + 1] == 0x0A { break }
                    }
                    index += 1
                }
                guard index < count || final else { return .incomplete }
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[tail..<index]))
                scratch.withUnsafeBufferPointer { append($0, ascii: false) }
            } else {
                let cellStart = index
                var high: UInt8 = 0
                while index < count {
                    let byte = bytes[index]
                    high |= byte
                    if byte == 0x2C || byte == 0x0A { break }
                    if byte == 0 { return .binary(line: firstLine + lines) }
                    if byte == 0x0D {
                        guard index + 1 < count || final else { return .incomplete }
                        if index + 1 < count, bytes[index + 1] == 0x0A { break }
                    }
                    index += 1
                }
                guard index < count || final else { return .incomplete }
                append(UnsafeBufferPointer(rebasing: bytes[cellStart..<index]), ascii: high < 0x80)
            }
            // After a cell: a comma, a line end (LF or CRLF) or the end of the input.
            guard index < count else {
                return .record(end: index, lines: lines, hasText: hasText, notUTF8: notUTF8)
            }
            switch bytes[index] {
            case 0x2C:
                index += 1
                // A comma as the file's last byte still ends a cell: the record gets an empty last cell.
                if index == count, final {
                    append(UnsafeBufferPointer(rebasing: bytes[index..<index]), ascii: true)
                    return .record(end: index, lines: lines, hasText: hasText, notUTF8: notUTF8)
                }
            case 0x0D:
                return .record(end: index + 2, lines: lines + 1, hasText: hasText, notUTF8: notUTF8)
            default:
                return .record(end: index + 1, lines: lines + 1, hasText: hasText, notUTF8: notUTF8)
            }
        }
    }
}
