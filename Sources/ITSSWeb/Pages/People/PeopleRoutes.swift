import Hummingbird
import ITSSDomain
import ITSSStorage

/// `/people` (the list) and `/people/{employeeNumber}` (the profile, with its gap form and development plans).
struct PeopleRoutes {
    let database: AppDatabase
    /// Kept profile pages (the page most people open most often).
    let responses: ResponseCache

    func add(to router: Router<AppRequestContext>) {
        router.get("/people") { request, context in
            let identity = try context.require(.evaluator)
            let order = SkillPageParts.stringParameter(request, "sort").flatMap(PeopleSort.init(rawValue:)) ?? .employeeNumber
            let page = try await ProfileQuery(database: database).people(
                principal: identity.principal, orgUnit: SkillPageParts.stringParameter(request, "org"), order: order,
                page: PageRequest(page: SkillPageParts.intParameter(request, "page") ?? 1, perPage: 50),
                language: context.language)
            return Response.html(
                page.render(layout: context.layout(PeopleText.title(context.language), path: "/people")),
                status: page.errors.isEmpty ? .ok : .unprocessableContent)
        }
        router.get("/people/:number") { request, context in
            try await responses.response(for: request, context: context) { try await profile(request, context) }
        }
        router.post("/people/:number/plans") { request, context in
            let identity = try context.requireIdentity()
            let (personID, relation) = try await readable(context, identity)
            let form = try await request.form(context: context)
            let field = form.string("field") ?? ""
            let level = form.string("target") ?? ""
            var errors = FieldErrors()
            var status: HTTPResponse.Status = .unprocessableContent
            if field.isEmpty { errors["field"] = ProfileText.badTarget(context.language) }
            if Int(level) == nil { errors["target"] = ProfileText.badTarget(context.language) }
            if errors.isEmpty, let target = Int(level) {
                do {
                    let plan = try await database.createPlan(
                        personID: personID, fieldID: try await database.fieldID(field), target: target, by: identity.principal)
                    return Response.seeOther(path(context) + "?done=plan#plan-\(plan.id)")
                } catch {
                    guard let problem = SkillPageParts.refusal(error, context.language) else { throw error }
                    if problem.status == 403 { throw problem }
                    status = problem.httpStatus
                    errors = FieldErrors.from(problem, fields: ["field", "target"], fallback: "target")
                }
            }
            var page = try await ProfileQuery(database: database).load(
                personID: personID, principal: identity.principal, relation: relation, chartField: nil, target: nil,
                language: context.language)
            page.newPlanField = field
            page.newPlanLevel = level
            page.planErrors = errors
            return render(page, context, status: status)
        }
        router.post("/people/:number/crosswalk-carry") { request, context in
            let identity = try context.requireIdentity()
            let (personID, relation) = try await readable(context, identity)
            let form = try await request.form(context: context)
            let pair = form.string("pair") ?? ""
            let cycleText = form.string("cycle") ?? ""
            var errors = FieldErrors()
            var status: HTTPResponse.Status = .unprocessableContent
            let fields = CarryForm.split(pair)
            if fields == nil { errors["pair"] = CarryText.badPair(context.language) }
            let cycle = Cycle(cycleText)
            if cycle == nil { errors["cycle"] = MySkillsText.badCycle(context.language) }
            if let fields, let cycle {
                do {
                    try await database.carryAcrossEditions(
                        personID: personID, fromFieldID: try await database.fieldID(fields.from),
                        toFieldID: try await database.fieldID(fields.to), cycle: cycle, by: identity.principal)
                    return Response.seeOther(path(context) + "?done=carried#carry")
                } catch {
                    guard let problem = SkillPageParts.refusal(error, context.language) else { throw error }
                    if problem.status == 403 { throw problem }
                    status = problem.httpStatus
                    errors = FieldErrors.from(problem, fields: ["pair", "cycle"], fallback: "pair")
                }
            }
            var page = try await ProfileQuery(database: database).load(
                personID: personID, principal: identity.principal, relation: relation, chartField: nil, target: nil,
                language: context.language)
            page.carry?.pair = pair
            page.carry?.cycle = cycleText
            page.carry?.errors = errors
            return render(page, context, status: status)
        }
        router.post("/people/:number/plans/:plan") { request, context in
            let identity = try context.requireIdentity()
            let (personID, relation) = try await readable(context, identity)
            let form = try await request.form(context: context)
            guard let planID = context.parameters.get("plan", as: Int64.self),
                let plan = try? await database.plan(planID), plan.employeeNumber == context.parameters.get("number")
            else { throw Problem.notFound("that plan") }
            var errors = FieldErrors()
            var failure: String?
            var status: HTTPResponse.Status = .unprocessableContent
            let position = try form.integer("action")
            let title = form.string("title")
            let statusValue = form.string("status").flatMap(PlanActionStatus.init(rawValue:))
            if position == nil, title == nil { errors["title-\(planID)"] = ProfileText.titleRequired(context.language) }
            if errors.isEmpty {
                do {
                    try await database.updatePlan(
                        planID, action: position, change: PlanActionChange(status: position == nil ? nil : statusValue),
                        append: title.map { PlanAction(kind: .training, title: $0) },
                        expectedVersion: try form.integer("version"),
                        by: identity.principal)
                    return Response.seeOther(path(context) + "?done=updated#plan-\(planID)")
                } catch {
                    guard let problem = SkillPageParts.refusal(error, context.language) else { throw error }
                    if problem.status == 403 { throw problem }
                    status = problem.httpStatus
                    if problem.status == 409 {
                        failure = PartsText.conflict(context.language)
                    } else if title != nil {
                        errors["title-\(planID)"] = problem.detail
                    } else {
                        failure = problem.detail
                    }
                }
            }
            var page = try await ProfileQuery(database: database).load(
                personID: personID, principal: identity.principal, relation: relation, chartField: nil, target: nil,
                language: context.language)
            page.planErrors = errors
            if let failure { page.planFailures[planID] = failure }
            return render(page, context, status: status)
        }
    }

