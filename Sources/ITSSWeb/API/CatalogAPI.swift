import Hummingbird
import ITSSDomain
import ITSSStorage

/// `/api/v1/catalog`: the standards, their fields with level texts, and search. Every signed-in role reads it.
struct CatalogAPI {
    let handlers: APIHandlers

    func add(to api: RouterGroup<AppRequestContext>) {
        let database = handlers.database
        api.get("/catalog/fields") { _, context in
            _ = try context.requireIdentity()
            return try Response.json(APIList(items: APICatalogStandard.group(try await database.catalogFieldSummaries())))
        }
        api.get("/catalog/fields/{fieldId}") { _, context in
            _ = try context.requireIdentity()
            let id = try context.pathID("fieldId", what: "that specialty field")
            return try Response.json(APICatalogField(try await database.catalogFieldDetail(id: id)))
        }
        api.get("/catalog/search") { request, context in
            _ = try context.requireIdentity()
            guard let query = try request.query("q"), !query.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw Problem.badRequest("give the words to look for", field: "q")
            }
            guard query.count <= 200 else { throw Problem.badRequest("at most 200 characters", field: "q") }
            let limit = try request.integer("limit", in: 1...100) ?? 20
            // As `itss catalog search`: the domain's ranked search over the catalog.
            let hits = CatalogSearch.search(query, in: try await database.cachedCatalog(), limit: limit)
            return try Response.json(APIList(items: hits.map(APISearchHit.init)))
        }
    }
}
