import FluentKit

/// Materialised levels: the current level per person, field and basis (written in the same transaction as the
/// approval or verification that changes it) and the append-only history of level changes. The breakdown
/// (the reasons) is recomputed from the inputs when read: it is cheap, and stays in step with the rule.
struct M006_CreateLevels: AsyncMigration {
    var name: String { "M006_CreateLevels" }

    func prepare(on database: any Database) async throws {
        let schema = try SchemaSQL(database)
        try await schema.run([
            """
            CREATE TABLE person_levels (
                \(schema.idColumn),
                person_id BIGINT NOT NULL REFERENCES people (id),
                field_id BIGINT NOT NULL REFERENCES specialty_fields (id),
                basis TEXT NOT NULL CHECK (basis IN ('approved', 'provisional')),
                level INTEGER CHECK (level BETWEEN 1 AND 7),
                computed_at TEXT NOT NULL,
                CONSTRAINT person_levels_unique UNIQUE (person_id, field_id, basis)
            )
            """,
            """
            CREATE TABLE level_history (
                \(schema.idColumn),
                person_id BIGINT NOT NULL REFERENCES people (id),
                field_id BIGINT NOT NULL REFERENCES specialty_fields (id),
                level INTEGER CHECK (level BETWEEN 1 AND 7),
                previous_level INTEGER CHECK (previous_level BETWEEN 1 AND 7),
                effective_at TEXT NOT NULL,
                cause TEXT NOT NULL
            )
            """,
            "CREATE INDEX level_history_person_field ON level_history (person_id, field_id, effective_at)",
        ])
    }

    func revert(on database: any Database) async throws {
        try await SchemaSQL(database).drop(["level_history", "person_levels"])
    }
}
