import ITSSDomain
import ITSSStorage

/// `/admin/audit`: the audit log, newest first, a page at a time, filtered by action and by actor.
struct AuditPage: Sendable {
    var entries: Page<AuditEntry>
    var action: AuditAction?
    var actor: String
    var list: ListState

    /// Query: one filtered page (SQL).
    /// - Throws: database errors.
    static func load(_ database: AppDatabase, list: ListState, action: AuditAction?, actor: String) async throws -> AuditPage {
        AuditPage(
            entries: try await database.auditEntries(page: list.pageRequest, action: action, actor: actor.isEmpty ? nil : actor),
            action: action, actor: actor, list: list)
    }

    /// View.
    func render(layout: Layout) -> HTML {
        let language = layout.language
        let link = ListLink(path: "/admin/audit", filters: [("action", action?.rawValue ?? ""), ("actor", actor)], state: list)
        let table: HTML
        if entries.total == 0 {
            table = "<p class=\"empty\">\(AdminText.noAudit(language))</p>"
        } else if entries.items.isEmpty {
            table = "<p class=\"empty\"><a href=\"\(link.href(page: 1))\">\(ListText.pageEmpty(language))</a></p>"
        } else {
            let rows = entries.items.map { entry -> HTML in
                let role: HTML =
                    entry.actorRole.map { " <span class=\"badge\">\(AccountsPage.roleName($0, language))</span>" } ?? .empty
                return
                    "<tr><td>\(entry.occurredAt)</td><td>\(entry.actor)\(role)</td><td><code>\(entry.action)</code></td><td>\(entry.subject)</td><td>\(entry.detail)</td></tr>"
            }
            table = """
                <table>
                <thead><tr><th aria-sort="descending">\(AdminText.when(language)) ▼</th><th>\(AdminText.actor(language))</th>\
                <th>\(AdminText.action(language))</th><th>\(AdminText.subject(language))</th><th>\(AdminText.detail(language))</th></tr></thead>
                <tbody>\(rows)</tbody>
                </table>
                """
        }
        let options = HTML.join(
            AuditAction.allCases.map { candidate -> HTML in
                let selected: HTML = candidate == action ? " selected" : .empty
                return "<option value=\"\(candidate.rawValue)\"\(selected)>\(candidate.rawValue)</option>"
            })
        return AdminNav.page(
            current: "/admin/audit", layout: layout,
            """
            <h1>\(AdminText.audit(language))</h1>
            <form method="get" action="/admin/audit" class="filters no-print">
            <label for="action">\(AdminText.action(language))</label>
            <select id="action" name="action"><option value="">\(AdminText.anyAction(language))</option>\(options)</select>
            <label for="actor">\(AdminText.actor(language)) <span class="muted">(\(AdminText.actorHint(language)))</span></label>
            <input id="actor" name="actor" value="\(actor)">
            <button type="submit">\(AdminText.filter(language))</button>
            </form>
            \(table)
            \(link.pager(page: entries.page, pageCount: entries.pageCount, total: entries.total, language: language))
            """)
    }
}
