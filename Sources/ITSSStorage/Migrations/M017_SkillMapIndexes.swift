import FluentKit

/// Indexes for the skill map (`AppDatabase.skillMap`): the level of a person × field as of a day is the latest
/// history row at or before it — one backward seek in `level_history_latest`, which also carries the level so
/// the row itself is not read; the current level comes from `person_levels_pair` without reading the row; "has an
/// approved assessment by then" is a seek in `assessments_person_field_decided`.
struct M017_SkillMapIndexes: AsyncMigration {
    var name: String { "M017_SkillMapIndexes" }

    func prepare(on database: any Database) async throws {
        try await SchemaSQL(database).run([
            "CREATE INDEX level_history_latest ON level_history (person_id, field_id, effective_at, id, level)",
            "CREATE INDEX person_levels_pair ON person_levels (person_id, field_id, basis, level)",
            "CREATE INDEX assessments_person_field_decided ON assessments (person_id, field_id, state, decided_at)",
            "CREATE INDEX people_active_unit ON people (active, org_unit_id)",
        ])
    }

    func revert(on database: any Database) async throws {
        try await SchemaSQL(database).run(
            ["level_history_latest", "person_levels_pair", "assessments_person_field_decided", "people_active_unit"].map {
                "DROP INDEX \($0)"
            })
    }
}
