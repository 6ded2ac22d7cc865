import Logging
import NIOCore
import PostgresKit
import SQLKit
import SQLiteNIO

/// A value of a bulk-inserted row, typed so that millions of them bind without going through `Encodable`.
enum BatchValue: Sendable {
    case integer(Int64?)
    case text(String?)
    case boolean(Bool)

    static func int(_ value: Int?) -> BatchValue { .integer(value.map(Int64.init)) }

    var sqlite: SQLiteData {
        switch self {
        case let .integer(value): value.map { .integer(Int($0)) } ?? .null
        case let .text(value): value.map { .text($0) } ?? .null
        case let .boolean(value): .integer(value ? 1 : 0)
        }
    }

    var isNull: Bool {
        switch self {
        case let .integer(value): value == nil
        case let .text(value): value == nil
        case .boolean: false
        }
    }

    var bind: any SQLExpression {
        switch self {
        case let .integer(value): SQLBind(value)
        case let .text(value): SQLBind(value)
        case let .boolean(value): SQLBind(value)
        }
    }
}

/// Bulk inserts, the part of an import that moves millions of rows.
///
/// - SQLite: multi-row INSERTs of up to 32,000 bound values each, the values bound directly as `SQLiteData`.
/// - PostgreSQL: `COPY … FROM STDIN` (text format) on the transaction's own connection, so the rows are part of
///   the import's transaction and roll back with it. A multi-row INSERT costs the server several milliseconds of
///   planning and binding per statement; COPY streams rows with no per-statement work.
enum BatchInsert {
    /// Rows per SQLite statement: well below SQLite's 32,766 bound parameters for our widths.
    static let rowsPerStatement = 500
    /// Bound parameters per SQLite statement: below SQLite's limit of 32,766. Rows per statement follow from the
    /// table's width (4,571 ratings): a statement costs two thread hops, which dominate on a busy machine.
    static let sqliteParametersPerStatement = 32_000
    /// Rows per COPY message to PostgreSQL: about 1 MB of text for the widest tables.
    static let rowsPerCopyMessage = 8_000

    /// Inserts `rows` (each with one value per column) into `table`, inside the caller's transaction.
    /// - Throws: the driver's error (constraint violations, a lost connection).
    static func run(_ sql: any SQLDatabase, into table: String, columns: [String], rows: [[BatchValue]]) async throws {
        // Flattened a slice at a time, so that the rows are not held twice.
        var start = 0
        while start < rows.count {
            let end = min(start + 20_000, rows.count)
            try await run(sql, into: table, columns: columns, rows: BatchRows(columns: columns.count, rows: rows[start..<end]))
            start = end
        }
    }

    /// Inserts `rows` (one value per column each, in one flat list) into `table`, inside the caller's transaction.
    /// - Parameter omittable: Columns without a default that SQLite statements may leave out (so they are NULL)
    ///   where every row of the statement has NULL there: each row then costs SQLite fewer parameters to parse
    ///   and bind. Ratings rarely carry notes.
    /// - Throws: the driver's error (constraint violations, a lost connection).
    static func run(
        _ sql: any SQLDatabase, into table: String, columns: [String], rows: BatchRows, omittable: Set<String> = []
    ) async throws {
        guard !rows.isEmpty else { return }
        guard rows.columns == columns.count else {
            throw StorageError.corrupt(
                detail: "a bulk insert into \(table) has rows of \(rows.columns) values for \(columns.count) columns")
        }
        if let sqlite = sql as? any SQLiteDatabase {
            try await insertSQLite(
                sqlite, into: table, columns: columns, rows: rows,
                omittable: columns.indices.filter { omittable.contains(columns[$0]) })
        } else if let postgres = sql as? any PostgresDatabase {
            try await copyPostgres(postgres, into: table, columns: columns, rows: rows)
        } else {
            var start = 0
            while start < rows.count {
                let end = min(start + rowsPerStatement, rows.count)
                var insert = sql.insert(into: table).columns(columns)
                var row = start
                while row < end {
                    insert = insert.values(rows.values(ofRows: row..<(row + 1)).map(\.bind))
                    row += 1
                }
                try await insert.run()
                start = end
            }
        }
    }

