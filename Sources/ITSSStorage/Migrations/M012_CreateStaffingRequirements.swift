import FluentKit

/// Staffing requirements saved under a name (versioned: an edit with a stale version fails loudly) and their
/// lines: field, minimum level, how many people, optionally the role verified track record must show.
struct M012_CreateStaffingRequirements: AsyncMigration {
    var name: String { "M012_CreateStaffingRequirements" }

    func prepare(on database: any Database) async throws {
        let schema = try SchemaSQL(database)
        try await schema.run([
            """
            CREATE TABLE staffing_requirements (
                \(schema.idColumn),
                name TEXT NOT NULL CHECK (length(name) > 0),
                version INTEGER NOT NULL CHECK (version >= 1),
                created_at TEXT NOT NULL,
                created_by TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                CONSTRAINT staffing_requirements_name UNIQUE (name)
            )
            """,
            """
            CREATE TABLE staffing_lines (
                \(schema.idColumn),
                requirement_id BIGINT NOT NULL REFERENCES staffing_requirements (id),
                position INTEGER NOT NULL CHECK (position >= 1),
                field_id BIGINT NOT NULL REFERENCES specialty_fields (id),
                minimum_level INTEGER NOT NULL CHECK (minimum_level BETWEEN 1 AND 7),
                count INTEGER NOT NULL CHECK (count >= 1),
                role TEXT CHECK (role IS NULL OR role IN ('member', 'leader', 'responsible_person')),
                CONSTRAINT staffing_lines_position UNIQUE (requirement_id, position)
            )
            """,
        ])
    }

    func revert(on database: any Database) async throws {
        try await SchemaSQL(database).drop(["staffing_lines", "staffing_requirements"])
    }
}
