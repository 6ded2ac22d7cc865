import SQLKit

/// What the database looked like when a read was made: two versions are equal only if no write committed in
/// between — by this process, another process on the same SQLite file, or another server instance on the same
/// PostgreSQL database. A read made after taking a version may be reused while the database is at that version:
/// a client that saw its write succeed never gets the state before it back, whichever instance it asks.
///
/// Obtained from `AppDatabase.dataVersion()`; `nil` means the version cannot be known (change watching is off, or
/// the database did not answer), and callers must read afresh.
public struct DataVersion: Hashable, Sendable {
    enum Value: Hashable, Sendable {
        /// SQLite's `PRAGMA data_version` on the dedicated connection.
        case sqlite(UInt64)
        /// PostgreSQL's `pg_current_snapshot()`: which transactions had committed. Equal snapshots see the same data.
        case postgres(String)
    }

    let value: Value
}

extension AppDatabase {
    /// The current data version, or `nil` when it is not known (then nothing may be reused). Take it once per
    /// request, before reading: SQLite answers without the connection pool (`PRAGMA data_version` on a dedicated
    /// connection, a microsecond or two); PostgreSQL with one short query (`pg_current_snapshot()`), shared by the
    /// requests that arrive while the previous one runs (`SnapshotReader`).
    public func dataVersion() async -> DataVersion? {
        guard configuration.watchesChanges else { return nil }
        switch location {
        case .sqlite:
            return sqliteDataVersion?.current().map { DataVersion(value: .sqlite($0)) }
        case .postgres:
            return await snapshots.snapshot { await self.readSnapshot() }.map { DataVersion(value: .postgres($0)) }
        }
    }

    /// One `pg_current_snapshot()` query (`SnapshotReader` shares it among the requests that wait for it).
    func readSnapshot() async -> String? {
        guard let row = try? await sql().raw("SELECT pg_current_snapshot()::text AS snapshot").first() else { return nil }
        return try? row.decode(column: "snapshot", as: String.self)
    }
}
