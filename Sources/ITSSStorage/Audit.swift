import Foundation
import ITSSDomain
import SQLKit

/// One audit entry, as read back.
public struct AuditEntry: Sendable, Hashable, Codable {
    public var occurredAt: String
    /// The principal's audit name (`operator alice for M001`).
    public var actor: String
    /// The principal's role, where one was recorded (entries before roles were recorded have none).
    public var actorRole: AccessRole?
    public var action: String
    public var subject: String
    public var detail: String
}

extension AppDatabase {
    /// Appends an audit entry inside the caller's transaction.
    func audit(
        _ sql: any SQLDatabase, _ principal: Principal, _ action: AuditAction, subject: String, detail: String
    ) async throws {
        try await sql.raw(
            """
            INSERT INTO audit_log (occurred_at, actor, actor_role, actor_person_id, action, subject, detail)
            VALUES (\(bind: timestamp()), \(bind: principal.auditName), \(bind: principal.role.rawValue),
                \(bind: principal.personID), \(bind: action.rawValue), \(bind: subject), \(bind: detail))
            """
        ).run()
    }

    /// Checks that `principal` may perform `action` on the data of `personID` (or on the organisation when
    /// `nil`), inside the caller's transaction.
    /// - Throws: `StorageError.forbidden` naming the action.
    func authorize(_ sql: any SQLDatabase, _ principal: Principal, _ action: AuditAction, person personID: Int64?) async throws {
        let relation: SubjectRelation
        if let personID {
            if principal.personID == personID {
                relation = .own
            } else if principal.role == .administrator {
                relation = .other  // permitted whatever the relation; no query needed
            } else if let actor = principal.personID,
                try await PeopleQueries.isEvaluator(sql, evaluatorID: actor, of: personID)
            {
                relation = .evaluatee
            } else {
                relation = .other
            }
        } else {
            relation = .organisation
        }
        do {
            try AccessPolicy.check(principal, action, on: relation)
        } catch let denied as AccessDenied {
            throw StorageError.forbidden(reason: denied.description)
        }
    }

    /// The most recent audit entries, newest first.
    /// - Throws: the database error.
    public func auditLog(limit: Int = 100) async throws -> [AuditEntry] {
        try await sql().raw(
            "SELECT occurred_at, actor, actor_role, action, subject, detail FROM audit_log ORDER BY id DESC LIMIT \(bind: limit)"
        ).all().map { row in
            AuditEntry(
                occurredAt: try row.decode(column: "occurred_at", as: String.self),
                actor: try row.decode(column: "actor", as: String.self),
                actorRole: try row.decode(column: "actor_role", as: String?.self).flatMap(AccessRole.init(rawValue:)),
                action: try row.decode(column: "action", as: String.self),
                subject: try row.decode(column: "subject", as: String.self),
                detail: try row.decode(column: "detail", as: String.self))
        }
    }

    /// The injected clock's time as ISO 8601 UTC with milliseconds (sorts lexicographically on both databases).
    func timestamp() -> String {
        timestamp(offsetBy: .zero)
    }

    /// The injected clock's time moved by `offset`, in the same format (session expiry, sign-in windows).
    func timestamp(offsetBy offset: Duration) -> String {
        let seconds = Double(offset.components.seconds) + Double(offset.components.attoseconds) / 1e18
        return Timestamp.string(from: now().addingTimeInterval(seconds))
    }
}
