import Hummingbird
import ITSSDomain
import ITSSStorage

/// `/me`: the signed-in person's skills; starting a self-assessment; adding experience.
struct MySkillsRoutes {
    let database: AppDatabase

    func add(to router: Router<AppRequestContext>) {
        router.get("/me") { request, context in
            let (identity, personID) = try person(context)
            var page = try await MySkillsQuery(database: database).load(
                personID: personID, assessmentsPage: SubList.requestedPage(request, "assessments_page"),
                experiencePage: SubList.requestedPage(request, "experience_page"))
            switch SkillPageParts.stringParameter(request, "done") {
            case "experience": page.notice = MySkillsText.experienceAdded(context.language)
            default: break
            }
            _ = identity
            return render(page, context)
        }
        router.post("/me/assessments") { request, context in
            let (identity, personID) = try person(context)
            let form = try await request.form(context: context)
            let input = MySkillsPage.StartInput(
                field: form.string("field") ?? "", cycle: form.string("cycle") ?? "", profile: form.string("profile") ?? "")
            var errors = FieldErrors()
            let cycle = Cycle(input.cycle)
            if cycle == nil { errors["cycle"] = MySkillsText.badCycle(context.language) }
            if input.field.isEmpty { errors["field"] = MySkillsText.required(context.language) }
            let profileID = Int64(input.profile)
            if !input.profile.isEmpty, profileID == nil { errors["profile"] = MySkillsText.required(context.language) }
            if let cycle, errors.isEmpty {
                do {
                    let started = try await database.startAssessment(
                        personID: personID, fieldID: try await database.fieldID(input.field), cycle: cycle,
                        profileID: profileID, by: identity.principal)
                    return Response.seeOther("/assessments/\(started.id)")
                } catch {
                    guard let problem = SkillPageParts.refusal(error, context.language) else { throw error }
                    // A refusal about the profile (archived, or without this field) names the profile choice.
                    let field = problem.status == 409 ? "cycle" : profileID != nil && problem.status == 422 ? "profile" : "field"
                    errors = FieldErrors.from(problem, fields: ["field", "cycle", "profile"], fallback: field)
                }
            }
            var page = try await MySkillsQuery(database: database).load(personID: personID)
            page.start = input
            page.startErrors = errors
            return render(page, context, status: errors["cycle"] != nil && cycle != nil ? .conflict : .unprocessableContent)
        }
        router.post("/me/experience") { request, context in
            let (identity, personID) = try person(context)
            let form = try await request.form(context: context)
            let input = MySkillsPage.ExperienceInput(
                field: form.string("field") ?? "", role: form.string("role") ?? "", from: form.string("from") ?? "",
                to: form.string("to") ?? "",
                measures: Dictionary(
                    uniqueKeysWithValues: ScaleMeasure.allCases.compactMap { measure in
                        form.string(measure.rawValue).map { (measure, $0) }
                    }), customer: form.string("customer") ?? "",
                description: form.string("description") ?? "")
            var errors = FieldErrors()
            let language = context.language
            let role = Role(rawValue: input.role) ?? Role(label: input.role)
            if role == nil { errors["role"] = MySkillsText.badRole(language) }
            let from = Day(input.from)
            if input.from.isEmpty {
                errors["from"] = MySkillsText.required(language)
            } else if from == nil {
                errors["from"] = MySkillsText.badDate(language)
            }
            let to = input.to.isEmpty ? nil : Day(input.to)
            if !input.to.isEmpty, to == nil { errors["to"] = MySkillsText.badDate(language) }
            var measures: [ScaleMeasure: Int64] = [:]
            for measure in ScaleMeasure.allCases {
                guard let text = input.measures[measure], !text.isEmpty else { continue }
                do throws(InputError) {
                    measures[measure] = try InputBounds.measure(typed: text, measure, field: measure.rawValue)
                } catch { errors[measure.rawValue] = error.message }
            }
            if let role, let from, errors.isEmpty {
                do {
                    let employeeNumber = identity.account.employeeNumber ?? ""
                    let new = try await database.resolve(
                        ExperienceForm(
                            employeeNumber: employeeNumber, field: input.field, role: role, from: from, to: to, measures: measures,
                            customer: input.customer.isEmpty ? nil : input.customer,
                            description: input.description.isEmpty ? nil : input.description))
                    try await database.addExperience(new, by: identity.principal)
                    return Response.seeOther("/me?done=experience#add-experience")
                } catch {
                    guard let problem = SkillPageParts.refusal(error, context.language) else { throw error }
                    errors = FieldErrors.from(
                        problem,
                        fields: Set(
                            ["field", "role", "from", "to", "customer", "description"]
                                + ScaleMeasure.allCases.map(\.rawValue)),
                        fallback: "field")
                }
            }
            var page = try await MySkillsQuery(database: database).load(personID: personID)
            page.record = input
            page.recordErrors = errors
            return render(page, context, status: .unprocessableContent)
        }
    }

    /// The signed-in account's person.
    /// - Throws: `Problem` 401 when anonymous, 404 when the account is not a person's.
    private func person(_ context: AppRequestContext) throws -> (Identity, Int64) {
        let identity = try context.requireIdentity()
        guard let personID = identity.account.personID else {
            throw Problem(status: .notFound, detail: MySkillsText.notAPerson(context.language))
        }
        return (identity, personID)
    }

    private func render(_ page: MySkillsPage, _ context: AppRequestContext, status: HTTPResponse.Status = .ok) -> Response {
        .html(page.render(layout: context.layout(MySkillsText.title(context.language), path: "/me")), status: status)
    }
}
