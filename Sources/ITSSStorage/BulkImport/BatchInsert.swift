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

    var bind: any SQLExpression {
        switch self {
        case let .integer(value): SQLBind(value)
        case let .text(value): SQLBind(value)
        case let .boolean(value): SQLBind(value)
        }
    }
}

/// Multi-row INSERTs: one statement per batch instead of one per row, which is what makes bulk imports fast.
/// On SQLite the values bind directly as `SQLiteData`.
enum BatchInsert {
    /// Rows per statement: well below SQLite's 32,766 and PostgreSQL's 65,535 bound parameters for our widths.
    static let rowsPerStatement = 500

    static func run(_ sql: any SQLDatabase, into table: String, columns: [String], rows: [[BatchValue]]) async throws {
        var start = 0
        while start < rows.count {
            let end = min(start + rowsPerStatement, rows.count)
            let batch = rows[start..<end]
            if let sqlite = sql as? any SQLiteDatabase {
                let tuple = "(" + Array(repeating: "?", count: columns.count).joined(separator: ",") + ")"
                let statement =
                    "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES "
                    + Array(repeating: tuple, count: batch.count).joined(separator: ",")
                var binds: [SQLiteData] = []
                binds.reserveCapacity(batch.count * columns.count)
                for row in batch { for value in row { binds.append(value.sqlite) } }
                _ = try await sqlite.query(statement, binds)
            } else {
                var insert = sql.insert(into: table).columns(columns)
                for row in batch { insert = insert.values(row.map(\.bind)) }
                try await insert.run()
            }
            start = end
        }
    }
}
