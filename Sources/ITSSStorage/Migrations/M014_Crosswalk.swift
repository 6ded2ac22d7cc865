import FluentKit

/// Carrying people across editions (the V2 ↔ V3 crosswalk): a prefilled rating records where it came from, and
/// an experience record copied into the counterpart field records the record it was linked from.
struct M014_Crosswalk: AsyncMigration {
    var name: String { "M014_Crosswalk" }

    func prepare(on database: any Database) async throws {
        try await SchemaSQL(database).run([
            "ALTER TABLE assessment_ratings ADD COLUMN carried_from TEXT",
            "ALTER TABLE assessment_ratings ADD COLUMN carried_from_assessment_id BIGINT REFERENCES assessments (id)",
            "ALTER TABLE experience_records ADD COLUMN linked_from_record_id BIGINT",
            "CREATE INDEX experience_records_linked_from ON experience_records (linked_from_record_id)",
        ])
    }

    func revert(on database: any Database) async throws {
        try await SchemaSQL(database).run([
            "DROP INDEX experience_records_linked_from",
            "ALTER TABLE experience_records DROP COLUMN linked_from_record_id",
            "ALTER TABLE assessment_ratings DROP COLUMN carried_from_assessment_id",
            "ALTER TABLE assessment_ratings DROP COLUMN carried_from",
        ])
    }
}
