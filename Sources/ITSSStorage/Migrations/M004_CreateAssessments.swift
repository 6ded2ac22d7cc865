import FluentKit

/// Assessments (person × field × cycle), their ratings and their event history.
///
/// Self and evaluator ratings are separate columns; approved assessments are never updated (the facade refuses,
/// and `version` makes concurrent edits fail loudly).
struct M004_CreateAssessments: AsyncMigration {
    var name: String { "M004_CreateAssessments" }

    func prepare(on database: any Database) async throws {
        let schema = try SchemaSQL(database)
        try await schema.run([
            """
            CREATE TABLE assessments (
                \(schema.idColumn),
                person_id BIGINT NOT NULL REFERENCES people (id),
                field_id BIGINT NOT NULL REFERENCES specialty_fields (id),
                cycle TEXT NOT NULL CHECK (length(cycle) >= 4),
                state TEXT NOT NULL CHECK (state IN ('draft', 'submitted', 'approved', 'returned')),
                version INTEGER NOT NULL CHECK (version >= 1),
                created_at TEXT NOT NULL,
                submitted_at TEXT,
                decided_at TEXT,
                decided_by BIGINT REFERENCES people (id),
                return_comment TEXT,
                CONSTRAINT assessments_cycle UNIQUE (person_id, field_id, cycle),
                CHECK (state <> 'approved' OR (decided_at IS NOT NULL AND decided_by IS NOT NULL)),
                CHECK (decided_by IS NULL OR decided_by <> person_id)
            )
            """,
            """
            CREATE TABLE assessment_ratings (
                \(schema.idColumn),
                assessment_id BIGINT NOT NULL REFERENCES assessments (id),
                item_id BIGINT NOT NULL REFERENCES skill_items (id),
                self_level INTEGER CHECK (self_level BETWEEN 0 AND 7),
                evaluator_level INTEGER CHECK (evaluator_level BETWEEN 0 AND 7),
                note TEXT,
                evidence TEXT,
                evaluator_reason TEXT,
                CONSTRAINT assessment_ratings_item UNIQUE (assessment_id, item_id)
            )
            """,
            """
            CREATE TABLE assessment_events (
                \(schema.idColumn),
                assessment_id BIGINT NOT NULL REFERENCES assessments (id),
                occurred_at TEXT NOT NULL,
                actor_id BIGINT REFERENCES people (id),
                action TEXT NOT NULL,
                from_state TEXT,
                to_state TEXT,
                comment TEXT
            )
            """,
            "CREATE INDEX assessments_person_field ON assessments (person_id, field_id, state)",
            "CREATE INDEX assessment_events_assessment ON assessment_events (assessment_id)",
        ])
    }

    func revert(on database: any Database) async throws {
        try await SchemaSQL(database).drop(["assessment_events", "assessment_ratings", "assessments"])
    }
}
