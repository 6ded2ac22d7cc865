import Hummingbird
import ITSSDomain
import ITSSStorage

/// `/api/v1/map`: the skill map, the people of a cell, comparisons, trends and the exports (JSON, or CSV with
/// `format=csv`). Administrators and HR map any unit or the whole organisation; an evaluator the units assigned
/// to them and their sub-units (another unit answers 404, like an unknown one); an employee nothing (403).
struct SkillMapAPI {
    let handlers: APIHandlers

    enum Format: String {
        case json
        case csv
    }

    /// Rows per batch of a streamed export (and the largest JSON batch).
    static let exportBatch = 1_000

    func add(to api: RouterGroup<AppRequestContext>) {
        let database = handlers.database
        let query = SkillMapQuery(database: database)
        let resolver = query.resolver
        api.get("/map") { request, context in
            try await handlers.responses.response(for: request, context: context) {
                let identity = try context.requireIdentity()
                let parameters = try SkillMapParameters(request)
                let format = try Self.format(request)
                let scope = try await resolver.scope(parameters.org, for: identity.principal)
                let map = try await database.skillMap(scope, filter: try await resolver.filter(parameters))
                if format == .csv { return Response.csv(SkillMapCSV.map(map), filename: "skill-map.csv") }
                return try Response.json(APISkillMap(map))
            }
        }
        api.get("/map/people") { request, context in
            let identity = try context.requireIdentity()
            let parameters = try SkillMapParameters(request)
            let page = try request.pageRequest()
            let sort = try request.query("sort").map { text in
                guard let sort = SkillMapPeopleSort(rawValue: text) else {
                    throw Problem.badRequest("expected number, name or unit", field: "sort")
                }
                return sort
            }
            let list = ListState(
                page: page.page, perPage: page.perPage, sort: sort?.rawValue, descending: try request.query("dir") == "desc")
            let cellPage = try await query.cell(
                parameters, cell: try request.query("level"), list: list, principal: identity.principal)
            return try Response.json(APIPage(cellPage.people, APISkillMapPerson.init))
        }
        api.get("/map/compare") { request, context in
            let identity = try context.requireIdentity()
            let parameters = try SkillMapParameters(request)
            let compareAsOf = try SkillMapParameters.day(try request.query("compare_as_of"), field: "compare_as_of")
            let compareOrg = try request.query("compare_org")
            guard
                let comparison = try await query.comparison(
                    parameters, compareAsOf: compareAsOf, compareOrg: compareOrg, principal: identity.principal)
            else { throw Problem.badRequest("give compare_as_of or compare_org", field: "compare_as_of") }
            return try Response.json(APISkillMapComparison(comparison))
        }
        api.get("/map/trends") { request, context in
            let identity = try context.requireIdentity()
            let trends = try await query.trends(
                try SkillMapParameters(request), quarters: try request.integer("quarters", in: AppDatabase.trendQuarters) ?? 8,
                principal: identity.principal)
            return try Response.json(APISkillMapTrends(trends))
        }
        api.get("/map/export/levels") { request, context in
            let identity = try context.requireIdentity()
            let parameters = try SkillMapParameters(request)
            let format = try Self.format(request)
            let scope = try await resolver.scope(parameters.org, for: identity.principal)
            let filter = try await resolver.filter(parameters)
            if format == .csv {
                return Response.csvStream(filename: "levels.csv", header: SkillMapCSV.header(SkillMapCSV.levelColumns)) {
                    let batch = try await database.levelExport(scope, filter: filter, after: $0, limit: Self.exportBatch)
                    return (SkillMapCSV.levels(batch.rows), batch.next)
                }
            }
            let batch = try await database.levelExport(
                scope, filter: filter, after: try Self.cursor(request), limit: try Self.limit(request))
            return try Response.json(APIExportBatch(items: batch.rows.map(APILevelExportRow.init), next: batch.next?.token))
        }
        api.get("/map/export/ratings") { request, context in
            let identity = try context.requireIdentity()
            let parameters = try SkillMapParameters(request)
            let format = try Self.format(request)
            let scope = try await resolver.scope(parameters.org, for: identity.principal)
            let fieldIDs = try await resolver.fieldIDs(parameters)
            let inactive = parameters.includeInactive
            if format == .csv {
                return Response.csvStream(filename: "ratings.csv", header: SkillMapCSV.header(SkillMapCSV.ratingColumns)) {
                    let batch = try await database.ratingExport(
                        scope, fieldIDs: fieldIDs, includeInactive: inactive, after: $0, limit: Self.exportBatch)
                    return (SkillMapCSV.ratings(batch.rows), batch.next)
                }
            }
            let batch = try await database.ratingExport(
                scope, fieldIDs: fieldIDs, includeInactive: inactive, after: try Self.cursor(request),
                limit: try Self.limit(request))
            return try Response.json(APIExportBatch(items: batch.rows.map(APIRatingExportRow.init), next: batch.next?.token))
        }
    }

    /// `format`: `json` (default) or `csv`.
    /// - Throws: `Problem` 400 naming `format`.
    static func format(_ request: Request) throws -> Format {
        guard let text = try request.query("format") else { return .json }
        guard let format = Format(rawValue: text) else { throw Problem.badRequest("expected json or csv", field: "format") }
        return format
    }

    /// `after`: the `next` of the previous batch.
    /// - Throws: `Problem` 400 naming `after`.
    static func cursor(_ request: Request) throws -> ExportCursor? {
        guard let text = try request.query("after") else { return nil }
        guard let cursor = ExportCursor(token: text) else {
            throw Problem.badRequest("expected the next value of the previous batch", field: "after")
        }
        return cursor
    }

    /// `limit`: rows per batch, 1–1,000 (default 1,000).
    static func limit(_ request: Request) throws -> Int {
        try request.integer("limit", in: 1...exportBatch) ?? exportBatch
    }
}

extension Response {
    /// A CSV download.
    static func csv(_ text: String, filename: String) -> Response {
        Response(
            status: .ok, headers: csvHeaders(filename), body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    /// A CSV download written batch by batch as `next` reads them (from `nil`, until it returns no cursor), so that
    /// memory holds one batch however large the export.
    static func csvStream(
        filename: String, header: String,
        next: @escaping @Sendable (ExportCursor?) async throws -> (String, ExportCursor?)
    ) -> Response {
        Response(
            status: .ok, headers: csvHeaders(filename),
            body: ResponseBody { writer in
                try await writer.write(ByteBuffer(string: header))
                var cursor: ExportCursor?
                repeat {
                    let (text, following) = try await next(cursor)
                    if !text.isEmpty { try await writer.write(ByteBuffer(string: text)) }
                    cursor = following
                } while cursor != nil
                try await writer.finish(nil)
            })
    }

    private static func csvHeaders(_ filename: String) -> HTTPFields {
        [.contentType: "text/csv; charset=utf-8", .contentDisposition: "attachment; filename=\"\(filename)\""]
    }
}
