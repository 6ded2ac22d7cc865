import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import ITSSDomain
import ITSSImport
import ITSSTestSupport
import Testing

@testable import ITSSStorage
@testable import ITSSWeb

/// Tailoring profiles over HTTP: the API per role, If-Match, levels under a profile, the admin pages (list,
/// create, edit with errors naming the place and the typed text kept, the diff view) and the person page.
@Suite("Tailoring profiles: API and pages")
struct ProfilesWebTests {
    static let document = """
        {"name": "Small teams", "standard": {"name": "IT Service Management", "version": "V3 2008"},
         "purpose": "ACME's framework",
         "fields": [
           {"field": "Operation Management",
            "display_name": {"name": "Ops Management", "reason": "our title"},
            "items": [{"item": "Facility Management", "exclude": {"reason": "no own data centre"}}],
            "company_items": [{"name": "Cloud Cost Control", "reason": "not in ITSS",
                               "levels": [{"level": 3, "text": "Tracks costs"}]}],
            "thresholds": [{"level": 5, "measure": "peak_staff", "minimum": 50, "reason": "smaller teams"}]}
         ]}
        """

    /// Creates `document` through the API; the new profile's id.
    static func create(_ web: WebFixture, token: String?) async throws -> String {
        let created = try await web.api("/api/v1/profiles", method: .post, token: token, json: document)
        return try #require(try created.object()["profile"] as? JSONObject)["id"] as? String ?? ""
    }

