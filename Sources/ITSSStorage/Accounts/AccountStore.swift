import Foundation
import ITSSDomain
import SQLKit

extension AppDatabase {
    /// Creates an account for a person (or for nobody: a pure administrator account). One transaction; audited.
    /// - Parameters:
    ///   - password: The initial password, hashed with bcrypt before it is stored; `nil` for an account that signs
    ///     in only through the trusted proxy.
    /// - Throws: `StorageError.alreadyExists` for a taken login, `.notFound` for an unknown person, `.forbidden`
    ///   unless an administrator acts, `InputError` for a bad login or password.
    @discardableResult
    public func createAccount(
        login: String, personID: Int64?, role: AccessRole, password: String?, by principal: Principal
    ) async throws -> Account {
        let login = login.trimmingCharacters(in: .whitespaces)
        try InputBounds.identifier(login, field: "login")
        if let password { try InputBounds.password(password) }
        let hash = try await password.asyncMap { try await hashPassword($0) }
        let createdAt = timestamp()
        return try await transaction { sql in
            try await self.authorize(sql, principal, .accountCreate, person: nil)
            if try await sql.raw("SELECT id FROM accounts WHERE login = \(bind: login)").first() != nil {
                throw StorageError.alreadyExists(what: "login \"\(login)\"")
            }
            if let personID, try await sql.raw("SELECT id FROM people WHERE id = \(bind: personID)").first() == nil {
                throw StorageError.notFound(what: "person #\(personID)")
            }
            guard
                let row = try await sql.raw(
                    """
                    INSERT INTO accounts (login, person_id, role, password_hash, active, created_at, updated_at)
                    VALUES (\(bind: login), \(bind: personID), \(bind: role.rawValue), \(bind: hash), \(bind: true),
                        \(bind: createdAt), \(bind: createdAt))
                    RETURNING id
                    """
                ).first()
            else { throw StorageError.corrupt(detail: "INSERT … RETURNING gave no row") }
            let account = try await AccountRows.account(sql, id: try row.decode(column: "id", as: Int64.self))
            try await self.audit(
                sql, principal, .accountCreate, subject: "account \(login)",
                detail: "role \(role.rawValue)" + (account.employeeNumber.map { ", person \($0)" } ?? ""))
            return account
        }
    }

    /// Changes an account's role or active flag. An inactive account cannot sign in and its sessions and tokens
    /// stop working at once. One transaction; audited with before and after.
    /// - Parameter expectedVersion: The version the administrator edited; a different stored version is a conflict.
    /// - Throws: `StorageError.notFound`, `.conflict`, `.forbidden` unless an administrator acts, `.refused` when
    ///   the change would leave no active administrator.
    @discardableResult
    public func updateAccount(
        _ accountID: Int64, _ change: AccountChange, expectedVersion: Int?, by principal: Principal
    ) async throws -> Account {
        let updatedAt = timestamp()
        return try await transaction { sql in
            try await self.authorize(sql, principal, .accountUpdate, person: nil)
            let before = try await AccountRows.account(sql, id: accountID, lock: true)
            if let expectedVersion, expectedVersion != before.version {
                throw StorageError.conflict(
                    what: "account \(before.login)", expectedVersion: expectedVersion, actualVersion: before.version)
            }
            let role = change.role ?? before.role
            let active = change.active ?? before.active
            if before.role == .administrator, before.active, role != .administrator || !active {
                let others = try await sql.raw(
                    """
                    SELECT COUNT(*) AS n FROM accounts
                    WHERE role = 'admin' AND active = \(bind: true) AND id <> \(bind: accountID)
                    """
                ).first()?.decode(column: "n", as: Int.self) ?? 0
                if others == 0 { throw StorageError.refused(reason: "\(before.login) is the last active administrator") }
            }
            try await sql.raw(
                """
                UPDATE accounts SET role = \(bind: role.rawValue), active = \(bind: active), version = version + 1,
                    updated_at = \(bind: updatedAt)
                WHERE id = \(bind: accountID)
                """
            ).run()
            let after = try await AccountRows.account(sql, id: accountID)
            try await self.audit(
                sql, principal, .accountUpdate, subject: "account \(before.login)",
                detail: "role \(before.role.rawValue) → \(role.rawValue), active \(before.active) → \(active)")
            return after
        }
    }

