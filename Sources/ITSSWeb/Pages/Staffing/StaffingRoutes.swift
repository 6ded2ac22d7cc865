import Hummingbird
import ITSSDomain
import ITSSStorage

/// `/coverage`, `/staffing` (list, create, edit, remove) and `/staffing/{id}/check`. Evaluators, HR and
/// administrators read (an evaluator only the units of their assignments); administrators and HR write, through
/// the same use cases as `itss staffing`.
struct StaffingRoutes {
    let database: AppDatabase

    func add(to router: Router<AppRequestContext>) {
        router.get("/coverage") { request, context in
            let identity = try context.require(.evaluator)
            let query = request.queryForm
            let page = try await CoverageQuery(database: database).load(
                principal: identity.principal, org: query.string("org"), field: query.string("field"),
                page: max(1, query.string("page").flatMap { Int($0) } ?? 1), language: context.language)
            return Response.html(
                page.render(layout: context.layout(StaffingText.coverage(context.language), path: "/coverage")),
                status: page.errors.isEmpty ? .ok : .unprocessableContent)
        }
        router.get("/staffing") { request, context in
            let identity = try context.require(.evaluator)
            var page = try await list(request, identity)
            switch request.queryForm.string("done") {
            case "saved": page.notice = StaffingText.created(context.language)
            case "removed": page.notice = StaffingText.removed(context.language)
            default: break
            }
            return render(page, context)
        }
        router.post("/staffing") { request, context in
            let identity = try context.require(.hr)
            let form = try await request.form(context: context)
            let input = StaffingListPage.Form(name: form.string("name") ?? "", lines: form.string("lines") ?? "")
            do {
                try await database.createStaffingRequirement(name: input.name, lines: try input.specs(), by: identity.principal)
                return Response.seeOther("/staffing?done=saved")
            } catch {
                guard let refusal = FormRefusal.of(error, fieldFor: Self.field(forDetail:)) else { throw error }
                var page = try await list(request, identity)
                page.form = input
                page.refusal = refusal
                return render(page, context, status: refusal.status)
            }
        }
        router.get("/staffing/:id/edit") { request, context in
            let identity = try context.require(.hr)
            let requirement = try await requirement(context)
            var page = try await list(request, identity)
            page.editing = requirement.id
            page.form = StaffingListPage.Form(requirement)
            return render(page, context)
        }
        router.post("/staffing/:id") { request, context in
            let identity = try context.require(.hr)
            let current = try await requirement(context)
            let form = try await request.form(context: context)
            let input = StaffingListPage.Form(
                name: form.string("name") ?? "", lines: form.string("lines") ?? "", version: try form.integer("version"))
            do {
                try await database.updateStaffingRequirement(
                    current.id, name: input.name, lines: try input.specs(), expectedVersion: input.version,
                    by: identity.principal)
                return Response.seeOther("/staffing?done=saved")
            } catch {
                guard var refusal = FormRefusal.of(error, fieldFor: Self.field(forDetail:)) else { throw error }
                var page = try await list(request, identity)
                page.editing = current.id
                page.form = input
                if let storage = error as? StorageError, case .conflict = storage {
                    // Show what is stored now, with its version, so that the change can be made again on it.
                    refusal.message = PartsText.conflict(context.language)
                    refusal.field = nil
                    page.form = StaffingListPage.Form(try await database.staffingRequirement(current.id))
                }
                page.refusal = refusal
                return render(page, context, status: refusal.status)
            }
        }
        router.post("/staffing/:id/remove") { request, context in
            let identity = try context.require(.hr)
            let current = try await requirement(context)
            let form = try await request.form(context: context)
            // A stale version answers 409 with what happened; nothing is removed.
            try await database.removeStaffingRequirement(
                current.id, expectedVersion: try form.integer("version"), by: identity.principal)
            return Response.seeOther("/staffing?done=removed")
        }
        router.get("/staffing/:id/check") { request, context in
            let identity = try context.require(.evaluator)
            let requirement = try await requirement(context)
            let query = request.queryForm
            var page = StaffingCheckPage(
                requirement: requirement, units: try await database.readableOrgUnits(principal: identity.principal),
                org: query.string("org") ?? "", asOf: query.string("as_of") ?? "")
            var day: Day?
            if !page.asOf.isEmpty {
                if let parsed = Day(page.asOf) {
                    day = parsed
                } else {
                    page.errors["as_of"] = StaffingText.badDate(context.language)
                }
            }
            if !page.org.isEmpty,
                let unit = try await StaffingQueryParts.unit(
                    page.org, among: page.units, database: database, errors: &page.errors), page.errors.isEmpty
            {
                page.report = try await database.checkStaffing(requirementID: requirement.id, orgUnitID: unit.id, asOf: day)
            }
            return Response.html(
                page.render(
                    layout: context.layout(
                        "\(StaffingText.checkTitle(context.language)): \(requirement.name)",
                        path: "/staffing/\(requirement.id)/check")),
                status: page.errors.isEmpty ? .ok : .unprocessableContent)
        }
    }

    /// The requirement of the path.
    /// - Throws: `Problem` 404 for an unknown one.
    private func requirement(_ context: AppRequestContext) async throws -> StaffingRequirementView {
        guard let text = context.parameters.get("id"), let id = Int64(text), id > 0 else {
            throw Problem.notFound("that staffing requirement")
        }
        do {
            return try await database.staffingRequirement(id)
        } catch StorageError.notFound {
            throw Problem.notFound("that staffing requirement")
        }
    }

    private func list(_ request: Request, _ identity: Identity) async throws -> StaffingListPage {
        let state = ListState(request)
        let sort = state.sort.flatMap(StaffingRequirementSort.init(rawValue:)) ?? .name
        return StaffingListPage(
            requirements: try await database.staffingRequirements(
                sort: sort, descending: state.descending, page: state.pageRequest),
            list: state, canWrite: identity.account.role >= .hr)
    }

    private func render(_ page: StaffingListPage, _ context: AppRequestContext, status: HTTPResponse.Status = .ok) -> Response {
        let path = page.editing.map { "/staffing/\($0)/edit" } ?? "/staffing"
        return .html(page.render(layout: context.layout(StaffingText.requirements(context.language), path: path)), status: status)
    }

    /// Lookup and uniqueness errors name the form field they belong to.
    static func field(forDetail detail: String) -> String? {
        if detail.hasPrefix("specialty field") || detail.hasPrefix("lines") { return "lines" }
        if detail.hasPrefix("staffing requirement") || detail.hasPrefix("name") { return "name" }
        return nil
    }
}
