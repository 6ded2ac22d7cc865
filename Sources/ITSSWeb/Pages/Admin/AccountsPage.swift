import ITSSDomain
import ITSSStorage

/// `/admin/accounts` (administrators only): accounts a page at a time, sortable; create one with a role and a
/// person; change an account's role or deactivate it, checked against the version the page showed.
struct AccountsPage: Sendable {
    struct Form: Sendable, Hashable {
        var login = ""
        var role = AccessRole.employee.rawValue
        var person = ""
    }

    var accounts: Page<Account>
    var list: ListState
    var form = Form()
    var refusal: FormRefusal?
    /// The account whose change was refused (a stale version, the last administrator), and why.
    var changeRefusal: (accountID: Int64, refusal: FormRefusal)?
    var notice: String?
    var csrfToken: String?

    /// Query: one sorted page of accounts (SQL).
    /// - Throws: database errors.
    static func load(_ database: AppDatabase, list: ListState) async throws -> AccountsPage {
        let sort = list.sort.flatMap(AccountSort.init(rawValue:)) ?? .login
        return AccountsPage(
            accounts: try await database.accounts(sortedBy: sort, descending: list.descending, page: list.pageRequest),
            list: list)
    }

    static func roleName(_ role: AccessRole, _ language: Language) -> String {
        AdminText.roleNames[role.rawValue].map { $0(language) } ?? role.rawValue
    }

    private func roleOptions(selected: String, _ language: Language) -> HTML {
        HTML.join(
            AccessRole.allCases.map { role -> HTML in
                let mark: HTML = role.rawValue == selected ? " selected" : .empty
                return "<option value=\"\(role.rawValue)\"\(mark)>\(Self.roleName(role, language))</option>"
            })
    }

    /// View.
    func render(layout: Layout) -> HTML {
        let language = layout.language
        let link = ListLink(path: "/admin/accounts", state: list)
        let current = list.sort.flatMap(AccountSort.init(rawValue:))?.rawValue ?? AccountSort.login.rawValue
        let table: HTML
        if accounts.total == 0 {
            table = "<p class=\"empty\">\(AdminText.noAccounts(language))</p>"
        } else if accounts.items.isEmpty {
            table = "<p class=\"empty\"><a href=\"\(link.href(page: 1))\">\(ListText.pageEmpty(language))</a></p>"
        } else {
            let rows = accounts.items.map { account -> HTML in
                let person: HTML =
                    account.employeeNumber.map { "<a href=\"/people/\(url: $0)\">\($0)</a> \(account.personName ?? "")" } ?? "—"
                let status = account.active ? AdminText.activeStatus(language) : AdminText.deactivated(language)
                let checked: HTML = account.active ? " checked" : .empty
                let refused = changeRefusal.flatMap { $0.accountID == account.id ? $0.refusal : nil }
                let error: HTML =
                    refused.map { "<p class=\"field-error\" role=\"alert\" id=\"account-\(account.id)-error\">\($0.message)</p>" }
                    ?? .empty
                let invalid: HTML =
                    refused == nil ? .empty : " aria-invalid=\"true\" aria-describedby=\"account-\(account.id)-error\""
                return """
                    <tr id="account-\(account.id)"><td>\(account.login)</td><td>\(Self.roleName(account.role, language))</td><td>\(person)</td>\
                    <td>\(status)</td><td>\(account.createdAt)</td>
                    <td class="no-print"><form method="post" action="/admin/accounts/\(account.id)" class="inline-form">
                    <input type="hidden" name="_csrf" value="\(csrfToken)">
                    <input type="hidden" name="version" value="\(account.version)">
                    <label class="visually-hidden" for="role-\(account.id)">\(AdminText.role(language))</label>
                    <select id="role-\(account.id)" name="role"\(invalid)>\(roleOptions(selected: account.role.rawValue, language))</select>
                    <label class="choice"><input type="checkbox" name="active" value="1"\(checked)> \(AdminText.keepActive(language))</label>
                    <button type="submit" class="secondary">\(AdminText.change(language))</button>
                    </form>\(error)</td></tr>
                    """
            }
            table = """
                <table>
                <thead><tr>\(link.sortHeader(AdminText.login(language), key: "login", current: current))\
                \(link.sortHeader(AdminText.role(language), key: "role", current: current))\
                \(link.sortHeader(AdminText.personColumn(language), key: "person", current: current))\
                <th>\(AdminText.status(language))</th>\(link.sortHeader(AdminText.created(language), key: "created", current: current))\
                <th class="no-print">\(AdminText.change(language))</th></tr></thead>
                <tbody>\(rows)</tbody>
                </table>
                """
        }
        let conflict: HTML =
            changeRefusal.map { change in
                change.refusal.status == .conflict
                    ? "<p class=\"error\" role=\"alert\">\(AdminText.conflict(language))</p>"
                    : "<p class=\"error\" role=\"alert\">\(FormText.notSaved(language)) \(change.refusal.message)</p>"
            } ?? .empty
        let formFields = ["login", "role", "person", "password"]
        return AdminNav.page(
            current: "/admin/accounts", layout: layout,
            """
            <h1>\(AdminText.accounts(language)) <span class="badge">\(FormText.adminOnly(language))</span></h1>
            \(Notice.render(notice))
            \(conflict)
            \(table)
            \(link.pager(page: accounts.page, pageCount: accounts.pageCount, total: accounts.total, language: language))
            <section class="card no-print">
            <h2>\(AdminText.createAccount(language))</h2>
            \(refusal.summary(language, fields: formFields))
            <form method="post" action="/admin/accounts" class="stacked">
            <input type="hidden" name="_csrf" value="\(csrfToken)">
            <label for="login">\(AdminText.login(language))</label>
            <input id="login" name="login" value="\(form.login)" required autocomplete="off"\(refusal.marks("login"))>
            \(refusal.message(for: "login"))
            <label for="role">\(AdminText.role(language))</label>
            <select id="role" name="role"\(refusal.marks("role"))>\(roleOptions(selected: form.role, language))</select>
            \(refusal.message(for: "role"))
            <label for="person">\(AdminText.person(language)) <span class="muted">(\(FormText.optional(language)))</span></label>
            <input id="person" name="person" value="\(form.person)"\(refusal.marks("person"))>
            \(refusal.message(for: "person"))
            <label for="password">\(AdminText.initialPassword(language))</label>
            <input id="password" name="password" type="password" autocomplete="new-password" required\(refusal.marks("password"))>
            \(refusal.message(for: "password"))
            <button type="submit">\(AdminText.create(language))</button>
            </form>
            </section>
            """)
    }
}
