import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import ITSSDomain
import ITSSImport
import ITSSStorage
import ITSSTestSupport
import Testing

@testable import ITSSWeb

@Suite("Web: CASE provider, crosswalk and scale measures")
struct InterchangeWebTests {
    static let v3 = StandardKey(name: "IT Service Management", version: "V3 2008")

    @Test("the CASE provider serves documents, packages, items and associations to any signed-in caller", arguments: TestBackend.enabled)
    func provider(backend: TestBackend) async throws {
        try await WebFixture.with(backend) { web in
            let anonymous = try await web.api("/ims/case/v1p1/CFDocuments", token: nil)
            #expect(anonymous.status == .unauthorized)
            #expect(anonymous.headers[.contentType] == "application/problem+json")
            let taro = try await web.token(for: "taro")
            let documents = try await web.api("/ims/case/v1p1/CFDocuments", token: taro)
            #expect(documents.status == .ok)
            let list = try #require(try documents.object()["CFDocuments"] as? [JSONObject])
            #expect(list.compactMap { $0["version"] as? String } == ["V2 2006", "V3 2008"])
            let stored = try await web.database.casePackages()
            let id = CASEIdentifiers.document(Self.v3)
            let package = try await web.api("/ims/case/v1p1/CFPackages/\(id)", token: taro)
            #expect(package.status == .ok)
            let decoded = try JSONDecoder().decode(CASEPackage.self, from: Data(buffer: package.body))
            #expect(decoded == stored.last?.package)
            let item = try #require(decoded.CFItems.first { $0.CFItemType == CASEItemKind.levelStatement.rawValue })
            let served = try await web.api("/ims/case/v1p1/CFItems/\(item.identifier)", token: taro)
            #expect(try JSONDecoder().decode(CASEPackage.Item.self, from: Data(buffer: served.body)) == item)
            let association = try #require(decoded.CFAssociations.first)
            let link = try await web.api("/ims/case/v1p1/CFAssociations/\(association.identifier)", token: taro).object()
            #expect(link["associationType"] as? String == association.associationType)
            #expect((link["CFDocumentURI"] as? JSONObject)?["identifier"] as? String == id)
            // A browser session reads it too.
            let session = try await web.signIn("hanako")
            #expect(try await web.get("/ims/case/v1p1/CFDocuments", as: session).status == .ok)
            for path in ["CFPackages", "CFItems", "CFAssociations"] {
                let unknown = try await web.api("/ims/case/v1p1/\(path)/00000000-0000-5000-8000-000000000000", token: taro)
                #expect(unknown.status == .notFound)
                #expect(unknown.headers[.contentType] == "application/problem+json")
            }
        }
    }

    @Test("carry through the API: a prefilled draft with provenance, hidden from others", arguments: TestBackend.enabled)
    func carryAPI(backend: TestBackend) async throws {
        try await WebFixture.with(backend) { web in
            let source = try await Fixtures.approvedAssessment(web.database, field: "V2:Service desk", person: "E1001", level: 4)
            let body = json(["from": "V2:Service desk", "to": "Service Desk", "cycle": "2026H2"])
            let taro = try await web.api(
                "/api/v1/people/E1001/crosswalk-carry", method: .post, token: try await web.token(for: "taro"), json: body)
            #expect(taro.status == .notFound)
            let carried = try await web.api(
                "/api/v1/people/E1001/crosswalk-carry", method: .post, token: try await web.token(for: "manager"), json: body)
            #expect(carried.status == .created)
            let draft = try carried.object()
            #expect(draft["state"] as? String == "draft")
            let ratings = try #require(draft["ratings"] as? [JSONObject])
            let leadership = try #require(ratings.first { $0["item"] as? String == "Leadership" })
            #expect(leadership["self_level"] as? Int == 4)
            #expect((leadership["carried_from"] as? String)?.contains("assessment \(source.id)") == true)
            let again = try await web.api(
                "/api/v1/people/E1001/crosswalk-carry", method: .post, token: try await web.token(for: "manager"), json: body)
            #expect(again.status == .conflict)
            let badField = try await web.api(
                "/api/v1/people/E1001/crosswalk-carry", method: .post, token: try await web.token(for: "hr"),
                json: json(["from": "V2:Nothing", "to": "Service Desk", "cycle": "2027"]))
            #expect(badField.problemField == "from")
        }
    }

