import Hummingbird
import ITSSDomain
import ITSSStorage

/// `/assessments/{id}`: the person rates themselves by choosing level texts, saves, submits.
struct SelfAssessmentRoutes {
    let database: AppDatabase

    func add(to router: Router<AppRequestContext>) {
        router.get("/assessments/:id") { request, context in
            let identity = try context.requireIdentity()
            var page = try await SelfAssessmentQuery(database: database).load(
                context.parameters.get("id", as: Int64.self), principal: identity.principal)
            switch SkillPageParts.stringParameter(request, "done") {
            case "saved": page.notice = AssessmentText.saved(context.language)
            case "submitted": page.notice = AssessmentText.submitted(context.language)
            default: break
            }
            return render(page, context)
        }
        router.post("/assessments/:id") { request, context in
            try await save(request, context, thenSubmit: false)
        }
        router.post("/assessments/:id/submit") { request, context in
            try await save(request, context, thenSubmit: true)
        }
    }

    /// Rates every item whose choice changed (the `rate` use case, as the person, version-checked), then submits
    /// when asked. A refusal re-renders the form with the choices as sent.
    private func save(_ request: Request, _ context: AppRequestContext, thenSubmit: Bool) async throws -> Response {
        let identity = try context.requireIdentity()
        let form = try await request.form(context: context)
        let query = SelfAssessmentQuery(database: database)
        let readable = try await ReadableAssessment.load(
            context.parameters.get("id", as: Int64.self), database: database, principal: identity.principal)
        let field = try await database.assessedField(of: readable.view)
        var chosen: [String: Int] = [:]
        var errors = FieldErrors()
        for (index, item) in field.field.items.enumerated() {
            let name = SelfAssessmentPage.inputName(index)
            guard let text = form.string(name) else { continue }
            guard let level = Int(text), level == 0 || item.definedLevels.contains(level) else {
                errors[name] = AssessmentText.badLevel(context.language)
                continue
            }
            chosen[item.name] = level
        }
        var failure: String?
        var status: HTTPResponse.Status = .unprocessableContent
        if errors.isEmpty {
            do {
                var version = try form.integer("version") ?? readable.view.version
                for item in field.field.items {
                    guard let level = chosen[item.name],
                        readable.view.ratings.first(where: { $0.item == item.name })?.selfLevel != level,
                        let itemID = field.itemID(named: item.name)
                    else { continue }
                    version = try await database.rate(
                        assessment: readable.view.id, item: itemID, level: level, asEvaluator: false, by: identity.principal,
                        expectedVersion: version
                    ).version
                }
                let unanswered = field.field.items.enumerated().filter { _, item in
                    chosen[item.name] == nil
                        && readable.view.ratings.first(where: { $0.item == item.name })?.selfLevel == nil
                }
                if thenSubmit, !unanswered.isEmpty {
                    for (index, _) in unanswered {
                        errors[SelfAssessmentPage.inputName(index)] = AssessmentText.unanswered(context.language)
                    }
                    failure = AssessmentText.answerAll(context.language)
                } else {
                    if thenSubmit {
                        try await database.submitAssessment(readable.view.id, by: identity.principal, expectedVersion: version)
                    }
                    return Response.seeOther("/assessments/\(readable.view.id)?done=\(thenSubmit ? "submitted" : "saved")")
                }
            } catch {
                guard let problem = SkillPageParts.refusal(error, context.language) else { throw error }
                if problem.status == 403 { throw problem }
                status = problem.httpStatus
                failure = problem.status == 409 ? PartsText.conflict(context.language) : problem.detail
            }
        }
        // Show the stored state (some ratings may have been saved before a refusal) with the choices as sent.
        let current = try await ReadableAssessment.load(readable.view.id, database: database, principal: identity.principal)
        var page = try await query.page(current)
        if status != .conflict { page.chosen = chosen }
        page.errors = errors
        page.failure = failure
        return render(page, context, status: status)
    }

    private func render(
        _ page: SelfAssessmentPage, _ context: AppRequestContext, status: HTTPResponse.Status = .ok
    ) -> Response {
        .html(
            page.render(
                layout: context.layout(
                    "\(AssessmentText.title(context.language)): \(page.assessment.field.field)",
                    path: "/assessments/\(page.assessment.id)")), status: status)
    }
}
