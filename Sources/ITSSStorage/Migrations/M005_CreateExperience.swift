import FluentKit

/// Experience records (track record). Every version is a row; a verified version is never updated, a correction
/// is a new version of the same `record_id` that supersedes the previous one. `record_id` is the id of the
/// first version (set in the same transaction that inserts it).
struct M005_CreateExperience: AsyncMigration {
    var name: String { "M005_CreateExperience" }

    func prepare(on database: any Database) async throws {
        let schema = try SchemaSQL(database)
        try await schema.run([
            """
            CREATE TABLE experience_records (
                \(schema.idColumn),
                record_id BIGINT,
                version INTEGER NOT NULL CHECK (version >= 1),
                person_id BIGINT NOT NULL REFERENCES people (id),
                field_id BIGINT NOT NULL REFERENCES specialty_fields (id),
                role TEXT NOT NULL CHECK (role IN ('member', 'leader', 'responsible_person')),
                from_on TEXT NOT NULL,
                to_on TEXT,
                peak_staff INTEGER CHECK (peak_staff >= 0),
                annual_contract_yen BIGINT CHECK (annual_contract_yen >= 0),
                customer TEXT,
                description TEXT,
                verified_by BIGINT REFERENCES people (id),
                verified_at TEXT,
                verified_on TEXT,
                created_at TEXT NOT NULL,
                created_by TEXT NOT NULL,
                CONSTRAINT experience_records_version UNIQUE (record_id, version),
                CHECK (to_on IS NULL OR to_on >= from_on),
                CHECK ((verified_by IS NULL) = (verified_at IS NULL) AND (verified_at IS NULL) = (verified_on IS NULL)),
                CHECK (verified_by IS NULL OR verified_by <> person_id)
            )
            """,
            "CREATE INDEX experience_records_person_field ON experience_records (person_id, field_id)",
        ])
    }

    func revert(on database: any Database) async throws {
        try await SchemaSQL(database).drop(["experience_records"])
    }
}
