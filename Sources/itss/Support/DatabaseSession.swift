import Foundation
import ITSSDomain
import ITSSStorage

/// Opens the configured database for a command, migrated, with the built-in standards loaded on first use.
enum DatabaseSession {
    /// Runs `body` with an open database and closes it afterwards, also on error.
    static func with<T>(loadBuiltIns: Bool = true, _ body: (AppDatabase) async throws -> T) async throws -> T {
        let location = DatabaseLocation.fromEnvironment()
        let database = try await AppDatabase.openMigrated(location: location)
        do {
            if loadBuiltIns { try await loadBuiltInStandardsIfEmpty(database) }
            let result = try await body(database)
            await database.close()
            return result
        } catch {
            await database.close()
            throw error
        }
    }

    /// The user name recorded in the audit log.
    static var actor: String {
        let environment = ProcessInfo.processInfo.environment
        return environment["ITSS_ACTOR"] ?? environment["USER"] ?? "cli"
    }

    private static func loadBuiltInStandardsIfEmpty(_ database: AppDatabase) async throws {
        try await database.loadBuiltInStandardsIfEmpty { standard in
            guard let standard else {
                return Output.note("First use of \(database.location): loading the built-in ITSS standards…")
            }
            Output.note(
                "  \(standard.key): \(standard.fields.count) fields, "
                    + "\(standard.fields.reduce(0) { $0 + $1.items.count }) skill items")
        }
    }
}
