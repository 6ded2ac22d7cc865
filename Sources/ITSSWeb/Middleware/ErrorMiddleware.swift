import Foundation
import Hummingbird
import Logging

/// Turns every error into the answer its client understands: `application/problem+json` under `/api` and
/// `/ims` (the CASE provider API), an HTML
/// page elsewhere (and, for an anonymous page request, a redirect to the sign-in page). Unexpected errors are
/// logged with the request id and answered with a 500 that reveals nothing.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        do {
            return try await next(request, context)
        } catch {
            var problem = Problem.from(error)
            if let http = error as? HTTPError {
                problem = Problem(status: http.status, detail: http.body ?? http.status.reasonPhrase)
            }
            if problem.status >= 500 {
                context.logger.error("request failed", metadata: ["error": "\(String(reflecting: error))"])
            }
            if Self.isAPI(request.uri.path) {
                return Self.problemResponse(problem)
            }
            if problem.status == 401 {
                let next = request.uri.description == "/" ? "" : "?next=" + HTML.percentEncoded(request.uri.description)
                return .seeOther("/login" + next)
            }
            let layout = context.layout(problem.title, path: request.uri.path)
            return .html(ErrorPage.render(problem, layout: layout), status: problem.httpStatus)
        }
    }

    /// The JSON API and the CASE provider API answer errors as problem+json.
    static func isAPI(_ path: String) -> Bool { path.hasPrefix("/api/") || path == "/api" || path.hasPrefix("/ims/") }

    static func problemResponse(_ problem: Problem) -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let body = (try? encoder.encode(problem)) ?? Data("{}".utf8)
        var headers: HTTPFields = [.contentType: "application/problem+json"]
        if problem.status == 401 { headers[.wwwAuthenticate] = "Bearer realm=\"itss\"" }
        return Response(status: problem.httpStatus, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }
}

/// The HTML page for an error.
enum ErrorPage {
    static func render(_ problem: Problem, layout: Layout) -> HTML {
        layout.render(
            """
            <h1>\(problem.status) \(problem.title)</h1>
            <p class="error">\(problem.detail)</p>
            <p><a href="/">\(ErrorText.home(layout.language))</a></p>
            """)
    }
}

enum ErrorText {
    static let home = Localized("Back to the start page", "トップページへ戻る")
}
