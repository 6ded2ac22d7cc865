import Foundation
import ITSSDomain
import ITSSTestSupport
import Testing

@testable import ITSSStorage

/// The data version that lets a server reuse reads: equal only while nothing was committed, whoever wrote —
/// this handle, another handle on the same file or server (another process or instance).
@Suite("Data version and the reads it lets a server reuse")
struct DataVersionStorageTests {
    static let watching: StorageConfiguration = {
        var configuration = TestBackend.configuration
        configuration.watchesChanges = true
        return configuration
    }()

    /// A second handle on the same database, as another process or server instance would open it.
    static func otherInstance(of database: AppDatabase) async throws -> AppDatabase {
        try await AppDatabase(location: database.location, configuration: watching)
    }

    /// A version read twice in a row without change. PostgreSQL's snapshot spans the whole server, and the other
    /// tests write to it in parallel (each in its own schema), so it may take a few tries there.
    static func steadyVersion(_ database: AppDatabase) async throws -> DataVersion {
        for _ in 0..<50 {
            let first = try #require(await database.dataVersion())
            if await database.dataVersion() == first { return first }
            try await Task.sleep(for: .milliseconds(20))
        }
        Issue.record("the data version never held between two readings")
        return try #require(await database.dataVersion())
    }

    @Test("without change watching there is no version, so nothing is reused", arguments: TestBackend.enabled)
    func noVersionWithoutWatching(backend: TestBackend) async throws {
        try await backend.withDatabase { database in
            #expect(await database.dataVersion() == nil)
        }
    }

    @Test(
        "the version holds while nothing is written and moves with every commit, from any handle",
        arguments: TestBackend.enabled)
    func versionFollowsCommits(backend: TestBackend) async throws {
        try await backend.withDatabase(configuration: Self.watching) { database in
            try await Fixtures.seed(database)
            let first = try await Self.steadyVersion(database)
            _ = try await database.people()
            #expect(
                await database.dataVersion() == first || backend == .postgres, "reads do not move the version")

            _ = try await database.createOrgUnit(code: "NEW1", name: "New unit", parentCode: nil, actor: "test")
            let afterOwnWrite = try #require(await database.dataVersion())
            #expect(afterOwnWrite != first, "a commit through this handle")

            let other = try await Self.otherInstance(of: database)
            _ = try await other.createOrgUnit(code: "NEW2", name: "Another unit", parentCode: nil, actor: "test")
            await other.close()
            let afterOtherWrite = try #require(await database.dataVersion())
            #expect(afterOtherWrite != afterOwnWrite, "a commit through another process or instance")
        }
    }

    /// SQLite only: on PostgreSQL a refused write has taken a transaction id, which moves the snapshot (a needless
    /// miss, never a stale answer).
    @Test("a refused write does not move the version")
    func rolledBackWriteKeepsVersion() async throws {
        try await TestBackend.sqlite.withDatabase(configuration: Self.watching) { database in
            try await Fixtures.seed(database)
            let before = try #require(await database.dataVersion())
            await #expect(throws: (any Error).self) {
                _ = try await database.createOrgUnit(code: "OPS", name: "Duplicate", parentCode: nil, actor: "test")
            }
            #expect(await database.dataVersion() == before)
        }
    }

    @Test(
        "a session and an API token are reused at one version and refused at once after another instance ends them",
        arguments: TestBackend.enabled)
    func credentialsFollowTheVersion(backend: TestBackend) async throws {
        try await backend.withDatabase(configuration: Self.watching) { database in
            try await Fixtures.seed(database)
            let system = Principal.system("test")
            let account = try await database.createAccount(
                login: "hana", personID: try await database.personID("E1001"), role: .employee, password: "pw-hana-1234",
                by: system)
            let (cookie, _) = try await database.signIn(login: "hana", password: "pw-hana-1234")
            let (token, secret) = try await database.createToken(forAccount: account.id, name: "script", by: system)

            let version = try #require(await database.dataVersion())
            #expect(try await database.session(token: cookie, at: version)?.account.login == "hana")
            #expect(try await database.account(bearer: secret, at: version)?.login == "hana")
            #expect(database.sessionCache.count == 1 && database.bearerCache.count == 1, "both kept at this version")

            let other = try await Self.otherInstance(of: database)
            try await other.signOut(token: cookie)
            try await other.revokeToken(token.id, by: system)
            await other.close()

            let now = try #require(await database.dataVersion())
            #expect(now != version)
            #expect(try await database.session(token: cookie, at: now) == nil, "signed out on another instance")
            #expect(try await database.account(bearer: secret, at: now) == nil, "revoked on another instance")
        }
    }

    @Test("an expired session is refused even at the version it was kept at")
    func keptSessionExpires() async throws {
        let clock = TestClock("2026-04-01T09:00:00Z")
        try await TestBackend.sqlite.withDatabase(now: { clock.now }, configuration: Self.watching) { database in
            try await Fixtures.seed(database)
            _ = try await database.createAccount(
                login: "hana", personID: nil, role: .hr, password: "pw-hana-1234", by: .system("test"))
            let (cookie, _) = try await database.signIn(login: "hana", password: "pw-hana-1234")
            let version = try #require(await database.dataVersion())
            #expect(try await database.session(token: cookie, at: version) != nil)
            clock.set("2026-04-02T09:00:00Z")  // past the 12-hour session lifetime
            #expect(await database.dataVersion() == version, "only time passed")
            #expect(try await database.session(token: cookie, at: version) == nil)
        }
    }
}

@Suite("VersionedCache")
struct VersionedCacheTests {
    let one = DataVersion(value: .sqlite(1))
    let two = DataVersion(value: .sqlite(2))

    @Test("a value is returned only at the version it was stored at")
    func onlyAtItsVersion() {
        let cache = VersionedCache<String, String>(capacity: 10)
        cache.store("a", for: "k", at: one)
        #expect(cache.value(for: "k", at: one) == "a")
        #expect(cache.value(for: "k", at: two) == nil)
        #expect(cache.value(for: "k", at: one) == nil, "a stale value is dropped, not kept for later")
        #expect(cache.count == 0)
    }

    @Test("storing at a new version drops what was stored at the old one")
    func newVersionDropsStale() {
        let cache = VersionedCache<String, String>(capacity: 10)
        cache.store("a", for: "k1", at: one)
        cache.store("b", for: "k2", at: one)
        cache.store("c", for: "k3", at: two)
        #expect(cache.count == 1 && cache.totalCost == 1)
        #expect(cache.value(for: "k3", at: two) == "c")
    }

    @Test("what is stored never costs more than the capacity", arguments: [1, 7, 100])
    func bounded(capacity: Int) {
        let cache = VersionedCache<Int, [UInt8]>(capacity: capacity * 10) { $0.count }
        for key in 0..<500 {
            cache.store([UInt8](repeating: 0, count: key % 13 + 1), for: key, at: one)
            #expect(cache.totalCost <= capacity * 10)
        }
        #expect(cache.value(for: 499, at: one)?.count == 499 % 13 + 1, "the latest value is kept")
    }

    @Test("a capacity of zero keeps nothing; a value larger than the capacity is not kept")
    func zeroCapacity() {
        let off = VersionedCache<String, String>(capacity: 0)
        off.store("a", for: "k", at: one)
        #expect(off.count == 0)
        let small = VersionedCache<String, String>(capacity: 3) { $0.count }
        small.store("abcd", for: "k", at: one)
        #expect(small.value(for: "k", at: one) == nil)
    }
}
