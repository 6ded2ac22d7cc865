import NIOConcurrencyHelpers
import VaporCSQLite

/// SQLite's own change counter: `PRAGMA data_version` on a dedicated connection that never writes changes
/// whenever any other connection — a pooled one of this process or another process's — commits to the file.
/// Asked synchronously under a lock: the pragma reads the WAL index in shared memory, a microsecond or two, so
/// it does not go through the pool's threads.
final class SQLiteDataVersion: @unchecked Sendable {
    // Guarded by `lock`: SQLite handles must not be used by two threads at once.
    private let lock = NIOLock()
    private var handle: OpaquePointer?
    private var statement: OpaquePointer?

    /// Opens the dedicated connection.
    /// - Throws: `StorageError.unavailable` when the file cannot be opened.
    init(path: String) throws {
        var handle: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX
        guard sqlite_nio_sqlite3_open_v2(path, &handle, flags, nil) == SQLITE_OK, let handle else {
            sqlite_nio_sqlite3_close_v2(handle)
            throw StorageError.unavailable(location: "SQLite \(path)", reason: "the change watch cannot open the file")
        }
        var statement: OpaquePointer?
        guard sqlite_nio_sqlite3_prepare_v2(handle, "PRAGMA data_version", -1, &statement, nil) == SQLITE_OK,
            statement != nil
        else {
            sqlite_nio_sqlite3_close_v2(handle)
            throw StorageError.unavailable(location: "SQLite \(path)", reason: "the change watch cannot read data_version")
        }
        self.handle = handle
        self.statement = statement
    }

    /// The current value, or `nil` when SQLite cannot answer right now (or after `close()`).
    func current() -> UInt64? {
        lock.withLock {
            guard let statement else { return nil }
            defer { sqlite_nio_sqlite3_reset(statement) }
            // SQLITE_BUSY (a writer recovering the WAL index) means "unknown": the caller reads afresh.
            guard sqlite_nio_sqlite3_step(statement) == SQLITE_ROW else { return nil }
            return UInt64(bitPattern: sqlite_nio_sqlite3_column_int64(statement, 0))
        }
    }

    /// Closes the dedicated connection; `current()` is `nil` afterwards.
    func close() {
        lock.withLock {
            sqlite_nio_sqlite3_finalize(statement)
            sqlite_nio_sqlite3_close_v2(handle)
            statement = nil
            handle = nil
        }
    }
}
