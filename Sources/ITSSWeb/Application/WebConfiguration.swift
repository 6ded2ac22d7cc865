import Foundation
import ITSSStorage

/// Everything `itss serve` can be told, in one typed place. Values come from flags, then the environment, then
/// these defaults (`WebConfiguration.resolve`).
public struct WebConfiguration: Sendable {
    /// The address to listen on. The default serves this machine only.
    public var host: String = "127.0.0.1"
    public var port: Int = 8080
    /// The database: `DATABASE_URL` (PostgreSQL) or the SQLite file in the data directory.
    public var database: DatabaseLocation
    /// Connection pools and threads.
    public var storage: StorageConfiguration = .server
    /// Sign-on through a trusted reverse proxy: the header that names the signed-in login, accepted only from
    /// these peer addresses. Off (`nil`) by default.
    public var proxySignOn: ProxySignOn?
    /// Mark cookies `Secure`: set when the server is reached through TLS (a proxy terminating it). Defaults to on
    /// when proxy sign-on is configured.
    public var secureCookies: Bool = false
    /// The most the kept responses (`ResponseCache`) may weigh together, in bytes; 0 keeps none.
    /// `ITSS_RESPONSE_CACHE_MB`.
    public var responseCacheBytes: Int = 32 * 1024 * 1024
    /// Whether `itss demo` made this database: the sign-in page then lists the demo accounts' logins.
    public var announceDemoAccounts: Bool = false

    public init(database: DatabaseLocation) {
        self.database = database
    }

    /// The trusted proxy that signs people on.
    public struct ProxySignOn: Sendable, Hashable {
        /// e.g. `X-Remote-User`.
        public var header: String
        /// Peer IP addresses the header is accepted from (the proxy's own); from anywhere else it is ignored.
        public var trustedAddresses: Set<String>

        public init(header: String, trustedAddresses: Set<String>) {
            self.header = header
            self.trustedAddresses = trustedAddresses
        }
    }

    /// Flags over environment over defaults. Environment: `ITSS_HOST`, `ITSS_PORT`, `DATABASE_URL`/`ITSS_DATA_DIR`,
    /// the storage variables of `StorageConfiguration.fromEnvironment`, `ITSS_PROXY_USER_HEADER` with
    /// `ITSS_PROXY_ADDRESSES` (comma-separated), `ITSS_SECURE_COOKIES=1`, `ITSS_RESPONSE_CACHE_MB`.
    /// - Throws: `WebConfigurationError` for a port out of range or a proxy header without addresses.
    public static func resolve(
        host: String? = nil, port: Int? = nil, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> WebConfiguration {
        var configuration = WebConfiguration(database: DatabaseLocation.fromEnvironment(environment))
        configuration.storage = StorageConfiguration.fromEnvironment(environment, base: .server)
        if let value = host ?? environment["ITSS_HOST"], !value.isEmpty { configuration.host = value }
        if let value = port ?? environment["ITSS_PORT"].flatMap({ Int($0) }) {
            guard (0...65535).contains(value) else {
                throw WebConfigurationError("--port must be 0…65535 (got \(value); 0 picks a free port)")
            }
            configuration.port = value
        }
        if let header = environment["ITSS_PROXY_USER_HEADER"], !header.isEmpty {
            let addresses = Set(
                (environment["ITSS_PROXY_ADDRESSES"] ?? "").split(separator: ",").map {
                    $0.trimmingCharacters(in: .whitespaces)
                }.filter { !$0.isEmpty })
            guard !addresses.isEmpty else {
                throw WebConfigurationError(
                    "ITSS_PROXY_USER_HEADER is set but ITSS_PROXY_ADDRESSES is empty: name the proxy's addresses")
            }
            configuration.proxySignOn = ProxySignOn(header: header, trustedAddresses: addresses)
            configuration.secureCookies = true
        }
        if let megabytes = environment["ITSS_RESPONSE_CACHE_MB"].flatMap({ Int($0) }), megabytes >= 0 {
            configuration.responseCacheBytes = megabytes * 1024 * 1024
        }
        if let secure = environment["ITSS_SECURE_COOKIES"] { configuration.secureCookies = secure == "1" || secure == "true" }
        return configuration
    }
}

/// A configuration value that cannot be used, with what to do about it.
public struct WebConfigurationError: LocalizedError, Sendable {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var errorDescription: String? { message }
}
