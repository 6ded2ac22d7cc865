import Foundation

/// Why a storage use case refused or failed. Nothing is written when one of these is thrown.
public enum StorageError: LocalizedError, Sendable, Equatable {
    /// The database could not be opened or reached.
    case unavailable(location: String, reason: String)
    /// The same standard and version exists with a different text or errata; `--replace` is required.
    case standardDiffers(name: String, version: String, detail: String)
    /// A row that must exist does not; `suggestions` are the closest existing names.
    case notFound(what: String, suggestions: [String] = [])
    /// Someone else changed the row since it was read: nothing was written, re-read and try again.
    case conflict(what: String, expectedVersion: Int, actualVersion: Int)
    /// The change breaks a business rule (self-approval, editing an approved assessment, …).
    case refused(reason: String)
    /// A value already exists where it must be unique.
    case alreadyExists(what: String)
    /// The stored data does not have the shape this version expects (a migration is missing).
    case corrupt(detail: String)
    /// Another process held the SQLite write lock for longer than the busy timeout; nothing was written.
    case busy(location: String, waited: Duration)
    /// The principal may not perform this use case.
    case forbidden(reason: String)
    /// The database refused the change for a reason of its own (its message); nothing was written.
    case failed(reason: String)

    /// `300 ms`, `60 s`.
    static func describe(_ duration: Duration) -> String {
        let milliseconds = duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000
        return milliseconds < 1000 || milliseconds % 1000 != 0 ? "\(milliseconds) ms" : "\(milliseconds / 1000) s"
    }

    public var errorDescription: String? {
        switch self {
        case let .unavailable(location, reason):
            "cannot open the database (\(location)): \(reason)"
        case let .standardDiffers(name, version, detail):
            "\"\(name)\" \(version) is already imported from \(detail); "
                + "pass --replace to replace it (history and references are kept)"
        case let .notFound(what, suggestions):
            "\(what) does not exist"
                + (suggestions.isEmpty ? "" : "; did you mean " + suggestions.map { "\"\($0)\"" }.joined(separator: ", ") + "?")
        case let .conflict(what, expected, actual):
            "\(what) was changed by someone else (version \(actual), you edited version \(expected)); "
                + "nothing was written — reload and apply your change again"
        case let .refused(reason):
            reason
        case let .alreadyExists(what):
            "\(what) already exists"
        case let .corrupt(detail):
            "the database is not in the expected shape: \(detail); run `itss migrate`"
        case let .busy(location, waited):
            "\(location) is busy with another writer (waited \(StorageError.describe(waited)) for it); nothing was written — "
                + "try again when the other write has finished"
        case let .forbidden(reason):
            reason
        case let .failed(reason):
            "the database refused the change: \(reason); nothing was written"
        }
    }
}
