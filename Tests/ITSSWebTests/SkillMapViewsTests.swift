import Foundation
import ITSSDomain
import Testing

@testable import ITSSStorage
@testable import ITSSWeb

/// The skill map views and charts as pure functions of their models, without a server.
@Suite("Skill map views and charts")
struct SkillMapViewsTests {
    static let hostile = SkillViewsTests.hostile
    static let field = FieldReference(standard: StandardKey(name: "Operations", version: "V2 2006"), field: "Desk <b>")

    static var map: SkillMap {
        var row = SkillMap.Row(fieldID: 7, field: field, definedLevels: [1, 2, 3])
        row.levels = [4, 0, 1, 0, 0, 0, 0]
        row.below = 2
        row.notAssessed = 3
        return SkillMap(
            unit: OrgUnit(id: 1, code: "OPS", name: hostile, parentID: nil), asOf: Day("2026-01-31"), basis: .official,
            includeInactive: false, rows: [row], people: 12, withoutAssessment: 5)
    }

    static func page(_ map: SkillMap = map) -> SkillMapPage {
        var parameters = SkillMapParameters()
        parameters.org = "OPS"
        parameters.asOf = map.asOf
        return SkillMapPage(
            map: map,
            scope: SkillMapScope(
                unit: map.unit, unitIDs: [1], choices: [OrgUnit(id: 1, code: "OPS", name: hostile, parentID: nil)],
                wholeOrganisation: true),
            parameters: parameters, standards: [field.standard], fields: [field])
    }

    @Test("the map page: a heatmap whose non-empty cells link to their people, undefined levels hatched, text escaped")
    func mapPage() {
        let html = Self.page().render(layout: SkillViewsTests.layout).rendered
        #expect(!html.contains("<script>alert"))
        #expect(html.contains("Desk &lt;b&gt; (V2 2006) — Level 1: 4 people"))
        #expect(html.contains("href=\"/map/cell?org=OPS&amp;as_of=2026-01-31&amp;field=V2%202006%3ADesk%20%3Cb%3E&amp;level=1\""))
        #expect(html.contains("&amp;level=below\"") && html.contains("&amp;level=none\""))
        // Level 2 is defined but empty: no link; levels 4–7 are not defined: hatched, no number.
        #expect(!html.contains("&amp;level=2\"") && !html.contains("&amp;level=4\""))
        #expect(html.components(separatedBy: "url(#heatmap-undefined)").count - 1 == 4)
        #expect(html.contains("12 people counted; 5 of them without an approved assessment."))
        #expect(html.contains("OPS — &lt;script&gt;alert(1)&lt;/script&gt; · 2026-01-31 · Official (approved)"))
        var empty = Self.map
        empty.rows[0] = SkillMap.Row(fieldID: 7, field: Self.field, definedLevels: [1])
        #expect(
            Self.page(empty).render(layout: SkillViewsTests.layout).rendered.contains("Nobody works in these fields here yet"))
    }

    @Test("the provisional layer is labelled as such, in both languages")
    func provisional() {
        var map = Self.map
        map.basis = .provisional
        let english = Self.page(map).render(layout: SkillViewsTests.layout).rendered
        #expect(english.contains("Provisional levels come from self ratings"))
        #expect(english.contains("without any assessment"))
        var layout = SkillViewsTests.layout
        layout.language = .japanese
        let japanese = Self.page(map).render(layout: layout).rendered
        #expect(japanese.contains("暫定（自己評価）") && japanese.contains("<h1>スキルマップ</h1>"))
    }

    @Test("the comparison marks exactly the changed cells")
    func comparison() {
        var after = Self.map
        after.rows[0].levels[0] = 2
        after.rows[0].notAssessed = 5
        let page = SkillMapComparePage(
            comparison: SkillMapComparison(left: Self.map, right: after), scope: Self.page().scope,
            parameters: Self.page().parameters, compareAsOf: Day("2026-04-30"), compareOrg: nil, standards: [], fields: [])
        let html = page.render(layout: SkillViewsTests.layout).rendered
        #expect(html.contains("2 cells differ."))
        #expect(html.contains("<td class=\"num changed down\"><strong>4 → 2</strong> (-2)</td>"))
        #expect(html.contains("<td class=\"num changed up\"><strong>3 → 5</strong> (+2)</td>"))
        #expect(html.components(separatedBy: "class=\"num changed").count - 1 == 2)
    }

    @Test("heatmap colours run from pale (none) to dark (the most); trend charts draw one segment per non-zero value")
    func charts() {
        #expect(Heatmap.colour(0) == "#f7f8fb")
        #expect(Heatmap.colour(1) == "#1f4e9c")
        #expect(Heatmap.colour(2) == "#1f4e9c")
        // Column headings wider than a cell take several lines, bottom-aligned, and the header grows with them.
        #expect(Heatmap.lines("Level 7") == ["Level 7"])
        #expect(Heatmap.lines("Below first level") == ["Below", "first", "level"])
        #expect(Heatmap.lines("Not assessed") == ["Not", "assessed"])
        #expect(Heatmap.lines("最初のレベル未満") == ["最初のレ", "ベル未満"])
        let heatmap = Heatmap.render(
            title: "map", columns: ["Level 1", "Not assessed"],
            rows: [
                Heatmap.Row(
                    group: "V2", label: "Service desk",
                    cells: [Heatmap.Cell(count: 1, title: "a"), Heatmap.Cell(count: 0, title: "b")])
            ],
            maximum: 1
        ).rendered
        #expect(heatmap.contains("<tspan x=\"337.0\" y=\"20.0\">Not</tspan><tspan x=\"337.0\" y=\"33.0\">assessed</tspan>"))
        #expect(heatmap.contains("<tspan x=\"279.0\" y=\"33.0\">Level 1</tspan>"))
        let stacked = TrendChart.stacked(
            title: Self.hostile, quarters: ["2026Q1", "2026Q2"],
            series: [
                TrendChart.Series(name: "Level 1", values: [1, 0], colour: "#c6dbef"),
                TrendChart.Series(name: "Level 2", values: [1, 2], colour: "#9ecae1"),
            ]
        ).rendered
        #expect(stacked.components(separatedBy: "<rect x=").count - 1 == 3 + 2)  // three segments, two legend keys
        #expect(stacked.contains("<title>2026Q2 · Level 2: 2</title>"))
        #expect(!stacked.contains("<script>"))
        let lines = TrendChart.lines(
            title: "moves", quarters: ["2026Q1", "2026Q2"],
            series: [TrendChart.Series(name: "Up", values: [2, 2], colour: "#1d7a46")]
        ).rendered
        #expect(lines.contains("<polyline") && lines.components(separatedBy: "<circle").count - 1 == 2)
    }
}
