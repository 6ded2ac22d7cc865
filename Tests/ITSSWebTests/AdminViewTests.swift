import ITSSDomain
import ITSSImport
import Testing

@testable import ITSSStorage
@testable import ITSSWeb

/// Views are pure functions of their models: rendered here without a server, with hostile names everywhere a
/// name can appear, to show that every one is escaped.
@Suite("Catalog, administration and account views escape every name")
struct AdminViewTests {
    static let evil = "<script>alert(1)</script>\"'&"
    static let escaped = "&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;"

    static func layout(_ language: Language = .english, role: AccessRole = .administrator) -> Layout {
        Layout(
            title: evil, language: language,
            account: Account(
                id: 1, login: evil, role: role, personID: 2, employeeNumber: evil, personName: evil, active: true,
                hasPassword: true, version: 1, createdAt: evil),
            csrfToken: evil, path: "/x?\(evil)")
    }

    static func check(_ html: HTML, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(!html.rendered.contains("<script>alert"), "\(what) leaks markup", sourceLocation: sourceLocation)
        #expect(!html.rendered.contains("\"'&"), "\(what) leaks quotes", sourceLocation: sourceLocation)
        #expect(html.rendered.contains(escaped), "\(what) shows the name escaped", sourceLocation: sourceLocation)
    }

    static let key = StandardKey(name: evil, version: evil)
    static let item = SkillItem(
        name: evil, scope: .specific,
        levels: [
            LevelDescription(
                level: 3, text: evil, scale: ScaleCondition(), line: 7,
                erratum: AppliedErratum(id: evil, reason: evil, originalText: evil))
        ],
        knowledgeItems: [evil], line: 5)
    static let field = SpecialtyField(name: evil, kind: .specialty, items: [item], line: 3)
    static let standard = Standard(
        key: key, fields: [field], overview: [], source: SourceInfo(fileName: evil, sha256: evil, lineCount: 9))
    static let diagnostic = Diagnostic(
        .warning, DiagnosticCode.allCases[0], line: 4, field: evil, item: evil, level: 3, message: evil)
    static let person = Person(
        id: 2, employeeNumber: evil, name: evil, email: evil, orgUnitID: 1, active: true, joinedOn: nil,
        fields: [FieldReference(standard: key, field: evil)])
    static let refusal = FormRefusal(field: "x", message: evil)

    @Test("catalog views")
    func catalog() {
        for language in Language.allCases {
            let layout = Self.layout(language)
            let summary = CatalogFieldSummary(
                id: 1, reference: FieldReference(standard: Self.key, field: Self.evil), kind: .specialty, itemCount: 1,
                definedLevels: [3])
            let stored = StoredStandard(
                key: Self.key, revision: 1, sourceFile: Self.evil, sourceSHA256: Self.evil, errataApplied: true,
                importedAt: Self.evil)
            Self.check(
                CatalogIndexPage(standards: [.init(key: Self.key, stored: stored, diagnosticCount: 1, fields: [summary])])
                    .render(layout: layout), "catalog index")
            let detail = CatalogFieldDetail(id: 1, standard: Self.standard, field: Self.field, itemIDs: [Self.evil: 9])
            let fieldPage = CatalogFieldPage(detail: detail, diagnostics: [Self.diagnostic])
            #expect(fieldPage.rows.first?.cells[2] == .own)
            Self.check(fieldPage.render(layout: layout), "field page")
            Self.check(
                CatalogItemPage(
                    id: 9, fieldID: 1, standard: Self.key, fieldName: Self.evil, item: Self.item, diagnostics: [Self.diagnostic]
                )
                .render(layout: layout), "item page")
            let hit = SearchHit(
                standard: Self.key, field: Self.evil, item: Self.evil, level: 3, kind: .levelText, text: Self.evil, score: 1)
            let search = CatalogSearchPage(
                query: Self.evil, hits: [.init(hit: hit, fieldID: 1, itemID: 9)], page: 1, hasMore: true)
            let searched = search.render(layout: layout)
            Self.check(searched, "search page")
            #expect(searched.rendered.contains("<mark>script</mark>"), "hits are marked after escaping")
            Self.check(
                CatalogDiagnosticsPage(
                    key: Self.key, severity: .info,
                    diagnostics: PagedItems(items: [Self.diagnostic], page: 1, perPage: 50, total: 1),
                    links: .init(fields: [Self.evil: 1], items: [Self.evil: [Self.evil: 9]]), list: ListState()
                ).render(layout: layout), "diagnostics page")
        }
    }

