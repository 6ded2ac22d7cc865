import Foundation
import Hummingbird
import ITSSStorage

/// `/healthz` (the process answers), `/readyz` (and its database does), and the static files.
struct OperationsRoutes {
    let database: AppDatabase
    let staticFiles: StaticFiles

    func add(to router: Router<AppRequestContext>) {
        router.get("/healthz") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/plain"], body: ResponseBody(byteBuffer: ByteBuffer(string: "ok\n")))
        }
        router.get("/readyz") { _, _ in
            do {
                try await database.ping()
                return Response(
                    status: .ok, headers: [.contentType: "text/plain"], body: ResponseBody(byteBuffer: ByteBuffer(string: "ready\n")))
            } catch {
                return Response(
                    status: .serviceUnavailable, headers: [.contentType: "text/plain"],
                    body: ResponseBody(byteBuffer: ByteBuffer(string: "database unavailable\n")))
            }
        }
        router.get("/static/:file") { _, context in
            guard let name = context.parameters.get("file"), let file = staticFiles.files[name] else {
                throw Problem.notFound("that file")
            }
            return Response(
                status: .ok,
                headers: [.contentType: file.contentType, .cacheControl: "public, max-age=3600"],
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: file.bytes)))
        }
    }
}

/// The stylesheet and scripts, read once from the bundle at start.
struct StaticFiles: Sendable {
    struct File: Sendable {
        var bytes: [UInt8]
        var contentType: String
    }

    let files: [String: File]

    /// - Throws: when the bundle's `static` folder cannot be read.
    static func load() throws -> StaticFiles {
        guard let folder = Bundle.module.url(forResource: "static", withExtension: nil) else {
            return StaticFiles(files: [:])
        }
        var files: [String: File] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            let bytes = try [UInt8](Data(contentsOf: folder.appendingPathComponent(name)))
            let type =
                switch (name as NSString).pathExtension {
                case "css": "text/css; charset=utf-8"
                case "js": "text/javascript; charset=utf-8"
                case "svg": "image/svg+xml"
                default: "application/octet-stream"
                }
            files[name] = File(bytes: bytes, contentType: type)
        }
        return StaticFiles(files: files)
    }
}
