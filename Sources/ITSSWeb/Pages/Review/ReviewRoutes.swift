import Hummingbird
import ITSSDomain
import ITSSStorage

/// `/review`: the evaluator's queue; `/review/{id}`: rate side by side, approve or return; verify experience.
struct ReviewRoutes {
    let database: AppDatabase

    func add(to router: Router<AppRequestContext>) {
        router.get("/review") { request, context in
            let identity = try context.require(.evaluator)
            var page = try await ReviewQuery(database: database).queue(
                for: identity.account, page: PageRequest(page: SkillPageParts.intParameter(request, "page") ?? 1, perPage: 25))
            if SkillPageParts.stringParameter(request, "done") == "returned" {
                page.notice = ReviewText.returned(context.language)
            }
            return Response.html(page.render(layout: context.layout(ReviewText.queueTitle(context.language), path: "/review")))
        }
        router.get("/review/:id") { request, context in
            let identity = try context.requireIdentity()
            var page = try await ReviewQuery(database: database).assessment(
                context.parameters.get("id", as: Int64.self), principal: identity.principal)
            let language = context.language
            switch SkillPageParts.stringParameter(request, "done") {
            case "saved": page.notice = SkillPageParts.notice(ReviewText.saved(language))
            case "verified": page.notice = SkillPageParts.notice(ReviewText.verified(language))
            case "approved":
                let level = page.official.map { SkillPageParts.level($0, language) } ?? ""
                page.notice = """
                    <p class="notice ok" role="status">\(ReviewText.approved(language)) <strong>\(level)</strong> · \
                    <a href="/people/\(url: page.assessment.employeeNumber)">\(ReviewText.seeProfile(language))</a></p>
                    """
            default: break
            }
            return render(page, context)
        }
        router.post("/review/:id") { request, context in
            try await decide(request, context, approve: false)
        }
        router.post("/review/:id/approve") { request, context in
            try await decide(request, context, approve: true)
        }
        router.post("/review/:id/return") { request, context in
            let identity = try context.requireIdentity()
            let form = try await request.form(context: context)
            let readable = try await ReadableAssessment.load(
                context.parameters.get("id", as: Int64.self), database: database, principal: identity.principal)
            let comment = form.string("comment") ?? ""
            var errors = FieldErrors()
            var failure: String?
            var status: HTTPResponse.Status = .unprocessableContent
            if comment.isEmpty {
                errors["comment"] = ReviewText.commentRequired(context.language)
            } else {
                do {
                    try await database.returnAssessment(
                        readable.view.id, by: identity.principal, comment: comment,
                        expectedVersion: try form.integer("version"))
                    return Response.seeOther("/review?done=returned")
                } catch {
                    guard let problem = SkillPageParts.refusal(error, context.language) else { throw error }
                    if problem.status == 403 { throw problem }
                    status = problem.httpStatus
                    failure = problem.status == 409 ? PartsText.conflict(context.language) : problem.detail
                    errors["comment"] = problem.status == 409 ? nil : problem.detail
                }
            }
            var page = try await ReviewQuery(database: database).page(
                ReadableAssessment.load(readable.view.id, database: database, principal: identity.principal))
            page.comment = comment
            page.errors = errors
            page.failure = failure
            return render(page, context, status: status)
        }
        router.post("/review/:id/experience/:record/verify") { request, context in
            let identity = try context.requireIdentity()
            _ = try await request.form(context: context)
            let readable = try await ReadableAssessment.load(
                context.parameters.get("id", as: Int64.self), database: database, principal: identity.principal)
            guard let record = context.parameters.get("record", as: Int64.self) else {
                throw Problem.notFound("that experience record")
            }
            // Only records of this assessment's person are verified from its page.
            guard try await database.experience(of: readable.view.employeeNumber).contains(where: { $0.recordID == record })
            else { throw Problem.notFound("that experience record") }
            do {
                try await database.verifyExperience(recordID: record, by: identity.principal)
            } catch {
                guard let problem = SkillPageParts.refusal(error, context.language) else { throw error }
                if problem.status == 403 { throw problem }
                var page = try await ReviewQuery(database: database).page(readable)
                page.failure = problem.detail
                return render(page, context, status: problem.httpStatus)
            }
            return Response.seeOther("/review/\(readable.view.id)?done=verified")
        }
    }

