import FluentKit

/// Accounts for the web application, their sessions (shared by every `itss serve` instance on one database),
/// API tokens and failed sign-ins (rate limiting across instances). Secrets are stored hashed only.
struct M010_CreateAccounts: AsyncMigration {
    var name: String { "M010_CreateAccounts" }

    func prepare(on database: any Database) async throws {
        let schema = try SchemaSQL(database)
        try await schema.run([
            """
            CREATE TABLE accounts (
                \(schema.idColumn),
                login TEXT NOT NULL CHECK (length(login) > 0),
                person_id BIGINT REFERENCES people (id),
                role TEXT NOT NULL CHECK (role IN ('admin', 'hr', 'evaluator', 'employee')),
                password_hash TEXT,
                active BOOLEAN NOT NULL,
                version INTEGER NOT NULL DEFAULT 1,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                CONSTRAINT accounts_login UNIQUE (login)
            )
            """,
            "CREATE INDEX accounts_person ON accounts (person_id)",
            """
            CREATE TABLE sessions (
                token_hash TEXT PRIMARY KEY,
                account_id BIGINT NOT NULL REFERENCES accounts (id),
                csrf_token TEXT NOT NULL,
                created_at TEXT NOT NULL,
                expires_at TEXT NOT NULL
            )
            """,
            "CREATE INDEX sessions_account ON sessions (account_id)",
            """
            CREATE TABLE api_tokens (
                \(schema.idColumn),
                account_id BIGINT NOT NULL REFERENCES accounts (id),
                name TEXT NOT NULL CHECK (length(name) > 0),
                token_hash TEXT NOT NULL,
                created_at TEXT NOT NULL,
                revoked_at TEXT,
                CONSTRAINT api_tokens_hash UNIQUE (token_hash)
            )
            """,
            "CREATE INDEX api_tokens_account ON api_tokens (account_id)",
            """
            CREATE TABLE failed_sign_ins (
                \(schema.idColumn),
                login TEXT NOT NULL,
                failed_at TEXT NOT NULL
            )
            """,
            "CREATE INDEX failed_sign_ins_login ON failed_sign_ins (login, failed_at)",
        ])
    }

    func revert(on database: any Database) async throws {
        try await SchemaSQL(database).drop(["failed_sign_ins", "api_tokens", "sessions", "accounts"])
    }
}
