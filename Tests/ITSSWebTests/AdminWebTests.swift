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

@Suite("Administration pages: org units, people, evaluators, accounts, imports, catalog documents, audit")
struct AdminWebTests {
    static let hrSections = [
        "/admin", "/admin/org-units", "/admin/people", "/admin/evaluators", "/admin/imports", "/admin/audit",
    ]
    static let adminSections = ["/admin/accounts", "/admin/catalog-import"]

    @Test(
        "employees and evaluators get 403; HR gets all but the administrators' sections; admins everything",
        arguments: TestBackend.enabled)
    func access(backend: TestBackend) async throws {
        try await WebFixture.with(backend) { web in
            for login in ["hanako", "manager"] {
                let session = try await web.signIn(login)
                for path in Self.hrSections + Self.adminSections {
                    let response = try await web.get(path, as: session)
                    #expect(response.status == .forbidden, "\(login) \(path)")
                    #expect(response.text.contains("403"), "the 403 page")
                }
            }
            let hr = try await web.signIn("hr")
            for path in Self.hrSections {
                #expect(try await web.get(path, as: hr).status == .ok, "hr \(path)")
            }
            for path in Self.adminSections {
                #expect(try await web.get(path, as: hr).status == .forbidden, "hr \(path)")
            }
            #expect(!(try await web.get("/admin", as: hr).text.contains("/admin/accounts")), "HR is not offered accounts")
            let admin = try await web.signIn("admin")
            for path in Self.hrSections + Self.adminSections {
                #expect(try await web.get(path, as: admin).status == .ok, "admin \(path)")
            }
            #expect(try await web.get("/admin", as: admin).text.contains("administrators only"))
            let anonymous = try await web.get("/admin/people", as: nil)
            #expect(anonymous.status == .seeOther)
            // Writes are refused the same way.
            let employee = try await web.signIn("hanako")
            let post = try await web.post("/admin/org-units", as: employee, form: [("code", "X"), ("name", "X")])
            #expect(post.status == .forbidden)
            let hrAccount = try await web.post(
                "/admin/accounts", as: hr, form: [("login", "x1"), ("role", "admin"), ("password", "long-enough-1")])
            #expect(hrAccount.status == .forbidden)
            #expect((try? await web.database.account(login: "x1")) == nil, "nothing written")
        }
    }

    @Test("every form post without the session's CSRF token is refused and writes nothing", arguments: TestBackend.enabled)
    func csrf(backend: TestBackend) async throws {
        try await WebFixture.with(backend) { web in
            let admin = try await web.signIn("admin")
            let before = try await web.database.auditEntries().total
            let posts: [(String, [(String, String)])] = [
                ("/admin/org-units", [("code", "NEW"), ("name", "New unit")]),
                ("/admin/people", [("employee_number", "E9"), ("name", "Nine")]),
                ("/admin/evaluators", [("evaluator", "M001"), ("person", "E1002")]),
                ("/admin/accounts", [("login", "new1"), ("role", "hr"), ("password", "long-enough-1")]),
                ("/admin/accounts/1", [("role", "hr"), ("version", "1")]),
                ("/admin/imports", [("kind", "people"), ("csv", "employee_number,name\nE9,Nine\n")]),
                ("/admin/catalog-import", [("document", "x")]),
                (
                    "/account/password",
                    [
                        ("current_password", "password-admin"), ("new_password", "0123456789a"),
                        ("confirm_password", "0123456789a"),
                    ]
                ),
                ("/account/tokens", [("name", "script")]),
                ("/account/tokens/1/revoke", []),
            ]
            for (path, form) in posts {
                let forged = try await web.post(path, as: admin, form: form, csrf: "forged")
                #expect(forged.status == .forbidden, "\(path)")
                let missing = try await web.client.execute(
                    uri: path, method: .post,
                    headers: [.contentType: "application/x-www-form-urlencoded", .cookie: admin.cookie],
                    body: ByteBuffer(string: "name=x"))
                #expect(missing.status == .forbidden, "\(path) without a token")
            }
            #expect(try await web.database.auditEntries().total == before, "nothing was written")
        }
    }

