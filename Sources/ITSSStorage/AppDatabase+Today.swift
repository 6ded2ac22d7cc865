import ITSSDomain

extension AppDatabase {
    /// Today by the injected clock: the date part of `timestamp()`, in UTC like `verified_on` and the audit log.
    /// Write use cases pass it to the bounds of `InputBounds` that depend on the date.
    /// - Throws: `StorageError.refused` when the clock is outside the years 1–9999.
    func today() throws -> Day { try Self.day(of: timestamp()) }

    /// The date part of a `timestamp()`.
    /// - Throws: `StorageError.refused` when the timestamp does not start with a date.
    static func day(of timestamp: String) throws -> Day {
        guard let day = Day(String(timestamp.prefix(10))) else {
            throw StorageError.refused(reason: "the clock gives \(timestamp), which is not a date")
        }
        return day
    }
}

extension AppDatabase {
    /// Today's date by the injected clock (`YYYY-MM-DD`, UTC), for keys of what depends on the day.
    public var currentDay: String { String(timestamp().prefix(10)) }
}
