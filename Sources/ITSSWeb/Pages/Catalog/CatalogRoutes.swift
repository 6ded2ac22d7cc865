import Hummingbird
import ITSSDomain
import ITSSStorage

/// The catalog pages, open to every signed-in role.
struct CatalogRoutes {
    let database: AppDatabase

    func add(to router: Router<AppRequestContext>) {
        router.get("/catalog") { _, context in
            _ = try context.requireIdentity()
            let page = try await CatalogIndexPage.load(database)
            return Response.html(page.render(layout: context.layout(CatalogText.title(context.language), path: "/catalog")))
        }
        router.get("/catalog/fields/:id") { _, context in
            _ = try context.requireIdentity()
            guard let id = context.parameters.get("id", as: Int64.self) else { throw Problem.notFound("that specialty field") }
            let page = try await CatalogFieldPage.load(database, id: id)
            return Response.html(page.render(layout: context.layout(page.name, path: "/catalog/fields/\(id)")))
        }
        router.get("/catalog/items/:id") { _, context in
            _ = try context.requireIdentity()
            guard let id = context.parameters.get("id", as: Int64.self) else { throw Problem.notFound("that skill item") }
            let page = try await CatalogItemPage.load(database, id: id)
            return Response.html(page.render(layout: context.layout(page.item.name, path: "/catalog/items/\(id)")))
        }
        router.get("/catalog/search") { request, context in
            _ = try context.requireIdentity()
            let query = request.queryForm.string("q") ?? ""
            let pageNumber = request.queryForm.string("page").flatMap { Int($0) } ?? 1
            let page = try await CatalogSearchPage.load(database, query: String(query.prefix(200)), page: pageNumber)
            return Response.html(
                page.render(layout: context.layout(CatalogText.searchTitle(context.language), path: "/catalog/search")))
        }
        router.get("/catalog/diagnostics") { request, context in
            _ = try context.requireIdentity()
            let query = request.queryForm
            guard let name = query.string("standard"), let version = query.string("version") else {
                throw Problem.notFound("that standard")
            }
            let severity = query.string("severity").flatMap(Severity.init(rawValue:)) ?? .info
            let page = try await CatalogDiagnosticsPage.load(
                database, key: StandardKey(name: name, version: version), severity: severity,
                list: ListState(request, defaultPerPage: 100))
            return Response.html(
                page.render(layout: context.layout(CatalogText.diagnostics(context.language), path: "/catalog/diagnostics")))
        }
    }
}
