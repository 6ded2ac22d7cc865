import ITSSDomain
import SQLKit

/// The sign-in accounts of a demo organisation, one per role, so a new user sees the product from each side.
public enum DemoAccounts {
    /// The demo logins, in the order they are created and listed.
    public static let logins = ["demo-admin", "demo-hr", "demo-evaluator", "demo-employee"]

    /// A created demo account and its password (shown once).
    public struct Created: Sendable, Hashable {
        public var login: String
        public var role: AccessRole
        public var employeeNumber: String?
        public var password: String
    }
}

extension AppDatabase {
    /// Creates the demo accounts on a database `generateDemo` filled: an administrator; HR as the company's chief
    /// evaluator; the lead of the first team as evaluator; and a member of that team as employee, so the
    /// employee's self-assessments land in the evaluator's review queue. Each gets a random password.
    /// - Throws: `StorageError.refused` on a database without a demo organisation, `.alreadyExists` when the
    ///   demo accounts exist, `.forbidden` unless an administrator acts.
    public func createDemoAccounts(by principal: Principal) async throws -> [DemoAccounts.Created] {
        let sql = try sql()
        let demos =
            try await sql.raw("SELECT COUNT(*) AS n FROM audit_log WHERE action = \(bind: AuditAction.demoGenerate.rawValue)")
            .first()?.decode(column: "n", as: Int.self) ?? 0
        guard demos > 0 else { throw StorageError.refused(reason: "demo accounts belong to a database made by itss demo") }
        let assignments = try await sql.raw(
            "SELECT evaluator_id, org_unit_id FROM evaluator_assignments WHERE org_unit_id IS NOT NULL ORDER BY id LIMIT 2"
        ).all()
        guard let chief = assignments.first, let team = assignments.dropFirst().first else {
            throw StorageError.refused(reason: "the demo organisation has no team with an evaluator")
        }
        let chiefID = try chief.decode(column: "evaluator_id", as: Int64.self)
        let leadID = try team.decode(column: "evaluator_id", as: Int64.self)
        let teamUnit = try team.decode(column: "org_unit_id", as: Int64.self)
        guard
            let member = try await sql.raw(
                """
                SELECT id FROM people WHERE org_unit_id = \(bind: teamUnit) AND id <> \(bind: leadID)
                ORDER BY employee_number LIMIT 1
                """
            ).first()
        else { throw StorageError.refused(reason: "the demo's first team has no member besides its lead") }
        let memberID = try member.decode(column: "id", as: Int64.self)
        let plan: [(String, AccessRole, Int64?)] = [
            (DemoAccounts.logins[0], .administrator, nil), (DemoAccounts.logins[1], .hr, chiefID),
            (DemoAccounts.logins[2], .evaluator, leadID), (DemoAccounts.logins[3], .employee, memberID),
        ]
        var created: [DemoAccounts.Created] = []
        for (login, role, personID) in plan {
            let password = String(Secrets.randomToken().prefix(16))
            let account = try await createAccount(login: login, personID: personID, role: role, password: password, by: principal)
            created.append(
                DemoAccounts.Created(login: login, role: role, employeeNumber: account.employeeNumber, password: password))
        }
        return created
    }

    /// Whether the demo accounts exist (the sign-in page then names them).
    /// - Throws: the database error.
    public func hasDemoAccounts() async throws -> Bool {
        try await sql().raw("SELECT id FROM accounts WHERE login = \(bind: DemoAccounts.logins[0])").first() != nil
    }
}
