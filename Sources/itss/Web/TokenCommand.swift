import ArgumentParser
import ITSSStorage

/// `itss token create|list|revoke`: API tokens for scripts.
struct TokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token", abstract: "Manage API tokens (sent as Authorization: Bearer …).",
        subcommands: [Create.self, List.self, Revoke.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create an API token for an account; the token is printed once and stored hashed.")
        @Argument(help: "The account's login.") var login: String
        @Option(help: "What the token is for.") var name = "script"

        func run() async throws {
            try await reportingErrors {
                let (token, secret) = try await DatabaseSession.with { database in
                    let account = try await database.account(login: login)
                    return try await database.createToken(
                        forAccount: account.id, name: name, by: try await DatabaseSession.principal(database))
                }
                Output.note("Created token #\(token.id) \"\(token.name)\" for \(login); it is shown this once:")
                Output.line(secret)
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List an account's tokens.")
        @Argument(help: "The account's login.") var login: String

        func run() async throws {
            try await reportingErrors {
                let tokens = try await DatabaseSession.with { database in
                    try await database.tokens(ofAccount: try await database.account(login: login).id)
                }
                guard !tokens.isEmpty else { return Output.line("No tokens. Create one with `itss token create \(login)`.") }
                for token in tokens {
                    Output.line("#\(token.id)\t\(token.name)\tcreated \(token.createdAt)\t" + (token.revokedAt.map { "revoked \($0)" } ?? "active"))
                }
            }
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Revoke a token; it stops working at once.")
        @Argument(help: "The token's number (from `itss token list`).") var id: Int64

        func run() async throws {
            try await reportingErrors {
                try await DatabaseSession.with { database in
                    try await database.revokeToken(id, by: try await DatabaseSession.principal(database))
                }
                Output.line("Revoked token #\(id).")
            }
        }
    }
}
