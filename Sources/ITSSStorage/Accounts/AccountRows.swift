import ITSSDomain
import SQLKit

/// Reading account rows with the person they belong to.
enum AccountRows {
    /// The columns `account(from:)` reads, from `accounts a` and `people p`.
    static let columns = """
        a.id, a.login, a.role, a.person_id, a.active, a.version, a.created_at,
            a.password_hash IS NOT NULL AS has_password, p.employee_number, p.name AS person_name
        """
    static let select = "SELECT \(columns) FROM accounts a LEFT JOIN people p ON p.id = a.person_id"

    /// - Throws: `StorageError.notFound`, `.corrupt` for an unknown stored role.
    static func account(_ sql: any SQLDatabase, id: Int64, lock: Bool = false) async throws -> Account {
        // `OF a`: PostgreSQL cannot lock the nullable side of the outer join.
        let locking = lock && sql.dialect.name == "postgresql" ? " FOR UPDATE OF a" : ""
        guard let row = try await sql.raw("\(unsafeRaw: select) WHERE a.id = \(bind: id)\(unsafeRaw: locking)").first() else {
            throw StorageError.notFound(what: "account #\(id)")
        }
        return try account(from: row)
    }

    static func passwordHash(_ sql: any SQLDatabase, id: Int64) async throws -> String? {
        try await sql.raw("SELECT password_hash FROM accounts WHERE id = \(bind: id)").first()?
            .decode(column: "password_hash", as: String?.self)
    }

    /// - Throws: `StorageError.corrupt` for an unknown stored role.
    static func account(from row: any SQLRow) throws -> Account {
        let roleText = try row.decode(column: "role", as: String.self)
        guard let role = AccessRole(rawValue: roleText) else {
            throw StorageError.corrupt(detail: "account role \"\(roleText)\" is unknown")
        }
        return Account(
            id: try row.decode(column: "id", as: Int64.self),
            login: try row.decode(column: "login", as: String.self),
            role: role,
            personID: try row.decode(column: "person_id", as: Int64?.self),
            employeeNumber: try row.decode(column: "employee_number", as: String?.self),
            personName: try row.decode(column: "person_name", as: String?.self),
            active: try row.decode(column: "active", as: Bool.self),
            hasPassword: try row.decode(column: "has_password", as: Bool.self),
            version: try row.decode(column: "version", as: Int.self),
            createdAt: try row.decode(column: "created_at", as: String.self))
    }
}
