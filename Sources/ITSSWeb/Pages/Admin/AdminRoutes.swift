import Foundation
import Hummingbird
import ITSSDomain
import ITSSStorage

/// The administration pages: HR and administrators; accounts and catalog documents for administrators only.
/// Every write goes through the same lookups and use cases as the CLI; a refused form is shown again with what
/// was typed and the wrong field marked.
struct AdminRoutes {
    let database: AppDatabase

    func add(to router: Router<AppRequestContext>) {
        router.get("/admin") { _, context in
            let identity = try context.require(.hr)
            let page = AdminHomePage(role: identity.account.role)
            return Response.html(page.render(layout: context.layout(AdminText.title(context.language), path: "/admin")))
        }
        addOrgUnits(to: router)
        addPeople(to: router)
        addEvaluators(to: router)
        addAccounts(to: router)
        addImports(to: router)
        addAudit(to: router)
    }

    private func layout(_ context: AppRequestContext, _ title: Localized, _ path: String) -> Layout {
        context.layout(title(context.language), path: path)
    }

    private func query(_ request: Request, _ name: String) -> String? {
        request.queryForm.string(name)
    }

    /// Runs a form's use case; a refusal the user can correct renders `refused` instead, other errors propagate.
    private func submitting(
        _ body: () async throws -> Response, fieldFor: (String) -> String? = { _ in nil },
        refused: (FormRefusal) async throws -> Response
    ) async throws -> Response {
        do {
            return try await body()
        } catch {
            guard let refusal = FormRefusal.of(error, fieldFor: fieldFor) else {
                throw (error as? FieldError)?.underlying ?? error
            }
            return try await refused(refusal)
        }
    }

    private func addOrgUnits(to router: Router<AppRequestContext>) {
        let path = "/admin/org-units"
        router.get(RouterPath(path)) { request, context in
            let identity = try context.require(.hr)
            var page = try await OrgUnitsPage.load(database, list: ListState(request, defaultPerPage: 100))
            page.addedCode = query(request, "added")
            page.csrfToken = identity.csrfToken
            return Response.html(page.render(layout: layout(context, AdminText.orgUnits, path)))
        }
        router.post(RouterPath(path)) { request, context in
            let identity = try context.require(.hr)
            let form = try await request.form(context: context)
            let input = OrgUnitsPage.Form(
                code: form.string("code") ?? "", name: form.string("name") ?? "", parent: form.string("parent") ?? "")
            return try await submitting {
                let parentID: Int64? =
                    input.parent.isEmpty ? nil : try await attributing("parent") { try await database.orgUnitID(input.parent) }
                let unit = try await database.createOrgUnit(
                    code: input.code, name: input.name, parentID: parentID, by: identity.principal)
                return Response.seeOther("\(path)?added=\(HTML.percentEncoded(unit.code))")
            } fieldFor: { detail in
                detail.hasPrefix("org unit") ? "code" : nil
            } refused: { refusal in
                var page = try await OrgUnitsPage.load(database, list: ListState(request, defaultPerPage: 100))
                page.form = input
                page.refusal = refusal
                page.csrfToken = identity.csrfToken
                return Response.html(page.render(layout: layout(context, AdminText.orgUnits, path)), status: refusal.status)
            }
        }
    }

    private func addPeople(to router: Router<AppRequestContext>) {
        let path = "/admin/people"
        router.get(RouterPath(path)) { request, context in
            let identity = try context.require(.hr)
            var page = try await AdminPeoplePage.load(database, list: ListState(request), unit: query(request, "unit"))
            page.addedNumber = query(request, "added")
            page.csrfToken = identity.csrfToken
            return Response.html(page.render(layout: layout(context, AdminText.people, path)))
        }
        router.post(RouterPath(path)) { request, context in
            let identity = try context.require(.hr)
            let form = try await request.form(context: context)
            let input = AdminPeoplePage.Form(
                employeeNumber: form.string("employee_number") ?? "", name: form.string("name") ?? "",
                email: form.string("email") ?? "", orgUnit: form.string("org_unit") ?? "",
                joinedOn: form.string("joined_on") ?? "", inactive: form.string("inactive") != nil,
                fields: form.all("fields").filter { !$0.isEmpty })
            return try await submitting {
                let typed = try AdminPeoplePage.personForm(input, language: context.language)
                let person = try await database.addPerson(try await database.resolve(typed), by: identity.principal)
                return Response.seeOther("\(path)?added=\(HTML.percentEncoded(person.employeeNumber))")
            } fieldFor: { detail in
                AdminPeoplePage.field(forDetail: detail)
            } refused: { refusal in
                var page = try await AdminPeoplePage.load(database, list: ListState(), unit: nil)
                page.form = input
                page.refusal = refusal
                page.csrfToken = identity.csrfToken
                return Response.html(page.render(layout: layout(context, AdminText.people, path)), status: refusal.status)
            }
        }
    }

