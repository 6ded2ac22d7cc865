import ITSSDomain
import SQLKit

extension AppDatabase {
    /// Creates an API token for an account (its owner or an administrator). The secret is returned once and
    /// only its SHA-256 is stored. One transaction; audited (without the secret).
    /// - Returns: The token as listed, and the secret to send as `Authorization: Bearer …`.
    /// - Throws: `StorageError.notFound`, `.forbidden`, `InputError` for an empty or overlong name.
    public func createToken(
        forAccount accountID: Int64, name: String, by principal: Principal
    ) async throws -> (token: APIToken, secret: String) {
        let name = name.trimmingCharacters(in: .whitespaces)
        try InputBounds.name(name)
        let secret = "itss_" + Secrets.randomToken()
        let createdAt = timestamp()
        return try await transaction { sql in
            let account = try await AccountRows.account(sql, id: accountID)
            try self.authorizeAccount(principal, .tokenCreate, account: account)
            guard
                let row = try await sql.raw(
                    """
                    INSERT INTO api_tokens (account_id, name, token_hash, created_at)
                    VALUES (\(bind: accountID), \(bind: name), \(bind: Secrets.tokenHash(secret)), \(bind: createdAt))
                    RETURNING id
                    """
                ).first()
            else { throw StorageError.corrupt(detail: "INSERT … RETURNING gave no row") }
            let token = APIToken(
                id: try row.decode(column: "id", as: Int64.self), accountID: accountID, name: name, createdAt: createdAt,
                revokedAt: nil)
            try await self.audit(
                sql, principal, .tokenCreate, subject: "account \(account.login)", detail: "token #\(token.id) \(name)")
            return (token, secret)
        }
    }

    /// Revokes an API token (its account's owner or an administrator); it stops working at once. Revoking a
    /// revoked token changes nothing. One transaction; audited.
    /// - Throws: `StorageError.notFound`, `.forbidden`.
    public func revokeToken(_ tokenID: Int64, by principal: Principal) async throws {
        let revokedAt = timestamp()
        try await transaction { sql in
            guard
                let row = try await sql.raw(
                    "SELECT account_id, name, revoked_at FROM api_tokens WHERE id = \(bind: tokenID)\(SQLLocking.forUpdate(sql))"
                ).first()
            else { throw StorageError.notFound(what: "token #\(tokenID)") }
            let account = try await AccountRows.account(sql, id: try row.decode(column: "account_id", as: Int64.self))
            try self.authorizeAccount(principal, .tokenRevoke, account: account)
            guard try row.decode(column: "revoked_at", as: String?.self) == nil else { return }
            try await sql.raw("UPDATE api_tokens SET revoked_at = \(bind: revokedAt) WHERE id = \(bind: tokenID)").run()
            try await self.audit(
                sql, principal, .tokenRevoke, subject: "account \(account.login)",
                detail: "token #\(tokenID) \(try row.decode(column: "name", as: String.self))")
        }
    }

    /// An account's tokens, newest first.
    /// - Throws: the database error.
    public func tokens(ofAccount accountID: Int64) async throws -> [APIToken] {
        try await sql().raw(
            """
            SELECT id, account_id, name, created_at, revoked_at FROM api_tokens
            WHERE account_id = \(bind: accountID) ORDER BY id DESC
            """
        ).all().map { row in
            APIToken(
                id: try row.decode(column: "id", as: Int64.self), accountID: try row.decode(column: "account_id", as: Int64.self),
                name: try row.decode(column: "name", as: String.self),
                createdAt: try row.decode(column: "created_at", as: String.self),
                revokedAt: try row.decode(column: "revoked_at", as: String?.self))
        }
    }

    /// The active account an unrevoked API token belongs to, or `nil`. One indexed query, or none when `version`
    /// is given and the token was read at that same version.
    /// - Parameter version: The data version the request took before reading (`dataVersion()`), or `nil`.
    /// - Throws: the database error.
    public func account(bearer secret: String, at version: DataVersion? = nil) async throws -> Account? {
        let hash = Secrets.tokenHash(secret)
        if let version, let cached = bearerCache.value(for: hash, at: version) { return cached }
        guard
            let row = try await sql().raw(
                """
                SELECT \(unsafeRaw: AccountRows.columns)
                FROM api_tokens t JOIN accounts a ON a.id = t.account_id LEFT JOIN people p ON p.id = a.person_id
                WHERE t.token_hash = \(bind: hash) AND t.revoked_at IS NULL AND a.active = \(bind: true)
                """
            ).first()
        else { return nil }
        let account = try AccountRows.account(from: row)
        if let version { bearerCache.store(account, for: hash, at: version) }
        return account
    }

    /// How a principal relates to a person, for read checks (`AccessPolicy.permitsReading`). One indexed query
    /// for evaluators; none otherwise.
    /// - Throws: the database error.
    public func relation(of principal: Principal, toPerson personID: Int64) async throws -> SubjectRelation {
        if principal.personID == personID { return .own }
        guard principal.role == .evaluator, let actor = principal.personID else { return .other }
        return try await PeopleQueries.isEvaluator(sql(), evaluatorID: actor, of: personID) ? .evaluatee : .other
    }
}