    @Test(
        "adding an org unit: success shows it; a taken code keeps what was typed and marks the field",
        arguments: TestBackend.enabled)
    func orgUnits(backend: TestBackend) async throws {
        try await WebFixture.with(backend) { web in
            let hr = try await web.signIn("hr")
            let added = try await web.post(
                "/admin/org-units", as: hr, form: [("code", "OPS-NW"), ("name", "Network"), ("parent", "OPS")])
            #expect(added.status == .seeOther)
            let list = try await web.get(try #require(added.headers[.location]), as: hr)
            #expect(list.text.contains("Added OPS-NW."))
            #expect(list.text.contains("<code>OPS-NW</code>"))
            #expect(list.text.contains("class=\"depth-1\""), "a sub-unit is indented under its parent")

            let taken = try await web.post("/admin/org-units", as: hr, form: [("code", "OPS"), ("name", "Typed name")])
            #expect(taken.status == .conflict)
            #expect(
                taken.text.contains("id=\"code\" name=\"code\" value=\"OPS\" required maxlength=\"64\" aria-invalid=\"true\""))
            #expect(taken.text.contains("value=\"Typed name\""), "the name typed is kept")
            #expect(taken.text.contains("id=\"code-error\""))

            let empty = try await web.post("/admin/org-units", as: hr, form: [("code", "OPS-X"), ("name", "")])
            #expect(empty.status == .unprocessableContent)
            #expect(empty.text.contains("name=\"name\" value=\"\" required aria-invalid=\"true\""))
            #expect(empty.text.contains("value=\"OPS-X\""))
            #expect(try await web.database.orgUnits().count == 3, "only the good unit was added")
        }
    }

    @Test(
        "adding a person goes through the lookup layer; refusals mark the field and keep the form", arguments: TestBackend.enabled
    )
    func people(backend: TestBackend) async throws {
        try await WebFixture.with(backend) { web in
            let hr = try await web.signIn("hr")
            let added = try await web.post(
                "/admin/people", as: hr,
                form: [
                    ("employee_number", "E2001"), ("name", "Aiko Tanaka"), ("email", "aiko@example.com"), ("org_unit", "OPS-SD"),
                    ("joined_on", "2021-04-01"), ("fields", "V3 2008:Service Desk"),
                ])
            #expect(added.status == .seeOther)
            let person = try await web.database.person("E2001")
            #expect(person.fields.map(\.field) == ["Service Desk"])
            let list = try await web.get("/admin/people?unit=OPS-SD&sort=name&dir=desc", as: hr)
            #expect(list.status == .ok)
            let text = list.text
            let taro = try #require(text.range(of: "Taro Suzuki"))
            let aiko = try #require(text.range(of: "Aiko Tanaka"))
            #expect(taro.lowerBound < aiko.lowerBound, "sorted by name, descending")
            #expect(text.contains("aria-sort=\"descending\""))
            #expect(!text.contains("Kenji Manager"), "M001 is in OPS, not OPS-SD")

            let badUnit = try await web.post(
                "/admin/people", as: hr, form: [("employee_number", "E2002"), ("name", "Kept Name"), ("org_unit", "NOPE")])
            #expect(badUnit.status == .unprocessableContent)
            #expect(badUnit.text.contains("id=\"org_unit\" name=\"org_unit\" aria-invalid=\"true\""))
            #expect(badUnit.text.contains("value=\"Kept Name\""))
            #expect(badUnit.text.contains("value=\"E2002\""))

            let badDate = try await web.post(
                "/admin/people", as: hr,
                form: [
                    ("employee_number", "E2003"), ("name", "Date"), ("joined_on", "2021-13-01"),
                    ("fields", "V3 2008:Service Desk"),
                ])
            #expect(badDate.status == .unprocessableContent)
            #expect(badDate.text.contains("value=\"2021-13-01\" aria-invalid=\"true\""))
            #expect(badDate.text.contains("value=\"V3 2008:Service Desk\" checked"), "the chosen field stays chosen")

            let taken = try await web.post("/admin/people", as: hr, form: [("employee_number", "E1001"), ("name", "Again")])
            #expect(taken.status == .conflict)
            #expect(taken.text.contains("value=\"E1001\" required aria-invalid=\"true\""))
            await #expect(throws: StorageError.self) { try await web.database.person("E2002") }
        }
    }

