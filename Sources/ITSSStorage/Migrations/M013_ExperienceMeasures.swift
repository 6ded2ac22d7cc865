import FluentKit

/// Experience records carry every measure a level text names: besides peak staff and annual contract value
/// (M005), installation sites and answered inquiries per year (V2 Network operation and Service desk name them
/// as alternatives).
///
/// The schema step cannot run the level rule (the rule needs the compiled catalog, which only `AppDatabase`
/// builds), so `AppDatabase.migrate()` runs `recomputeLevels(naming:reason:by:)` after the batch that applied
/// this migration; see `MeasureRecompute`.
struct M013_ExperienceMeasures: AsyncMigration {
    static let migrationName = "M013_ExperienceMeasures"
    var name: String { Self.migrationName }

    func prepare(on database: any Database) async throws {
        try await SchemaSQL(database).run([
            "ALTER TABLE experience_records ADD COLUMN installation_sites BIGINT CHECK (installation_sites >= 0)",
            "ALTER TABLE experience_records ADD COLUMN annual_inquiries BIGINT CHECK (annual_inquiries >= 0)",
        ])
    }

    func revert(on database: any Database) async throws {
        try await SchemaSQL(database).run([
            "ALTER TABLE experience_records DROP COLUMN annual_inquiries",
            "ALTER TABLE experience_records DROP COLUMN installation_sites",
        ])
    }
}