    /// Sets an account's password; every other session of the account ends. The account's owner or an
    /// administrator; the owner must give the current password. One transaction; audited (without the password).
    /// - Throws: `StorageError.notFound`, `.forbidden`, `.refused` for a wrong current password, `InputError` for a
    ///   password out of bounds.
    public func setPassword(
        _ accountID: Int64, to newPassword: String, currentPassword: String?, by principal: Principal
    ) async throws {
        try InputBounds.password(newPassword)
        let hash = try await hashPassword(newPassword)
        let updatedAt = timestamp()
        try await transaction { sql in
            let account = try await AccountRows.account(sql, id: accountID, lock: true)
            try self.authorizeAccount(principal, .accountPassword, account: account)
            if principal.role != .administrator || principal.origin == .account(login: account.login) {
                let stored = try await AccountRows.passwordHash(sql, id: accountID)
                guard let currentPassword, let stored, try await self.verifyPassword(currentPassword, hash: stored) else {
                    throw StorageError.refused(reason: "the current password is not correct")
                }
            }
            try await sql.raw(
                """
                UPDATE accounts SET password_hash = \(bind: hash), version = version + 1, updated_at = \(bind: updatedAt)
                WHERE id = \(bind: accountID)
                """
            ).run()
            try await sql.raw("DELETE FROM sessions WHERE account_id = \(bind: accountID)").run()
            try await self.audit(sql, principal, .accountPassword, subject: "account \(account.login)", detail: "password set")
        }
    }

    /// Accounts in login order, one page.
    /// - Throws: the database error.
    public func accounts(page: PageRequest = PageRequest()) async throws -> Page<Account> {
        let sql = try sql()
        let total = try await sql.raw("SELECT COUNT(*) AS n FROM accounts").first()?.decode(column: "n", as: Int.self) ?? 0
        let rows = try await sql.raw(
            "\(unsafeRaw: AccountRows.select) ORDER BY a.login LIMIT \(bind: page.perPage) OFFSET \(bind: page.offset)"
        ).all()
        return Page(items: try rows.map(AccountRows.account(from:)), page: page.page, perPage: page.perPage, total: total)
    }

    /// The account with this id.
    /// - Throws: `StorageError.notFound`.
    public func account(id: Int64) async throws -> Account {
        try await AccountRows.account(sql(), id: id)
    }

    /// The account with this login.
    /// - Throws: `StorageError.notFound` (without suggestions: logins are not public).
    public func account(login: String) async throws -> Account {
        guard
            let row = try await sql().raw("\(unsafeRaw: AccountRows.select) WHERE a.login = \(bind: login)").first()
        else { throw StorageError.notFound(what: "login \"\(login)\"") }
        return try AccountRows.account(from: row)
    }

    /// The accounts of a person (usually one).
    /// - Throws: the database error.
    public func accounts(ofPerson personID: Int64) async throws -> [Account] {
        try await sql().raw("\(unsafeRaw: AccountRows.select) WHERE a.person_id = \(bind: personID) ORDER BY a.login")
            .all().map(AccountRows.account(from:))
    }

    /// On a database without accounts, creates the administrator account `admin` with a random password and
    /// returns that password, to be shown once; `nil` when any account exists. Safe against a concurrent first
    /// start of another instance (the loser sees the account and returns `nil`).
    /// - Throws: the database error.
    public func createFirstAdministratorIfNone() async throws -> String? {
        let count = try await sql().raw("SELECT COUNT(*) AS n FROM accounts").first()?.decode(column: "n", as: Int.self)
        guard count == 0 else { return nil }
        let password = String(Secrets.randomToken().prefix(20))
        do {
            try await createAccount(
                login: "admin", personID: nil, role: .administrator, password: password, by: .system("first start"))
        } catch StorageError.alreadyExists {
            return nil
        }
        return password
    }

    /// bcrypt is deliberately slow (a quarter of a second at cost 12): it runs on the facade's thread pool, not on
    /// the threads that serve requests.
    func hashPassword(_ password: String) async throws -> String {
        let cost = configuration.passwordCost
        return try await threadPool.runIfActive { Secrets.passwordHash(password, cost: cost) }
    }

    /// Checks a password against a bcrypt hash on the facade's thread pool (see `hashPassword`).
    func verifyPassword(_ password: String, hash: String) async throws -> Bool {
        try await threadPool.runIfActive { Secrets.verify(password, hash: hash) }
    }

    /// Checks an account-level permission: `.own` when the account is the principal's own.
    func authorizeAccount(_ principal: Principal, _ action: AuditAction, account: Account) throws {
        let relation: SubjectRelation = principal.origin == .account(login: account.login) ? .own : .other
        do {
            try AccessPolicy.check(principal, action, on: relation)
        } catch let denied as AccessDenied {
            throw StorageError.forbidden(reason: denied.description)
        }
    }
}
