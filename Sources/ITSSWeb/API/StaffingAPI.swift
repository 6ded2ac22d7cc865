import Hummingbird
import ITSSDomain
import ITSSStorage

/// Coverage, staffing requirements (versioned: `ETag`, `If-Match`) and their checks, and a person's skill sheet.
/// Evaluators, HR and administrators read coverage and checks (an evaluator only for the units of their
/// assignments, with sub-units); administrators and HR write requirements; employees see none of it.
struct StaffingAPI {
    let handlers: APIHandlers

    struct LineBody: Decodable, Sendable {
        var field: String
        var minimumLevel: Int
        var count: Int
        var role: String?
    }

    struct RequirementBody: Decodable, Sendable {
        var name: String
        var lines: [LineBody]

        /// The lines as the use case takes them.
        /// - Throws: `Problem` 422 naming `lines` for an unknown role.
        func specs() throws -> [StaffingLineSpec] {
            try lines.map { line in
                var role: Role?
                if let text = line.role {
                    guard let parsed = Role(label: text) else {
                        throw Problem(
                            status: .unprocessableContent, detail: "expected member, leader or responsible_person", field: "lines"
                        )
                    }
                    role = parsed
                }
                return StaffingLineSpec(field: line.field, minimumLevel: line.minimumLevel, count: line.count, role: role)
            }
        }
    }

    func add(to api: RouterGroup<AppRequestContext>) {
        let database = handlers.database
        let handlers = handlers
        api.get("/coverage") { request, context in
            let identity = try context.require(.evaluator)
            let unit = try await handlers.readableUnit(try request.query("org"), identity)
            var fieldID: Int64?
            if let field = try request.query("field") { fieldID = try await handlers.fieldID(field, parameter: "field") }
            let report = try await database.coverage(orgUnitID: unit.id, fieldID: fieldID)
            var near: NearCandidatePage?
            if let fieldID {
                near = try await database.nearCandidates(orgUnitID: unit.id, fieldID: fieldID, page: try request.pageRequest())
            }
            return try Response.json(APICoverage(report, near: near))
        }
        api.get("/staffing-requirements") { request, context in
            _ = try context.require(.evaluator)
            let page = try await database.staffingRequirements(page: try request.pageRequest())
            return try Response.json(APIPage(page, APIStaffingRequirement.init))
        }
        api.post("/staffing-requirements") { request, context in
            let identity = try context.require(.hr)
            let body = try await request.decodeJSON(RequirementBody.self, context: context)
            let created = try await Self.resolvingFields {
                try await database.createStaffingRequirement(name: body.name, lines: try body.specs(), by: identity.principal)
            }
            return try Response.json(APIStaffingRequirement(created), status: .created, etag: created.version)
                .located("/api/v1/staffing-requirements/\(created.id)")
        }
        api.get("/staffing-requirements/{id}") { _, context in
            _ = try context.require(.evaluator)
            let requirement = try await handlers.staffingRequirement(context)
            return try Response.json(APIStaffingRequirement(requirement), etag: requirement.version)
        }
        api.put("/staffing-requirements/{id}") { request, context in
            let identity = try context.require(.hr)
            let (current, expected) = try await handlers.staffingRequirement(context, ifMatch: request)
            let body = try await request.decodeJSON(RequirementBody.self, context: context)
            let updated = try await preconditioned(expected) {
                try await Self.resolvingFields {
                    try await database.updateStaffingRequirement(
                        current.id, name: body.name, lines: try body.specs(), expectedVersion: expected, by: identity.principal)
                }
            }
            return try Response.json(APIStaffingRequirement(updated), etag: updated.version)
        }
        api.delete("/staffing-requirements/{id}") { request, context in
            let identity = try context.require(.hr)
            let (current, expected) = try await handlers.staffingRequirement(context, ifMatch: request)
            try await preconditioned(expected) {
                try await database.removeStaffingRequirement(current.id, expectedVersion: expected, by: identity.principal)
            }
            return Response(status: .noContent)
        }
        api.get("/staffing-requirements/{id}/check") { request, context in
            let identity = try context.require(.evaluator)
            let requirement = try await handlers.staffingRequirement(context)
            let unit = try await handlers.readableUnit(try request.query("org"), identity)
            var day: Day?
            if let text = try request.query("as_of") {
                guard let parsed = Day(text) else { throw Problem.badRequest("expected a date YYYY-MM-DD", field: "as_of") }
                try InputBounds.day(parsed, field: "as_of")
                day = parsed
            }
            let report = try await database.checkStaffing(requirementID: requirement.id, orgUnitID: unit.id, asOf: day)
            return try Response.json(APIStaffingCheck(report))
        }
        api.get("/people/{employeeNumber}/sheet") { _, context in
            let identity = try context.requireIdentity()
            let number = try context.pathText("employeeNumber", what: "that person")
            let id = try await handlers.readablePerson(number, identity)
            let sheet = try await ProfileQuery(database: database).sheet(personID: id)
            let fieldIDs = try await database.fieldIDs(
                of: sheet.levels.map(\.field) + sheet.plans.map(\.field) + sheet.experience.map(\.field))
            guard let person = try await handlers.models([sheet.person]).first else { throw Problem.unknownPerson(number) }
            return try Response.json(
                APISheet(
                    person: person, levels: sheet.levels.map { APIPersonLevel($0, fieldID: fieldIDs[$0.field]) },
                    assessments: try await handlers.models(sheet.assessments),
                    experience: try await handlers.models(sheet.experience, employeeNumber: number),
                    plans: sheet.plans.map { APIPlan($0, fieldID: fieldIDs[$0.field]) }))
        }
    }