    /// Saves the evaluator ratings that changed (each through the `rate` use case as evaluator, version-checked)
    /// and approves when asked. A rating that differs from the self rating without a reason is refused before
    /// anything is written, and the form comes back as typed with the reason field marked.
    private func decide(_ request: Request, _ context: AppRequestContext, approve: Bool) async throws -> Response {
        let identity = try context.requireIdentity()
        let form = try await request.form(context: context)
        let readable = try await ReadableAssessment.load(
            context.parameters.get("id", as: Int64.self), database: database, principal: identity.principal)
        let view = readable.view
        let field = try await database.assessedField(of: view)
        let language = context.language
        var chosen: [String: Int] = [:]
        var reasons: [String: String] = [:]
        var errors = FieldErrors()
        for (index, item) in field.field.items.enumerated() {
            let rating = view.ratings.first { $0.item == item.name }
            if let reason = form.string(ReviewPage.reasonName(index)) { reasons[item.name] = reason }
            guard let text = form.string(ReviewPage.levelName(index)) else { continue }
            guard let level = Int(text), level == 0 || item.definedLevels.contains(level) else {
                errors[ReviewPage.levelName(index)] = AssessmentText.badLevel(language)
                continue
            }
            chosen[item.name] = level
            let reason = reasons[item.name] ?? rating?.evaluatorReason
            if level != rating?.selfLevel, reason?.allSatisfy(\.isWhitespace) ?? true {
                errors[ReviewPage.reasonName(index)] = ReviewText.reasonRequired(language)
            }
        }
        var failure: String?
        var status: HTTPResponse.Status = .unprocessableContent
        if errors.isEmpty {
            do {
                var version = try form.integer("version") ?? view.version
                for item in field.field.items {
                    let rating = view.ratings.first { $0.item == item.name }
                    guard let level = chosen[item.name], let itemID = field.itemID(named: item.name) else { continue }
                    let reason = reasons[item.name]
                    guard level != rating?.evaluatorLevel || (reason != nil && reason != rating?.evaluatorReason) else {
                        continue
                    }
                    version = try await database.rate(
                        assessment: view.id, item: itemID, level: level, asEvaluator: true, by: identity.principal,
                        reason: reason, expectedVersion: version
                    ).version
                }
                if approve {
                    try await database.approveAssessment(view.id, by: identity.principal, expectedVersion: version)
                }
                return Response.seeOther("/review/\(view.id)?done=\(approve ? "approved" : "saved")")
            } catch {
                guard let problem = SkillPageParts.refusal(error, context.language) else { throw error }
                if problem.status == 403 { throw problem }
                status = problem.httpStatus
                failure = problem.status == 409 ? PartsText.conflict(language) : problem.detail
            }
        } else {
            failure = errors.isEmpty ? nil : ReviewText.reasonRequired(language)
        }
        var page = try await ReviewQuery(database: database).page(
            ReadableAssessment.load(view.id, database: database, principal: identity.principal))
        if status != .conflict {
            page.chosen = chosen
            page.reasons = reasons
        }
        page.errors = errors
        page.failure = failure
        return render(page, context, status: status)
    }

    private func render(_ page: ReviewPage, _ context: AppRequestContext, status: HTTPResponse.Status = .ok) -> Response {
        .html(
            page.render(
                layout: context.layout(
                    "\(ReviewText.title(context.language)): \(page.assessment.personName)", path: "/review/\(page.assessment.id)")
            ),
            status: status)
    }
}
