import HTTPTypes
import Hummingbird
import HummingbirdTesting
import ITSSDomain
import ITSSStorage
import ITSSTestSupport
import Testing

@testable import ITSSWeb

@Suite("Catalog pages: standards, the item × level matrix, items, search, diagnostics")
struct CatalogWebTests {
    static let roles = ["admin", "hr", "manager", "hanako"]

    /// The id of V3 Service Desk.
    static func serviceDesk(_ web: WebFixture) async throws -> Int64 {
        try await web.database.fieldID(Fixtures.serviceDesk)
    }

    @Test("every signed-in role browses standards, a field's matrix and an item", arguments: TestBackend.enabled)
    func browse(backend: TestBackend) async throws {
        try await WebFixture.with(backend) { web in
            let fieldID = try await Self.serviceDesk(web)
            for login in Self.roles {
                let session = try await web.signIn(login)
                let index = try await web.get("/catalog", as: session)
                #expect(index.status == .ok, "\(login)")
                #expect(index.text.contains("IT Service Management"))
                #expect(index.text.contains("href=\"/catalog/fields/\(fieldID)\""))
                let field = try await web.get("/catalog/fields/\(fieldID)", as: session)
                #expect(field.status == .ok, "\(login)")
                #expect(field.text.contains("<h1>Service Desk</h1>"))
                #expect(field.text.contains("/catalog/items/"), "cells link to the item")
                #expect(field.text.contains("#level-"), "cells link to the level")
                #expect(field.text.contains("Level conditions"))
            }
            let session = try await web.signIn("hanako")
            let field = try await web.get("/catalog/fields/\(fieldID)", as: session).text
            let itemLink = try #require(field.range(of: "href=\"/catalog/items/"))
            let idText = field[itemLink.upperBound...].prefix { $0.isNumber }
            let item = try await web.get("/catalog/items/\(idText)", as: session)
            #expect(item.status == .ok)
            #expect(item.text.contains("id=\"level-"))
            #expect(item.text.contains("Knowledge items"))
            #expect(item.text.contains("href=\"/catalog/fields/\(fieldID)\""), "back to the field")
        }
    }

    @Test("anonymous visitors are sent to sign in; unknown fields and items are 404", arguments: TestBackend.enabled)
    func refusals(backend: TestBackend) async throws {
        try await WebFixture.with(backend) { web in
            let anonymous = try await web.get("/catalog", as: nil)
            #expect(anonymous.status == .seeOther)
            #expect(anonymous.headers[.location] == "/login?next=%2Fcatalog")
            let session = try await web.signIn("taro")
            #expect(try await web.get("/catalog/fields/999999", as: session).status == .notFound)
            #expect(try await web.get("/catalog/items/999999", as: session).status == .notFound)
            #expect(try await web.get("/catalog/fields/abc", as: session).status == .notFound)
            #expect(
                try await web.get("/catalog/diagnostics?standard=Nope&version=V9", as: session).status == .notFound)
        }
    }

    @Test("the V2 matrix tells levels supplied by the shared section apart", arguments: TestBackend.enabled)
    func sharedLevels(backend: TestBackend) async throws {
        try await WebFixture.with(backend) { web in
            let fieldID = try await web.database.fieldID("V2:Service desk")
            let session = try await web.signIn("hanako")
            let page = try await web.get("/catalog/fields/\(fieldID)", as: session)
            #expect(page.status == .ok)
            #expect(page.text.contains("○"), "levels 1–2 come from the shared section")
            #expect(page.text.contains("●"))
        }
    }

    @Test("search highlights hits, escaping first and marking after; a hostile query stays text", arguments: TestBackend.enabled)
    func search(backend: TestBackend) async throws {
        try await WebFixture.with(backend) { web in
            let session = try await web.signIn("hanako")
            let page = try await web.get("/catalog/search?q=incident", as: session)
            #expect(page.status == .ok)
            #expect(page.text.contains("<mark>Incident</mark>") || page.text.contains("<mark>incident</mark>"))
            #expect(page.text.contains("value=\"incident\""), "the query is kept in the box")
            // The same hits as `itss catalog search`.
            let catalog = try await web.database.catalog()
            let first = try #require(CatalogSearch.search("incident", in: catalog, limit: 1).first)
            #expect(page.text.contains(HTML.escape(first.item)))

            let hostile = try await web.get("/catalog/search?q=%3Cb%3E", as: session)
            #expect(hostile.status == .ok)
            #expect(!hostile.text.contains("<b>"), "the query never becomes markup")
            #expect(hostile.text.contains("value=\"&lt;b&gt;\""))
            #expect(hostile.text.contains("<mark>"), "the word b still matches word beginnings")
            let nothing = try await web.get("/catalog/search?q=zzzqqq", as: session)
            #expect(nothing.text.contains("No matches"))
            let empty = try await web.get("/catalog/search?q=", as: session)
            #expect(empty.text.contains("Type one or more words"))
        }
    }

    @Test("marking a hit escapes the text and the marked part alike")
    func highlight() {
        #expect(
            Highlight.mark("<script>Incident</script> & incidents", query: "incid").rendered
                == "&lt;script&gt;<mark>Incid</mark>ent&lt;/script&gt; &amp; <mark>incid</mark>ents")
        #expect(Highlight.mark("a <b> c", query: "<b>").rendered == "a &lt;<mark>b</mark>&gt; c")
        #expect(Highlight.mark("plain", query: "").rendered == "plain")
    }

    @Test("the source's diagnostics are shown per standard and on the field they concern", arguments: TestBackend.enabled)
    func diagnostics(backend: TestBackend) async throws {
        try await WebFixture.with(backend) { web in
            let session = try await web.signIn("hanako")
            var withDiagnostics: (StandardKey, Diagnostic)?
            for standard in try await web.database.storedStandards() {
                if let diagnostic = try await web.database.importDiagnostics(of: standard.key).first(where: { $0.field != nil }) {
                    withDiagnostics = (standard.key, diagnostic)
                    break
                }
            }
            let (key, diagnostic) = try #require(withDiagnostics, "the shipped documents have diagnostics")
            let page = try await web.get(
                "/catalog/diagnostics?standard=\(HTML.percentEncoded(key.name))&version=\(HTML.percentEncoded(key.version))",
                as: session)
            #expect(page.status == .ok)
            #expect(page.text.contains(HTML.escape(diagnostic.message)))
            let summaries = try await web.database.catalogFieldSummaries()
            let field = try #require(summaries.first { $0.reference.standard == key && $0.reference.field == diagnostic.field })
            let fieldPage = try await web.get("/catalog/fields/\(field.id)", as: session)
            #expect(fieldPage.text.contains(HTML.escape(diagnostic.message)), "shown on the field it applies to")
        }
    }
}