    private func addEvaluators(to router: Router<AppRequestContext>) {
        let path = "/admin/evaluators"
        router.get(RouterPath(path)) { request, context in
            let identity = try context.require(.hr)
            var page = try await EvaluatorsPage.load(database, list: ListState(request))
            page.assigned = query(request, "assigned")
            page.csrfToken = identity.csrfToken
            return Response.html(page.render(layout: layout(context, AdminText.evaluators, path)))
        }
        router.post(RouterPath(path)) { request, context in
            let identity = try context.require(.hr)
            let form = try await request.form(context: context)
            let input = EvaluatorsPage.Form(
                evaluator: form.string("evaluator") ?? "", orgUnit: form.string("org_unit") ?? "",
                person: form.string("person") ?? "")
            return try await submitting {
                guard input.orgUnit.isEmpty != input.person.isEmpty else {
                    throw FieldError(
                        field: input.orgUnit.isEmpty ? "org_unit" : "person",
                        underlying: Problem(status: .unprocessableContent, detail: AdminText.exactlyOne(context.language)))
                }
                let evaluatorID = try await attributing("evaluator") { try await database.personID(input.evaluator) }
                let scope: EvaluatorScope =
                    input.orgUnit.isEmpty
                    ? .person(try await attributing("person") { try await database.personID(input.person) })
                    : .orgUnit(try await attributing("org_unit") { try await database.orgUnitID(input.orgUnit) })
                try await database.assignEvaluator(evaluatorID, to: scope, by: identity.principal)
                return Response.seeOther("\(path)?assigned=\(HTML.percentEncoded(input.evaluator))")
            } fieldFor: { detail in
                detail.contains("themselves") ? "person" : nil
            } refused: { refusal in
                var page = try await EvaluatorsPage.load(database, list: ListState())
                page.form = input
                page.refusal = refusal
                page.csrfToken = identity.csrfToken
                return Response.html(page.render(layout: layout(context, AdminText.evaluators, path)), status: refusal.status)
            }
        }
    }

    private func addAccounts(to router: Router<AppRequestContext>) {
        let path = "/admin/accounts"
        router.get(RouterPath(path)) { request, context in
            let identity = try context.require(.administrator)
            var page = try await AccountsPage.load(database, list: ListState(request))
            if let login = query(request, "created") {
                page.notice = AdminText.added(context.language).replacingOccurrences(of: "{x}", with: login)
            } else if query(request, "saved") != nil {
                page.notice = AdminText.saved(context.language)
            }
            page.csrfToken = identity.csrfToken
            return Response.html(page.render(layout: layout(context, AdminText.accounts, path)))
        }
        router.post(RouterPath(path)) { request, context in
            let identity = try context.require(.administrator)
            let form = try await request.form(context: context)
            let input = AccountsPage.Form(
                login: form.string("login") ?? "", role: form.string("role") ?? "", person: form.string("person") ?? "")
            let password = form.raw("password") ?? ""
            return try await submitting {
                guard let role = AccessRole(rawValue: input.role) else {
                    throw FieldError(
                        field: "role", underlying: Problem(status: .unprocessableContent, detail: "choose one of the roles"))
                }
                let personID: Int64? =
                    input.person.isEmpty ? nil : try await attributing("person") { try await database.personID(input.person) }
                let account = try await database.createAccount(
                    login: input.login, personID: personID, role: role, password: password.isEmpty ? nil : password,
                    by: identity.principal)
                return Response.seeOther("\(path)?created=\(HTML.percentEncoded(account.login))")
            } fieldFor: { detail in
                detail.hasPrefix("login") ? "login" : detail.hasPrefix("person") ? "person" : nil
            } refused: { refusal in
                var page = try await AccountsPage.load(database, list: ListState())
                page.form = input
                page.refusal = refusal
                page.csrfToken = identity.csrfToken
                return Response.html(page.render(layout: layout(context, AdminText.accounts, path)), status: refusal.status)
            }
        }
        router.post("/admin/accounts/:id") { request, context in
            let identity = try context.require(.administrator)
            let form = try await request.form(context: context)
            guard let id = context.parameters.get("id", as: Int64.self) else { throw Problem.notFound("that account") }
            return try await submitting {
                let version = try form.integer("version")
                let role = try form.string("role").map { text in
                    guard let role = AccessRole(rawValue: text) else {
                        throw Problem(status: .unprocessableContent, detail: "choose one of the roles", field: "role")
                    }
                    return role
                }
                try await database.updateAccount(
                    id, AccountChange(role: role, active: form.string("active") != nil), expectedVersion: version,
                    by: identity.principal)
                return Response.seeOther("\(path)?saved=1")
            } refused: { refusal in
                var page = try await AccountsPage.load(database, list: ListState())
                page.changeRefusal = (id, refusal)
                page.csrfToken = identity.csrfToken
                return Response.html(page.render(layout: layout(context, AdminText.accounts, path)), status: refusal.status)
            }
        }
    }

