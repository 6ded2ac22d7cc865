import Foundation

/// Where the data lives: an embedded SQLite file (the default) or a PostgreSQL server.
public enum DatabaseLocation: Sendable, Equatable, CustomStringConvertible {
    case sqlite(path: String)
    case postgres(url: String)

    /// `DATABASE_URL=postgres://…` selects PostgreSQL; otherwise SQLite at `<data directory>/itss.sqlite`,
    /// where the data directory is `ITSS_DATA_DIR` or `./data`.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> DatabaseLocation
    {
        if let url = environment["DATABASE_URL"], url.hasPrefix("postgres://") || url.hasPrefix("postgresql://") {
            return .postgres(url: url)
        }
        let directory = environment["ITSS_DATA_DIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "data"
        return .sqlite(path: (directory as NSString).appendingPathComponent("itss.sqlite"))
    }

    public var description: String {
        switch self {
        case let .sqlite(path): "SQLite \(path)"
        case let .postgres(url): "PostgreSQL \(DatabaseLocation.redacted(url))"
        }
    }

    /// The URL without its password, for messages and logs.
    static func redacted(_ url: String) -> String {
        guard var components = URLComponents(string: url), components.password != nil else { return url }
        components.password = "***"
        return components.string ?? url
    }
}