    @Test("assigning an evaluator to a person or unit; refusals mark the field", arguments: TestBackend.enabled)
    func evaluators(backend: TestBackend) async throws {
        try await WebFixture.with(backend) { web in
            let hr = try await web.signIn("hr")
            let list = try await web.get("/admin/evaluators", as: hr)
            #expect(list.text.contains("org unit OPS and its sub-units"))
            let assigned = try await web.post("/admin/evaluators", as: hr, form: [("evaluator", "E1001"), ("person", "E1002")])
            #expect(assigned.status == .seeOther)
            let relation = try await web.database.relation(
                of: Principal(
                    origin: .account(login: "x"), role: .evaluator, personID: try await web.database.personID("E1001"),
                    employeeNumber: "E1001"),
                toPerson: try await web.database.personID("E1002"))
            #expect(relation == .evaluatee)

            let both = try await web.post(
                "/admin/evaluators", as: hr, form: [("evaluator", "M001"), ("org_unit", "OPS"), ("person", "E1002")])
            #expect(both.status == .unprocessableContent)
            #expect(both.text.contains("aria-invalid=\"true\""))
            #expect(both.text.contains("value=\"E1002\""))
            let unknown = try await web.post("/admin/evaluators", as: hr, form: [("evaluator", "X999"), ("org_unit", "OPS")])
            #expect(unknown.status == .unprocessableContent)
            #expect(unknown.text.contains("value=\"X999\" required aria-invalid=\"true\""))
            let own = try await web.post("/admin/evaluators", as: hr, form: [("evaluator", "E1002"), ("person", "E1002")])
            #expect(own.status == .unprocessableContent)
            #expect(own.text.contains("id=\"person\" name=\"person\" value=\"E1002\" aria-invalid=\"true\""))
        }
    }

    @Test(
        "accounts: create with role and person; a stale version is a conflict and overwrites nothing",
        arguments: TestBackend.enabled)
    func accounts(backend: TestBackend) async throws {
        try await WebFixture.with(backend) { web in
            let admin = try await web.signIn("admin")
            let created = try await web.post(
                "/admin/accounts", as: admin,
                form: [("login", "kenji"), ("role", "evaluator"), ("person", "M001"), ("password", "a-long-password")])
            #expect(created.status == .seeOther)
            let kenji = try await web.database.account(login: "kenji")
            #expect(kenji.role == .evaluator)
            #expect(kenji.employeeNumber == "M001")
            _ = try await web.database.signIn(login: "kenji", password: "a-long-password")

            let taken = try await web.post(
                "/admin/accounts", as: admin, form: [("login", "hanako"), ("role", "hr"), ("password", "a-long-password")])
            #expect(taken.status == .conflict)
            #expect(taken.text.contains("value=\"hanako\" required autocomplete=\"off\" aria-invalid=\"true\""))
            let badPerson = try await web.post(
                "/admin/accounts", as: admin,
                form: [("login", "nobody"), ("role", "hr"), ("person", "E404"), ("password", "a-long-password")])
            #expect(badPerson.status == .unprocessableContent)
            #expect(badPerson.text.contains("id=\"person\" name=\"person\" value=\"E404\" aria-invalid=\"true\""))
            #expect(!badPerson.text.contains("a-long-password"), "passwords are never echoed")

            let changed = try await web.post(
                "/admin/accounts/\(kenji.id)", as: admin,
                form: [("role", "hr"), ("active", "1"), ("version", "\(kenji.version)")])
            #expect(changed.status == .seeOther)
            #expect(try await web.database.account(login: "kenji").role == .hr)
            // The page still showed the old version: refused, nothing overwritten.
            let stale = try await web.post(
                "/admin/accounts/\(kenji.id)", as: admin, form: [("role", "employee"), ("version", "\(kenji.version)")])
            #expect(stale.status == .conflict)
            #expect(stale.text.contains("Someone else changed this account"))
            let after = try await web.database.account(login: "kenji")
            #expect(after.role == .hr)
            #expect(after.active)
            // Deactivating with the current version works; the account can no longer sign in.
            let deactivated = try await web.post(
                "/admin/accounts/\(kenji.id)", as: admin, form: [("role", "hr"), ("version", "\(after.version)")])
            #expect(deactivated.status == .seeOther)
            #expect(try await web.database.account(login: "kenji").active == false)
        }
    }

