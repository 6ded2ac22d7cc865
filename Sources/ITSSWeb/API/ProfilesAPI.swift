import Foundation
import Hummingbird
import ITSSDomain
import ITSSImport
import ITSSStorage

/// `/api/v1/profiles`: company tailoring profiles. HR and administrators read them; administrators create them,
/// save new versions (honouring `If-Match`) and archive them. Each version is immutable. Documents come and go as
/// JSON or as a derived CASE package (docs/case.md).
struct ProfilesAPI {
    let handlers: APIHandlers

    func add(to api: RouterGroup<AppRequestContext>) {
        let database = handlers.database
        api.get("/profiles") { request, context in
            try Self.requireReader(context)
            let sort = try request.query("sort").map { text in
                guard let sort = ProfileSort(rawValue: text) else {
                    throw Problem.badRequest("expected name, standard or updated", field: "sort")
                }
                return sort
            }
            let profiles = try await database.profiles(
                sortedBy: sort ?? .name, descending: try request.query("dir") == "desc",
                includeArchived: try request.query("include_archived") == "true", page: try request.pageRequest())
            return try Response.json(APIPage(profiles, APIProfile.init))
        }
        api.post("/profiles") { request, context in
            let identity = try context.require(.administrator)
            let document = try await Self.document(request, context: context, database: database)
            let saved = try await database.createProfile(document, by: identity.principal)
            return try await Self.versionResponse(database, saved, status: .created)
                .located("/api/v1/profiles/\(saved.profileID)")
        }
        api.get("/profiles/{id}") { request, context in
            try Self.requireReader(context)
            let id = try context.pathID("id", what: "that profile")
            let stored = try await database.profileVersion(id, version: try request.integer("version", in: 1...1_000_000))
            return try await Self.versionResponse(database, stored)
        }
        api.post("/profiles/{id}/versions") { request, context in
            let identity = try context.require(.administrator)
            let id = try context.pathID("id", what: "that profile")
            let expected = try request.ifMatchVersion()
            try checkPrecondition(expected, current: try await database.profile(id: id).version, what: "profile \(id)")
            let document = try await Self.document(request, context: context, database: database)
            let saved = try await preconditioned(expected) {
                try await database.saveProfileVersion(
                    id, document, expectedVersion: expected ?? document.version, by: identity.principal)
            }
            return try await Self.versionResponse(database, saved, status: .created)
        }
        api.post("/profiles/{id}/archive") { request, context in
            let identity = try context.require(.administrator)
            let id = try context.pathID("id", what: "that profile")
            let expected = try request.ifMatchVersion()
            let summary = try await preconditioned(expected) {
                try await database.archiveProfile(id, expectedVersion: expected, by: identity.principal)
            }
            return try Response.json(APIProfile(summary), etag: summary.version)
        }
        api.get("/profiles/{id}/export") { request, context in
            try Self.requireReader(context)
            let id = try context.pathID("id", what: "that profile")
            let format = try request.query("format") ?? "json"
            guard format == "json" || format == "case" else {
                throw Problem(status: .badRequest, detail: "expected json or case", field: "format")
            }
            let version = try request.integer("version", in: 1...1_000_000)
            let stored: ProfileVersion
            let body: Data
            if format == "case" {
                (stored, body) = try await database.profileCASEPackage(id, version: version)
            } else {
                stored = try await database.profileVersion(id, version: version)
                var document = stored.profile
                document.version = stored.version
                body = try TailoringJSON.encode(document)
            }
            let name = "profile-\(id)-v\(stored.version)\(format == "case" ? ".case" : "").json"
            var response = Response(
                status: .ok,
                headers: [.contentType: "application/json", .contentDisposition: "attachment; filename=\"\(name)\""],
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
            response.headers[.eTag] = "\"\(stored.version)\""
            return response
        }
    }

    /// The profile document a request sends: the JSON document, or a derived CASE package (recognised by its
    /// `CFDocument`) read against the catalog.
    /// - Throws: `Problem` 415 for a body that is not JSON, 400 for a JSON document of the wrong shape, `InputError`
    ///   (422) naming the package's place for a package that cannot be read.
    static func document(
        _ request: Request, context: AppRequestContext, database: AppDatabase
    ) async throws -> TailoringProfile {
        let body = try await request.jsonBody(context: context)
        guard CASEProfileImport.looksLikePackage([UInt8](body)) else {
            return try APIJSON.decoder.decode(TailoringProfile.self, from: body)
        }
        return try await database.profileDocument(from: [UInt8](body))
    }

    /// - Throws: `Problem` 401 without an identity, 403 for roles that may not read profiles.
    static func requireReader(_ context: AppRequestContext) throws {
        _ = try context.require(.hr)
    }

    static func versionResponse(
        _ database: AppDatabase, _ stored: ProfileVersion, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let summary = try await database.profile(id: stored.profileID)
        let tailored = try await database.tailoredCatalog(stored)
        return try Response.json(
            APIProfileVersion(summary, stored, diff: tailored.diff), status: status, etag: summary.version)
    }
}
