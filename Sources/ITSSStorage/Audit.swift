import Foundation
import SQLKit

/// One audit entry, as read back.
public struct AuditEntry: Sendable, Hashable, Codable {
    public var occurredAt: String
    public var actor: String
    public var action: String
    public var subject: String
    public var detail: String
}

extension AppDatabase {
    /// Appends an audit entry inside the caller's transaction.
    func audit(_ sql: any SQLDatabase, actor: String, action: String, subject: String, detail: String) async throws {
        try await sql.raw(
            """
            INSERT INTO audit_log (occurred_at, actor, action, subject, detail)
            VALUES (\(bind: timestamp()), \(bind: actor), \(bind: action), \(bind: subject), \(bind: detail))
            """
        ).run()
    }

    /// The most recent audit entries, newest first.
    /// - Throws: the database error.
    public func auditLog(limit: Int = 100) async throws -> [AuditEntry] {
        try await sql().raw(
            "SELECT occurred_at, actor, action, subject, detail FROM audit_log ORDER BY id DESC LIMIT \(bind: limit)"
        ).all().map { row in
            AuditEntry(
                occurredAt: try row.decode(column: "occurred_at", as: String.self),
                actor: try row.decode(column: "actor", as: String.self),
                action: try row.decode(column: "action", as: String.self),
                subject: try row.decode(column: "subject", as: String.self),
                detail: try row.decode(column: "detail", as: String.self))
        }
    }

    /// The injected clock's time as ISO 8601 UTC with milliseconds (sorts lexicographically on both databases).
    func timestamp() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: now())
    }
}
