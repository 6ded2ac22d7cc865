import Foundation
import HTTPTypes
import ITSSDomain
import ITSSStorage
import ITSSTestSupport
import Testing

@testable import ITSSWeb

/// The skill map over HTTP on `SkillMapFixture`: the API's numbers, its CSV, who may see what, and the pages in
/// both languages.
@Suite("Skill map (web and API)")
struct SkillMapWebTests {
    struct Map: Decodable {
        struct Unit: Decodable { var code: String }
        struct Field: Decodable {
            var standard: String
            var version: String
            var name: String
        }
        struct Row: Decodable {
            var field: Field
            var levels: [Int]
            var below: Int
            var notAssessed: Int
            var total: Int
        }
        var orgUnit: Unit?
        var asOf: String?
        var basis: String
        var people: Int
        var withoutAssessment: Int
        var rows: [Row]

        /// `levels | below | none` of V2 Service desk and V3 Service Desk; every other row must be empty.
        func summary() -> [String] {
            rows.filter { $0.total > 0 }.map {
                "\($0.field.version) \($0.field.name): \($0.levels.map(String.init).joined(separator: ",")) | \($0.below) | \($0.notAssessed)"
            }
        }
    }

    static func with(_ backend: TestBackend, _ body: @escaping @Sendable (WebFixture) async throws -> Void) async throws {
        let clock = TestClock(SkillMapFixture.registered)
        try await WebFixture.with(backend, clock: clock) { web in
            try await SkillMapFixture.build(web.database, clock: clock)
            try await body(web)
        }
    }

    @Test("the API map gives every cell of OPS and OPS-SD at two dates", arguments: TestBackend.enabled)
    func apiMap(backend: TestBackend) async throws {
        try await Self.with(backend) { web in
            let hr = try await web.token(for: "hr")
            func map(_ query: String) async throws -> Map {
                let response = try await web.api("/api/v1/map?\(query)", token: hr)
                #expect(response.status == .ok, "\(query): \(response.text)")
                return try response.json(Map.self)
            }
            let first = try await map("org=OPS&as_of=\(SkillMapFixture.betweenRounds)")
            #expect(first.orgUnit?.code == "OPS" && first.asOf == SkillMapFixture.betweenRounds && first.basis == "official")
            #expect(first.people == 7 && first.withoutAssessment == 4)
            #expect(first.rows.count == 7)
            #expect(first.summary() == ["V2 2006 Service desk: 1,1,0,0,0,0,0 | 0 | 2", "V3 2008 Service Desk: 0,0,0,0,0,0,0 | 1 | 0"])
            let now = try await map("org=OPS")
            #expect(now.people == 7 && now.withoutAssessment == 3)
            #expect(now.summary() == ["V2 2006 Service desk: 1,2,0,0,0,0,0 | 0 | 1", "V3 2008 Service Desk: 0,0,0,0,0,0,0 | 1 | 0"])
            let team = try await map("org=OPS-SD&as_of=\(SkillMapFixture.afterRounds)")
            #expect(team.people == 5 && team.withoutAssessment == 2)
            #expect(team.summary() == ["V2 2006 Service desk: 0,2,0,0,0,0,0 | 0 | 1", "V3 2008 Service Desk: 0,0,0,0,0,0,0 | 1 | 0"])
            let teamFirst = try await map("org=OPS-SD&as_of=\(SkillMapFixture.betweenRounds)")
            #expect(teamFirst.summary() == ["V2 2006 Service desk: 1,0,0,0,0,0,0 | 0 | 2", "V3 2008 Service Desk: 0,0,0,0,0,0,0 | 1 | 0"])
            let whole = try await map("")
            #expect(whole.orgUnit == nil && whole.people == 9 && whole.withoutAssessment == 4)
            let provisional = try await map("org=OPS&basis=provisional&standard=V2")
            #expect(provisional.rows.count == 3)
            #expect(provisional.summary() == ["V2 2006 Service desk: 1,3,0,0,0,0,0 | 0 | 0"])
            let inactive = try await map("org=OPS&as_of=\(SkillMapFixture.betweenRounds)&inactive=1&field=V2:Service%20desk")
            #expect(inactive.summary() == ["V2 2006 Service desk: 2,1,0,0,0,0,0 | 0 | 2"] && inactive.people == 8)
            // Bad values name their parameter.
            for (query, status, field) in [
                ("as_of=2026-13-01", HTTPResponse.Status.badRequest, "as_of"), ("basis=maybe", .badRequest, "basis"),
                ("format=xml", .badRequest, "format"), ("field=Nope", .unprocessableContent, "field"),
                ("standard=V9", .unprocessableContent, "standard"),
                ("basis=provisional&as_of=2026-01-31", .unprocessableContent, "basis"), ("org=NOPE", .notFound, "org"),
            ] {
                let response = try await web.api("/api/v1/map?\(query)", token: hr)
                #expect(response.status == status, "\(query): \(response.text)")
                #expect(try response.json(Problem.self).field == field, "\(query)")
            }
        }
    }

