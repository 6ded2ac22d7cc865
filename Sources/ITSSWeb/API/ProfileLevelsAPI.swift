import Hummingbird
import ITSSDomain
import ITSSStorage

extension PeopleAPI {
    /// `GET /people/{n}/levels?profile=ID[&profile_version=N]`: each field's level under the standard as published
    /// and, beside it, under the profile version (stated with every entry). HR and administrators only, as
    /// profiles are; not for a past day.
    /// - Throws: `Problem` 403 for other roles, 400 for a bad id or `as_of`, 404 for an unknown profile.
    static func levels(
        of employeeNumber: String, underProfile text: String, asOf: Day?, database: AppDatabase, _ context: AppRequestContext
    ) async throws -> Response {
        _ = try context.require(.hr)
        guard asOf == nil else {
            throw Problem.badRequest("levels under a profile are computed for today; leave out as_of", field: "as_of")
        }
        guard let id = Int64(text), id > 0 else { throw Problem.badRequest("expected a profile id", field: "profile") }
        let levels: ProfileLevels
        do {
            levels = try await database.levels(of: employeeNumber, underProfile: id)
        } catch StorageError.notFound(let what, _) where what.hasPrefix("profile") {
            throw Problem(status: .notFound, detail: "\(what) does not exist", field: "profile")
        }
        let ids = try await database.fieldIDs(of: levels.fields.map(\.standard.field))
        return try Response.json(
            APIList(
                items: levels.fields.map {
                    APIPersonLevel(
                        $0.standard, fieldID: ids[$0.standard.field], underProfile: APIProfileLevel($0, levels: levels))
                }))
    }
}