    @Test(
        "a CSV import with an error on line 3 reports line 3 and writes nothing; a good one imports",
        arguments: TestBackend.enabled)
    func csvImport(backend: TestBackend) async throws {
        try await WebFixture.with(backend) { web in
            let hr = try await web.signIn("hr")
            let before = try await web.database.peopleDirectory().total
            let bad = "employee_number,name,org_unit\nE3001,First Person,OPS\nE3002,Second Person,NOPE\n"
            let refused = try await web.post("/admin/imports", as: hr, form: [("kind", "people"), ("csv", bad)])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("line 3"))
            #expect(refused.text.contains("Nothing was imported"))
            #expect(refused.text.contains("E3002,Second Person,NOPE"), "the text is kept for correcting")
            #expect(try await web.database.peopleDirectory().total == before, "nothing written")

            let good = "employee_number,name,org_unit\r\nE3001,First Person,OPS\r\nE3002,Second Person,OPS-SD\r\n"
            let imported = try await web.post("/admin/imports", as: hr, form: [("kind", "people"), ("csv", good)])
            #expect(imported.status == .ok)
            #expect(imported.text.contains("Imported 2 record(s)"))
            #expect(try await web.database.peopleDirectory().total == before + 2)

            let empty = try await web.post("/admin/imports", as: hr, form: [("kind", "experience"), ("csv", " ")])
            #expect(empty.status == .unprocessableContent)
            #expect(empty.text.contains("aria-invalid=\"true\""))
            #expect(empty.text.contains("value=\"experience\" checked"))
            let approver = try await web.post(
                "/admin/imports", as: hr,
                form: [("kind", "assessments"), ("csv", "employee_number,field,cycle,item\n"), ("approved_by", "Z9")])
            #expect(approver.status == .unprocessableContent)
            #expect(approver.text.contains("value=\"Z9\" aria-invalid=\"true\""))
            #expect(try await web.get("/static/import.js", as: nil).status == .ok)
        }
    }

    @Test(
        "an administrator imports a catalog document and sees its diagnostics; bad text is refused with its line",
        arguments: TestBackend.enabled)
    func catalogDocument(backend: TestBackend) async throws {
        try await WebFixture.with(backend) { web in
            let admin = try await web.signIn("admin")
            let document = try #require(try BuiltInStandards.documents().first)
            let again = try await web.post(
                "/admin/catalog-import", as: admin,
                form: [("document", String(decoding: document.bytes, as: UTF8.self)), ("file_name", document.fileName)])
            #expect(again.status == .ok)
            #expect(again.text.contains("is already imported from this text"))
            #expect(again.text.contains("Diagnostics of this document"))

            let garbage = try await web.post(
                "/admin/catalog-import", as: admin, form: [("document", "not <b>an</b> ITSS document"), ("file_name", "x.txt")])
            #expect(garbage.status == .unprocessableContent)
            #expect(garbage.text.contains("aria-invalid=\"true\""))
            #expect(garbage.text.contains("not &lt;b&gt;an&lt;/b&gt; ITSS document"), "kept, escaped")
            #expect(garbage.text.contains("line "))
            let hr = try await web.signIn("hr")
            #expect(try await web.post("/admin/catalog-import", as: hr, form: [("document", "x")]).status == .forbidden)
        }
    }

    @Test("a changed text of a stored standard is refused unless replace is ticked; then it replaces", arguments: TestBackend.enabled)
    func catalogReplace(backend: TestBackend) async throws {
        try await WebFixture.with(backend) { web in
            let admin = try await web.signIn("admin")
            let document = try #require(try BuiltInStandards.documents().first { $0.fileName.contains("v2-2006") })
            let original = String(decoding: document.bytes, as: UTF8.self)
            let changed = original.replacingOccurrences(
                of: "Able to carry out the management of information asset appropriately, such as financial",
                with: "Able to carry out the management of information assets appropriately, such as financial")
            #expect(changed != original)
            let form = [("document", changed), ("file_name", document.fileName)]
            let refused = try await web.post("/admin/catalog-import", as: admin, form: form)
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("name=\"replace\" value=\"1\" aria-invalid=\"true\""), "the checkbox is marked")
            #expect(refused.text.contains("id=\"replace-error\""))
            #expect(refused.text.contains("information assets appropriately"), "the text is kept")
            let key = StandardKey(name: "Operations", version: "V2 2006")
            #expect(try await web.database.revisionCount(of: key) == 1, "nothing written")
            let replaced = try await web.post("/admin/catalog-import", as: admin, form: form + [("replace", "1")])
            #expect(replaced.status == .ok)
            #expect(replaced.text.contains("now revision 2"))
            #expect(try await web.database.revisionCount(of: key) == 2)
        }
    }

    @Test("the administration pages speak Japanese", arguments: TestBackend.enabled)
    func japanese(backend: TestBackend) async throws {
        try await WebFixture.with(backend) { web in
            let admin = try await web.signIn("admin")
            let headers: HTTPFields = [.acceptLanguage: "ja"]
            let expected = [
                "/admin": "管理者のみ", "/admin/org-units": "組織を追加", "/admin/people": "人材を追加",
                "/admin/evaluators": "評価者を割り当てる", "/admin/accounts": "アカウントを作成", "/admin/imports": "取り込む内容",
                "/admin/catalog-import": "文書を取り込む", "/admin/audit": "すべての操作", "/account": "パスワードを変更",
                "/catalog": "カタログを検索",
            ]
            for (path, text) in expected {
                let page = try await web.get(path, as: admin, headers: headers)
                #expect(page.text.contains(text), "\(path)")
                #expect(page.text.contains("<html lang=\"ja\">"), "\(path)")
            }
        }
    }

    @Test("the audit log lists changes newest first, filtered by action and actor", arguments: TestBackend.enabled)
    func audit(backend: TestBackend) async throws {
        try await WebFixture.with(backend) { web in
            let hr = try await web.signIn("hr")
            _ = try await web.post("/admin/org-units", as: hr, form: [("code", "AUD-1"), ("name", "Audited")])
            let all = try await web.get("/admin/audit", as: hr)
            #expect(all.status == .ok)
            let newest = try #require(all.text.range(of: "org unit AUD-1"))
            let older = try #require(all.text.range(of: "org unit OPS-SD"))
            #expect(newest.lowerBound < older.lowerBound, "newest first")
            let filtered = try await web.get("/admin/audit?action=org.create&actor=account%20hr", as: hr)
            #expect(filtered.text.contains("org unit AUD-1"))
            #expect(!filtered.text.contains("org unit OPS-SD"), "created by another actor")
            #expect(filtered.text.contains("<option value=\"org.create\" selected>"))
            let none = try await web.get("/admin/audit?actor=nobody", as: hr)
            #expect(none.text.contains("No entries match"))
            let wildcard = try await web.get("/admin/audit?actor=%25", as: hr)
            #expect(wildcard.text.contains("No entries match"), "% is matched as itself, not as a wildcard")
            let spaced = try await web.get("/admin/audit?actor=account+hr", as: hr)
            #expect(spaced.text.contains("org unit AUD-1"), "a GET form's + is a space")
            let paged = try await web.database.auditEntries(page: PageRequest(page: 1, perPage: 2))
            #expect(paged.items.count == 2)
            #expect(paged.total > 2)
        }
    }
}
