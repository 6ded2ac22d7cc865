import ArgumentParser
import ITSSStorage

/// `itss migrate`: bring the database schema up to date (or revert the last batch).
struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Apply pending database migrations (SQLite or PostgreSQL, see DATABASE_URL)."
    )

    @Flag(help: "Revert the most recent batch of migrations instead.")
    var revertLast = false

    func run() async throws {
        try await reportingErrors {
            let location = DatabaseLocation.fromEnvironment()
            let database = try await AppDatabase(location: location)
            do {
                if revertLast {
                    try await database.revertLastMigrationBatch()
                    Output.note("Reverted the last migration batch on \(location).")
                } else {
                    try await database.migrate()
                    let applied = try await database.appliedMigrations()
                    Output.note("\(location): \(applied.count) migration(s) applied: \(applied.joined(separator: ", "))")
                }
                await database.close()
            } catch {
                await database.close()
                throw error
            }
        }
    }
}
