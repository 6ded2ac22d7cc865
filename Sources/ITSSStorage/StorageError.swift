import Foundation

/// Why a storage use case refused or failed. Nothing is written when one of these is thrown.
public enum StorageError: LocalizedError, Sendable, Equatable {
    /// The database could not be opened or reached.
    case unavailable(location: String, reason: String)
    /// The same standard and version exists with a different text or errata; `--replace` is required.
    case standardDiffers(name: String, version: String, detail: String)
    /// A row that must exist does not.
    case notFound(what: String)
    /// The stored data does not have the shape this version expects (a migration is missing).
    case corrupt(detail: String)

    public var errorDescription: String? {
        switch self {
        case let .unavailable(location, reason):
            "cannot open the database (\(location)): \(reason)"
        case let .standardDiffers(name, version, detail):
            "\"\(name)\" \(version) is already imported from \(detail); "
                + "pass --replace to replace it (history and references are kept)"
        case let .notFound(what):
            "\(what) does not exist"
        case let .corrupt(detail):
            "the database is not in the expected shape: \(detail); run `itss migrate`"
        }
    }
}
