import FluentKit

/// Org units (a tree), people, the fields each person works in, and evaluator assignments.
struct M003_CreatePeople: AsyncMigration {
    var name: String { "M003_CreatePeople" }

    func prepare(on database: any Database) async throws {
        let schema = try SchemaSQL(database)
        try await schema.run([
            """
            CREATE TABLE org_units (
                \(schema.idColumn),
                code TEXT NOT NULL CHECK (length(code) > 0),
                name TEXT NOT NULL CHECK (length(name) > 0),
                parent_id BIGINT REFERENCES org_units (id),
                version INTEGER NOT NULL DEFAULT 1,
                created_at TEXT NOT NULL,
                CONSTRAINT org_units_code UNIQUE (code),
                CHECK (parent_id IS NULL OR parent_id <> id)
            )
            """,
            """
            CREATE TABLE people (
                \(schema.idColumn),
                employee_number TEXT NOT NULL CHECK (length(employee_number) > 0),
                name TEXT NOT NULL CHECK (length(name) > 0),
                email TEXT,
                org_unit_id BIGINT REFERENCES org_units (id),
                active BOOLEAN NOT NULL,
                joined_on TEXT,
                version INTEGER NOT NULL DEFAULT 1,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                CONSTRAINT people_employee_number UNIQUE (employee_number)
            )
            """,
            """
            CREATE TABLE person_fields (
                \(schema.idColumn),
                person_id BIGINT NOT NULL REFERENCES people (id),
                field_id BIGINT NOT NULL REFERENCES specialty_fields (id),
                added_at TEXT NOT NULL,
                CONSTRAINT person_fields_unique UNIQUE (person_id, field_id)
            )
            """,
            """
            CREATE TABLE evaluator_assignments (
                \(schema.idColumn),
                evaluator_id BIGINT NOT NULL REFERENCES people (id),
                org_unit_id BIGINT REFERENCES org_units (id),
                person_id BIGINT REFERENCES people (id),
                assigned_at TEXT NOT NULL,
                revoked_at TEXT,
                CHECK ((org_unit_id IS NULL) <> (person_id IS NULL)),
                CHECK (person_id IS NULL OR person_id <> evaluator_id)
            )
            """,
            "CREATE INDEX people_org_unit ON people (org_unit_id)",
            "CREATE INDEX evaluator_assignments_evaluator ON evaluator_assignments (evaluator_id)",
        ])
    }

    func revert(on database: any Database) async throws {
        try await SchemaSQL(database).drop(["evaluator_assignments", "person_fields", "people", "org_units"])
    }
}
