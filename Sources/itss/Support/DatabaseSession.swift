import Foundation
import ITSSDomain
import ITSSStorage

/// Opens the configured database for a command, migrated, with the built-in standards loaded on first use.
enum DatabaseSession {
    /// Runs `body` with an open database and closes it afterwards, also on error.
    static func with<T>(loadBuiltIns: Bool = true, _ body: (AppDatabase) async throws -> T) async throws -> T {
        let location = DatabaseLocation.fromEnvironment()
        let database = try await AppDatabase.openMigrated(location: location, configuration: .fromEnvironment())
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

    /// The operating-system user running the CLI, recorded in the audit log of every write.
    static var systemUser: String {
        let environment = ProcessInfo.processInfo.environment
        if let user = environment["USER"] ?? environment["LOGNAME"], !user.isEmpty { return user }
        if let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name { return String(cString: name) }
        return "uid \(geteuid())"
    }

    /// The CLI's principal: the operator (administrator rights — whoever runs the CLI has the database), acting
    /// for the person `--as` names, whose person-bound rules (self-rating, evaluator assignments) then apply.
    /// - Throws: `StorageError.notFound` for an unknown employee number.
    static func principal(_ database: AppDatabase, actingFor employeeNumber: String? = nil) async throws -> Principal {
        try await database.operatorPrincipal(systemUser: systemUser, actingFor: employeeNumber)
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
