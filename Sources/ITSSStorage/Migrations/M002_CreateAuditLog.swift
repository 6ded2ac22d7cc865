import FluentKit

/// The audit log: one append-only row per change, written in the same transaction as the change.
struct M002_CreateAuditLog: AsyncMigration {
    var name: String { "M002_CreateAuditLog" }

    func prepare(on database: any Database) async throws {
        let schema = try SchemaSQL(database)
        try await schema.run([
            """
            CREATE TABLE audit_log (
                \(schema.idColumn),
                occurred_at TEXT NOT NULL,
                actor TEXT NOT NULL CHECK (length(actor) > 0),
                action TEXT NOT NULL,
                subject TEXT NOT NULL,
                detail TEXT NOT NULL
            )
            """,
            "CREATE INDEX audit_log_occurred_at ON audit_log (occurred_at)",
        ])
    }

    func revert(on database: any Database) async throws {
        try await SchemaSQL(database).drop(["audit_log"])
    }
}
