import Foundation
import HTTPTypes
import HummingbirdTesting
import ITSSStorage
import ITSSTestSupport
import Testing

@Suite("API: catalog")
struct CatalogAPITests {
    @Test(
        "fields are listed per standard with item counts; a field shows items, level texts and knowledge items",
        arguments: TestBackend.enabled)
    func fields(backend: TestBackend) async throws {
        try await WebFixture.with(backend) { web in
            let token = try await web.token(for: "taro")
            let list = try await web.api("/api/v1/catalog/fields", token: token)
            #expect(list.status == .ok)
            let standards = try list.items()
            #expect(standards.count == 2)
            let fields = standards.flatMap { $0["fields"] as? [JSONObject] ?? [] }
            let desk = try #require(fields.first { $0["name"] as? String == "Service Desk" })
            #expect((desk["item_count"] as? Int ?? 0) > 0)
            let id = try #require(desk["id"] as? String)
            #expect(id == String(try await web.serviceDeskFieldID()))
            let field = try await web.api("/api/v1/catalog/fields/\(id)", token: token)
            #expect(field.status == .ok)
            let items = try field.object()["items"] as? [JSONObject] ?? []
            #expect(items.count == desk["item_count"] as? Int)
            let first = try #require(items.first)
            #expect((first["levels"] as? [JSONObject])?.first?["text"] is String)
            #expect(first["knowledge_items"] is [String])
            #expect(first["id"] is String)
            let missing = try await web.api("/api/v1/catalog/fields/999999", token: token)
            #expect(missing.status == .notFound)
            #expect(missing.headers[.contentType] == "application/problem+json")
            #expect(try await web.api("/api/v1/catalog/fields/abc", token: token).status == .notFound)
        }
    }

    @Test("search ranks hits as `itss catalog search` does; q is required", arguments: TestBackend.enabled)
    func search(backend: TestBackend) async throws {
        try await WebFixture.with(backend) { web in
            let token = try await web.token(for: "hanako")
            let hits = try await web.api("/api/v1/catalog/search?q=incident&limit=5", token: token)
            #expect(hits.status == .ok)
            let items = try hits.items()
            #expect(!items.isEmpty && items.count <= 5)
            #expect(items.allSatisfy { ($0["text"] as? String)?.lowercased().contains("incident") == true })
            let missing = try await web.api("/api/v1/catalog/search", token: token)
            #expect(missing.status == .badRequest)
            #expect(missing.problemField == "q")
            let badLimit = try await web.api("/api/v1/catalog/search?q=x&limit=abc", token: token)
            #expect(badLimit.status == .badRequest)
            #expect(badLimit.problemField == "limit")
        }
    }
}
