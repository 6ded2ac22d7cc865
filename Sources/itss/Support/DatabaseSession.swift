import Foundation
import ITSSDomain
import ITSSImport
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
        guard try await database.storedStandards().isEmpty else { return }
        Output.note("First use of \(database.location): loading the built-in ITSS standards…")
        let errata = try Errata.builtIn()
        for document in try BuiltInStandards.documents() {
            let imported = try DocumentImporter.read(document.bytes, fileName: document.fileName, errata: errata)
            do {
                try await database.importStandard(
                    imported, sourceText: String(decoding: document.bytes, as: UTF8.self), replace: false, errataApplied: true,
                    actor: "itss (built-in)")
            } catch {
                // Another process sharing the database (a second `itss serve` on PostgreSQL) may have loaded it
                // at the same moment; then the standard is there and all is well.
                guard try await database.storedStandards().contains(where: { $0.key == imported.standard.key }) else {
                    throw error
                }
            }
            Output.note(
                "  \(imported.standard.key): \(imported.standard.fields.count) fields, "
                    + "\(imported.standard.fields.reduce(0) { $0 + $1.items.count }) skill items")
        }
    }
}
