import FluentKit
import SQLKit

/// Runs plain DDL for migrations, with the few spellings that differ between SQLite and PostgreSQL.
struct SchemaSQL {
    let sql: any SQLDatabase

    /// - Throws: `StorageError.corrupt` when the Fluent database is not an SQL database.
    init(_ database: any Database) throws {
        guard let sql = database as? any SQLDatabase else {
            throw StorageError.corrupt(detail: "migrations need an SQL database")
        }
        self.sql = sql
    }

    var isPostgres: Bool { sql.dialect.name == "postgresql" }

    /// An auto-incrementing 64-bit primary key column named `id`.
    var idColumn: String { isPostgres ? "id BIGSERIAL PRIMARY KEY" : "id INTEGER PRIMARY KEY AUTOINCREMENT" }

    /// Runs each statement in order.
    func run(_ statements: [String]) async throws {
        for statement in statements {
            try await sql.raw("\(unsafeRaw: statement)").run()
        }
    }

    /// Drops tables in the given order (dependants first).
    func drop(_ tables: [String]) async throws {
        try await run(tables.map { "DROP TABLE IF EXISTS \($0)" })
    }
}