    @Test("the API: HR reads, administrators write, versions need a fresh If-Match", arguments: TestBackend.enabled)
    func api(backend: TestBackend) async throws {
        try await WebFixture.with(backend) { web in
            let tokens = try await web.tokens()
            let hrCreate = try await web.api("/api/v1/profiles", method: .post, token: tokens["hr"], json: Self.document)
            #expect(hrCreate.status == .forbidden)
            let created = try await web.api("/api/v1/profiles", method: .post, token: tokens["admin"], json: Self.document)
            #expect(created.status == .created, "\(created.text)")
            #expect(created.etagVersion == 1)
            let body = try created.object()
            let profile = try #require(body["profile"] as? JSONObject)
            let id = try #require(profile["id"] as? String)
            #expect(created.headers[.location] == "/api/v1/profiles/\(id)")
            let diff = try #require(body["diff"] as? [JSONObject])
            #expect(
                diff.map { $0["kind"] as? String } == [
                    "field_renamed", "item_excluded", "company_item_added", "threshold_adjusted",
                ])
            #expect(diff.last?["before"] as? String == "≥ 75 staff")
            for login in ["taro", "manager"] {
                #expect(try await web.api("/api/v1/profiles", token: tokens[login]).status == .forbidden)
                #expect(try await web.api("/api/v1/profiles/\(id)", token: tokens[login]).status == .forbidden)
            }
            let list = try await web.api("/api/v1/profiles", token: tokens["hr"])
            #expect(list.status == .ok)
            #expect(try list.items().map { $0["name"] as? String } == ["Small teams"])
            let read = try await web.api("/api/v1/profiles/\(id)", token: tokens["hr"])
            #expect(read.etagVersion == 1)
            // A new version with the current ETag, then a stale one.
            let edited = Self.document.replacingOccurrences(of: "\"minimum\": 50", with: "\"minimum\": 40")
            let saved = try await web.api(
                "/api/v1/profiles/\(id)/versions", method: .post, token: tokens["admin"], json: edited,
                headers: [.ifMatch: "\"1\""])
            #expect(saved.status == .created, "\(saved.text)")
            #expect(saved.etagVersion == 2)
            let stale = try await web.api(
                "/api/v1/profiles/\(id)/versions", method: .post, token: tokens["admin"], json: edited,
                headers: [.ifMatch: "\"1\""])
            #expect(stale.status == .preconditionFailed)
            #expect(stale.headers[.contentType] == "application/problem+json")
            let old = try await web.api("/api/v1/profiles/\(id)?version=1", token: tokens["hr"])
            #expect((try old.object()["version"] as? Int) == 1)
            // Export gives the document that a new version accepts as it is.
            let export = try await web.api("/api/v1/profiles/\(id)/export", token: tokens["hr"])
            #expect(export.status == .ok)
            #expect(export.headers[.contentDisposition]?.contains("attachment") == true)
            let exported = try TailoringJSON.decode(export.text)
            #expect(exported.version == 2 && exported.fields[0].thresholds[0].minimum == .number(40))
            let reimport = try await web.api(
                "/api/v1/profiles/\(id)/versions", method: .post, token: tokens["admin"], json: export.text)
            #expect(reimport.status == .created, "\(reimport.text)")
            let caseExport = try await web.api("/api/v1/profiles/\(id)/export?format=case", token: tokens["hr"])
            #expect(caseExport.status == .ok)
            #expect(try await web.api("/api/v1/profiles/\(id)/export?format=xml", token: tokens["hr"]).status == .badRequest)
            // Archive.
            #expect(try await web.api("/api/v1/profiles/\(id)/archive", method: .post, token: tokens["hr"]).status == .forbidden)
            let archived = try await web.api("/api/v1/profiles/\(id)/archive", method: .post, token: tokens["admin"])
            #expect(archived.status == .ok)
            #expect((try archived.object()["archived"] as? Bool) == true)
            #expect(try await web.api("/api/v1/profiles", token: tokens["hr"]).items().isEmpty)
        }
    }

    @Test(
        "CASE over the API: export a derived package (stable bytes, links into the standard's package), import it as a new profile and as a version, bad packages named",
        arguments: TestBackend.enabled)
    func caseExportImport(backend: TestBackend) async throws {
        try await WebFixture.with(backend) { web in
            let tokens = try await web.tokens()
            let id = try await Self.create(web, token: tokens["admin"])
            let export = try await web.api("/api/v1/profiles/\(id)/export?format=case", token: tokens["hr"])
            #expect(export.status == .ok, "\(export.text)")
            #expect(export.headers[.contentType] == "application/json")
            #expect(export.headers[.contentDisposition] == "attachment; filename=\"profile-\(id)-v1.case.json\"")
            #expect(export.etagVersion == 1)
            #expect(try await web.api("/api/v1/profiles/\(id)/export?format=case", token: tokens["hr"]).text == export.text)
            #expect(try await web.api("/api/v1/profiles/\(id)/export?format=case", token: tokens["taro"]).status == .forbidden)
            let package = try JSONDecoder().decode(CASEPackage.self, from: Data(export.text.utf8))
            #expect(package.CFDocument.title == "Small teams")
            // Every ext:isDerivedFrom leads into the standard's package as the CASE provider serves it.
            let standards = try await web.database.casePackages()
            let v3 = try #require(standards.first { $0.key.version == "V3 2008" }).package
            let known = Set(v3.CFItems.map(\.identifier) + [v3.CFDocument.identifier])
            let derivations = package.CFAssociations.filter { $0.associationType == CASEProfileExport.derivedFrom }
            #expect(!derivations.isEmpty && derivations.allSatisfy { known.contains($0.destinationNodeURI.identifier) })
            // The package as a new version of the same profile, then as a new profile under another name.
            let saved = try await web.api(
                "/api/v1/profiles/\(id)/versions", method: .post, token: tokens["admin"], json: export.text)
            #expect(saved.status == .created, "\(saved.text)")
            #expect(saved.etagVersion == 2)
            let copy = export.text.replacingOccurrences(of: "\"title\" : \"Small teams\"", with: "\"title\" : \"Copy\"")
            let imported = try await web.api("/api/v1/profiles", method: .post, token: tokens["admin"], json: copy)
            #expect(imported.status == .created, "\(imported.text)")
            let diff = try #require(try imported.object()["diff"] as? [JSONObject])
            #expect(
                diff.map { $0["kind"] as? String } == [
                    "field_renamed", "item_excluded", "company_item_added", "threshold_adjusted",
                ])
            #expect(try await web.api("/api/v1/profiles", method: .post, token: tokens["hr"], json: copy).status == .forbidden)
            // A bad package: 422 naming the place, nothing written.
            let bad = export.text.replacingOccurrences(of: v3.CFDocument.identifier, with: "00000000-0000-5000-8000-000000000000")
                .replacingOccurrences(of: "\"title\" : \"Small teams\"", with: "\"title\" : \"Bad\"")
            let refused = try await web.api("/api/v1/profiles", method: .post, token: tokens["admin"], json: bad)
            #expect(refused.status == .unprocessableContent, "\(refused.text)")
            #expect(refused.problemField?.hasSuffix(".destinationNodeURI.identifier") == true, "\(refused.text)")
            #expect(try await web.database.profiles().total == 2)
            // The profile page links both downloads; the create form takes a pasted package too.
            let admin = try await web.signIn("admin")
            let pasted = export.text.replacingOccurrences(of: "\"title\" : \"Small teams\"", with: "\"title\" : \"Pasted\"")
            #expect(try await web.post("/admin/profiles", as: admin, form: [("document", pasted)]).status == .seeOther)
            let refusedForm = try await web.post("/admin/profiles", as: admin, form: [("document", bad)])
            #expect(refusedForm.status == .unprocessableContent)
            #expect(refusedForm.text.contains(".destinationNodeURI.identifier"))
            #expect(try await web.database.profiles().total == 3)
            let page = try await web.get("/admin/profiles/\(id)", as: admin)
            #expect(page.text.contains("/api/v1/profiles/\(id)/export?version=2&amp;format=case"), "\(page.text)")
            #expect(page.text.contains("Download as CASE"))
            let japanese = try await web.get(
                "/admin/profiles/\(id)", as: nil, headers: [.cookie: "\(admin.cookie); itss_lang=ja"])
            #expect(japanese.text.contains("CASE でダウンロード"))
        }
    }

    @Test("bad profiles over the API: the problem names the place; nothing is written", arguments: TestBackend.enabled)
    func apiBadInput(backend: TestBackend) async throws {
        try await WebFixture.with(backend) { web in
            let admin = try await web.token(for: "admin")
            let cases: [(String, Int, String)] = [
                (
                    Self.document.replacingOccurrences(of: "\"minimum\": 50", with: "\"minimum\": \"fifty\""), 422,
                    "fields[0].thresholds[0].minimum"
                ),
                (
                    Self.document.replacingOccurrences(of: "\"minimum\": 50", with: "\"minimum\": -5"), 422,
                    "fields[0].thresholds[0].minimum"
                ),
                (
                    Self.document.replacingOccurrences(of: "\"Facility Management\"", with: "\"Juggling\""), 422,
                    "fields[0].items[0].item"
                ),
                (
                    Self.document.replacingOccurrences(of: "\"Operation Management\"", with: "\"Operations Mgmt\""), 422,
                    "fields[0].field"
                ),
                (
                    Self.document.replacingOccurrences(of: "\"reason\": \"not in ITSS\",", with: ""), 400,
                    "fields.0.company_items.0.reason"
                ),
            ]
            for (body, status, field) in cases {
                let response = try await web.api("/api/v1/profiles", method: .post, token: admin, json: body)
                #expect(Int(response.status.code) == status, "\(field): \(response.text)")
                #expect(response.problemField == field, "\(response.text)")
            }
            #expect(try await web.database.profiles(includeArchived: true).total == 0)
        }
    }

    @Test("levels under a profile beside the standard's, for HR; others are refused", arguments: TestBackend.enabled)
    func levelsUnderProfile(backend: TestBackend) async throws {
        try await WebFixture.with(backend) { web in
            let tokens = try await web.tokens()
            let id = try await Self.create(web, token: tokens["admin"])
            let levels = try await web.api("/api/v1/people/E1001/levels?profile=\(id)", token: tokens["hr"])
            #expect(levels.status == .ok, "\(levels.text)")
            let entry = try #require(try levels.items().first)
            let under = try #require(entry["under_profile"] as? JSONObject)
            #expect(under["profile_id"] as? String == id)
            #expect(under["profile_version"] as? Int == 1)
            #expect(under["profile_name"] as? String == "Small teams")
            #expect(entry["official"] != nil)
            #expect(try await web.api("/api/v1/people/E1001/levels?profile=\(id)", token: tokens["manager"]).status == .forbidden)
            #expect(try await web.api("/api/v1/people/E1001/levels?profile=999", token: tokens["hr"]).status == .notFound)
            #expect(try await web.api("/api/v1/people/E1001/levels?profile=abc", token: tokens["hr"]).status == .badRequest)
            // The person page shows both for HR.
            let hr = try await web.signIn("hr")
            let page = try await web.get("/people/E1001?profile=\(id)", as: hr)
            #expect(page.status == .ok)
            #expect(page.text.contains("Levels under a tailoring profile"))
            #expect(page.text.contains("Under “Small teams” version 1"))
            let employee = try await web.signIn("hanako")
            #expect(!(try await web.get("/people/E1001?profile=\(id)", as: employee).text.contains("tailoring profile")))
        }
    }

    @Test("pages: list, create, edit keeps the typed text and names the place, diff view", arguments: TestBackend.enabled)
    func pages(backend: TestBackend) async throws {
        try await WebFixture.with(backend) { web in
            let hr = try await web.signIn("hr")
            let empty = try await web.get("/admin/profiles", as: hr)
            #expect(empty.status == .ok)
            #expect(empty.text.contains("No profiles yet"))
            #expect(!empty.text.contains("Create a profile"), "HR reads only")
            #expect(try await web.post("/admin/profiles", as: hr, form: [("name", "X")]).status == .forbidden)
            let employee = try await web.signIn("hanako")
            #expect(try await web.get("/admin/profiles", as: employee).status == .forbidden)

            let admin = try await web.signIn("admin")
            let listPage = try await web.get("/admin/profiles", as: admin)
            #expect(listPage.text.contains("Create a profile"))
            // Empty profile from name and standard.
            let made = try await web.post(
                "/admin/profiles", as: admin,
                form: [("name", "Plain"), ("standard", "V3 2008|IT Service Management"), ("document", "")])
            #expect(made.status == .seeOther, "\(made.text)")
            // A bad document: refused, the typed text kept, the place named.
            let bad = Self.document.replacingOccurrences(of: "\"minimum\": 50", with: "\"minimum\": \"fifty\"")
            let refused = try await web.post("/admin/profiles", as: admin, form: [("document", bad)])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("fields[0].thresholds[0].minimum"))
            #expect(refused.text.contains("&quot;fifty&quot;"), "the typed JSON is kept")
            #expect(refused.text.contains("aria-invalid=\"true\""))
            let good = try await web.post("/admin/profiles", as: admin, form: [("document", Self.document)])
            #expect(good.status == .seeOther)
            let location = try #require(good.headers[.location])
            let diff = try await web.get(location, as: hr)
            #expect(diff.status == .ok)
            #expect(diff.text.contains("<del>Facility Management</del>"))
            #expect(diff.text.contains("Ops Management"))
            #expect(diff.text.contains("+ Cloud Cost Control"))
            #expect(diff.text.contains("<del>≥ 75 staff</del> → <ins>≥ 50 staff</ins>"))
            #expect(diff.text.contains("smaller teams"))
            #expect(!diff.text.contains("Edit: save a new version"), "HR reads only")
            // Edit: a stale version is a conflict, keeping the text; a fresh one saves version 2.
            let path = String(location.prefix { $0 != "?" })
            let edited = Self.document.replacingOccurrences(of: "\"minimum\": 50", with: "\"minimum\": 45")
            let saved = try await web.post(path, as: admin, form: [("document", edited), ("version", "1"), ("note", "45")])
            #expect(saved.status == .seeOther)
            let conflict = try await web.post(path, as: admin, form: [("document", edited), ("version", "1"), ("note", "x")])
            #expect(conflict.status == .conflict)
            #expect(conflict.text.contains("Someone saved another version"))
            let badEdit = edited.replacingOccurrences(of: "\"Facility Management\"", with: "\"Juggling\"")
            let badResponse = try await web.post(path, as: admin, form: [("document", badEdit), ("version", "2")])
            #expect(badResponse.status == .unprocessableContent)
            #expect(badResponse.text.contains("fields[0].items[0].item"))
            #expect(badResponse.text.contains("Juggling"))
            let current = try await web.get(path, as: admin)
            #expect(current.text.contains("Showing version 2 of 2"))
            #expect(try await web.get("\(path)?version=1", as: admin).text.contains("<ins>≥ 50 staff</ins>"))
            let japanese = try await web.get(path, as: nil, headers: [.cookie: "\(admin.cookie); itss_lang=ja"])
            #expect(japanese.text.contains("公開された標準との差分"))
            // Archive.
            let archived = try await web.post("\(path)/archive", as: admin, form: [("version", "2")])
            #expect(archived.status == .seeOther)
            #expect(try await web.get(path, as: admin).text.contains("take no new versions"))
            #expect(try await web.get("/admin/profiles/999999", as: admin).status == .notFound)
        }
    }
}

