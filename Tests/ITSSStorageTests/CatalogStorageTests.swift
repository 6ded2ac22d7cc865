import Foundation
import ITSSDomain
import ITSSImport
import SQLKit
import Testing
import ITSSTestSupport

@testable import ITSSStorage

@Suite("Catalog storage")
struct CatalogStorageTests {
    static let documents: [(fileName: String, bytes: [UInt8])] = (try? BuiltInStandards.documents()) ?? []

    static func imported(_ index: Int, errata: Errata = (try? Errata.builtIn()) ?? .none) throws -> ImportedDocument {
        let document = documents[index]
        return try DocumentImporter.read(document.bytes, fileName: document.fileName, errata: errata)
    }

    static func text(_ index: Int) -> String { String(decoding: documents[index].bytes, as: UTF8.self) }

    @Test("both standards round-trip through the database unchanged", arguments: TestBackend.enabled)
    func roundTrip(backend: TestBackend) async throws {
        try await backend.withDatabase { database in
            let v3 = try Self.imported(0)
            let v2 = try Self.imported(1)
            #expect(
                try await database.importStandard(
                    v3, sourceText: Self.text(0), replace: false, errataApplied: true, actor: "test") == .created(v3.standard.key)
            )
            #expect(
                try await database.importStandard(
                    v2, sourceText: Self.text(1), replace: false, errataApplied: true, actor: "test") == .created(v2.standard.key)
            )
            let stored = try await database.catalog()
            #expect(stored == Catalog(standards: [v3.standard, v2.standard]))
            #expect(try await database.importDiagnostics(of: v3.standard.key) == v3.diagnostics)
            let erratum = stored.standard(v3.standard.key)?.field(named: "Operation Management")?.item(named: "Leadership")?
                .description(atLevel: 5)
            #expect(erratum?.erratum?.id == "E1")
            #expect(erratum?.sourceText.contains("7.5 billion yen") == true)
        }
    }

    @Test("re-importing the same document is a no-op", arguments: TestBackend.enabled)
    func reimportIsNoOp(backend: TestBackend) async throws {
        try await backend.withDatabase { database in
            let v2 = try Self.imported(1)
            try await database.importStandard(v2, sourceText: Self.text(1), replace: false, errataApplied: true, actor: "test")
            let auditBefore = try await database.auditLog().count
            let outcome = try await database.importStandard(
                v2, sourceText: Self.text(1), replace: false, errataApplied: true, actor: "test")
            #expect(outcome == .unchanged(v2.standard.key, revision: 1))
            #expect(try await database.revisionCount(of: v2.standard.key) == 1)
            #expect(try await database.auditLog().count == auditBefore)
        }
    }

    @Test(
        "a different text of the same standard is refused without --replace, and nothing is written",
        arguments: TestBackend.enabled)
    func differentTextRefused(backend: TestBackend) async throws {
        try await backend.withDatabase { database in
            let original = try Self.imported(1)
            try await database.importStandard(
                original, sourceText: Self.text(1), replace: false, errataApplied: true, actor: "test")
            let before = try await database.catalog()
            let changedText = Self.text(1).replacingOccurrences(
                of: "Able to collect the required information", with: "Able to gather the required information")
            let changed = try DocumentImporter.read(Array(changedText.utf8), fileName: Self.documents[1].fileName)
            await #expect(throws: StorageError.self) {
                try await database.importStandard(
                    changed, sourceText: changedText, replace: false, errataApplied: false, actor: "test")
            }
            #expect(try await database.catalog() == before)
            #expect(try await database.revisionCount(of: original.standard.key) == 1)
        }
    }

    @Test("replacing keeps history and retires, not deletes, items people refer to", arguments: TestBackend.enabled)
    func replaceKeepsReferences(backend: TestBackend) async throws {
        try await backend.withDatabase { database in
            let original = try Self.imported(1, errata: .none)
            try await database.importStandard(
                original, sourceText: Self.text(1), replace: false, errataApplied: false, actor: "test")
            let sql = try database.sql()
            let stressID = try await sql.raw("SELECT id FROM skill_items WHERE name = 'Stress management'").first()?.decode(
                column: "id", as: Int64.self)
            let leadershipIDs = try await sql.raw("SELECT id FROM skill_items WHERE name = 'Leadership' ORDER BY id").all().map {
                try $0.decode(column: "id", as: Int64.self)
            }

            // A newer text: the "Stress management" page is gone and one level text is reworded.
            let text = Self.text(1)
            let start = try #require(text.range(of: "●Stress management", options: .backwards))
            let pageStart = try #require(
                text.range(
                    of: "[Specialty Field specific skill item]", options: .backwards, range: text.startIndex..<start.lowerBound))
            let pageEnd = try #require(
                text.range(of: "Skill Proficiency/Knowledge Items \nJob career", range: start.upperBound..<text.endIndex))
            let newText = String(text[..<pageStart.lowerBound] + text[pageEnd.lowerBound...])
                .replacingOccurrences(
                    of: "Able to collect the required information", with: "Able to gather the required information")
            let newer = try DocumentImporter.read(Array(newText.utf8), fileName: Self.documents[1].fileName)
            let outcome = try await database.importStandard(
                newer, sourceText: newText, replace: true, errataApplied: false, actor: "test")
            #expect(outcome == .replaced(newer.standard.key, revision: 2, retiredItems: 1))

            let catalog = try await database.catalog()
            #expect(catalog.standard(newer.standard.key)?.field(named: "Service desk")?.item(named: "Stress management") == nil)
            #expect(catalog == Catalog(standards: [newer.standard]))
            let retired = try await sql.raw("SELECT retired_in_revision FROM skill_items WHERE id = \(bind: stressID)").first()?
                .decode(column: "retired_in_revision", as: Int?.self)
            #expect(retired == 2)
            let leadershipAfter = try await sql.raw("SELECT id FROM skill_items WHERE name = 'Leadership' ORDER BY id").all().map
            { try $0.decode(column: "id", as: Int64.self) }
            #expect(leadershipAfter == leadershipIDs)
            #expect(try await database.revisionCount(of: newer.standard.key) == 2)
            let firstRevision = try await sql.raw("SELECT source_text FROM standard_revisions WHERE revision = 1").first()?
                .decode(column: "source_text", as: String.self)
            #expect(firstRevision == text)
            #expect(try await database.auditLog().first?.action == "catalog.replace")
        }
    }

    @Test("the same text with other errata also needs --replace", arguments: TestBackend.enabled)
    func errataChangeNeedsReplace(backend: TestBackend) async throws {
        try await backend.withDatabase { database in
            try await database.importStandard(
                try Self.imported(0), sourceText: Self.text(0), replace: false, errataApplied: true, actor: "test")
            do {
                try await database.importStandard(
                    try Self.imported(0, errata: .none), sourceText: Self.text(0), replace: false, errataApplied: false,
                    actor: "test")
                Issue.record("expected a refusal")
            } catch let error as StorageError {
                #expect(error.errorDescription?.contains("other errata") == true)
            }
        }
    }

    @Test("the same bytes under another file name are the same document", arguments: TestBackend.enabled)
    func renamedFileIsNoOp(backend: TestBackend) async throws {
        try await backend.withDatabase { database in
            let original = try Self.imported(1)
            try await database.importStandard(
                original, sourceText: Self.text(1), replace: false, errataApplied: true, actor: "test")
            let auditBefore = try await database.auditLog().count
            // A version-named copy, so that the edition is still told from the name.
            let copy = try DocumentImporter.read(
                Self.documents[1].bytes, fileName: "copy-of-itss-v2-2006.txt", errata: try Errata.builtIn())
            #expect(copy.standard.source.fileName != original.standard.source.fileName)
            let outcome = try await database.importStandard(
                copy, sourceText: Self.text(1), replace: false, errataApplied: true, actor: "test")
            #expect(outcome == .unchanged(original.standard.key, revision: 1))
            #expect(try await database.revisionCount(of: original.standard.key) == 1)
            #expect(try await database.auditLog().count == auditBefore)
            // The stored document keeps the name it was first imported under.
            #expect(try await database.catalog() == Catalog(standards: [original.standard]))
        }
    }

    @Test("a refusal of the same text names the errata it was stored with", arguments: TestBackend.enabled)
    func sameTextRefusalSaysWhatDiffers(backend: TestBackend) async throws {
        try await backend.withDatabase { database in
            try await database.importStandard(
                try Self.imported(0, errata: .none), sourceText: Self.text(0), replace: false, errataApplied: false,
                actor: "test")
            do {
                // Another file name too: the name is not what differs, and the message does not say it is.
                let renamed = try DocumentImporter.read(
                    Self.documents[0].bytes, fileName: "renamed-itss-v3-2008.txt", errata: try Errata.builtIn())
                try await database.importStandard(
                    renamed, sourceText: Self.text(0), replace: false, errataApplied: true, actor: "test")
                Issue.record("expected a refusal")
            } catch let error as StorageError {
                #expect(
                    error.errorDescription?.contains("the same text with other errata (stored as published, now with our errata)")
                        == true, "\(error.errorDescription ?? "")")
            }
        }
    }

    @Test("a failing import writes nothing", arguments: TestBackend.enabled)
    func failingImportIsAtomic(backend: TestBackend) async throws {
        try await backend.withDatabase { database in
            var broken = try Self.imported(1)
            // An empty level text violates a schema constraint late in the transaction.
            broken.standard.fields[2].items[9].levels[0].text = ""
            await #expect(throws: (any Error).self) {
                try await database.importStandard(
                    broken, sourceText: Self.text(1), replace: false, errataApplied: true, actor: "test")
            }
            #expect(try await database.storedStandards().isEmpty)
            #expect(try await database.auditLog().isEmpty)
            let rows = try await database.sql().raw("SELECT COUNT(*) AS n FROM skill_items").first()?.decode(
                column: "n", as: Int.self)
            #expect(rows == 0)
        }
    }

    @Test("audit entries use the injected clock", arguments: TestBackend.enabled)
    func auditUsesClock(backend: TestBackend) async throws {
        let instant = Date(timeIntervalSince1970: 1_767_323_045.5)  // 2026-01-02T03:04:05.500Z
        try await backend.withDatabase(now: { instant }) { database in
            try await database.importStandard(
                try Self.imported(1), sourceText: Self.text(1), replace: false, errataApplied: true,
                by: .operator(systemUser: "alice"))
            let entry = try #require(try await database.auditLog().first)
            #expect(entry.occurredAt == "2026-01-02T03:04:05.500Z")
            #expect(entry.actor == "operator alice")
            #expect(entry.actorRole == .administrator)
            #expect(entry.action == "catalog.import")
            #expect(try await database.storedStandards().first?.importedAt == "2026-01-02T03:04:05.500Z")
        }
    }
}
