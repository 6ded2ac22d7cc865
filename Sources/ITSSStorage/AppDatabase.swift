import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
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
    let databases: Databases
    let eventLoop: any EventLoop
    let threadPool: NIOThreadPool
    let logger: Logger
    /// The clock, injected so tests can control time.
    let now: @Sendable () -> Date
    let catalogIndexCache = CatalogIndexCache()

    /// Opens a database without migrating it.
    ///
    /// - Parameters:
    ///   - location: SQLite file or PostgreSQL URL.
    ///   - now: The clock for audit entries and history.
    /// - Throws: `StorageError.unavailable` when the database cannot be opened.
    public init(
        location: DatabaseLocation, logger: Logger = Logger(label: "itss.storage"),
        now: @escaping @Sendable () -> Date = Date.init
    ) async throws {
        self.location = location
        self.logger = logger
        self.now = now
        threadPool = NIOThreadPool(numberOfThreads: 1)
        threadPool.start()
        // One event loop: SQLite keeps one connection per loop, so all work goes through a single writer.
        eventLoop = MultiThreadedEventLoopGroup.singleton.next()
        databases = Databases(threadPool: threadPool, on: MultiThreadedEventLoopGroup.singleton)
        switch location {
        case let .sqlite(path):
            let directory = (path as NSString).deletingLastPathComponent
            do {
                if !directory.isEmpty {
                    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
                }
            } catch {
                throw StorageError.unavailable(location: location.description, reason: error.localizedDescription)
            }
            databases.use(.sqlite(.file(path), sqlLogLevel: .trace), as: .sqlite)
        case let .postgres(url):
            do {
                var configuration = try SQLPostgresConfiguration(url: url)
                if let schema = URLComponents(string: url)?.queryItems?.first(where: { $0.name == "search_path" })?.value {
                    configuration.searchPath = [schema]
                }
                databases.use(
                    .postgres(configuration: configuration, maxConnectionsPerEventLoop: 4, sqlLogLevel: .trace),
                    as: .psql)
            } catch {
                throw StorageError.unavailable(location: location.description, reason: "\(error)")
            }
        }
        do {
            try await configureConnection()
        } catch {
            await close()
            throw StorageError.unavailable(location: location.description, reason: AppDatabase.describe(error))
        }
    }

    /// Opens the database and brings its schema up to date.
    /// - Throws: `StorageError.unavailable` or the migration's error.
    public static func openMigrated(
        location: DatabaseLocation, logger: Logger = Logger(label: "itss.storage"),
        now: @escaping @Sendable () -> Date = Date.init
    ) async throws -> AppDatabase {
        let database = try await AppDatabase(location: location, logger: logger, now: now)
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
        await databases.shutdownAsync()
        try? await threadPool.shutdownGracefully()
    }

    /// A database handle on the facade's event loop.
    /// - Throws: `StorageError.unavailable` after `close()`.
    func fluent() throws -> any Database {
        guard let database = databases.database(logger: logger, on: eventLoop) else {
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

    private func configureConnection() async throws {
        switch location {
        case .sqlite:
            // WAL lets readers (e.g. a running server) proceed while the CLI writes; wait instead of failing on a lock.
            try await sql().raw("PRAGMA journal_mode=WAL").run()
            try await sql().raw("PRAGMA busy_timeout=10000").run()
            try await sql().raw("PRAGMA foreign_keys=ON").run()
        case .postgres:
            try await sql().raw("SELECT 1").run()
        }
    }

    /// Runs `body` in one transaction on an SQL connection; on any error nothing is written.
    func transaction<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await fluent().transaction { database in
            guard let sql = database as? any SQLDatabase else {
                throw StorageError.corrupt(detail: "the database driver does not speak SQL")
            }
            return try await body(sql)
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
