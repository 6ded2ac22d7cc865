import Foundation
import ITSSDomain
import ITSSStorage
import Testing

/// `itss map` and `itss trends` on the organisation of `GapPlanCLITests` (E1001 at official Service Desk level 3
/// in OPS, E1002 in OPS working in V2 Service desk without an assessment, M1 in HQ above OPS, X1 in no unit).
@Suite("itss map / trends (CLI)")
struct SkillMapCLITests {
    @Test("map: text, JSON, CSV, a cell's people, the levels export, a comparison, the trends")
    func map() throws {
        let cli = try GapPlanCLITests.prepared()
        defer { cli.cleanUp() }
        let ops = try cli.json(SkillMap.self, "map", "--org", "OPS")
        #expect(ops.people == 2 && ops.withoutAssessment == 1 && ops.rows.count == 7)
        let counted = ops.rows.filter { $0.total > 0 }.map { "\($0.field.field) \($0.levels) \($0.below) \($0.notAssessed)" }
        #expect(counted == ["Service desk [0, 0, 0, 0, 0, 0, 0] 0 1", "Service Desk [0, 0, 1, 0, 0, 0, 0] 0 0"])
        let whole = try cli.json(SkillMap.self, "map")
        #expect(whole.unit == nil && whole.people == 4 && whole.withoutAssessment == 3)
        let past = try cli.json(SkillMap.self, "map", "--org", "OPS", "--as-of", "2000-01-01")
        #expect(past.people == 0 && past.rows.allSatisfy { $0.total == 0 })
        let today = try cli.json(SkillMap.self, "map", "--org", "OPS", "--as-of", "2999-12-31")
        #expect(today.rows == ops.rows)

        let text = try cli.ok("map", "--org", "OPS", "--standard", "V3")
        #expect(text.contains("Skill map of OPS (Operations) as of today — official levels"), "\(text)")
        #expect(text.contains("2 people counted; 1 without an approved assessment."), "\(text)")
        let csv = try cli.ok("map", "--org", "OPS", "--field", "Service Desk", "--csv")
        #expect(
            csv == """
                org_unit,as_of,basis,standard,edition,field,level_1,level_2,level_3,level_4,level_5,level_6,level_7,below_first_level,not_assessed
                OPS,,official,IT Service Management,V3 2008,Service Desk,0,0,1,0,0,0,0,0,0

                """)
        let cell = try cli.ok("map", "--org", "OPS", "--field", "Service Desk", "--cell", "3")
        #expect(cell.contains("E1001") && cell.contains("Sato Hanako") && cell.contains("(1 in all)"), "\(cell)")
        #expect(try cli.fails("map", "--org", "OPS", "--cell", "3").contains("exactly one --field"))
        #expect(try cli.fails("map", "--org", "NOPE").contains("org unit \"NOPE\" does not exist"))
        #expect(try cli.fails("map", "--provisional", "--as-of", "2026-01-01").contains("today only"))
        let levels = try cli.ok("map", "--org", "OPS", "--export", "levels").split(separator: "\n").map(String.init)
        #expect(levels == [
            "employee_number,name,org_unit,active,standard,edition,field,level,status",
            "E1001,Sato Hanako,OPS,true,IT Service Management,V3 2008,Service Desk,3,level",
            "E1002,Tanaka Jiro,OPS,true,Operations,V2 2006,Service desk,,not_assessed",
        ])
        let ratings = try cli.ok("map", "--org", "OPS", "--export", "ratings").split(separator: "\n")
        let items = try FieldItems.of("Service Desk", cli).items.count
        #expect(ratings.count == 1 + items)
        #expect(ratings.contains { $0.hasPrefix("E1001,Sato Hanako,OPS,IT Service Management,V3 2008,Service Desk,") && $0.hasSuffix(",4,3") })
        let compared = try cli.ok("map", "--org", "OPS", "--compare-as-of", "2000-01-01")
        #expect(compared.contains("level 3") && compared.contains("-1"), "\(compared)")
        #expect(try cli.ok("map", "--org", "OPS", "--compare-org", "HQ").contains("No cell differs."))

        let trends = try cli.json(SkillMapTrends.self, "trends", "--org", "OPS", "--quarters", "2")
        #expect(trends.quarters.count == 2)
        #expect(trends.fields.map(\.field.field) == ["Service Desk"])
        #expect(trends.fields.first?.points.last?.levels == [0, 0, 1, 0, 0, 0, 0])
        #expect(trends.fields.first?.points.last?.movedUp == 1)
        #expect(try cli.ok("trends", "--org", "OPS").contains("Service Desk (V3 2008)"))
        #expect(try cli.fails("trends", "--quarters", "0").contains("1 to 40"))
    }
}