    private func addImports(to router: Router<AppRequestContext>) {
        let path = "/admin/imports"
        router.get(RouterPath(path)) { _, context in
            let identity = try context.require(.hr)
            let page = ImportsPage(csrfToken: identity.csrfToken)
            return Response.html(page.render(layout: layout(context, AdminText.imports, path)))
        }
        router.post(RouterPath(path)) { request, context in
            let identity = try context.require(.hr)
            let form = try await request.form(context: context)
            let input = ImportsPage.Form(
                kind: ImportsPage.Kind(rawValue: form.string("kind") ?? "") ?? .people, csv: form.raw("csv") ?? "",
                approvedBy: form.string("approved_by") ?? "")
            var page = ImportsPage(form: input, csrfToken: identity.csrfToken)
            return try await submitting {
                let outcome = try await ImportsPage.run(
                    input, database: database, principal: identity.principal, language: context.language)
                page.outcome = outcome
                let status: HTTPResponse.Status = if case .refused = outcome { .unprocessableContent } else { .ok }
                if case .imported = outcome { page.form.csv = "" }
                return Response.html(page.render(layout: layout(context, AdminText.imports, path)), status: status)
            } refused: { refusal in
                page.refusal = refusal
                return Response.html(page.render(layout: layout(context, AdminText.imports, path)), status: refusal.status)
            }
        }
        let documentPath = "/admin/catalog-import"
        router.get(RouterPath(documentPath)) { _, context in
            let identity = try context.require(.administrator)
            let page = CatalogDocumentPage(csrfToken: identity.csrfToken)
            return Response.html(page.render(layout: layout(context, AdminText.catalogDocument, documentPath)))
        }
        router.post(RouterPath(documentPath)) { request, context in
            let identity = try context.require(.administrator)
            let form = try await request.form(context: context)
            let input = CatalogDocumentPage.Form(
                document: form.raw("document") ?? "", fileName: form.string("file_name") ?? "",
                edition: form.string("edition") ?? "", replace: form.string("replace") != nil,
                noErrata: form.string("no_errata") != nil)
            var page = CatalogDocumentPage(form: input, csrfToken: identity.csrfToken)
            return try await submitting {
                let imported = try CatalogDocumentPage.read(input, language: context.language)
                page.diagnostics = imported.diagnostics
                let outcome = try await attributing("replace") {
                    try await database.importStandard(
                        imported, sourceText: input.document, replace: input.replace, errataApplied: !input.noErrata,
                        by: identity.principal)
                }
                page.result = CatalogDocumentPage.Result(outcome: outcome, diagnostics: imported.diagnostics)
                page.form.document = ""
                return Response.html(page.render(layout: layout(context, AdminText.catalogDocument, documentPath)))
            } refused: { refusal in
                page.refusal = refusal
                return Response.html(
                    page.render(layout: layout(context, AdminText.catalogDocument, documentPath)), status: refusal.status)
            }
        }
    }

    private func addAudit(to router: Router<AppRequestContext>) {
        let path = "/admin/audit"
        router.get(RouterPath(path)) { request, context in
            _ = try context.require(.hr)
            let page = try await AuditPage.load(
                database, list: ListState(request), action: query(request, "action").flatMap(AuditAction.init(rawValue:)),
                actor: String((query(request, "actor") ?? "").prefix(100)))
            return Response.html(page.render(layout: layout(context, AdminText.audit, path)))
        }
    }
}
