import FluentKit

/// The catalog: standards and their revisions, fields, items, level texts, knowledge items, overview and
/// the diagnostics of each import.
///
/// Rows that people's data refers to (fields, items) are never deleted: a replaced document retires them.
struct M001_CreateCatalog: AsyncMigration {
    var name: String { "M001_CreateCatalog" }

    func prepare(on database: any Database) async throws {
        let schema = try SchemaSQL(database)
        try await schema.run([
            """
            CREATE TABLE standards (
                \(schema.idColumn),
                name TEXT NOT NULL,
                version TEXT NOT NULL,
                source_file TEXT NOT NULL,
                source_sha256 TEXT NOT NULL CHECK (length(source_sha256) = 64),
                content_sha256 TEXT NOT NULL,
                line_count INTEGER NOT NULL,
                errata_applied BOOLEAN NOT NULL,
                revision INTEGER NOT NULL CHECK (revision >= 1),
                imported_at TEXT NOT NULL,
                CONSTRAINT standards_name_version UNIQUE (name, version)
            )
            """,
            """
            CREATE TABLE standard_revisions (
                \(schema.idColumn),
                standard_id BIGINT NOT NULL REFERENCES standards (id),
                revision INTEGER NOT NULL CHECK (revision >= 1),
                source_sha256 TEXT NOT NULL,
                content_sha256 TEXT NOT NULL,
                source_text TEXT NOT NULL,
                standard_json TEXT NOT NULL,
                imported_at TEXT NOT NULL,
                imported_by TEXT NOT NULL,
                CONSTRAINT standard_revisions_revision UNIQUE (standard_id, revision)
            )
            """,
            """
            CREATE TABLE specialty_fields (
                \(schema.idColumn),
                standard_id BIGINT NOT NULL REFERENCES standards (id),
                name TEXT NOT NULL CHECK (length(name) > 0),
                kind TEXT NOT NULL CHECK (kind IN ('specialty', 'shared_levels')),
                position INTEGER NOT NULL,
                source_line INTEGER NOT NULL,
                retired_in_revision INTEGER,
                CONSTRAINT specialty_fields_name UNIQUE (standard_id, name)
            )
            """,
            """
            CREATE TABLE field_level_conditions (
                \(schema.idColumn),
                field_id BIGINT NOT NULL REFERENCES specialty_fields (id),
                level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 7),
                role TEXT CHECK (role IN ('member', 'leader', 'responsible_person')),
                min_staff BIGINT,
                min_contract_yen BIGINT,
                scale_json TEXT NOT NULL,
                agreeing_items INTEGER NOT NULL,
                total_items INTEGER NOT NULL,
                CONSTRAINT field_level_conditions_level UNIQUE (field_id, level)
            )
            """,
            """
            CREATE TABLE skill_items (
                \(schema.idColumn),
                field_id BIGINT NOT NULL REFERENCES specialty_fields (id),
                name TEXT NOT NULL CHECK (length(name) > 0),
                scope TEXT NOT NULL CHECK (scope IN ('common', 'specific')),
                position INTEGER NOT NULL,
                source_line INTEGER NOT NULL,
                retired_in_revision INTEGER,
                CONSTRAINT skill_items_name UNIQUE (field_id, name)
            )
            """,
            """
            CREATE TABLE level_texts (
                \(schema.idColumn),
                item_id BIGINT NOT NULL REFERENCES skill_items (id),
                level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 7),
                text TEXT NOT NULL CHECK (length(text) > 0),
                source_text TEXT,
                erratum_id TEXT,
                erratum_reason TEXT,
                source_line INTEGER NOT NULL,
                role TEXT CHECK (role IN ('member', 'leader', 'responsible_person')),
                min_staff BIGINT,
                min_contract_yen BIGINT,
                scale_json TEXT NOT NULL,
                CONSTRAINT level_texts_level UNIQUE (item_id, level)
            )
            """,
            """
            CREATE TABLE knowledge_items (
                \(schema.idColumn),
                item_id BIGINT NOT NULL REFERENCES skill_items (id),
                position INTEGER NOT NULL,
                name TEXT NOT NULL CHECK (length(name) > 0),
                CONSTRAINT knowledge_items_position UNIQUE (item_id, position)
            )
            """,
            """
            CREATE TABLE overview_entries (
                \(schema.idColumn),
                standard_id BIGINT NOT NULL REFERENCES standards (id),
                position INTEGER NOT NULL,
                name TEXT NOT NULL,
                knowledge_json TEXT NOT NULL,
                source_line INTEGER NOT NULL,
                CONSTRAINT overview_entries_position UNIQUE (standard_id, position)
            )
            """,
            """
            CREATE TABLE import_diagnostics (
                \(schema.idColumn),
                revision_id BIGINT NOT NULL REFERENCES standard_revisions (id),
                severity TEXT NOT NULL CHECK (severity IN ('info', 'warning', 'error')),
                code TEXT NOT NULL,
                source_line INTEGER NOT NULL,
                field TEXT,
                item TEXT,
                level INTEGER CHECK (level BETWEEN 1 AND 7),
                message TEXT NOT NULL
            )
            """,
            "CREATE INDEX skill_items_field ON skill_items (field_id)",
            "CREATE INDEX level_texts_item ON level_texts (item_id)",
            "CREATE INDEX knowledge_items_item ON knowledge_items (item_id)",
            "CREATE INDEX import_diagnostics_revision ON import_diagnostics (revision_id)",
        ])
    }

    func revert(on database: any Database) async throws {
        try await SchemaSQL(database).drop([
            "import_diagnostics", "overview_entries", "knowledge_items", "level_texts", "skill_items",
            "field_level_conditions", "specialty_fields", "standard_revisions", "standards",
        ])
    }
}
