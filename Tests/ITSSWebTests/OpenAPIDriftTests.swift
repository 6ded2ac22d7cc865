import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import ITSSStorage
import ITSSTestSupport
import Testing

@testable import ITSSWeb

/// Keeps `openapi.yaml` and the router in step.
///
/// Approach: Hummingbird's `Router.routes` lists every registered route as `METHOD /path/{parameter}` — the same
/// template syntax as OpenAPI paths — so the test compares that list (restricted to `/api/v1` and the CASE
/// provider's `/ims/case/v1p1`) with the
/// document's path × method pairs, parameter names included. The document is read by a minimal parser of its
/// `paths:` section (paths are the keys indented by two spaces, operations the HTTP methods indented by four), so
/// no YAML package is needed. The test fails on a route the document lacks and on a documented operation no
/// route serves. A second test fetches the document from the running application.
@Suite("OpenAPI document ↔ routes")
struct OpenAPIDriftTests {
    static let methods: Set<String> = ["get", "put", "post", "patch", "delete", "head", "options", "trace"]

    /// `GET /api/v1/me`, … for every operation in the `paths:` section.
    static func documentedOperations(_ yaml: String) -> Set<String> {
        var operations = Set<String>()
        var inPaths = false
        var path: String?
        for raw in yaml.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = String(raw)
            if line.trimmingCharacters(in: .whitespaces).isEmpty || line.trimmingCharacters(in: .whitespaces).hasPrefix("#") {
                continue
            }
            let indent = line.prefix { $0 == " " }.count
            if indent == 0 {
                inPaths = line.hasPrefix("paths:")
                path = nil
                continue
            }
            guard inPaths else { continue }
            let key = line.trimmingCharacters(in: .whitespaces)
            if indent == 2, key.hasSuffix(":") {
                path = String(key.dropLast()).trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
            } else if indent == 4, key.hasSuffix(":"), let path, methods.contains(String(key.dropLast())) {
                operations.insert("\(key.dropLast().uppercased()) \(path)")
            }
        }
        return operations
    }

    static func document() throws -> String {
        try String(contentsOf: try #require(sourceDocument()), encoding: .utf8)
    }

    /// The document in the source tree (the tests run from the package).
    static func sourceDocument() -> URL? {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/ITSSWeb/Resources/openapi.yaml")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }

    @Test("every route under /api/v1 and /ims/case/v1p1 is documented and every documented operation is routed")
    func noDrift() async throws {
        let documented = Self.documentedOperations(try Self.document())
        #expect(documented.count > 30, "the parser found the operations")
        try await TestBackend.sqlite.withDatabase { database in
            let router = try await buildRouter(configuration: WebConfiguration(database: database.location), database: database)
            let routed = Set(router.routes.map { "\($0.method) \($0.path)" }.filter {
                $0.contains(" /api/v1/") || $0.contains(" /ims/case/v1p1/")
            })
            #expect(
                routed.subtracting(documented).isEmpty, "routed but not documented: \(routed.subtracting(documented).sorted())")
            #expect(
                documented.subtracting(routed).isEmpty, "documented but not routed: \(documented.subtracting(routed).sorted())")
        }
    }

    @Test("the parser reads paths and methods and nothing else")
    func parser() {
        let yaml = """
            openapi: 3.1.0
            paths:
              /api/v1/a/{id}:
                get:
                  parameters:
                    - name: get
                patch:
                  responses: {}
              "/api/v1/b":
                post:
                  summary: x
            components:
              schemas:
                get:
                  type: object
            """
        #expect(Self.documentedOperations(yaml) == ["GET /api/v1/a/{id}", "PATCH /api/v1/a/{id}", "POST /api/v1/b"])
    }

    @Test("the document is served at /api/v1/openapi.yaml without credentials", arguments: TestBackend.enabled)
    func served(backend: TestBackend) async throws {
        try await WebFixture.with(backend) { web in
            let response = try await web.get("/api/v1/openapi.yaml", as: nil)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType]?.hasPrefix("application/yaml") == true)
            #expect(response.text == (try Self.document()))
        }
    }
}