    @Test("administration views")
    func administration() {
        for language in Language.allCases {
            let layout = Self.layout(language)
            let unit = OrgUnit(id: 1, code: Self.evil, name: Self.evil, parentID: nil)
            var units = OrgUnitsPage(
                rows: OrgUnitsPage.tree(
                    [unit, OrgUnit(id: 2, code: "B", name: "b", parentID: 1)], byName: false, descending: false),
                total: 2, list: ListState(), codes: [Self.evil], form: .init(code: Self.evil, name: Self.evil, parent: Self.evil),
                refusal: FormRefusal(field: "code", message: Self.evil), addedCode: Self.evil, csrfToken: Self.evil)
            #expect(units.rows.map(\.depth) == [0, 1])
            Self.check(units.render(layout: layout), "org units")
            units.rows = []
            units.total = 0
            #expect(units.render(layout: layout).rendered.contains("class=\"empty\""), "empty state")

            let people = AdminPeoplePage(
                people: Page(
                    items: [DirectoryPerson(person: Self.person, orgUnitCode: Self.evil, orgUnitName: Self.evil)], page: 1,
                    perPage: 50,
                    total: 1),
                list: ListState(sort: "name", descending: true), unit: Self.evil, codes: [Self.evil],
                fieldChoices: [.init(value: Self.evil, label: Self.evil)],
                form: .init(
                    employeeNumber: Self.evil, name: Self.evil, email: Self.evil, orgUnit: Self.evil, joinedOn: Self.evil,
                    inactive: true,
                    fields: [Self.evil]),
                refusal: FormRefusal(field: "email", message: Self.evil), addedNumber: Self.evil, csrfToken: Self.evil)
            Self.check(people.render(layout: layout), "people")

            let assignment = EvaluatorAssignmentEntry(
                id: 1, evaluatorNumber: Self.evil, evaluatorName: Self.evil, orgUnitCode: nil, orgUnitName: nil,
                personNumber: Self.evil, personName: Self.evil, assignedAt: Self.evil)
            Self.check(
                EvaluatorsPage(
                    assignments: Page(items: [assignment], page: 1, perPage: 50, total: 1), list: ListState(), codes: [Self.evil],
                    form: .init(evaluator: Self.evil, orgUnit: Self.evil, person: Self.evil), refusal: Self.refusal,
                    assigned: Self.evil, csrfToken: Self.evil
                ).render(layout: layout), "evaluators")

            let account = Account(
                id: 3, login: Self.evil, role: .hr, personID: 2, employeeNumber: Self.evil, personName: Self.evil, active: false,
                hasPassword: true, version: 2, createdAt: Self.evil)
            let accounts = AccountsPage(
                accounts: Page(items: [account], page: 1, perPage: 50, total: 1), list: ListState(),
                form: .init(login: Self.evil, role: Self.evil, person: Self.evil), refusal: Self.refusal,
                changeRefusal: (3, FormRefusal(field: nil, message: Self.evil, status: .conflict)), notice: Self.evil,
                csrfToken: Self.evil)
            let renderedAccounts = accounts.render(layout: layout)
            Self.check(renderedAccounts, "accounts")
            #expect(renderedAccounts.rendered.contains("aria-invalid=\"true\" aria-describedby=\"account-3-error\""))

            Self.check(
                ImportsPage(
                    form: .init(kind: .assessments, csv: Self.evil, approvedBy: Self.evil),
                    outcome: .refused([RowError(line: 3, column: Self.evil, message: Self.evil)]), refusal: Self.refusal,
                    csrfToken: Self.evil
                ).render(layout: layout), "imports")

            Self.check(
                CatalogDocumentPage(
                    form: .init(document: Self.evil, fileName: Self.evil, edition: Self.evil, replace: true, noErrata: true),
                    result: .init(outcome: .replaced(Self.key, revision: 2, retiredItems: 1), diagnostics: [Self.diagnostic]),
                    refusal: Self.refusal, csrfToken: Self.evil
                ).render(layout: layout), "catalog document")

            let entry = AuditEntry(
                occurredAt: Self.evil, actor: Self.evil, actorRole: .hr, action: Self.evil, subject: Self.evil, detail: Self.evil)
            Self.check(
                AuditPage(
                    entries: Page(items: [entry], page: 2, perPage: 1, total: 3), action: .orgCreate, actor: Self.evil,
                    list: ListState(page: 2, perPage: 1)
                ).render(layout: layout), "audit")
            Self.check(AdminHomePage(role: .administrator).render(layout: layout), "administration home (layout)")
        }
    }

    @Test("account view")
    func accountView() {
        let account = Account(
            id: 3, login: Self.evil, role: .employee, personID: 2, employeeNumber: Self.evil, personName: Self.evil, active: true,
            hasPassword: true, version: 2, createdAt: Self.evil)
        let token = APIToken(id: 1, accountID: 3, name: Self.evil, createdAt: Self.evil, revokedAt: nil)
        for language in Language.allCases {
            let page = AccountPage(
                account: account, tokens: PagedItems(items: [token], page: 1, perPage: 20, total: 1),
                list: ListState(perPage: 20),
                newSecret: (Self.evil, Self.evil), tokenName: Self.evil, passwordRefusal: Self.refusal,
                tokenRefusal: FormRefusal(field: "name", message: Self.evil), notice: Self.evil, csrfToken: Self.evil)
            Self.check(page.render(layout: Self.layout(language)), "account")
        }
    }

    @Test("list links keep filters, sort and page, percent-encoded")
    func listLinks() {
        let link = ListLink(
            path: "/admin/people", filters: [("unit", "A&B"), ("q", "")], state: ListState(page: 2, sort: "name"))
        #expect(link.href(page: 3) == "/admin/people?unit=A%26B&sort=name&page=3")
        #expect(link.href(page: 1, sort: "unit", descending: true) == "/admin/people?unit=A%26B&sort=unit&dir=desc")
        let header = link.sortHeader("Name", key: "name", current: "name").rendered
        #expect(header.contains("aria-sort=\"ascending\""))
        #expect(header.contains("dir=desc"), "clicking the current column reverses it")
        let pager = link.pager(page: 2, pageCount: 3, total: 120, language: .japanese).rendered
        #expect(pager.contains("3 ページ中 2 ページ目"))
        #expect(pager.contains("rel=\"prev\"") && pager.contains("rel=\"next\""))
    }
}
