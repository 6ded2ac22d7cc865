import SQLKit

/// Multi-row INSERTs: one statement per batch instead of one per row, which is what makes bulk imports fast
/// on both SQLite and PostgreSQL.
enum BatchInsert {
    /// Rows per statement: well below SQLite's 32,766 and PostgreSQL's 65,535 bound parameters for our widths.
    static let rowsPerStatement = 400

    static func run(_ sql: any SQLDatabase, into table: String, columns: [String], rows: [[any Encodable & Sendable]]) async throws {
        var start = 0
        while start < rows.count {
            let end = min(start + rowsPerStatement, rows.count)
            var insert = sql.insert(into: table).columns(columns)
            for row in rows[start..<end] {
                insert = insert.values(row.map { SQLBind($0) as any SQLExpression })
            }
            try await insert.run()
            start = end
        }
    }
}
