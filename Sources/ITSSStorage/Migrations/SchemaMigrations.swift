import FluentKit
import Foundation

/// The numbered, append-only list of migrations. Never edit or reorder a released migration; add a new one.
enum SchemaMigrations {
    static let all: [any Migration] = [
        M001_CreateCatalog(),
        M002_CreateAuditLog(),
        M003_CreatePeople(),
        M004_CreateAssessments(),
        M005_CreateExperience(),
        M006_CreateLevels(),
        M007_CreatePlans(),
        M008_AuditPrincipal(),
        M009_ReadIndexes(),
        M010_CreateAccounts(),
        M011_ReviewQueueIndex(),
        M012_CreateStaffingRequirements(),
        M013_ExperienceMeasures(),
        M014_Crosswalk(),
        M015_CreateTailoringProfiles(),
        M017_SkillMapIndexes(),
        M019_AssessmentsUnderProfile(),
        M020_LevelsAssessedAt(),
        M021_SkillMapTally(),
    ]
}

extension AppDatabase {
    /// Applies every migration not yet applied, as one batch.
    /// - Throws: the database error of the failing migration (nothing of that migration is applied).
    ///
    /// Migrations whose data step needs the level rule run it after the schema batch: when this batch applied
    /// `M013_ExperienceMeasures`, the levels of people with experience in fields naming installation sites or
    /// inquiries are recomputed and every change is audited (`recomputeLevels(naming:reason:by:)`).
    /// Last, the skill map's counts take in whatever the batch changed (`refreshSkillMapTally`).
    public func migrate() async throws {
        let migrator = try makeMigrator()
        try await migrator.setupIfNeeded().get()
        let before = Set(try await appliedMigrations())
        try await migrator.prepareBatch().get()
        if !before.contains(M013_ExperienceMeasures.migrationName),
            try await appliedMigrations().contains(M013_ExperienceMeasures.migrationName)
        {
            try await recomputeLevels(
                naming: [.installationSites, .annualInquiries],
                reason: "level rule: every minimum a scale condition names counts as an alternative, "
                    + "including installation sites and answered inquiries (M013)",
                by: .system("migration M013"))
        }
        try await refreshSkillMapTally()
    }

    /// Reverts the most recent batch of migrations.
    /// - Throws: the database error of the failing revert.
    public func revertLastMigrationBatch() async throws {
        let migrator = try makeMigrator()
        try await migrator.setupIfNeeded().get()
        try await migrator.revertLastBatch().get()
    }

    /// Reverts every migration (drops the whole schema). Used by tests and `itss migrate --revert-all`.
    /// - Throws: the database error of the failing revert.
    public func revertAllMigrations() async throws {
        let migrator = try makeMigrator()
        try await migrator.setupIfNeeded().get()
        try await migrator.revertAllBatches().get()
    }

    /// The names of applied migrations, oldest first.
    /// - Throws: the database error.
    public func appliedMigrations() async throws -> [String] {
        let migrator = try makeMigrator()
        try await migrator.setupIfNeeded().get()
        let rows = try await sql().raw("SELECT name FROM _fluent_migrations ORDER BY batch, name").all()
        return try rows.map { try $0.decode(column: "name", as: String.self) }
    }

    private func makeMigrator() throws -> Migrator {
        let migrations = Migrations()
        migrations.add(SchemaMigrations.all)
        let database = try fluent()
        return Migrator(
            databaseFactory: { _ in database }, migrations: migrations, on: database.eventLoop, migrationLogLevel: .debug)
    }
}
