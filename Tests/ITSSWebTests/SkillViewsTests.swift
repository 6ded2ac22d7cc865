import Foundation
import ITSSDomain
import Testing

@testable import ITSSStorage
@testable import ITSSWeb

/// The views of the skill pages as pure functions, without a server: hostile text stays text, and the radar
/// chart's geometry.
@Suite("Skill page views and the radar chart")
struct SkillViewsTests {
    static let hostile = "<script>alert(1)</script>"
    static let escaped = "&lt;script&gt;alert(1)&lt;/script&gt;"
    static let field = FieldReference(
        standard: StandardKey(name: "IT Service Management", version: "V3 2008"), field: "Service <Desk>")
    static let layout = Layout(
        title: hostile, language: .english,
        account: Account(
            id: 1, login: "x", role: .evaluator, personID: 1, employeeNumber: "E1", personName: hostile, active: true,
            hasPassword: true, version: 1, createdAt: "2026-01-01"), csrfToken: "token", path: "/x")

    static let item = SkillItem(
        name: hostile, scope: .specific,
        levels: [
            LevelDescription(level: 3, text: "Able to \(hostile) as a member", scale: ScaleCondition(role: .member), line: 1),
            LevelDescription(level: 4, text: "Able to lead", scale: ScaleCondition(role: .leader), line: 2),
        ], knowledgeItems: [hostile], line: 1)
    static let specialty = SpecialtyField(name: hostile, kind: .specialty, items: [item, item, item], line: 1)

    static var breakdown: LevelBreakdown {
        LevelBreakdown(
            basis: .approved, field: hostile, definedLevels: [3, 4],
            levels: [
                LevelCheck(
                    level: 3, attained: false, items: [ItemCheck(item: hostile, needed: 3, rating: 0, met: false)], scale: nil,
                    lowerLevelsAttained: true)
            ], attainedLevel: nil, nextLevel: 3,
            explanation: [
                .item(name: hostile, rating: 0, needed: 3, text: hostile),
                .scale(level: 3, condition: ScaleCondition(role: .member), best: nil, reason: hostile),
            ])
    }

    static var assessment: AssessmentView {
        AssessmentView(
            id: 7, employeeNumber: "E<1>", personName: hostile, field: field, cycle: "2026H2", state: .returned, version: 3,
            ratings: [SkillRating(item: hostile, selfLevel: 3, evaluatorLevel: 4, note: hostile, evaluatorReason: hostile)],
            submittedAt: nil, decidedAt: nil, decidedBy: nil, returnComment: hostile)
    }

    static func record() throws -> ExperienceRecord {
        ExperienceRecord(
            id: 1, recordID: 1, version: 1, personID: 1, field: field, role: .leader, from: try #require(Day("2024-01-01")),
            to: nil,
            measures: [.peakStaff: 3, .annualContractYen: 1_000], customer: hostile, description: hostile, verifiedBy: nil,
            verifiedOn: nil)
    }

    static var person: Person {
        Person(
            id: 1, employeeNumber: "E<1>", name: hostile, email: nil, orgUnitID: nil, active: true, joinedOn: nil, fields: [field]
        )
    }

    /// No hostile markup survives, and the escaped text is there.
    static func expectEscaped(_ html: HTML, _ view: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(!html.rendered.contains("<script>"), "\(view)", sourceLocation: sourceLocation)
        #expect(!html.rendered.contains("<Desk>"), "\(view)", sourceLocation: sourceLocation)
        #expect(html.rendered.contains(escaped), "\(view)", sourceLocation: sourceLocation)
    }

