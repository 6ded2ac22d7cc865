import FluentKit

/// Stores with each level since when the person has been assessed in the field on that basis, so that the skill
/// map tells "below the field's first level" from "not assessed" without probing `assessments` once per pair
/// and once per person (the whole-company map at 200,000 people, BENCHMARKS.md "Skill map").
///
/// `person_levels.assessed_at` is the decision time of the person's first approved assessment in the field
/// (basis `approved`) or the creation time of their first assessment of any state (basis `provisional`); `NULL`
/// means not assessed. Approved assessments are immutable and assessments are never deleted, so the time only
/// ever goes from `NULL` to a value. It is written with the level by `recomputeLevels` and `BulkLevels`; every
/// path that creates an assessment stores levels in the same transaction.
///
/// Backfill, in plain SQL on both databases: the column from the stored assessments, then a row (level `NULL`,
/// "below the first level" — how the map counted such pairs before) for each assessed pair that had no level
/// row, such as drafts imported without approval. `person_levels_map` (pair, basis, level, time) replaces
/// `person_levels_pair` (M017) so the map's join reads the index only.
struct M020_LevelsAssessedAt: AsyncMigration {
    var name: String { "M020_LevelsAssessedAt" }

    func prepare(on database: any Database) async throws {
        let firstAssessment: [(basis: String, time: String, state: String)] = [
            ("approved", "decided_at", "AND a.state = 'approved'"), ("provisional", "created_at", ""),
        ]
        var statements = ["ALTER TABLE person_levels ADD COLUMN assessed_at TEXT"]
        for (basis, time, state) in firstAssessment {
            statements.append(
                """
                UPDATE person_levels SET assessed_at = (
                    SELECT MIN(a.\(time)) FROM assessments a
                    WHERE a.person_id = person_levels.person_id AND a.field_id = person_levels.field_id \(state))
                WHERE basis = '\(basis)'
                """)
            statements.append(
                """
                INSERT INTO person_levels (person_id, field_id, basis, level, computed_at, assessed_at)
                SELECT a.person_id, a.field_id, '\(basis)', CAST(NULL AS INTEGER), MIN(a.\(time)), MIN(a.\(time)) FROM assessments a
                WHERE a.\(time) IS NOT NULL \(state) AND NOT EXISTS (
                    SELECT 1 FROM person_levels pl
                    WHERE pl.person_id = a.person_id AND pl.field_id = a.field_id AND pl.basis = '\(basis)')
                GROUP BY a.person_id, a.field_id
                """)
        }
        statements += [
            "CREATE INDEX person_levels_map ON person_levels (person_id, field_id, basis, level, assessed_at)",
            "DROP INDEX person_levels_pair",
        ]
        try await SchemaSQL(database).run(statements)
    }

    func revert(on database: any Database) async throws {
        // The rows the backfill added stay: they read as before (no level), and the column they came from is gone.
        try await SchemaSQL(database).run([
            "CREATE INDEX person_levels_pair ON person_levels (person_id, field_id, basis, level)",
            "DROP INDEX person_levels_map",
            "ALTER TABLE person_levels DROP COLUMN assessed_at",
        ])
    }
}