    @Test("roles: HR everything, the evaluator OPS and below (another unit is 404 like an unknown one), employees 403",
        arguments: TestBackend.enabled)
    func access(backend: TestBackend) async throws {
        try await Self.with(backend) { web in
            let manager = try await web.token(for: "manager")
            let defaulted = try await web.api("/api/v1/map", token: manager)
            #expect(try defaulted.json(Map.self).orgUnit?.code == "OPS")
            #expect(try await web.api("/api/v1/map?org=OPS-SD-N", token: manager).status == .ok)
            let other = try await web.api("/api/v1/map?org=DEV", token: manager)
            let unknown = try await web.api("/api/v1/map?org=NOPE", token: manager)
            #expect(other.status == .notFound && unknown.status == .notFound)
            #expect(other.text.replacingOccurrences(of: "DEV", with: "?") == unknown.text.replacingOccurrences(of: "NOPE", with: "?"))
            for path in [
                "/api/v1/map/people?org=DEV&field=V2:Service%20desk&level=2", "/api/v1/map/trends?org=DEV",
                "/api/v1/map/compare?org=OPS&compare_org=DEV", "/api/v1/map/export/levels?org=DEV&format=csv",
                "/api/v1/map/export/ratings?org=DEV",
            ] {
                #expect(try await web.api(path, token: manager).status == .notFound, "\(path)")
            }
            // The whole organisation is HR's and the administrators'.
            let hr = try await web.token(for: "hr")
            #expect(try await web.api("/api/v1/map?org=DEV", token: hr).status == .ok)
            let hanako = try await web.token(for: "hanako")
            for path in ["/api/v1/map", "/api/v1/map?org=OPS-SD", "/api/v1/map/trends", "/api/v1/map/export/levels?format=csv"] {
                #expect(try await web.api(path, token: hanako).status == .forbidden, "\(path)")
            }
            // Pages: 403 for the employee and no nav link; the evaluator has the link.
            let employee = try await web.signIn("hanako")
            #expect(try await web.get("/map", as: employee).status == .forbidden)
            #expect(!(try await web.get("/me", as: employee).text.contains("href=\"/map\"")))
            let evaluator = try await web.signIn("manager")
            #expect(try await web.get("/people", as: evaluator).text.contains("href=\"/map\""))
            #expect(try await web.get("/map?org=DEV", as: evaluator).status == .notFound)
            #expect(try await web.get("/map", as: nil).status == .seeOther)
        }
    }