    @Test("every view escapes a hostile name, item, text and comment")
    func escaping() throws {
        let level = PersonLevel(
            employeeNumber: "E<1>", field: Self.field, asOf: nil, official: Self.breakdown, provisional: Self.breakdown)
        var mySkills = MySkillsPage(
            employeeNumber: "E<1>", name: Self.hostile, levels: [level],
            assessments: [.init(id: 1, field: Self.field, cycle: "2026H2", state: .returned, returnComment: Self.hostile)],
            experience: [try Self.record()], fields: [Self.field], notice: Self.hostile)
        mySkills.record.customer = Self.hostile
        mySkills.recordErrors["customer"] = Self.hostile
        Self.expectEscaped(mySkills.render(layout: Self.layout), "my skills")

        let selfAssessment = SelfAssessmentPage(
            assessment: Self.assessment, field: Self.specialty, editable: true, provisional: Self.breakdown,
            errors: FieldErrors(["item-0": Self.hostile]), failure: Self.hostile)
        Self.expectEscaped(selfAssessment.render(layout: Self.layout), "self-assessment")

        let queue = ReviewQueuePage(
            page: Page(
                items: [
                    ReviewQueueEntry(
                        assessmentID: 7, employeeNumber: "E<1>", personName: Self.hostile, field: Self.field, cycle: "2026H2",
                        submittedAt: "2026-01-01T00:00:00Z")
                ], page: 1, perPage: 25, total: 1))
        Self.expectEscaped(queue.render(layout: Self.layout), "review queue")

        let review = ReviewPage(
            assessment: Self.assessment, field: Self.specialty, canDecide: true, canVerify: true, official: Self.breakdown,
            pendingExperience: [try Self.record()], reasons: [Self.hostile: Self.hostile], comment: Self.hostile,
            errors: FieldErrors(["comment": Self.hostile]), failure: Self.hostile)
        Self.expectEscaped(review.render(layout: Self.layout), "review")

        let people = PeopleListPage(
            page: Page(
                items: [
                    DirectoryPerson(
                        person: Person(
                            id: 1, employeeNumber: "E<1>", name: Self.hostile, email: nil, orgUnitID: 1, active: true,
                            joinedOn: nil, fields: []),
                        orgUnitCode: "<u>", orgUnitName: Self.hostile)
                ], page: 1, perPage: 50, total: 1),
            orgUnits: [OrgUnit(id: 1, code: "<u>", name: Self.hostile, parentID: nil)], orgUnit: "<u>", order: .name,
            evaluatorScope: false)
        Self.expectEscaped(people.render(layout: Self.layout), "people")

        let plan = PlanView(
            id: 1, employeeNumber: "E<1>", field: Self.field, targetLevel: 4, version: 2,
            actions: [PlanAction(kind: .training, title: Self.hostile, owner: Self.hostile)], progressPercentage: 0,
            createdAt: "2026-01-01", createdBy: Self.hostile)
        var profile = ProfilePage(
            person: Self.person, levels: [level],
            chart: .init(
                field: Self.field, cycle: "2026H2", state: .approved, items: [Self.hostile, "b", "c"], selfLevels: [3, 4, nil],
                evaluatorLevels: [3, 3, 4], maximum: 4),
            fields: [Self.field],
            history: [
                LevelChange(field: Self.field, level: 3, previousLevel: nil, effectiveAt: "2026-01-01", cause: Self.hostile)
            ],
            gap: FieldGap(
                basis: .approved, field: Self.hostile, target: 4, definedLevels: [3, 4], currentLevel: nil,
                items: [ItemGap(item: Self.hostile, rating: 0, needed: 4, text: Self.hostile, knowledgeItems: [Self.hostile])],
                scale: []),
            plans: [plan], canEditPlans: true, notice: Self.hostile)
        profile.targetField = Self.hostile
        profile.planFailures[1] = Self.hostile
        let rendered = profile.render(layout: Self.layout)
        Self.expectEscaped(rendered, "profile")
        #expect(
            rendered.rendered.contains("href=\"/people/E%3C1%3E\"") || rendered.rendered.contains("action=\"/people/E%3C1%3E"))
    }

    @Test("the self-assessment offers the item's level texts and \"not yet\", with the stored choice checked")
    func levelTextChoices() {
        let page = SelfAssessmentPage(
            assessment: Self.assessment, field: Self.specialty, editable: true, provisional: nil)
        let html = page.render(layout: Self.layout).rendered
        #expect(html.contains("name=\"item-0\" value=\"3\" checked"))
        #expect(html.contains("name=\"item-0\" value=\"4\">"))
        #expect(html.contains("name=\"item-0\" value=\"0\""))
        #expect(html.contains("Able to lead"))
        #expect(html.contains("Returned by your evaluator"))
        let readOnly = SelfAssessmentPage(assessment: Self.assessment, field: Self.specialty, editable: false, provisional: nil)
        #expect(readOnly.render(layout: Self.layout).rendered.contains(" disabled>"))
        #expect(!readOnly.render(layout: Self.layout).rendered.contains("formaction"))
    }

    @Test("chart coordinates: one decimal, rounded half away from zero, as C's %.1f prints the rounded value")
    func chartNumbers() {
        var value = -400.0
        while value < 400 {
            let rounded = (value * 10).rounded() / 10
            let expected = rounded == 0 ? "0.0" : String(format: "%.1f", rounded)
            #expect(RadarChart.format(value) == expected, "\(value)")
            value += 0.0371
        }
        #expect(RadarChart.format(-0.04) == "0.0")
        #expect(RadarChart.format(0.05) == "0.1")
        #expect(RadarChart.format(.nan) == "0.0")
    }

    @Test("radar chart: one vertex per item on its axis, clockwise from the top, scaled to the highest level")
    func radarGeometry() throws {
        let svg = try #require(
            RadarChart.render(
                title: "t", axes: ["a", "b", "c", "d"], maximum: 4,
                series: [RadarChart.Series(name: "self", values: [4, 2, nil, 9], style: "self")]))
        let cx = RadarChart.centerX
        let cy = RadarChart.centerY
        let r = RadarChart.radius
        // Up (full), right (half), down (missing = centre), left (clamped to the maximum).
        let expected = [(cx, cy - r), (cx + r / 2, cy), (cx, cy), (cx - r, cy)]
            .map { "\(RadarChart.format($0.0)),\(RadarChart.format($0.1))" }.joined(separator: " ")
        #expect(svg.rendered.contains("<polygon points=\"\(expected)\""))
        // One ring per level, one spoke per axis.
        #expect(svg.rendered.components(separatedBy: "class=\"ring\"").count - 1 == 4)
        #expect(svg.rendered.components(separatedBy: "class=\"spoke\"").count - 1 == 4)
        #expect(svg.rendered.hasPrefix("<svg class=\"chart radar\""))
    }

    @Test("radar chart works for 3 to 20 items and declines others", arguments: [2, 3, 7, 20, 21])
    func radarSizes(count: Int) throws {
        let axes = (0..<count).map { "item \($0)" }
        let svg = RadarChart.render(
            title: "t", axes: axes, maximum: 7, series: [.init(name: "s", values: axes.map { _ in 5 }, style: "self")])
        guard RadarChart.axisCount.contains(count) else {
            #expect(svg == nil)
            return
        }
        let html = try #require(svg).rendered
        #expect(html.components(separatedBy: "class=\"axis-label\"").count - 1 == count)
        #expect(html.components(separatedBy: "<circle").count - 1 == count)
        // Every vertex lies on its axis at 5/7 of the radius.
        for index in 0..<count {
            let (x, y) = RadarChart.point(axis: index, of: count, value: 5, maximum: 7)
            let distance =
                ((x - RadarChart.centerX) * (x - RadarChart.centerX) + (y - RadarChart.centerY) * (y - RadarChart.centerY))
                .squareRoot()
            #expect(abs(distance - RadarChart.radius * 5 / 7) < 0.001)
            #expect(html.contains("cx=\"\(RadarChart.format(x))\" cy=\"\(RadarChart.format(y))\""))
        }
    }

    @Test("radar chart labels are escaped and long ones wrapped")
    func radarLabels() throws {
        let svg = try #require(
            RadarChart.render(
                title: "<t>", axes: ["<b>&", "Knowledge of Infrastructure for Support Center", "c"], maximum: 4,
                series: [.init(name: "<s>", values: [1, 2, 3], style: "self")])
        ).rendered
        #expect(svg.contains("&lt;b&gt;&amp;"))
        #expect(!svg.contains("<b>"))
        #expect(!svg.contains("<t>") && !svg.contains("<s>"))
        #expect(
            RadarChart.wrap("Knowledge of Infrastructure for Support Center") == [
                "Knowledge of Infrastructure", "for Support Center",
            ])
        #expect(RadarChart.wrap(String(repeating: "x", count: 60)).allSatisfy { $0.count <= 36 })
    }
}
