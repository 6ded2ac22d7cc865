import Hummingbird
import ITSSDomain
import ITSSStorage

/// `/map` (the grid), `/map/cell` (the people of a cell), `/map/compare` and `/map/trends`. Administrators and HR
/// see every unit, an evaluator the units assigned to them (another unit answers 404, like an unknown one), an
/// employee no map (403).
struct SkillMapRoutes {
    let database: AppDatabase
    /// Kept map pages: the whole company's map is the most expensive page HR opens again and again.
    let responses: ResponseCache

    func add(to router: Router<AppRequestContext>) {
        let query = SkillMapQuery(database: database)
        router.get("/map") { request, context in
            try await responses.response(for: request, context: context) {
                let identity = try context.requireIdentity()
                let page = try await query.map(try SkillMapParameters(request), principal: identity.principal)
                return Response.html(
                    page.render(layout: context.layout(SkillMapText.title(context.language), path: "/map")))
            }
        }
        router.get("/map/cell") { request, context in
            let identity = try context.requireIdentity()
            let page = try await query.cell(
                try SkillMapParameters(request), cell: request.queryForm.string("level"), list: ListState(request),
                principal: identity.principal)
            return Response.html(
                page.render(layout: context.layout(SkillMapText.cellTitle(context.language), path: "/map/cell")))
        }
        router.get("/map/compare") { request, context in
            let identity = try context.requireIdentity()
            let page = try await query.comparePage(
                try SkillMapParameters(request),
                compareAsOf: try SkillMapParameters.day(request.queryForm.string("compare_as_of"), field: "compare_as_of"),
                compareOrg: request.queryForm.string("compare_org"), principal: identity.principal)
            return Response.html(
                page.render(layout: context.layout(SkillMapText.compareTitle(context.language), path: "/map/compare")))
        }
        router.get("/map/trends") { request, context in
            let identity = try context.requireIdentity()
            let page = try await query.trendsPage(
                try SkillMapParameters(request), quarters: try request.integer("quarters", in: AppDatabase.trendQuarters) ?? 8,
                principal: identity.principal)
            return Response.html(
                page.render(layout: context.layout(SkillMapText.trendsTitle(context.language), path: "/map/trends")))
        }
    }
}
