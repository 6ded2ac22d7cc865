import Foundation
import ITSSDomain
import ITSSImport
import SQLKit

extension AppDatabase {
    /// Stores an imported standard: creates it, leaves it unchanged when the same text is stored, or replaces
    /// it when `replace` is set. One transaction; audited.
    ///
    /// The same text is the same bytes (SHA-256) read into the same catalog, whatever the file is called: a copy
    /// of the stored document under another name is a no-op.
    ///
    /// Replacing keeps every row that people's data can refer to: fields and items keep their ids when their
    /// names stay, and those no longer in the text are retired, not deleted. Every revision's source text and
    /// catalog are kept in `standard_revisions`.
    ///
    /// - Parameters:
    ///   - document: The importer's result.
    ///   - sourceText: The document's text, stored with the revision.
    ///   - replace: Whether a different text of the same standard and version may replace the stored one.
    ///   - errataApplied: Whether `document` was imported with errata (recorded; part of the identity).
    ///   - principal: Who imports (an administrator), for the permission check and the audit log.
    /// - Throws: `StorageError.standardDiffers` when the text differs and `replace` is false; database errors.
    @discardableResult
    public func importStandard(
        _ document: ImportedDocument, sourceText: String, replace: Bool, errataApplied: Bool, by principal: Principal
    ) async throws -> CatalogImportOutcome {
        let standard = document.standard
        let standardJSON = try CatalogRowCoding.json(standard)
        let contentSHA = SHA256.hex(Array(standardJSON.utf8))
        let importedAt = timestamp()
        let outcome: CatalogImportOutcome = try await transaction { sql in
            let existing = try await sql.raw(
                """
                SELECT id, source_file, source_sha256, content_sha256, errata_applied, revision FROM standards
                WHERE name = \(bind: standard.key.name) AND version = \(bind: standard.key.version)
                """
            ).first()
            let standardID: Int64
            let revision: Int
            var retired = 0
            if let existing {
                standardID = try existing.decode(column: "id", as: Int64.self)
                let storedSource = try existing.decode(column: "source_sha256", as: String.self)
                let storedContent = try existing.decode(column: "content_sha256", as: String.self)
                let storedRevision = try existing.decode(column: "revision", as: Int.self)
                let storedFile = try existing.decode(column: "source_file", as: String.self)
                let storedErrata = try existing.decode(column: "errata_applied", as: Bool.self)
                if storedSource == standard.source.sha256 {
                    // The file name is part of the catalog JSON but not of what the document says.
                    var renamed = standard
                    renamed.source.fileName = storedFile
                    let renamedSHA = SHA256.hex(Array(try CatalogRowCoding.json(renamed).utf8))
                    if renamedSHA == storedContent { return .unchanged(standard.key, revision: storedRevision) }
                }
                guard replace else {
                    let detail =
                        if storedSource != standard.source.sha256 {
                            "a different text (stored sha256 \(storedSource.prefix(12)), new \(standard.source.sha256.prefix(12)))"
                        } else if storedErrata != errataApplied {
                            "the same text with other errata (stored "
                                + (storedErrata ? "with our errata applied, now without" : "as published, now with our errata")
                                + ")"
                        } else {
                            "the same text read into another catalog (our errata or the importer changed since)"
                        }
                    throw StorageError.standardDiffers(name: standard.key.name, version: standard.key.version, detail: detail)
                }
                revision = storedRevision + 1
                try await sql.raw(
                    """
                    UPDATE standards SET source_file = \(bind: standard.source.fileName),
                        source_sha256 = \(bind: standard.source.sha256), content_sha256 = \(bind: contentSHA),
                        line_count = \(bind: standard.source.lineCount), errata_applied = \(bind: errataApplied),
                        revision = \(bind: revision), imported_at = \(bind: importedAt)
                    WHERE id = \(bind: standardID)
                    """
                ).run()
                retired = try await CatalogRows.retireMissing(sql, standardID: standardID, standard: standard, revision: revision)
            } else {
                revision = 1
                standardID =
                    try await sql.raw(
                        """
                        INSERT INTO standards (name, version, source_file, source_sha256, content_sha256, line_count,
                            errata_applied, revision, imported_at)
                        VALUES (\(bind: standard.key.name), \(bind: standard.key.version), \(bind: standard.source.fileName),
                            \(bind: standard.source.sha256), \(bind: contentSHA), \(bind: standard.source.lineCount),
                            \(bind: errataApplied), 1, \(bind: importedAt))
                        RETURNING id
                        """
                    ).first().map { try $0.decode(column: "id", as: Int64.self) } ?? 0
            }
            try await CatalogRows.write(sql, standardID: standardID, standard: standard)
            let revisionID =
                try await sql.raw(
                    """
                    INSERT INTO standard_revisions (standard_id, revision, source_sha256, content_sha256, source_text,
                        standard_json, imported_at, imported_by)
                    VALUES (\(bind: standardID), \(bind: revision), \(bind: standard.source.sha256), \(bind: contentSHA),
                        \(bind: sourceText), \(bind: standardJSON), \(bind: importedAt), \(bind: principal.auditName))
                    RETURNING id
                    """
                ).first().map { try $0.decode(column: "id", as: Int64.self) } ?? 0
            try await CatalogRows.writeDiagnostics(sql, revisionID: revisionID, diagnostics: document.diagnostics)
            let action: AuditAction = existing == nil ? .catalogImport : .catalogReplace
            try await self.authorize(sql, principal, action, person: nil)
            try await self.audit(
                sql, principal, action, subject: "\(standard.key.name) \(standard.key.version)",
                detail: "revision \(revision) from \(standard.source.fileName) sha256 \(standard.source.sha256)"
                    + (retired > 0 ? "; \(retired) item(s) retired" : ""))
            return existing == nil
                ? .created(standard.key) : .replaced(standard.key, revision: revision, retiredItems: retired)
        }
        // Read at once by this process; other processes see it within the cache's revalidation time.
        await catalogIndexCache.invalidate()
        return outcome
    }
}