    /// A field the lines name that does not exist, is ambiguous or only supplies levels is the request's fault
    /// (422 naming `lines`), not a missing resource.
    static func resolvingFields<T: Sendable>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let StorageError.notFound(what, suggestions) where what.hasPrefix("specialty field") {
            throw Problem(
                status: .unprocessableContent,
                detail: "\(what) does not exist"
                    + (suggestions.isEmpty ? "" : "; did you mean \(suggestions.joined(separator: ", "))?"),
                field: "lines")
        } catch let StorageError.refused(reason) {
            throw Problem(status: .unprocessableContent, detail: reason, field: "lines")
        }
    }
}

extension APIHandlers {
    /// The org unit of the `org` parameter when the principal may see its people.
    /// - Throws: `Problem` 400 without `org`, 422 for an unknown code, 403 for a unit outside the principal's reach.
    func readableUnit(_ code: String?, _ identity: Identity) async throws -> OrgUnit {
        guard let code, !code.isEmpty else { throw Problem.badRequest("give an org unit code", field: "org") }
        do {
            return try await database.readableOrgUnit(code, principal: identity.principal)
        } catch StorageError.notFound {
            throw Problem(status: .unprocessableContent, detail: "no org unit has this code", field: "org")
        }
    }

    /// The staffing requirement of the path.
    /// - Throws: `Problem` 404 for an unknown one.
    func staffingRequirement(_ context: AppRequestContext) async throws -> StaffingRequirementView {
        let id = try context.pathID("id", what: "that staffing requirement")
        do {
            return try await database.staffingRequirement(id)
        } catch StorageError.notFound {
            throw Problem.notFound("staffing requirement \(id)")
        }
    }

    /// The staffing requirement of the path and the version `If-Match` names, refused when stale.
    /// - Throws: `Problem` 404 for an unknown requirement, 400 for a malformed `If-Match`, 412 for a stale one.
    func staffingRequirement(
        _ context: AppRequestContext, ifMatch request: Request
    ) async throws -> (StaffingRequirementView, Int?) {
        let current = try await staffingRequirement(context)
        let expected = try request.ifMatchVersion()
        try checkPrecondition(expected, current: current.version, what: "staffing requirement \(current.id)")
        return (current, expected)
    }
}
