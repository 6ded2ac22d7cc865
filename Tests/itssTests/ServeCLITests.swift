import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

@Suite("itss serve, user and token as an operator runs them", .serialized)
struct ServeCLITests {
    @Test("the first start creates the administrator and prints its password once; it signs in")
    func firstAdministrator() async throws {
        let cli = CLIRunner()
        defer { cli.cleanUp() }
        let first = try ServerProcess(cli)
        let password = try #require(
            first.output.firstMatch(of: /with the password (\S+)/).map { String($0.1) }, "\(first.output)")
        let cookie = try await first.signIn("admin", password)
        let me = try await first.request("GET", "/api/v1/me", headers: ["Cookie": cookie])
        #expect(me.status == 200)
        #expect(me.body.contains(#""role":"admin""#))
        #expect(first.stop() == 0, "SIGTERM ends the server cleanly")
        let second = try ServerProcess(cli)
        #expect(!second.output.contains("password"), "printed once only")
        // Sessions live in the database: the cookie of the first process works on the second.
        #expect(try await second.request("GET", "/api/v1/me", headers: ["Cookie": cookie]).status == 200)
        second.stop()
    }

    @Test("user add, token create and revoke: the token works until it is revoked")
    func usersAndTokens() async throws {
        var cli = CLIRunner()
        cli.environment["ITSS_PASSWORD_COST"] = "4"
        defer { cli.cleanUp() }
        _ = try cli.ok("org", "add", "OPS", "IT Operations")
        _ = try cli.ok("person", "add", "E1", "Hanako Sato", "--org", "OPS")
        let added = try cli.run(
            arguments: ["user", "add", "hanako", "--person", "E1", "--role", "employee", "--password-stdin"],
            input: Data("correct horse battery\n".utf8))
        #expect(added.status == 0, "\(added.standardError)")
        #expect(added.standardOutput.contains("Added account hanako (employee) for E1."))
        #expect(!added.standardOutput.contains("correct horse"), "a password from stdin is not echoed")
        let generated = try cli.ok("user", "add", "boss", "--role", "admin")
        #expect(generated.contains("Password (shown once): "))
        let short = try cli.run(
            arguments: ["user", "add", "x", "--password-stdin"], input: Data("short\n".utf8))
        #expect(short.status != 0)
        #expect(short.standardError.contains("password: is too short"))
        let duplicate = try cli.fails("user", "add", "hanako")
        #expect(duplicate.contains("login \"hanako\" already exists"))
        let created = try cli.run(arguments: ["token", "create", "hanako", "--name", "nightly"])
        #expect(created.status == 0, "\(created.standardError)")
        let secret = created.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(secret.hasPrefix("itss_"))
        let list = try cli.ok("user", "list")
        #expect(list.contains("hanako\temployee\tE1\tactive"))

        let server = try ServerProcess(cli)
        defer { server.stop() }
        let me = try await server.request("GET", "/api/v1/me", headers: ["Authorization": "Bearer \(secret)"])
        #expect(me.status == 200)
        #expect(me.body.contains(#""employee_number":"E1""#))
        let tokens = try cli.ok("token", "list", "hanako")
        let id = try #require(tokens.firstMatch(of: /#(\d+)\tnightly/).map { String($0.1) })
        _ = try cli.ok("token", "revoke", id)
        let revoked = try await server.request("GET", "/api/v1/me", headers: ["Authorization": "Bearer \(secret)"])
        #expect(revoked.status == 401)
        // Deactivating the account ends its sessions at once.
        let cookie = try await server.signIn("hanako", "correct horse battery")
        _ = try cli.ok("user", "set", "hanako", "--no-active")
        #expect(try await server.request("GET", "/api/v1/me", headers: ["Cookie": cookie]).status == 401)
    }

    @Test(
        "two instances on one PostgreSQL database act as one system",
        .enabled(if: !CLIRunner.usesSQLite, "runs with ITSS_CLI_TEST_BACKEND=postgres (the CI's second pass)"))
    func twoInstances() async throws {
        var cli = CLIRunner()
        cli.environment["ITSS_PASSWORD_COST"] = "4"
        defer { cli.cleanUp() }
        _ = try cli.run(
            arguments: ["user", "add", "ops", "--role", "hr", "--password-stdin"], input: Data("two instances pw\n".utf8))
        let first = try ServerProcess(cli)
        let second = try ServerProcess(cli)
        defer {
            first.stop()
            second.stop()
        }
        let cookie = try await first.signIn("ops", "two instances pw")
        let onSecond = try await second.request("GET", "/api/v1/me", headers: ["Cookie": cookie])
        #expect(onSecond.status == 200, "a session opened on one instance is known to the other")
        #expect(onSecond.body.contains(#""login":"ops""#))
        // Failed sign-ins are counted in the database, across instances.
        for server in [first, second, first, second, first] {
            _ = try await server.request(
                "POST", "/login", headers: ["Content-Type": "application/x-www-form-urlencoded"],
                body: "login=ops&password=wrong")
        }
        let limited = try await second.request(
            "POST", "/login", headers: ["Content-Type": "application/x-www-form-urlencoded"],
            body: "login=ops&password=two%20instances%20pw")
        #expect(limited.status == 429)

        // Concurrent edits through the two instances: both edit version 1 of one plan; exactly one wins, the
        // other is refused with 412 and nothing of it is written.
        _ = try cli.ok("org", "add", "OPS", "IT Operations")
        _ = try cli.ok("person", "add", "E1", "Hanako Sato", "--org", "OPS", "--field", "Service Desk")
        _ = try cli.ok("plan", "create", "E1", "--target", "Service Desk:3")
        let token = try cli.ok("token", "create", "ops").trimmingCharacters(in: .whitespacesAndNewlines)
        let bearer = ["Authorization": "Bearer \(token)", "Content-Type": "application/json"]
        let plan = try await first.request("GET", "/api/v1/plans/1", headers: bearer)
        #expect(plan.status == 200, "\(plan.body)")
        let etag = try #require(plan.headers["etag"])
        async let fromFirst = first.request(
            "PATCH", "/api/v1/plans/1", headers: bearer.merging(["If-Match": etag]) { $1 },
            body: #"{"add": {"title": "Shadow the incident manager"}}"#)
        async let fromSecond = second.request(
            "PATCH", "/api/v1/plans/1", headers: bearer.merging(["If-Match": etag]) { $1 },
            body: #"{"add": {"title": "Run the major-incident drill"}}"#)
        let statuses = try await [fromFirst.status, fromSecond.status].sorted()
        #expect(statuses == [200, 412], "one edit wins, the other is refused")
        let after = try await second.request("GET", "/api/v1/plans/1", headers: bearer)
        #expect(after.headers["etag"] == "\"2\"", "exactly one write")
        let kept = ["Shadow the incident manager", "Run the major-incident drill"].filter { after.body.contains($0) }
        #expect(kept.count == 1, "only the winning action is in the plan: \(after.body)")
    }
}
