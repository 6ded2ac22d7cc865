import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import ITSSDomain
import Logging
import NIOCore
import NIOPosix
import PostgresKit
import SQLKit

/// The product's one database facade. Reads are queries; every write is a named use case that runs in one
/// transaction and records an audit entry.
///
/// The same schema and queries serve SQLite (embedded, one file, WAL) and PostgreSQL (several stateless
/// `itss serve` instances on one server).
public final class AppDatabase: Sendable {
    public let location: DatabaseLocation
    public let configuration: StorageConfiguration
    let databases: Databases
    let eventLoopGroup: MultiThreadedEventLoopGroup
    let threadPool: NIOThreadPool
    let logger: Logger
    /// The clock, injected so tests can control time.
    let now: @Sendable () -> Date
    let catalogIndexCache: CatalogIndexCache
    /// SQLite's data version on a dedicated connection (`nil` for PostgreSQL, or when changes are not watched).
    let sqliteDataVersion: SQLiteDataVersion?
    /// PostgreSQL's snapshot, read once for each batch of waiting requests.
    let snapshots: SnapshotReader
    /// Signed-in sessions and API-token accounts by token hash, reused while the data version holds.
    let sessionCache: VersionedCache<String, SignedInSession>
    let bearerCache: VersionedCache<String, Account>
    /// Every org unit (one entry), reused while the data version holds: each skill map checks its scope against
    /// the whole tree, 2,402 units in the 200k demo.
    let orgUnitCache: VersionedCache<Int, [OrgUnit]>

    /// Opens a database without migrating it.
    ///
    /// - Parameters:
    ///   - location: SQLite file or PostgreSQL URL.
    ///   - configuration: Event loops, threads, pool sizes and the SQLite busy timeout.
    ///   - now: The clock for audit entries and history.
    /// - Throws: `StorageError.unavailable` when the database cannot be opened.
    public init(
        location: DatabaseLocation, configuration: StorageConfiguration = .commandLine,
        logger: Logger = Logger(label: "itss.storage"), now: @escaping @Sendable () -> Date = Date.init
    ) async throws {
        self.location = location
        self.configuration = configuration
        self.logger = logger
        self.now = now
        catalogIndexCache = CatalogIndexCache(revalidation: configuration.catalogRevalidation)
        let credentialCapacity = configuration.watchesChanges ? 10_000 : 0
        sessionCache = VersionedCache(capacity: credentialCapacity)
        bearerCache = VersionedCache(capacity: credentialCapacity)
        orgUnitCache = VersionedCache(capacity: configuration.watchesChanges ? 1 : 0)
        threadPool = NIOThreadPool(numberOfThreads: configuration.sqliteThreads)
        threadPool.start()
        eventLoopGroup = MultiThreadedEventLoopGroup(numberOfThreads: configuration.eventLoops)
        databases = Databases(threadPool: threadPool, on: eventLoopGroup)
        var sqliteDataVersion: SQLiteDataVersion?
        switch location {
        case let .sqlite(path):
            do {
                try Self.createPrivately(sqliteFile: path)
                if configuration.watchesChanges { sqliteDataVersion = try SQLiteDataVersion(path: path) }
            } catch {
                await Self.shutDown(eventLoopGroup, threadPool)
                throw StorageError.unavailable(location: location.description, reason: error.localizedDescription)
            }
            databases.use(.sqlite(.file(path), sqlLogLevel: .trace), as: .sqlite)
        case let .postgres(url):
            do {
                var postgres = try SQLPostgresConfiguration(url: url)
                if let schema = URLComponents(string: url)?.queryItems?.first(where: { $0.name == "search_path" })?.value {
                    postgres.searchPath = [schema]
                }
                // JIT compilation pays off for long analytical scans, not for our short indexed queries: the skill
                // map's totals spent most of their time compiling. Off for our connections only.
                postgres.coreConfiguration.options.additionalStartupParameters.append(("jit", "off"))
                databases.use(
                    .postgres(
                        configuration: postgres, maxConnectionsPerEventLoop: configuration.postgresConnectionsPerLoop,
                        connectionPoolTimeout: .seconds(30), sqlLogLevel: .trace),
                    as: .psql)
            } catch {
                await Self.shutDown(eventLoopGroup, threadPool)
                throw StorageError.unavailable(location: location.description, reason: "\(error)")
            }
        }
        self.sqliteDataVersion = sqliteDataVersion
        snapshots = SnapshotReader()
        do {
            try await configureDatabase()
        } catch {
            await close()
            throw StorageError.unavailable(location: location.description, reason: AppDatabase.describe(error))
        }
    }

    /// Opens the database and brings its schema up to date.
    /// - Throws: `StorageError.unavailable` or the migration's error.
    public static func openMigrated(
        location: DatabaseLocation, configuration: StorageConfiguration = .commandLine,
        logger: Logger = Logger(label: "itss.storage"), now: @escaping @Sendable () -> Date = Date.init
    ) async throws -> AppDatabase {
        let database = try await AppDatabase(location: location, configuration: configuration, logger: logger, now: now)
        do {
            try await database.migrate()
        } catch {
            await database.close()
            throw error
        }
        return database
    }

