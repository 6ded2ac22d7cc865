import Hummingbird
import ITSSStorage
import Logging

/// The whole web application over an open database: middleware, pages, the JSON API.
///
/// - Parameters:
///   - configuration: Address, proxy sign-on, cookies.
///   - database: An open, migrated database; the caller closes it after the application has stopped.
///   - onServerRunning: Called once the server listens (with the bound port, useful when the port was 0).
/// - Throws: when the static files cannot be read.
public func buildApplication(
    configuration: WebConfiguration, database: AppDatabase, logger: Logger = Logger(label: "itss.web"),
    onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
) async throws -> some ApplicationProtocol {
    let router = try await buildRouter(configuration: configuration, database: database)
    return Application(
        router: router,
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "itss"),
        onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? configuration.port) },
        logger: logger)
}

/// The router with every route and middleware (also what the in-process HTTP tests drive).
/// - Throws: when the static files cannot be read.
public func buildRouter(configuration: WebConfiguration, database: AppDatabase) async throws -> Router<AppRequestContext> {
    var configuration = configuration
    configuration.announceDemoAccounts = try await database.hasDemoAccounts()
    let responses = ResponseCache(database: database, capacity: configuration.responseCacheBytes)
    let router = Router(context: AppRequestContext.self)
    router.add(middleware: RequestLogMiddleware())
    router.add(middleware: SecurityHeadersMiddleware())
    router.add(middleware: ErrorMiddleware())
    router.add(middleware: AuthenticationMiddleware(database: database, configuration: configuration))
    OperationsRoutes(database: database, staticFiles: try StaticFiles.load()).add(to: router)
    SessionRoutes(database: database, configuration: configuration).add(to: router)
    HomeRoutes(database: database).add(to: router)
    CatalogRoutes(database: database).add(to: router)
    AdminRoutes(database: database).add(to: router)
    AccountRoutes(database: database, configuration: configuration).add(to: router)
    MySkillsRoutes(database: database).add(to: router)
    SelfAssessmentRoutes(database: database).add(to: router)
    ReviewRoutes(database: database).add(to: router)
    PeopleRoutes(database: database, responses: responses).add(to: router)
    ProfilesRoutes(database: database).add(to: router)
    StaffingRoutes(database: database).add(to: router)
    SheetRoutes(database: database).add(to: router)
    SkillMapRoutes(database: database, responses: responses).add(to: router)
    APIRoutes(database: database, responses: responses).add(to: router)
    CASEProviderAPI(database: database).add(to: router)
    return router
}
