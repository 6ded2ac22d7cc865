import Foundation

/// How much concurrency the facade has, and how long writers wait for each other. One typed place, read from
/// the environment by the CLI (and, next, by `itss serve` with its flags on top).
public struct StorageConfiguration: Sendable, Hashable {
    /// Event loops the database connections run on (SQLite: one connection per loop; PostgreSQL: a pool per loop).
    public var eventLoops: Int
    /// Threads that run SQLite's blocking calls.
    public var sqliteThreads: Int
    /// PostgreSQL connections per event loop.
    public var postgresConnectionsPerLoop: Int
    /// How long an SQLite writer waits for another process's write to finish before giving up (nothing written).
    public var sqliteBusyTimeout: Duration
    /// bcrypt's cost factor for account passwords (4…31; each step doubles the work). 12 takes about a quarter
    /// of a second here, which is what slows down guessing; tests lower it.
    public var passwordCost: Int
    /// How long the cached catalog is used before the standards' revisions are read again (a catalog imported by
    /// another process or server instance shows after at most this long; this process's own imports at once).
    public var catalogRevalidation: Duration
    /// Whether to follow the database's data version (`AppDatabase.dataVersion()`), so reads can be reused while
    /// nothing changed: a dedicated SQLite connection, or a PostgreSQL `LISTEN` connection. On in servers, off
    /// for command-line processes, which read everything once.
    public var watchesChanges: Bool

    public init(
        eventLoops: Int = 1, sqliteThreads: Int = 1, postgresConnectionsPerLoop: Int = 4,
        sqliteBusyTimeout: Duration = .seconds(60), passwordCost: Int = 12, catalogRevalidation: Duration = .seconds(1),
        watchesChanges: Bool = false
    ) {
        self.watchesChanges = watchesChanges
        self.catalogRevalidation = catalogRevalidation
        self.passwordCost = min(max(4, passwordCost), 31)
        self.eventLoops = max(1, eventLoops)
        self.sqliteThreads = max(1, sqliteThreads)
        self.postgresConnectionsPerLoop = max(1, postgresConnectionsPerLoop)
        self.sqliteBusyTimeout = sqliteBusyTimeout
    }

    /// A command-line process: one loop and one connection are enough, since it does one thing at a time.
    public static let commandLine = StorageConfiguration()

    /// A server: a loop and an SQLite thread per core, and a PostgreSQL pool sized for concurrent requests.
    public static var server: StorageConfiguration {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        return StorageConfiguration(
            eventLoops: cores, sqliteThreads: cores, postgresConnectionsPerLoop: 8, watchesChanges: true)
    }

    /// `base` with the settings the environment overrides: `ITSS_DB_EVENT_LOOPS`, `ITSS_SQLITE_THREADS`,
    /// `ITSS_PG_CONNECTIONS_PER_LOOP`, `ITSS_SQLITE_BUSY_TIMEOUT_MS`, `ITSS_PASSWORD_COST`, and `ITSS_WATCH_CHANGES`
    /// (`0` turns change watching, and so every reuse of reads, off). Values that are not positive integers are
    /// ignored.
    public static func fromEnvironment(
        _ environment: [String: String] = ProcessInfo.processInfo.environment, base: StorageConfiguration = .commandLine
    ) -> StorageConfiguration {
        func positive(_ name: String) -> Int? {
            environment[name].flatMap { Int($0) }.flatMap { $0 > 0 ? $0 : nil }
        }
        var configuration = base
        if let value = positive("ITSS_DB_EVENT_LOOPS") { configuration.eventLoops = value }
        if let value = positive("ITSS_SQLITE_THREADS") { configuration.sqliteThreads = value }
        if let value = positive("ITSS_PG_CONNECTIONS_PER_LOOP") { configuration.postgresConnectionsPerLoop = value }
        if let value = positive("ITSS_SQLITE_BUSY_TIMEOUT_MS") { configuration.sqliteBusyTimeout = .milliseconds(value) }
        if let value = positive("ITSS_PASSWORD_COST") { configuration.passwordCost = min(max(4, value), 31) }
        if let value = environment["ITSS_WATCH_CHANGES"] { configuration.watchesChanges = value != "0" }
        return configuration
    }

    /// The busy timeout in whole milliseconds, as SQLite's `PRAGMA busy_timeout` takes it.
    var sqliteBusyTimeoutMilliseconds: Int {
        let (seconds, attoseconds) = sqliteBusyTimeout.components
        return Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000)
    }
}