    private static func insertSQLite(
        _ sqlite: any SQLiteDatabase, into table: String, columns: [String], rows: BatchRows, omittable: [Int]
    ) async throws {
        // Statement texts by the columns they leave out and their row count.
        var statements: [[Int]: [Int: String]] = [:]
        let rowsPerStatement = max(sqliteParametersPerStatement / columns.count, 1)
        var binds: [SQLiteData] = []
        binds.reserveCapacity(min(rowsPerStatement, rows.count) * columns.count)
        var start = 0
        while start < rows.count {
            let end = min(start + rowsPerStatement, rows.count)
            let values = rows.values(ofRows: start..<end)
            let omitted = omittable.filter { column in
                stride(from: values.startIndex + column, to: values.endIndex, by: columns.count).allSatisfy { values[$0].isNull }
            }
            let statement: String
            if let known = statements[omitted]?[end - start] {
                statement = known
            } else {
                let kept = columns.indices.filter { !omitted.contains($0) }
                let tuple = "(" + Array(repeating: "?", count: kept.count).joined(separator: ",") + ")"
                statement =
                    "INSERT INTO \(table) (\(kept.map { columns[$0] }.joined(separator: ", "))) VALUES "
                    + Array(repeating: tuple, count: end - start).joined(separator: ",")
                statements[omitted, default: [:]][end - start] = statement
            }
            binds.removeAll(keepingCapacity: true)
            if omitted.isEmpty {
                for value in values { binds.append(value.sqlite) }
            } else {
                var column = 0
                for value in values {
                    if !omitted.contains(column) { binds.append(value.sqlite) }
                    column = column + 1 == columns.count ? 0 : column + 1
                }
            }
            _ = try await sqlite.query(statement, binds)
            start = end
        }
    }

    /// COPY on the connection the transaction holds. Inside `AppDatabase.transaction` the `SQLDatabase` is bound to
    /// one pooled connection, and `withConnection` hands out that very connection (not a new one from the pool), so
    /// the copied rows are written by the transaction and are rolled back with it.
    private static func copyPostgres(
        _ postgres: any PostgresDatabase, into table: String, columns: [String], rows: BatchRows
    ) async throws {
        let connection = try await postgres.withConnection { connection in
            connection.eventLoop.makeSucceededFuture(connection)
        }.get()
        try await connection.copyFrom(table: table, columns: columns, logger: postgres.logger) { writer in
            var buffer = ByteBufferAllocator().buffer(capacity: 1 << 20)
            var start = 0
            while start < rows.count {
                let end = min(start + rowsPerCopyMessage, rows.count)
                PostgresCopyText.append(rows.values(ofRows: start..<end), columns: rows.columns, to: &buffer)
                try await writer.write(buffer)
                buffer.clear()
                start = end
            }
        }
    }
}

/// PostgreSQL's COPY text format: columns separated by tabs, rows ended by a newline, `\N` for NULL, and a
/// backslash, tab, newline or carriage return inside a value escaped with a backslash.
enum PostgresCopyText {
    /// Appends rows given as one flat list of values, `columns` per row.
    static func append(_ values: ArraySlice<BatchValue>, columns: Int, to buffer: inout ByteBuffer) {
        var column = 0
        for value in values {
            if column > 0 { buffer.writeInteger(UInt8(ascii: "\t")) }
            switch value {
            case let .integer(number):
                if let number { buffer.writeString(String(number)) } else { buffer.writeStaticString("\\N") }
            case let .boolean(flag):
                buffer.writeStaticString(flag ? "t" : "f")
            case let .text(text):
                if let text { appendEscaped(text, to: &buffer) } else { buffer.writeStaticString("\\N") }
            }
            column += 1
            if column == columns {
                buffer.writeInteger(UInt8(ascii: "\n"))
                column = 0
            }
        }
    }

    static func appendEscaped(_ text: String, to buffer: inout ByteBuffer) {
        var text = text
        text.withUTF8 { bytes in
            // Most values need no escape: write them in one piece.
            guard bytes.contains(where: { $0 == 0x5C || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) else {
                buffer.writeBytes(bytes)
                return
            }
            for byte in bytes {
                switch byte {
                case 0x5C: buffer.writeStaticString("\\\\")
                case 0x09: buffer.writeStaticString("\\t")
                case 0x0A: buffer.writeStaticString("\\n")
                case 0x0D: buffer.writeStaticString("\\r")
                default: buffer.writeInteger(byte)
                }
            }
        }
    }
}
