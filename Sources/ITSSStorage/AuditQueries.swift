import ITSSDomain
import SQLKit

extension AppDatabase {
    /// One page of the audit log, newest first, optionally only one action and only actors whose audit name
    /// starts with `actor` (`account admin`, `operator alice`). Filtering, counting and paging happen in SQL.
    /// - Parameters:
    ///   - action: Only entries of this action.
    ///   - actor: Only entries whose actor starts with exactly this text (the same on SQLite and PostgreSQL: a
    ///     prefix comparison, not `LIKE`, so case and wildcard characters mean themselves).
    /// - Throws: the database error.
    public func auditEntries(
        page: PageRequest = PageRequest(), action: AuditAction? = nil, actor: String? = nil
    ) async throws -> Page<AuditEntry> {
        let sql = try sql()
        var conditions: [SQLQueryString] = []
        if let action { conditions.append("action = \(bind: action.rawValue)") }
        if let actor, !actor.isEmpty {
            conditions.append("SUBSTR(actor, 1, \(unsafeRaw: String(actor.unicodeScalars.count))) = \(bind: actor)")
        }
        let filter: SQLQueryString = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let total =
            try await sql.raw("SELECT COUNT(*) AS n FROM audit_log \(filter)").first()?.decode(column: "n", as: Int.self) ?? 0
        let entries = try await sql.raw(
            """
            SELECT occurred_at, actor, actor_role, action, subject, detail FROM audit_log \(filter)
            ORDER BY id DESC LIMIT \(bind: page.perPage) OFFSET \(bind: page.offset)
            """
        ).all().map { row in
            AuditEntry(
                occurredAt: try row.decode(column: "occurred_at", as: String.self),
                actor: try row.decode(column: "actor", as: String.self),
                actorRole: try row.decode(column: "actor_role", as: String?.self).flatMap(AccessRole.init(rawValue:)),
                action: try row.decode(column: "action", as: String.self),
                subject: try row.decode(column: "subject", as: String.self),
                detail: try row.decode(column: "detail", as: String.self))
        }
        return Page(items: entries, page: page.page, perPage: page.perPage, total: total)
    }
}