    @Test("the profile's carry form for an evaluator, not for the employee; the draft shows where ratings came from", arguments: TestBackend.enabled)
    func carryForm(backend: TestBackend) async throws {
        try await WebFixture.with(backend) { web in
            try await Fixtures.approvedAssessment(web.database, field: "V2:Service desk", person: "E1001", level: 4)
            let manager = try await web.signIn("manager")
            let profile = try await web.get("/people/E1001", as: manager)
            #expect(profile.text.contains("id=\"carry-form\""))
            #expect(profile.text.contains("V2 2006:Service desk→V3 2008:Service Desk"))
            let hanako = try await web.signIn("hanako")
            #expect(!(try await web.get("/people/E1001", as: hanako).text.contains("carry-form")))
            let refused = try await web.post(
                "/people/E1001/crosswalk-carry", as: manager, form: [("pair", "V2 2006:Service desk→V3 2008:Service Desk"), ("cycle", "someday")])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("value=\"someday\""))
            let carried = try await web.post(
                "/people/E1001/crosswalk-carry", as: manager,
                form: [("pair", "V2 2006:Service desk→V3 2008:Service Desk"), ("cycle", "2026H2")])
            #expect(carried.status == .seeOther)
            #expect(carried.headers[.location] == "/people/E1001?done=carried#carry")
            let draft = try #require(try await web.database.assessments(of: "E1001").first { $0.field.field == "Service Desk" })
            let page = try await web.get("/assessments/\(draft.id)", as: hanako)
            #expect(page.text.contains("class=\"carried\""), "\(page.status)")
        }
    }

    @Test("catalog pages list an item's and a field's counterparts in the other edition", arguments: TestBackend.enabled)
    func counterparts(backend: TestBackend) async throws {
        try await WebFixture.with(backend) { web in
            let session = try await web.signIn("taro")
            let field = try await web.database.fieldID("V2:Service desk")
            let fieldPage = try await web.get("/catalog/fields/\(field)", as: session)
            #expect(fieldPage.text.contains("Counterparts in the other edition"))
            #expect(fieldPage.text.contains("crosswalk-same"))
            let detail = try await web.database.catalogFieldDetail(id: try await web.database.fieldID(Fixtures.serviceDesk))
            let item = try #require(detail.itemIDs["Personnel Management"])
            let itemPage = try await web.get("/catalog/items/\(item)", as: session)
            #expect(itemPage.text.contains("Stress management"))
            #expect(itemPage.text.contains("crosswalk-broader"))
        }
    }

    @Test("the experience form takes installation sites and inquiries, and names a bad one", arguments: TestBackend.enabled)
    func experienceForm(backend: TestBackend) async throws {
        try await WebFixture.with(backend) { web in
            let hanako = try await web.signIn("hanako")
            let page = try await web.get("/me", as: hanako)
            #expect(page.text.contains("name=\"installation_sites\""))
            #expect(page.text.contains("name=\"annual_inquiries\""))
            let bad = try await web.post(
                "/me/experience", as: hanako,
                form: [
                    ("field", "V3 2008:Service Desk"), ("role", "leader"), ("from", "2024-04-01"), ("annual_inquiries", "-3"),
                ])
            #expect(bad.status == .unprocessableContent)
            #expect(bad.text.contains("name=\"annual_inquiries\" type=\"text\" value=\"-3\""))
            let good = try await web.post(
                "/me/experience", as: hanako,
                form: [
                    ("field", "V3 2008:Service Desk"), ("role", "leader"), ("from", "2024-04-01"),
                    ("installation_sites", "120"), ("annual_inquiries", "3,500"),
                ])
            #expect(good.status == .seeOther)
            let record = try #require(try await web.database.experience(of: "E1001").first)
            #expect(record.measures == [.installationSites: 120, .annualInquiries: 3_500])
            let api = try await web.api("/api/v1/people/E1001/experience", token: try await web.token(for: "hanako")).items()
            #expect(api.first?["installation_sites"] as? Int == 120)
            #expect(api.first?["annual_inquiries"] as? Int == 3_500)
        }
    }
}