/// The profile pages' views as pure functions.
@Suite("Tailoring profile views")
struct ProfileViewsTests {
    static let hostile = "<script>alert(1)</script>"

    @Test("the diff view escapes every text of the profile and shows each kind of change")
    func diffView() throws {
        let catalog = try ITSSImport.BuiltInStandards.catalog()
        let profile = TailoringProfile(
            name: Self.hostile, standard: StandardKey(name: "IT Service Management", version: "V3 2008"),
            purpose: Self.hostile,
            fields: [
                FieldTailoring(
                    field: "Service Desk", displayName: DisplayName(name: Self.hostile, reason: Self.hostile),
                    items: [ItemTailoring(item: "Staffing", exclude: Exclusion(reason: Self.hostile))],
                    companyItems: [
                        CompanyItem(name: Self.hostile, reason: "r", levels: [CompanyLevel(level: 3, text: Self.hostile)])
                    ])
            ])
        let tailored = try Tailoring.apply(profile, to: catalog)
        let summary = ProfileSummary(
            id: 1, name: Self.hostile, standard: profile.standard, version: 1, changeCount: 4, archivedAt: nil,
            createdAt: "2026-01-01", createdBy: "admin", updatedAt: "2026-01-01")
        let version = ProfileVersion(
            profileID: 1, version: 1, profile: profile, changeCount: 4, note: Self.hostile, createdAt: "2026-01-01",
            createdBy: "admin")
        for language in [Language.english, .japanese] {
            let page = ProfileDiffPage(
                summary: summary, version: version, tailored: tailored, unavailable: nil,
                versions: Page(items: [version], page: 1, perPage: 20, total: 1), versionsList: ListState(),
                canWrite: true, document: Self.hostile, baseVersion: 1, csrfToken: "t")
            let html = page.render(
                layout: Layout(title: "t", language: language, account: nil, csrfToken: "t", path: "/admin/profiles")
            ).rendered
            #expect(!html.contains(Self.hostile))
            #expect(html.contains("<del>Staffing</del>"))
            #expect(html.contains(language == .english ? "company item" : "自社項目"))
        }
    }
}
