import Foundation
import ITSSDomain
import SQLKit

/// Why a sign-in was refused. Deliberately the same for an unknown login, a wrong password and an inactive
/// account, so the answer does not tell which logins exist.
public enum SignInRefusal: Error, Sendable, Hashable {
    /// Login and password do not match an active account.
    case invalidCredentials
    /// Too many failed attempts for this login recently; try again after `retryAfter`.
    case tooManyAttempts(retryAfter: Duration)
}

extension AppDatabase {
    /// Failed sign-ins of one login within `signInWindow` after which the login is refused until the window passes.
    public static let maximumFailedSignIns = 5
    /// The window over which failed sign-ins are counted.
    public static let signInWindow: Duration = .seconds(15 * 60)
    /// How long a browser session lasts after sign-in.
    public static let sessionLifetime: Duration = .seconds(12 * 60 * 60)

    /// Checks a login and password and opens a session stored in the database, so that every server instance
    /// knows it. Failed attempts are recorded per login; after 5 within 15 minutes the login is refused without
    /// checking the password until the window has passed.
    /// - Returns: The session's secret (for the cookie; only its hash is stored) and the session.
    /// - Throws: `SignInRefusal`, or the database error.
    public func signIn(login: String, password: String) async throws -> (token: String, session: SignedInSession) {
        let login = login.trimmingCharacters(in: .whitespaces)
        let windowStart = timestamp(offsetBy: .zero - Self.signInWindow)
        let sql = try sql()
        let failures =
            try await sql.raw(
                "SELECT COUNT(*) AS n FROM failed_sign_ins WHERE login = \(bind: login) AND failed_at > \(bind: windowStart)"
            ).first()?.decode(column: "n", as: Int.self) ?? 0
        if failures >= Self.maximumFailedSignIns { throw SignInRefusal.tooManyAttempts(retryAfter: Self.signInWindow) }
        let row = try await sql.raw("SELECT id, password_hash, active FROM accounts WHERE login = \(bind: login)").first()
        let hash = try row?.decode(column: "password_hash", as: String?.self)
        let active = try row?.decode(column: "active", as: Bool.self) ?? false
        // Verify even when the login is unknown, so both take the same time.
        let verified = try await verifyPassword(password, hash: hash ?? Secrets.decoyHash)
        let matches = verified && hash != nil && active
        guard matches, let accountID = try row?.decode(column: "id", as: Int64.self) else {
            let failedAt = timestamp()
            try await transaction { sql in
                try await sql.raw(
                    "INSERT INTO failed_sign_ins (login, failed_at) VALUES (\(bind: login), \(bind: failedAt))"
                ).run()
            }
            throw SignInRefusal.invalidCredentials
        }
        return try await openSession(accountID: accountID, forgetFailuresOf: login)
    }

    /// Opens a session for an account signed in by the trusted reverse proxy (the proxy checked who it is).
    /// - Throws: `SignInRefusal.invalidCredentials` for an unknown or inactive login.
    public func signInThroughProxy(login: String) async throws -> (token: String, session: SignedInSession) {
        guard
            let row = try await sql().raw("SELECT id, active FROM accounts WHERE login = \(bind: login)").first(),
            try row.decode(column: "active", as: Bool.self)
        else { throw SignInRefusal.invalidCredentials }
        return try await openSession(accountID: try row.decode(column: "id", as: Int64.self), forgetFailuresOf: nil)
    }

    private func openSession(
        accountID: Int64, forgetFailuresOf login: String?
    ) async throws -> (
        token: String, session: SignedInSession
    ) {
        let token = Secrets.randomToken()
        let csrf = Secrets.randomToken()
        let createdAt = timestamp()
        let expiresAt = timestamp(offsetBy: Self.sessionLifetime)
        let account = try await transaction { sql in
            if let login { try await sql.raw("DELETE FROM failed_sign_ins WHERE login = \(bind: login)").run() }
            // Expired sessions of this account go when it signs in again, so the table does not grow without end.
            try await sql.raw(
                "DELETE FROM sessions WHERE account_id = \(bind: accountID) AND expires_at <= \(bind: createdAt)"
            ).run()
            try await sql.raw(
                """
                INSERT INTO sessions (token_hash, account_id, csrf_token, created_at, expires_at)
                VALUES (\(bind: Secrets.tokenHash(token)), \(bind: accountID), \(bind: csrf), \(bind: createdAt),
                    \(bind: expiresAt))
                """
            ).run()
            return try await AccountRows.account(sql, id: accountID)
        }
        return (token, SignedInSession(account: account, csrfToken: csrf, expiresAt: expiresAt))
    }

    /// The session a cookie names, if it exists, has not expired and its account is active. One indexed query,
    /// or none when `version` is given and the session was read at that same version.
    /// - Parameter version: The data version the request took before reading (`dataVersion()`), or `nil`.
    /// - Throws: the database error.
    public func session(token: String, at version: DataVersion? = nil) async throws -> SignedInSession? {
        let hash = Secrets.tokenHash(token)
        let now = timestamp()
        if let version, let cached = sessionCache.value(for: hash, at: version) {
            // Expiry depends on the clock, not on the data: checked on every use.
            return cached.expiresAt > now ? cached : nil
        }
        guard
            let row = try await sql().raw(
                """
                SELECT \(unsafeRaw: AccountRows.columns), s.csrf_token, s.expires_at
                FROM sessions s JOIN accounts a ON a.id = s.account_id LEFT JOIN people p ON p.id = a.person_id
                WHERE s.token_hash = \(bind: hash) AND s.expires_at > \(bind: now)
                  AND a.active = \(bind: true)
                """
            ).first()
        else { return nil }
        let session = SignedInSession(
            account: try AccountRows.account(from: row), csrfToken: try row.decode(column: "csrf_token", as: String.self),
            expiresAt: try row.decode(column: "expires_at", as: String.self))
        if let version { sessionCache.store(session, for: hash, at: version) }
        return session
    }

    /// Ends a session (sign-out). Unknown tokens are ignored.
    /// - Throws: the database error.
    public func signOut(token: String) async throws {
        try await transaction { sql in
            try await sql.raw("DELETE FROM sessions WHERE token_hash = \(bind: Secrets.tokenHash(token))").run()
        }
    }
}
