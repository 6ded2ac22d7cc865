import Hummingbird
import Logging

/// One structured log line per request, after its response: method, path (without the query, which may carry
/// search terms), status and duration, with the request id the logger carries. Never headers, cookies or bodies:
/// no secrets in logs.
/// Runs inside the error middleware's result, so failed requests are logged with the status they were answered with.
struct RequestLogMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        let start = ContinuousClock.now
        let response = try await next(request, context)
        let elapsed = ContinuousClock.now - start
        let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        context.logger.info(
            "request",
            metadata: [
                "http.method": "\(request.method.rawValue)", "http.path": "\(request.uri.path)",
                "http.status": "\(response.status.code)", "duration_ms": "\(Int(milliseconds.rounded()))",
            ])
        return response
    }
}