    @Test("the drill-down, the comparison and the trends through the API", arguments: TestBackend.enabled)
    func details(backend: TestBackend) async throws {
        try await Self.with(backend) { web in
            let hr = try await web.token(for: "hr")
            struct People: Decodable {
                struct Person: Decodable {
                    var employeeNumber: String
                    var orgUnit: String?
                    var level: Int?
                }
                var items: [Person]
                var total: Int
            }
            let cell = try await web.api("/api/v1/map/people?org=OPS&field=V2:Service%20desk&level=2&sort=name&dir=desc", token: hr)
            #expect(cell.status == .ok, "\(cell.text)")
            let people = try cell.json(People.self)
            #expect(people.total == 2 && people.items.map(\.employeeNumber) == ["E2003", "E2001"])
            #expect(people.items.map(\.orgUnit) == ["OPS-SD-N", "OPS-SD"] && people.items.allSatisfy { $0.level == 2 })
            let none = try await web.api(
                "/api/v1/map/people?org=OPS&field=V2:Service%20desk&level=none&as_of=2026-01-31&per_page=1&page=2", token: hr)
            #expect(try none.json(People.self).items.map(\.employeeNumber) == ["E2004"])
            #expect(try await web.api("/api/v1/map/people?org=OPS&field=V2:Service%20desk&level=9", token: hr).status == .badRequest)
            #expect(try await web.api("/api/v1/map/people?org=OPS&level=2", token: hr).status == .badRequest)

            struct Comparison: Decodable {
                struct Difference: Decodable {
                    var cell: String
                    var left: Int
                    var right: Int
                    var change: Int
                }
                var differences: [Difference]
            }
            let dates = try await web.api("/api/v1/map/compare?org=OPS&as_of=2026-01-31", token: hr)
            #expect(dates.status == .badRequest)
            let compared = try await web.api("/api/v1/map/compare?org=OPS&as_of=2026-01-31&compare_as_of=2026-04-30", token: hr)
            #expect(
                try compared.json(Comparison.self).differences.map { "\($0.cell) \($0.left) \($0.right) \($0.change)" } == [
                    "2 1 2 1", "none 2 1 -1",
                ])
            let units = try await web.api("/api/v1/map/compare?org=OPS&compare_org=DEV", token: hr)
            #expect(try units.json(Comparison.self).differences.map { "\($0.cell) \($0.change)" } == ["1 -1", "2 -1", "none -1", "below -1"])

            struct Trends: Decodable {
                struct Field: Decodable {
                    struct Point: Decodable {
                        var quarter: String
                        var levels: [Int]
                        var movedUp: Int
                        var movedDown: Int
                    }
                    struct Step: Decodable {
                        var from: Int
                        var to: Int
                        var people: Int
                        var medianDays: Double
                    }
                    var points: [Point]
                    var steps: [Step]
                }
                var quarters: [String]
                var fields: [Field]
            }
            let trends = try await web.api("/api/v1/map/trends?org=OPS&quarters=2", token: hr).json(Trends.self)
            #expect(trends.quarters == ["2026Q1", "2026Q2"])
            #expect(trends.fields.count == 1)
            #expect(trends.fields.first?.points.map { "\($0.quarter) \($0.levels.prefix(2)) +\($0.movedUp) -\($0.movedDown)" } == [
                "2026Q1 [1, 1] +2 -0", "2026Q2 [1, 2] +2 -1",
            ])
            #expect(trends.fields.first?.steps.map { "\($0.from)→\($0.to) \($0.people) \($0.medianDays)" } == ["1→2 1 85.0"])
            #expect(try await web.api("/api/v1/map/trends?quarters=41", token: hr).status == .badRequest)
        }
    }

    @Test("CSV: the map, the people × field levels (streamed) and the latest approved ratings", arguments: TestBackend.enabled)
    func csv(backend: TestBackend) async throws {
        try await Self.with(backend) { web in
            let hr = try await web.token(for: "hr")
            let map = try await web.api("/api/v1/map?org=OPS-SD&standard=V2&format=csv", token: hr)
            #expect(map.status == .ok)
            #expect(map.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(map.headers[.contentDisposition] == "attachment; filename=\"skill-map.csv\"")
            #expect(
                map.text.split(separator: "\n").map(String.init) == [
                    "org_unit,as_of,basis,standard,edition,field,level_1,level_2,level_3,level_4,level_5,level_6,level_7,below_first_level,not_assessed",
                    "OPS-SD,,official,Operations,V2 2006,System operation,0,0,0,0,0,0,0,0,0",
                    "OPS-SD,,official,Operations,V2 2006,Network operation,0,0,0,0,0,0,0,0,0",
                    "OPS-SD,,official,Operations,V2 2006,Service desk,0,2,0,0,0,0,0,0,1",
                ])
            let levels = try await web.api("/api/v1/map/export/levels?org=OPS-SD&as_of=2026-01-31&format=csv", token: hr)
            #expect(
                levels.text.split(separator: "\n").map(String.init) == [
                    "employee_number,name,org_unit,active,standard,edition,field,level,status",
                    "E1001,Hanako Sato,OPS-SD,true,IT Service Management,V3 2008,Service Desk,,below_first_level",
                    "E2001,Aiko Ito,OPS-SD,true,Operations,V2 2006,Service desk,1,level",
                    "E2003,Chie Mori,OPS-SD-N,true,Operations,V2 2006,Service desk,,not_assessed",
                    "E2004,Dai Ono,OPS-SD,true,Operations,V2 2006,Service desk,,not_assessed",
                ])
            // JSON in batches: two, then the rest.
            struct Batch: Decodable {
                struct Row: Decodable { var employeeNumber: String }
                var items: [Row]
                var next: String?
            }
            let first = try await web.api("/api/v1/map/export/levels?org=OPS-SD&limit=2", token: hr).json(Batch.self)
            #expect(first.items.map(\.employeeNumber) == ["E1001", "E2001"])
            let next = try #require(first.next)
            let second = try await web.api("/api/v1/map/export/levels?org=OPS-SD&limit=3&after=\(next)", token: hr).json(Batch.self)
            #expect(second.items.map(\.employeeNumber) == ["E2003", "E2004"] && second.next == nil)
            #expect(try await web.api("/api/v1/map/export/levels?after=x", token: hr).status == .badRequest)

            let ratings = try await web.api("/api/v1/map/export/ratings?org=OPS&field=V2:Service%20desk&format=csv", token: hr)
            let lines = ratings.text.split(separator: "\n").map(String.init)
            #expect(lines.first == "employee_number,name,org_unit,standard,edition,field,cycle,decided_at,item,self_level,evaluator_level")
            // Aiko, Ben and Chie: their 2026H1 assessments, every item of the field.
            let items = try await web.database.catalogFieldDetail(id: try await web.database.fieldID(SkillMapFixture.v2ServiceDesk))
                .field.items.count
            #expect(lines.count == 1 + 3 * items)
            #expect(lines.dropFirst().allSatisfy { $0.contains(",2026H1,2026-04-10T10:00:00") })
            #expect(Set(lines.dropFirst().map { String($0.prefix(5)) }) == ["E2001", "E2002", "E2003"])
        }
    }

    @Test("the pages: heatmap with links, drill-down, comparison, trends, in English and Japanese", arguments: TestBackend.enabled)
    func pages(backend: TestBackend) async throws {
        try await Self.with(backend) { web in
            let hr = try await web.signIn("hr")
            let map = try await web.get("/map?org=OPS", as: hr)
            #expect(map.status == .ok)
            #expect(map.text.contains("<h1>Skill map</h1>"))
            #expect(map.text.contains("<svg class=\"chart heatmap\""))
            #expect(map.text.contains("<title>Service desk (V2 2006) — Level 2: 2 people</title>"))
            #expect(map.text.contains("href=\"/map/cell?org=OPS&amp;field=V2%202006%3AService%20desk&amp;level=2\""))
            #expect(map.text.contains("7 people counted; 3 of them without an approved assessment."))
            #expect(map.text.contains("href=\"/api/v1/map/export/levels?org=OPS&amp;format=csv\""))
            let cell = try await web.get("/map/cell?org=OPS&field=V2%202006%3AService%20desk&level=2", as: hr)
            #expect(cell.status == .ok)
            #expect(cell.text.contains("href=\"/people/E2001\"") && cell.text.contains("Chie Mori"))
            #expect(!cell.text.contains("Ben Kato"))
            let compare = try await web.get("/map/compare?org=OPS&as_of=2026-01-31&compare_as_of=2026-04-30", as: hr)
            #expect(compare.status == .ok)
            #expect(compare.text.contains("2 cells differ."))
            #expect(compare.text.contains("<strong>1 → 2</strong> (+1)"))
            #expect(compare.text.contains("<strong>2 → 1</strong> (-1)"))
            #expect(try await web.get("/map/compare?org=OPS", as: hr).text.contains("Choose a date or an org unit"))
            let trends = try await web.get("/map/trends?org=OPS", as: hr)
            #expect(trends.status == .ok)
            #expect(trends.text.contains("<svg class=\"chart trend\""))
            #expect(trends.text.contains("2026Q2 · Level 2: 2"))
            #expect(trends.text.contains("Level 1 → 2"))
            let japanese: HTTPFields = [.acceptLanguage: "ja"]
            let ja = try await web.get("/map?org=OPS", as: hr, headers: japanese)
            #expect(ja.text.contains("<h1>スキルマップ</h1>"))
            #expect(ja.text.contains("対象 7 人、うち承認済みの評価がない人 3 人。"))
            #expect(try await web.get("/map/trends?org=OPS", as: hr, headers: japanese).text.contains("スキルマップの推移"))
            #expect(try await web.get("/map/compare?org=OPS", as: hr, headers: japanese).text.contains("スキルマップの比較"))
            #expect(
                try await web.get("/map/cell?org=OPS&field=V2%202006%3AService%20desk&level=2", as: hr, headers: japanese).text
                    .contains("セルの該当者"))
        }
    }
}
