import Foundation
import ITSSDomain
import ITSSStorage
import Testing

/// `itss person sheet` on the organisation of `GapPlanCLITests` (E1001 approved at Service Desk level 3 with a
/// verified member record) with a development plan towards level 4.
@Suite("itss person sheet (CLI)")
struct PersonSheetCLITests {
    @Test("sheet: levels with reasons, latest approved ratings, track record and plan, as text and JSON; unknown person")
    func sheet() throws {
        let cli = try GapPlanCLITests.prepared()
        defer { cli.cleanUp() }
        try cli.ok("plan", "create", GapPlanCLITests.person, "--target", "Service Desk:4")

        let sheet = try cli.json(SkillSheet.self, "person", "sheet", GapPlanCLITests.person)
        #expect(sheet.person.employeeNumber == "E1001" && sheet.orgUnit == "OPS")
        #expect(sheet.levels.map(\.field.field) == ["Service Desk"])
        #expect(sheet.levels.first?.official.attainedLevel == 3 && sheet.levels.first?.official.nextLevel == 4)
        #expect(sheet.assessments.count == 1 && sheet.assessments.first?.state == .approved)
        let ratings = sheet.assessments.first?.ratings ?? []
        #expect(ratings.contains { $0.item == "Service Support" && $0.selfLevel == 4 && $0.evaluatorLevel == 3 })
        #expect(sheet.experience.map(\.customer) == ["ACME"] && sheet.experience.first?.isVerified == true)
        #expect(sheet.plans.map(\.targetLevel) == [4] && sheet.plans.first?.actions.count == 2)

        let text = try cli.ok("person", "sheet", GapPlanCLITests.person)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.first == "Skill sheet: E1001 Sato Hanako", "\(text)")
        #expect(text.contains("org unit: OPS"), "\(text)")
        #expect(text.contains("Service Desk [IT Service Management V3 2008]: level 3 (approved)"), "\(text)")
        #expect(text.contains("missing for level 4:") && text.contains("Service Support: rated 3, needs 4"), "\(text)")
        #expect(lines.contains { $0.hasPrefix("    Service Support") && $0.hasSuffix("4     3") }, "\(text)")
        #expect(
            lines.contains {
                $0.contains("Service Desk") && $0.contains("member") && $0.contains("ACME") && $0.hasSuffix("  verified")
            })
        #expect(text.contains("#1 Service Desk → level 4: 0% done"), "\(text)")
        #expect(text.contains("Take on a leader role"), "\(text)")

        #expect(try cli.fails("person", "sheet", "E9999").contains("E9999"))
    }
}
