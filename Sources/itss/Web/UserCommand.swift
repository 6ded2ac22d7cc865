import ArgumentParser
import Foundation
import ITSSDomain
import ITSSStorage

/// `itss user add|list|set`: accounts of the web application.
struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "Manage sign-in accounts of the web application.",
        subcommands: [Add.self, List.self, Set.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add an account.",
            discussion: """
                Without --password-stdin a random password is generated and printed once. Roles: admin (everything), \
                hr (all people and reports), evaluator (the people their assignments cover), employee (self only).
                """)
        @Argument(help: "The login.") var login: String
        @Option(help: "The employee number of the person the account is (none for a pure administrator).")
        var person: String?
        @Option(help: "admin, hr, evaluator or employee.") var role: AccessRole = .employee
        @Flag(help: "Read the password from standard input (one line).") var passwordStdin = false

        func run() async throws {
            try await reportingErrors {
                var password: String
                var generated = false
                if passwordStdin {
                    guard let line = readLine(strippingNewline: true) else {
                        throw CLIError("--password-stdin: nothing on standard input")
                    }
                    password = line
                } else {
                    password = UserCommand.randomPassword()
                    generated = true
                }
                let account = try await DatabaseSession.with { database in
                    let personID: Int64? = if let person { try await database.personID(person) } else { nil }
                    return try await database.createAccount(
                        login: login, personID: personID, role: role, password: password,
                        by: try await DatabaseSession.principal(database))
                }
                Output.line(
                    "Added account \(account.login) (\(account.role.rawValue))"
                        + (account.employeeNumber.map { " for \($0)" } ?? "") + ".")
                if generated { Output.line("Password (shown once): \(password)") }
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List accounts.")
        @Option(help: "Page number.") var page = 1
        @Option(help: "Accounts per page.") var perPage = 50
        @Flag(help: "Print JSON.") var json = false

        func run() async throws {
            try await reportingErrors {
                let accounts = try await DatabaseSession.with {
                    try await $0.accounts(page: PageRequest(page: page, perPage: perPage))
                }
                if json { return try Output.json(accounts) }
                guard !accounts.items.isEmpty else {
                    return Output.line("No accounts yet. Add one with `itss user add LOGIN --role admin`.")
                }
                for account in accounts.items {
                    Output.line(
                        "\(account.login)\t\(account.role.rawValue)\t\(account.employeeNumber ?? "-")\t"
                            + (account.active ? "active" : "inactive"))
                }
                Output.line("page \(accounts.page) of \(accounts.pageCount), \(accounts.total) accounts")
            }
        }
    }

    struct Set: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Change an account's role, deactivate or reactivate it, or set its password.")
        @Argument(help: "The login.") var login: String
        @Option(help: "The new role.") var role: AccessRole?
        @Flag(inversion: .prefixedNo, help: "Activate or deactivate the account.") var active: Bool?
        @Flag(help: "Read a new password from standard input (one line).") var passwordStdin = false

        func run() async throws {
            try await reportingErrors {
                guard role != nil || active != nil || passwordStdin else {
                    throw CLIError("nothing to change: give --role, --active/--no-active or --password-stdin")
                }
                let password = passwordStdin ? readLine(strippingNewline: true) : nil
                if passwordStdin, password == nil { throw CLIError("--password-stdin: nothing on standard input") }
                try await DatabaseSession.with { database in
                    let principal = try await DatabaseSession.principal(database)
                    let account = try await database.account(login: login)
                    if role != nil || active != nil {
                        try await database.updateAccount(
                            account.id, AccountChange(role: role, active: active), expectedVersion: nil, by: principal)
                    }
                    if let password {
                        try await database.setPassword(account.id, to: password, currentPassword: nil, by: principal)
                    }
                }
                Output.line("Updated account \(login).")
            }
        }
    }

    /// 16 random characters from a generator fit for secrets.
    static func randomPassword() -> String {
        let alphabet = Array("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        var generator = SystemRandomNumberGenerator()
        return String((0..<16).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] })
    }
}

extension AccessRole: ExpressibleByArgument {}
