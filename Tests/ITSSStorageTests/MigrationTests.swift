import Foundation
import SQLKit
import Testing
import ITSSTestSupport

@testable import ITSSStorage

@Suite("Migrations")
struct MigrationTests {
    @Test("all migrations apply, revert and re-apply", arguments: TestBackend.enabled)
    func migrateRevertMigrate(backend: TestBackend) async throws {
        try await backend.withDatabase { database in
            let names = SchemaMigrations.all.map(\.name)
            #expect(names.first == "M001_CreateCatalog")
            #expect(try await database.appliedMigrations() == names)
            try await database.revertAllMigrations()
            #expect(try await database.appliedMigrations().isEmpty)
            await #expect(throws: (any Error).self) {
                try await database.sql().raw("SELECT COUNT(*) FROM standards").run()
            }
            try await database.migrate()
            #expect(try await database.appliedMigrations() == names)
            try await database.migrate()  // idempotent
            #expect(try await database.storedStandards().isEmpty)
        }
    }

    @Test("SQLite runs in WAL mode with foreign keys on")
    func sqliteSettings() async throws {
        try await TestBackend.sqlite.withDatabase { database in
            let mode = try await database.sql().raw("PRAGMA journal_mode").first()?.decode(
                column: "journal_mode", as: String.self)
            #expect(mode == "wal")
            let foreignKeys = try await database.sql().raw("PRAGMA foreign_keys").first()?.decode(
                column: "foreign_keys", as: Int.self)
            #expect(foreignKeys == 1)
        }
    }
}
