import Foundation
import Hummingbird
import ITSSDomain
import ITSSStorage

/// The tailoring profile pages: HR and administrators read; administrators create, save versions and archive,
/// through the same use cases as `itss profile` and the API. A refused form is shown again with what was typed
/// and the place in the profile named.
struct ProfilesRoutes {
    let database: AppDatabase

    func add(to router: Router<AppRequestContext>) {
        let path = ProfilesPage.path
        router.get(RouterPath(path)) { request, context in
            let identity = try context.require(.hr)
            var page = try await ProfilesPage.load(
                database, list: ListState(request), includeArchived: request.queryForm.string("archived") != nil,
                canWrite: identity.account.role == .administrator)
            page.csrfToken = identity.csrfToken
            return Response.html(page.render(layout: context.layout(ProfilesText.title(context.language), path: path)))
        }
        router.post(RouterPath(path)) { request, context in
            let identity = try context.require(.administrator)
            let form = try await request.form(context: context)
            let input = ProfilesPage.Form(
                name: form.string("name") ?? "", standard: form.string("standard") ?? "",
                purpose: form.string("purpose") ?? "", document: form.raw("document") ?? "")
            do {
                let document = try await Self.profile(from: input, database: database)
                let saved = try await database.createProfile(document, by: identity.principal)
                return Response.seeOther("\(path)/\(saved.profileID)?done=created")
            } catch {
                let refusal = try Self.refusal(error, documentGiven: !input.document.isEmpty)
                var page = try await ProfilesPage.load(database, list: ListState(), includeArchived: false, canWrite: true)
                page.form = input
                page.refusal = refusal
                page.csrfToken = identity.csrfToken
                return Response.html(
                    page.render(layout: context.layout(ProfilesText.title(context.language), path: path)), status: refusal.status)
            }
        }
        router.get("\(path)/:id") { request, context in
            let identity = try context.require(.hr)
            let id = try Self.id(context)
            let version = request.queryForm.string("version").flatMap { Int($0) }
            var page = try await ProfileDiffPage.load(
                database, id: id, version: version, versionsList: ListState(request, defaultPerPage: 20),
                canWrite: identity.account.role == .administrator)
            page.csrfToken = identity.csrfToken
            switch request.queryForm.string("done") {
            case "created": page.notice = ProfilesText.created(context.language)
            case "saved":
                page.notice = ProfilesText.saved(context.language).replacingOccurrences(
                    of: "{n}", with: String(page.summary.version))
            case "archived": page.notice = ProfilesText.archivedNotice(context.language)
            default: break
            }
            return Response.html(page.render(layout: context.layout(page.summary.name, path: path)))
        }
        router.post("\(path)/:id") { request, context in
            let identity = try context.require(.administrator)
            let id = try Self.id(context)
            let form = try await request.form(context: context)
            let text = form.raw("document") ?? ""
            let note = form.string("note") ?? ""
            let expected = form.string("version").flatMap { Int($0) }
            do {
                var document = try await Self.decode(text, database: database)
                document.note = note
                try await database.saveProfileVersion(id, document, expectedVersion: expected, by: identity.principal)
                return Response.seeOther("\(path)/\(id)?done=saved")
            } catch {
                let refusal = try Self.refusal(error, documentGiven: true)
                var page = try await ProfileDiffPage.load(
                    database, id: id, version: nil, versionsList: ListState(perPage: 20), canWrite: true)
                page.document = text
                page.note = note
                page.baseVersion = expected ?? page.summary.version
                page.refusal = refusal
                page.csrfToken = identity.csrfToken
                return Response.html(
                    page.render(layout: context.layout(page.summary.name, path: path)), status: refusal.status)
            }
        }
        router.post("\(path)/:id/archive") { request, context in
            let identity = try context.require(.administrator)
            let id = try Self.id(context)
            let form = try await request.form(context: context)
            try await database.archiveProfile(
                id, expectedVersion: form.string("version").flatMap { Int($0) }, by: identity.principal)
            return Response.seeOther("\(path)/\(id)?done=archived")
        }
    }

    /// - Throws: `Problem` 404 for an id that is not a number.
    static func id(_ context: AppRequestContext) throws -> Int64 {
        guard let id = context.parameters.get("id", as: Int64.self), id > 0 else { throw Problem.notFound("that profile") }
        return id
    }

    /// The profile the create form describes: the document if one was given (JSON or a derived CASE package),
    /// else an empty profile.
    /// - Throws: `FieldError` naming `name` or `standard`, `InputError` naming the place in the document.
    static func profile(from input: ProfilesPage.Form, database: AppDatabase) async throws -> TailoringProfile {
        if !input.document.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            return try await decode(input.document, database: database)
        }
        guard let standard = ProfilesPage.standard(fromOption: input.standard) else {
            throw FieldError(
                field: "standard", underlying: Problem(status: .unprocessableContent, detail: "choose one of the standards"))
        }
        return TailoringProfile(name: input.name, standard: standard, purpose: input.purpose.isEmpty ? nil : input.purpose)
    }

    /// The profile document of the form's text: JSON, or a derived CASE package (docs/case.md).
    /// - Throws: `InputError` naming the place in the document or the package.
    static func decode(_ text: String, database: AppDatabase) async throws -> TailoringProfile {
        do {
            return try await database.profileDocument(from: Array(text.utf8))
        } catch let error as TailoringError {
            throw error.inputError
        }
    }

    /// The form refusal an error stands for: problems inside the document point at the document box (with the
    /// place in the profile in the message), the empty-profile form's `name` and `standard` at their fields.
    /// - Throws: the error itself when a form cannot fix it (403, 5xx).
    static func refusal(_ error: any Error, documentGiven: Bool) throws -> FormRefusal {
        guard var refusal = FormRefusal.from((error as? FieldError)?.underlying ?? error) else {
            throw (error as? FieldError)?.underlying ?? error
        }
        if let fieldError = error as? FieldError {
            refusal.field = fieldError.field
        } else if let input = error as? InputError {
            refusal.message = "\(input.field): \(input.message)"
            refusal.field = documentGiven ? "document" : (input.field == "standard" ? "standard" : "name")
        } else if case StorageError.alreadyExists = error {
            refusal.field = documentGiven ? "document" : "name"
        } else if refusal.field == nil {
            refusal.field = "document"
        }
        return refusal
    }
}