    /// Releases connections and threads. Call once when done.
    public func close() async {
        sqliteDataVersion?.close()
        await databases.shutdownAsync()
        await Self.shutDown(eventLoopGroup, threadPool)
    }

    private static func shutDown(_ group: MultiThreadedEventLoopGroup, _ pool: NIOThreadPool) async {
        try? await group.shutdownGracefully()
        try? await pool.shutdownGracefully()
    }

    /// Creates the data directory readable by its owner only (0700) and the database file as 0600: both hold
    /// names and e-mail addresses. SQLite gives its `-wal` and `-shm` files the database file's permissions.
    private static func createPrivately(sqliteFile path: String) throws {
        let files = FileManager.default
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty, !files.fileExists(atPath: directory) {
            try files.createDirectory(
                atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        }
        if !files.fileExists(atPath: path) {
            guard files.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
                throw StorageError.unavailable(location: "SQLite \(path)", reason: "the file cannot be created")
            }
        }
    }

    /// A database handle on one of the facade's event loops.
    /// - Throws: `StorageError.unavailable` after `close()`.
    func fluent() throws -> any Database {
        guard let database = databases.database(logger: logger, on: eventLoopGroup.any()) else {
            throw StorageError.unavailable(location: location.description, reason: "the database is closed")
        }
        return database
    }

    /// The SQL interface of the database.
    /// - Throws: `StorageError.unavailable` after `close()`.
    func sql() throws -> any SQLDatabase {
        guard let sql = try fluent() as? any SQLDatabase else {
            throw StorageError.corrupt(detail: "the database driver does not speak SQL")
        }
        return sql
    }

    private func configureDatabase() async throws {
        switch location {
        case .sqlite:
            // WAL lets readers (e.g. a running server) proceed while another process writes. It is a property of
            // the file, so one connection setting it is enough; per-connection settings are made in `transaction`.
            try await sql().raw("PRAGMA journal_mode=WAL").run()
        case .postgres:
            try await sql().raw("SELECT 1").run()
        }
    }

    /// Runs `body` in one write transaction on one connection; on any error nothing is written. Before it commits,
    /// the skill map's tally takes in the people the transaction changed (`SkillMapTally.refreshIfFew`).
    ///
    /// On SQLite the transaction starts with `BEGIN IMMEDIATE`, which takes the write lock before anything is read:
    /// writers from other processes queue behind it (for up to the busy timeout) instead of failing on a stale
    /// read snapshot, and a long write (a bulk import) cannot be aborted by a short one that arrives during it.
    /// On PostgreSQL, use cases lock the rows they read-then-write (`SQLLocking.forUpdate`); a deadlock or serialisation
    /// failure reported by the server runs the whole transaction again.
    /// - Throws: the use case's error, or the driver's error mapped to `StorageError` (`.alreadyExists`,
    ///   `.refused`, `.busy`).
    func transaction<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        var attempt = 1
        while true {
            do {
                switch location {
                case .sqlite: return try await sqliteTransaction(body)
                case .postgres: return try await postgresTransaction(body)
                }
            } catch  where DatabaseFailure.isTransient(error) && attempt < 5 {
                attempt += 1
            } catch {
                throw DatabaseFailure.storageError(
                    from: error, location: location, busyTimeout: configuration.sqliteBusyTimeout)
            }
        }
    }

    private func sqliteTransaction<T: Sendable>(
        _ body: @escaping @Sendable (any SQLDatabase) async throws -> T
    ) async throws
        -> T
    {
        let timeout = configuration.sqliteBusyTimeoutMilliseconds
        return try await fluent().withConnection { connection in
            guard let sql = connection as? any SQLDatabase else {
                throw StorageError.corrupt(detail: "the database driver does not speak SQL")
            }
            // Per connection: the pool may have opened this one after the last transaction.
            try await sql.raw("PRAGMA busy_timeout = \(unsafeRaw: String(timeout))").run()
            try await sql.raw("BEGIN IMMEDIATE").run()
            do {
                let result = try await body(sql)
                try await SkillMapTally.refreshIfFew(sql)
                try await sql.raw("COMMIT").run()
                return result
            } catch {
                try? await sql.raw("ROLLBACK").run()
                throw error
            }
        }
    }

    private func postgresTransaction<T: Sendable>(
        _ body: @escaping @Sendable (any SQLDatabase) async throws -> T
    ) async throws
        -> T
    {
        try await fluent().transaction { database in
            guard let sql = database as? any SQLDatabase else {
                throw StorageError.corrupt(detail: "the database driver does not speak SQL")
            }
            let result = try await body(sql)
            try await SkillMapTally.refreshIfFew(sql)
            return result
        }
    }

    /// The catalog with database ids, cached until a standard is imported or replaced.
    func catalogIndex() async throws -> CatalogIndex {
        try await catalogIndexCache.index(for: self)
    }

    /// A one-line description of a driver error (PostgreSQL errors otherwise print as opaque structures).
    static func describe(_ error: any Error) -> String {
        if let error = error as? PSQLError {
            if let message = error.serverInfo?[.message] { return message }
            return "\(error.code)"
        }
        if let error = error as? LocalizedError, let description = error.errorDescription { return description }
        return "\(error)"
    }
}
