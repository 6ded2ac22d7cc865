import Foundation
import ITSSImport
import SQLKit
import Testing
import ITSSTestSupport

@testable import ITSSStorage

/// The schema itself refuses bad rows, whatever the code above it does.
@Suite("Schema constraints")
struct SchemaConstraintTests {
    private func seeded(_ database: AppDatabase) async throws -> any SQLDatabase {
        let document = try BuiltInStandards.documents()[1]
        let imported = try DocumentImporter.read(document.bytes, fileName: document.fileName)
        try await database.importStandard(imported, sourceText: "", replace: false, errataApplied: false, actor: "test")
        return try database.sql()
    }

    @Test("unique (standard, version)", arguments: TestBackend.enabled)
    func uniqueStandard(backend: TestBackend) async throws {
        try await backend.withDatabase { database in
            let sql = try await seeded(database)
            await #expect(throws: (any Error).self) {
                try await sql.raw(
                    """
                    INSERT INTO standards (name, version, source_file, source_sha256, content_sha256, line_count, errata_applied, revision, imported_at)
                    VALUES ('Operations', 'V2 2006', 'x', \(bind: String(repeating: "a", count: 64)), 'x', 1, \(bind: false), 1, 'now')
                    """
                ).run()
            }
        }
    }

    @Test("unique item per field", arguments: TestBackend.enabled)
    func uniqueItem(backend: TestBackend) async throws {
        try await backend.withDatabase { database in
            let sql = try await seeded(database)
            let fieldID = try #require(
                try await sql.raw("SELECT field_id FROM skill_items WHERE name = 'Leadership'").first()?.decode(
                    column: "field_id", as: Int64.self))
            await #expect(throws: (any Error).self) {
                try await sql.raw(
                    "INSERT INTO skill_items (field_id, name, scope, position, source_line) VALUES (\(bind: fieldID), 'Leadership', 'common', 99, 1)"
                ).run()
            }
        }
    }

    @Test("foreign keys", arguments: TestBackend.enabled)
    func foreignKeys(backend: TestBackend) async throws {
        try await backend.withDatabase { database in
            let sql = try await seeded(database)
            await #expect(throws: (any Error).self) {
                try await sql.raw(
                    "INSERT INTO skill_items (field_id, name, scope, position, source_line) VALUES (987654, 'Orphan', 'common', 0, 1)"
                ).run()
            }
        }
    }

    @Test("levels are 1 to 7 and texts are not empty", arguments: TestBackend.enabled)
    func levelChecks(backend: TestBackend) async throws {
        try await backend.withDatabase { database in
            let sql = try await seeded(database)
            let itemID = try #require(
                try await sql.raw("SELECT id FROM skill_items WHERE name = 'Leadership'").first()?.decode(
                    column: "id", as: Int64.self))
            await #expect(throws: (any Error).self) {
                try await sql.raw(
                    "INSERT INTO level_texts (item_id, level, text, source_line, scale_json) VALUES (\(bind: itemID), 8, 'x', 1, '{}')"
                ).run()
            }
            await #expect(throws: (any Error).self) {
                try await sql.raw(
                    "INSERT INTO level_texts (item_id, level, text, source_line, scale_json) VALUES (\(bind: itemID), 6, NULL, 1, '{}')"
                ).run()
            }
        }
    }
}
