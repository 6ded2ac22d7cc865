import Hummingbird
import ITSSDomain
import ITSSImport
import ITSSStorage

/// `POST /api/v1/catalog/documents` (administrators): import an ITSS document's text as `itss catalog import`
/// and the administration page do — the same importer, errata and use case — answering with the outcome and
/// the document's diagnostics.
struct CatalogDocumentsAPI {
    let handlers: APIHandlers

    struct DocumentBody: Decodable, Sendable {
        /// The document's text (a PDF extraction).
        var document: String
        var fileName: String?
        /// `V2` or `V3` when the text does not say.
        var edition: String?
        /// Whether a different text of the same standard and version may replace the stored one.
        var replace: Bool?
        /// Whether our errata are applied (default true).
        var errata: Bool?
    }

    func add(to api: RouterGroup<AppRequestContext>) {
        let database = handlers.database
        api.post("/catalog/documents") { request, context in
            let identity = try context.require(.administrator)
            let body = try await request.decodeJSON(DocumentBody.self, context: context)
            let form = CatalogDocumentPage.Form(
                document: body.document, fileName: body.fileName ?? "", edition: body.edition ?? "",
                replace: body.replace ?? false, noErrata: !(body.errata ?? true))
            let imported = try CatalogDocumentPage.read(form, language: context.language)
            let outcome: CatalogImportOutcome
            do {
                outcome = try await database.importStandard(
                    imported, sourceText: body.document, replace: form.replace, errataApplied: !form.noErrata,
                    by: identity.principal)
            } catch let error as StorageError {
                throw FieldError(field: "replace", underlying: error)
            }
            let model = APICatalogImport(outcome, diagnostics: imported.diagnostics)
            if case .created = outcome { return try Response.json(model, status: .created) }
            return try Response.json(model)
        }
    }
}
