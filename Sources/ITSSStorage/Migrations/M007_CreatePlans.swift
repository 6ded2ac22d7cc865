import FluentKit

/// Development plans with their actions and the append-only history of plan changes.
struct M007_CreatePlans: AsyncMigration {
    var name: String { "M007_CreatePlans" }

    func prepare(on database: any Database) async throws {
        let schema = try SchemaSQL(database)
        try await schema.run([
            """
            CREATE TABLE development_plans (
                \(schema.idColumn),
                person_id BIGINT NOT NULL REFERENCES people (id),
                field_id BIGINT NOT NULL REFERENCES specialty_fields (id),
                target_level INTEGER NOT NULL CHECK (target_level BETWEEN 1 AND 7),
                version INTEGER NOT NULL CHECK (version >= 1),
                created_at TEXT NOT NULL,
                created_by TEXT NOT NULL
            )
            """,
            """
            CREATE TABLE plan_actions (
                \(schema.idColumn),
                plan_id BIGINT NOT NULL REFERENCES development_plans (id),
                position INTEGER NOT NULL,
                kind TEXT NOT NULL CHECK (kind IN ('learnKnowledge', 'takeRole', 'training', 'certification')),
                title TEXT NOT NULL CHECK (length(title) > 0),
                due_on TEXT,
                owner TEXT,
                status TEXT NOT NULL CHECK (status IN ('open', 'inProgress', 'done', 'dropped')),
                CONSTRAINT plan_actions_position UNIQUE (plan_id, position)
            )
            """,
            """
            CREATE TABLE plan_history (
                \(schema.idColumn),
                plan_id BIGINT NOT NULL REFERENCES development_plans (id),
                version INTEGER NOT NULL,
                occurred_at TEXT NOT NULL,
                actor TEXT NOT NULL,
                plan_json TEXT NOT NULL,
                CONSTRAINT plan_history_version UNIQUE (plan_id, version)
            )
            """,
        ])
    }

    func revert(on database: any Database) async throws {
        try await SchemaSQL(database).drop(["plan_history", "plan_actions", "development_plans"])
    }
}
