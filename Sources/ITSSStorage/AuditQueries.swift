import ITSSDomain
import SQLKit

extension AppDatabase {
    /// A page of the audit log, newest first, optionally only one action and only actors whose audit name
    /// starts with `actorPrefix` (`account hanako`, `operator alice`). Counting and paging happen in SQL.
    /// - Throws: database errors.
    public func auditLog(
        action: AuditAction? = nil, actorPrefix: String? = nil, page: PageRequest = PageRequest()
    ) async throws -> Page<AuditEntry> {
        let sql = try sql()
        var conditions: [SQLQueryString] = []
        if let action { conditions.append("action = \(bind: action.rawValue)") }
        if let actorPrefix, !actorPrefix.isEmpty {
            // A prefix comparison instead of LIKE: no wildcard characters to escape, no collation surprises.
            conditions.append(
                "SUBSTR(actor, 1, \(unsafeRaw: String(actorPrefix.unicodeScalars.count))) = \(bind: actorPrefix)")
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
