import Foundation
import ITSSDomain
import ITSSImport
import ITSSStorage

/// `/admin/catalog-import` (administrators only): import an ITSS document's text as `itss catalog import` does —
/// the same importer (with our errata unless asked not to) and the same use case (`importStandard`) — and see
/// the document's diagnostics.
struct CatalogDocumentPage: Sendable {
    struct Form: Sendable, Hashable {
        var document = ""
        var fileName = ""
        var edition = ""
        var replace = false
        var noErrata = false
    }

    struct Result: Sendable {
        var outcome: CatalogImportOutcome
        var diagnostics: [Diagnostic]
    }

    var form = Form()
    var result: Result?
    var refusal: FormRefusal?
    /// Diagnostics of a document that was read but not stored (the standard differs and replace was not asked).
    var diagnostics: [Diagnostic] = []
    var csrfToken: String?

    /// Reads the document.
    /// - Throws: `FieldError` naming `document` (with the line) or `file_name`.
    static func read(_ form: Form, language: Language) throws -> ImportedDocument {
        guard !form.document.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw FieldError(
                field: "document", underlying: Problem(status: .unprocessableContent, detail: AdminText.emptyDocument(language)))
        }
        let errata: Errata
        do {
            errata = form.noErrata ? .none : try Errata.builtIn()
        } catch {
            throw Problem(status: .internalServerError, detail: "the built-in errata cannot be read")
        }
        let fileName = form.fileName.isEmpty ? "document.txt" : (form.fileName as NSString).lastPathComponent
        do {
            return try DocumentImporter.read(
                Array(form.document.utf8), fileName: fileName, edition: form.edition.isEmpty ? nil : form.edition, errata: errata)
        } catch {
            let field = if case .unknownEdition = error { "edition" } else { "document" }
            let detail = (error.line > 0 ? "line \(error.line): " : "") + (error.errorDescription ?? "\(error)")
            throw FieldError(field: field, underlying: Problem(status: .unprocessableContent, detail: detail))
        }
    }

    /// View.
    func render(layout: Layout) -> HTML {
        let language = layout.language
        var report = HTML.empty
        if let result {
            let message: String
            switch result.outcome {
            case let .created(key):
                message = AdminText.created_(language).replacingOccurrences(of: "{x}", with: key.description)
            case let .unchanged(key, revision):
                message = AdminText.unchanged(language).replacingOccurrences(of: "{x}", with: key.description)
                    .replacingOccurrences(of: "{r}", with: String(revision))
            case let .replaced(key, revision, retired):
                message = AdminText.replaced(language).replacingOccurrences(of: "{x}", with: key.description)
                    .replacingOccurrences(of: "{r}", with: String(revision)).replacingOccurrences(
                        of: "{n}", with: String(retired))
            }
            report = """
                <p class="ok notice" role="status">\(message)</p>
                <h2>\(AdminText.documentDiagnostics(language))</h2>
                \(CatalogDiagnosticsPage.table(result.diagnostics, links: nil, language: language))
                """
        } else if !diagnostics.isEmpty {
            report = """
                <h2>\(AdminText.documentDiagnostics(language))</h2>
                \(CatalogDiagnosticsPage.table(diagnostics, links: nil, language: language))
                """
        }
        let replace: HTML = form.replace ? " checked" : .empty
        let noErrata: HTML = form.noErrata ? " checked" : .empty
        return AdminNav.page(
            current: "/admin/catalog-import", layout: layout,
            """
            <h1>\(AdminText.catalogDocument(language)) <span class="badge">\(FormText.adminOnly(language))</span></h1>
            <p class="muted">\(AdminText.catalogDocumentAbout(language))</p>
            \(refusal.summary(language, fields: ["document", "file_name", "edition", "replace"]))
            \(report)
            <form method="post" action="/admin/catalog-import" class="stacked no-print">
            <input type="hidden" name="_csrf" value="\(csrfToken)">
            <label for="document-file" class="js-only">\(AdminText.file(language))</label>
            <input id="document-file" type="file" accept=".txt,text/plain" data-fill="document" data-name="file_name" class="js-only">
            <label for="document">\(AdminText.documentText(language))</label>
            <textarea id="document" name="document" rows="12" spellcheck="false"\(refusal.marks("document"))>\(form.document)</textarea>
            \(refusal.message(for: "document"))
            <p class="muted">\(AdminText.documentHint(language))</p>
            <label for="file_name">\(AdminText.fileName(language))</label>
            <input id="file_name" name="file_name" value="\(form.fileName)"\(refusal.marks("file_name"))>
            \(refusal.message(for: "file_name"))
            <label for="edition">\(AdminText.edition(language))</label>
            <input id="edition" name="edition" value="\(form.edition)"\(refusal.marks("edition"))>
            \(refusal.message(for: "edition"))
            <label class="choice"><input id="replace" type="checkbox" name="replace" value="1"\(replace)\(refusal.marks("replace"))> \(AdminText.replace(language))</label>
            \(refusal.message(for: "replace"))
            <label class="choice"><input type="checkbox" name="no_errata" value="1"\(noErrata)> \(AdminText.noErrata(language))</label>
            <button type="submit">\(AdminText.importDocument(language))</button>
            </form>
            <script src="/static/import.js" defer></script>
            """)
    }
}