    /// The profile page of the path's person, with the gap form's result when it was sent.
    /// - Throws: `Problem` 401/404 (an unknown person and one the principal may not read alike), database errors.
    private func profile(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let identity = try context.requireIdentity()
        let (personID, relation) = try await readable(context, identity)
        let target =
            ProfileQuery.Target(combined: SkillPageParts.stringParameter(request, "target"))
            ?? SkillPageParts.stringParameter(request, "target_field").map {
                ProfileQuery.Target(field: $0, level: SkillPageParts.stringParameter(request, "target_level") ?? "")
            }
        var page = try await ProfileQuery(database: database).load(
            personID: personID, principal: identity.principal, relation: relation,
            chartField: SkillPageParts.stringParameter(request, "field"), target: target, language: context.language,
            historyPage: SubList.requestedPage(request, "history_page"),
            plansPage: SubList.requestedPage(request, "plans_page"))
        page.tailoring = try await ProfileLevelsBlock.load(
            database, principal: identity.principal, employeeNumber: page.person.employeeNumber, path: page.path,
            profile: SkillPageParts.stringParameter(request, "profile"))
        switch SkillPageParts.stringParameter(request, "done") {
        case "plan": page.notice = ProfileText.planCreated(context.language)
        case "updated": page.notice = ProfileText.planUpdated(context.language)
        case "carried": page.notice = CarryText.carried(context.language)
        default: break
        }
        return render(page, context, status: page.gapErrors.isEmpty ? .ok : .unprocessableContent)
    }

    /// The person of the path when the principal may read them; an unknown person and one they may not read get
    /// the same 404.
    private func readable(_ context: AppRequestContext, _ identity: Identity) async throws -> (Int64, SubjectRelation) {
        guard let number = context.parameters.get("number"),
            let personID = try await SkillPageParts.readablePerson(number, database: database, principal: identity.principal)
        else { throw SkillPageParts.personNotFound }
        return (personID, try await database.relation(of: identity.principal, toPerson: personID))
    }

    private func path(_ context: AppRequestContext) -> String {
        "/people/" + HTML.percentEncoded(context.parameters.get("number") ?? "")
    }

    private func render(_ page: ProfilePage, _ context: AppRequestContext, status: HTTPResponse.Status = .ok) -> Response {
        .html(
            page.render(layout: context.layout("\(page.person.name) (\(page.person.employeeNumber))", path: page.path)),
            status: status)
    }
}
