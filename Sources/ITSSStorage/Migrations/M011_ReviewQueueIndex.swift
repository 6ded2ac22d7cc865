import FluentKit

/// The evaluators' review queue walks submitted assessments in submission order (`AppDatabase.reviewQueue`):
/// without this index it would read every assessment of every cycle.
struct M011_ReviewQueueIndex: AsyncMigration {
    var name: String { "M011_ReviewQueueIndex" }

    func prepare(on database: any Database) async throws {
        try await SchemaSQL(database).run([
            "CREATE INDEX assessments_state_submitted ON assessments (state, submitted_at, id)"
        ])
    }

    func revert(on database: any Database) async throws {
        try await SchemaSQL(database).run(["DROP INDEX assessments_state_submitted"])
    }
}
