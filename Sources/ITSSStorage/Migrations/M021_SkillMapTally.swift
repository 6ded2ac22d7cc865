import FluentKit

/// The skill map's stored counts (`SkillMapTally`): the tally, each person's share of it (`SkillMapShare`), and
/// the marks of changed people with the triggers that set them on both databases.
///
/// Every person is marked, so the tally is built from the stored data when the migration batch ends
/// (`AppDatabase.migrate`). Nothing here has a foreign key: a deleted person's share must stay readable until it
/// is taken out of the tally.
struct M021_SkillMapTally: AsyncMigration {
    var name: String { "M021_SkillMapTally" }

    /// The tables whose rows decide how a person counts, the column naming the person, and the columns whose
    /// update matters (`nil`: any).
    static let watched: [(table: String, person: String, columns: [String]?)] = [
        ("people", "id", ["org_unit_id", "active", "created_at"]),
        ("person_fields", "person_id", nil),
        ("person_levels", "person_id", ["person_id", "field_id", "basis", "level", "assessed_at"]),
        ("level_history", "person_id", nil),
    ]

    func prepare(on database: any Database) async throws {
        let schema = try SchemaSQL(database)
        let key = """
            basis TEXT NOT NULL, day TEXT NOT NULL, org_unit_id BIGINT NOT NULL, active BOOLEAN NOT NULL,
            field_id BIGINT NOT NULL, cell INTEGER NOT NULL, n BIGINT NOT NULL
            """
        let withoutRowID = schema.isPostgres ? "" : " WITHOUT ROWID"
        var statements = [
            "CREATE TABLE skill_map_dirty (\(schema.idColumn), person_id BIGINT NOT NULL)",
            "CREATE INDEX skill_map_dirty_person ON skill_map_dirty (person_id)",
            """
            CREATE TABLE skill_map_tally (\(key), PRIMARY KEY (basis, day, org_unit_id, active, field_id, cell))\(withoutRowID)
            """,
            "CREATE TABLE skill_map_shares (person_id BIGINT PRIMARY KEY, share TEXT NOT NULL)",
        ]
        statements += schema.isPostgres ? Self.postgresTriggers : Self.sqliteTriggers
        statements.append("INSERT INTO skill_map_dirty (person_id) SELECT id FROM people")
        try await schema.run(statements)
    }

    func revert(on database: any Database) async throws {
        let schema = try SchemaSQL(database)
        var statements: [String] = []
        for (table, _, _) in Self.watched {
            for event in ["insert", "update", "delete"] {
                statements.append(
                    schema.isPostgres
                        ? "DROP TRIGGER skill_map_\(table)_\(event) ON \(table)" : "DROP TRIGGER skill_map_\(table)_\(event)")
            }
        }
        if schema.isPostgres {
            statements += Self.watched.map { "DROP FUNCTION skill_map_mark_\($0.table)()" }
        }
        try await schema.run(statements)
        try await schema.drop(["skill_map_shares", "skill_map_tally", "skill_map_dirty"])
    }

    /// SQLite: row triggers; a person already marked is not marked twice (one writer at a time).
    static var sqliteTriggers: [String] {
        func mark(_ person: String) -> String {
            """
            INSERT INTO skill_map_dirty (person_id) SELECT \(person)
            WHERE NOT EXISTS (SELECT 1 FROM skill_map_dirty WHERE person_id = \(person));
            """
        }
        return watched.flatMap { table, person, columns in
            let update = columns.map { " OF " + $0.joined(separator: ", ") } ?? ""
            return [
                "CREATE TRIGGER skill_map_\(table)_insert AFTER INSERT ON \(table) BEGIN \(mark("NEW.\(person)")) END",
                """
                CREATE TRIGGER skill_map_\(table)_update AFTER UPDATE\(update) ON \(table)
                BEGIN \(mark("OLD.\(person)")) \(mark("NEW.\(person)")) END
                """,
                "CREATE TRIGGER skill_map_\(table)_delete AFTER DELETE ON \(table) BEGIN \(mark("OLD.\(person)")) END",
            ]
        }
    }

    /// PostgreSQL: statement triggers over the changed rows (transition tables), so a bulk insert marks its
    /// people with one statement; an update marks only rows whose watched columns changed, as on SQLite. Concurrent
    /// transactions each add their own marks (no unique key to wait on), and a refresh deletes only the marks it
    /// read.
    static var postgresTriggers: [String] {
        watched.flatMap { table, person, columns in
            let changed = columns.map { "WHERE " + $0.map { "n.\($0) IS DISTINCT FROM o.\($0)" }.joined(separator: " OR ") } ?? ""
            let updated = "FROM new_rows n JOIN old_rows o ON o.id = n.id \(changed)"
            let function = """
                CREATE FUNCTION skill_map_mark_\(table)() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'INSERT' THEN
                        INSERT INTO skill_map_dirty (person_id) SELECT DISTINCT \(person) FROM new_rows;
                    ELSIF TG_OP = 'UPDATE' THEN
                        INSERT INTO skill_map_dirty (person_id)
                        SELECT o.\(person) \(updated) UNION SELECT n.\(person) \(updated);
                    ELSE
                        INSERT INTO skill_map_dirty (person_id) SELECT DISTINCT \(person) FROM old_rows;
                    END IF;
                    RETURN NULL;
                END $$
                """
            let triggers = [
                ("insert", "INSERT", "NEW TABLE AS new_rows"),
                ("update", "UPDATE", "OLD TABLE AS old_rows NEW TABLE AS new_rows"),
                ("delete", "DELETE", "OLD TABLE AS old_rows"),
            ].map { name, event, tables in
                """
                CREATE TRIGGER skill_map_\(table)_\(name) AFTER \(event) ON \(table) REFERENCING \(tables)
                FOR EACH STATEMENT EXECUTE FUNCTION skill_map_mark_\(table)()
                """
            }
            return [function] + triggers
        }
    }
}
