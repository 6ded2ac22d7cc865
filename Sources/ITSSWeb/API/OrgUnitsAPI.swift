import Hummingbird
import ITSSDomain
import ITSSStorage

/// Org units: every signed-in role lists them (organisation reads are open); HR and administrators create them.
struct OrgUnitsAPI {
    let handlers: APIHandlers

    struct NewUnitBody: Decodable, Sendable {
        var code: String
        var name: String
        /// The parent's code.
        var parent: String?
    }

    func add(to api: RouterGroup<AppRequestContext>) {
        let database = handlers.database
        api.get("/org-units") { request, context in
            _ = try context.requireIdentity()
            let units = try await database.orgUnits(page: try request.pageRequest())
            let parents = try await database.orgUnitCodes(ids: Set(units.items.compactMap(\.parentID)))
            return try Response.json(APIPage(units) { APIOrgUnit($0, parentCode: $0.parentID.flatMap { parents[$0] }) })
        }
        api.post("/org-units") { request, context in
            let identity = try context.require(.hr)
            let body = try await request.decodeJSON(NewUnitBody.self, context: context)
            var parentID: Int64?
            if let parent = body.parent {
                do {
                    parentID = try await database.orgUnitID(parent)
                } catch StorageError.notFound {
                    throw Problem(status: .unprocessableContent, detail: "no org unit has this code", field: "parent")
                }
            }
            let unit = try await database.createOrgUnit(
                code: body.code, name: body.name, parentID: parentID, by: identity.principal)
            return try Response.json(APIOrgUnit(unit, parentCode: parentID == nil ? nil : body.parent), status: .created)
        }
    }
}
