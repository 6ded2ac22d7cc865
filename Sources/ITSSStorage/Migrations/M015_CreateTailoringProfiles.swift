import FluentKit

/// Company tailoring profiles (issue 9, part 4): one row per profile with its current version, and the
/// append-only versions, each the validated profile document as JSON with who saved it, when and why.
struct M015_CreateTailoringProfiles: AsyncMigration {
    var name: String { "M015_CreateTailoringProfiles" }

    func prepare(on database: any Database) async throws {
        let schema = try SchemaSQL(database)
        try await schema.run([
            """
            CREATE TABLE tailoring_profiles (
                \(schema.idColumn),
                name TEXT NOT NULL CHECK (length(name) > 0),
                standard_id BIGINT NOT NULL REFERENCES standards (id),
                version INTEGER NOT NULL CHECK (version >= 1),
                archived_at TEXT,
                created_at TEXT NOT NULL,
                created_by TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                CONSTRAINT tailoring_profiles_name UNIQUE (name)
            )
            """,
            """
            CREATE TABLE tailoring_profile_versions (
                \(schema.idColumn),
                profile_id BIGINT NOT NULL REFERENCES tailoring_profiles (id),
                version INTEGER NOT NULL CHECK (version >= 1),
                profile_json TEXT NOT NULL,
                change_count INTEGER NOT NULL CHECK (change_count >= 0),
                note TEXT NOT NULL,
                created_at TEXT NOT NULL,
                created_by TEXT NOT NULL,
                CONSTRAINT tailoring_profile_versions_version UNIQUE (profile_id, version)
            )
            """,
        ])
    }

    func revert(on database: any Database) async throws {
        try await SchemaSQL(database).drop(["tailoring_profile_versions", "tailoring_profiles"])
    }
}
