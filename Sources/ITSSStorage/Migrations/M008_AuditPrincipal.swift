import FluentKit

/// The principal of every audit entry: its role and the person it is or acts for, next to its name, so that the
/// log can be filtered by who acted.
struct M008_AuditPrincipal: AsyncMigration {
    var name: String { "M008_AuditPrincipal" }

    func prepare(on database: any Database) async throws {
        try await SchemaSQL(database).run([
            "ALTER TABLE audit_log ADD COLUMN actor_role TEXT CHECK (actor_role IN ('admin', 'hr', 'evaluator', 'employee'))",
            "ALTER TABLE audit_log ADD COLUMN actor_person_id BIGINT",
            "CREATE INDEX audit_log_actor_person ON audit_log (actor_person_id)",
        ])
    }

    func revert(on database: any Database) async throws {
        try await SchemaSQL(database).run([
            "DROP INDEX audit_log_actor_person",
            "ALTER TABLE audit_log DROP COLUMN actor_person_id",
            "ALTER TABLE audit_log DROP COLUMN actor_role",
        ])
    }
}
