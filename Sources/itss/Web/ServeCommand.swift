import ArgumentParser
import Foundation
import Hummingbird
import ITSSStorage
import ITSSWeb
import Logging

/// `itss serve`: the web application and its JSON API.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "Serve the web application and the JSON API.",
        discussion: """
            Listens on http://127.0.0.1:8080 by default, on the embedded SQLite database under $ITSS_DATA_DIR or on \
            DATABASE_URL. Several instances can serve one PostgreSQL database: sessions live in the database. \
            On a database without accounts, the first start creates the administrator `admin` and prints its \
            password once. SIGINT or SIGTERM stop the server after in-flight requests finish.
            """)

    @Option(help: "Address to listen on (ITSS_HOST; default 127.0.0.1).") var host: String?
    @Option(help: "Port to listen on (ITSS_PORT; default 8080; 0 picks a free one).") var port: Int?

    func run() async throws {
        try await reportingErrors {
            // 0 (a free port) is for tests and scripts only, so `resolve` (which checks 1…65535) does not see it.
            var configuration = try WebConfiguration.resolve(host: host, port: port == 0 ? nil : port)
            if port == 0 { configuration.port = 0 }
            var logger = Logger(label: "itss.web")
            logger.logLevel = ProcessInfo.processInfo.environment["ITSS_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .info
            let database = try await AppDatabase.openMigrated(
                location: configuration.database, configuration: configuration.storage, logger: logger)
            do {
                try await database.loadBuiltInStandardsIfEmpty { standard in
                    if standard == nil { Output.note("First use of \(database.location): loading the built-in ITSS standards…") }
                }
                let host = configuration.host
                if let password = try await database.createFirstAdministratorIfNone() {
                    Output.note(
                        """
                        No accounts yet: created the administrator account.
                          Sign in at http://\(host):\(configuration.port == 0 ? 8080 : configuration.port)/login \
                        as "admin" with the password \(password)
                          (shown this once; add accounts with `itss user add`, change it under Account).
                        """)
                }
                let app = try await buildApplication(configuration: configuration, database: database, logger: logger) {
                    port in
                    // One line a script can wait for (the tests read the port from it).
                    Output.note("itss serving http://\(host):\(port) on \(database.location)")
                }
                try await app.runService()
            } catch {
                await database.close()
                throw error
            }
            await database.close()
        }
    }
}
