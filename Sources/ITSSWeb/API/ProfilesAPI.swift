import Foundation
import Hummingbird
import ITSSDomain
import ITSSStorage

/// `/api/v1/profiles`: company tailoring profiles. HR and administrators read them; administrators create them,
/// save new versions (honouring `If-Match`) and archive them. Each version is immutable.
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
            let document = try await request.decodeJSON(TailoringProfile.self, context: context)
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
            let document = try await request.decodeJSON(TailoringProfile.self, context: context)
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
            guard format == "json" else {
                throw Problem(
                    status: format == "case" ? .unprocessableContent : .badRequest,
                    detail: format == "case"
                        ? "CASE export of profiles is not available yet; use format=json" : "expected json or case",
                    field: "format")
            }
            let stored = try await database.profileVersion(id, version: try request.integer("version", in: 1...1_000_000))
            var document = stored.profile
            document.version = stored.version
            let summary = try await database.profile(id: id)
            var response = Response(
                status: .ok,
                headers: [
                    .contentType: "application/json",
                    .contentDisposition: "attachment; filename=\"profile-\(summary.id)-v\(stored.version).json\"",
                ],
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: try TailoringJSON.encode(document))))
            response.headers[.eTag] = "\"\(stored.version)\""
            return response
        }
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
