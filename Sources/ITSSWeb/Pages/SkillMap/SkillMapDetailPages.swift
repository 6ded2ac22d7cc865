import Foundation
import ITSSDomain
import ITSSStorage

/// `/map/cell`: the people of one cell of the map, paged and sortable.
struct SkillMapCellPage: Sendable {
    var unit: OrgUnit?
    var field: FieldReference
    var cell: SkillMapCell
    var parameters: SkillMapParameters
    var people: Page<SkillMapPerson>
    var list: ListState
    var sort: SkillMapPeopleSort

    func render(layout: Layout) -> HTML {
        let language = layout.language
        var base = parameters
        base.fields = []
        let link = ListLink(
            path: "/map/cell", filters: base.pairs + [("field", SkillPageParts.key(field)), ("level", cell.description)],
            state: list)
        let rows = people.items.map { person -> HTML in
            """
            <tr><td><a href="/people/\(url: person.employeeNumber)">\(person.employeeNumber)</a></td><td>\(person.name)</td>
            <td>\(person.orgUnitCode.map { "\($0) — \(person.orgUnitName ?? "")" })</td>
            <td>\(person.active ? "" : SkillMapText.inactiveMark(language))</td></tr>
            """
        }
        let table: HTML =
            rows.isEmpty
            ? "<p class=\"empty\">\(SkillMapText.cellEmpty(language))</p>"
            : """
            <table class="people"><thead><tr>\(link.sortHeader(SkillMapText.number(language), key: SkillMapPeopleSort.employeeNumber.rawValue, current: sort.rawValue))\
            \(link.sortHeader(SkillMapText.name(language), key: SkillMapPeopleSort.name.rawValue, current: sort.rawValue))\
            \(link.sortHeader(SkillMapText.unit(language), key: SkillMapPeopleSort.orgUnit.rawValue, current: sort.rawValue))<th></th></tr></thead>
            <tbody>\(rows)</tbody></table>
            \(link.pager(page: people.page, pageCount: people.pageCount, total: people.total, language: language))
            """
        let unitName = unit.map { "\($0.code) — \($0.name)" } ?? SkillMapText.wholeOrganisation(language)
        return layout.render(
            """
            <h1>\(SkillMapText.cellTitle(language))</h1>
            <p><strong>\(SkillPageParts.label(field))</strong> · \(SkillMapPage.columnName(cell, language)) · \(unitName) · \
            \(parameters.asOf?.description ?? SkillMapText.today(language)) · \
            \(parameters.basis == .official ? SkillMapText.official(language) : SkillMapText.provisional(language))</p>
            \(table)
            <p class="no-print"><a href="\(SkillMapParameters.link("/map", parameters.pairs))">← \(SkillMapText.back(language))</a></p>
            """)
    }
}

/// `/map/compare`: two maps side by side — two dates or two units — with every changed cell marked.
struct SkillMapComparePage: Sendable {
    var comparison: SkillMapComparison?
    var scope: SkillMapScope
    var parameters: SkillMapParameters
    var compareAsOf: Day?
    var compareOrg: String?
    var standards: [StandardKey]
    var fields: [FieldReference]

    func render(layout: Layout) -> HTML {
        let language = layout.language
        let units = scope.choices.map { unit -> HTML in
            "<option value=\"\(unit.code)\"\(unit.code == compareOrg ? " selected" as HTML : .empty)>\(unit.code) — \(unit.name)</option>"
        }
        let extra: HTML = """
            <label for="compare-as-of">\(SkillMapText.compareAsOf(language))</label>
            <input id="compare-as-of" name="compare_as_of" type="date" value="\(compareAsOf?.description ?? "")">
            <label for="compare-org">\(SkillMapText.compareOrg(language))</label>
            <select id="compare-org" name="compare_org"><option value=""></option>\(units)</select>
            """
        let filters = SkillMapPage.filters(
            action: "/map/compare", scope: scope, parameters: parameters, standards: standards, fields: fields,
            language: language, extra: extra)
        guard let comparison else {
            return layout.render(
                """
                <h1>\(SkillMapText.compareTitle(language))</h1>
                <p class="muted">\(SkillMapText.compareHint(language))</p>
                \(filters)
                <p class="empty">\(SkillMapText.compareNeeds(language))</p>
                """)
        }
        let differences = comparison.differences
        let changed = Dictionary(
            differences.map { ("\($0.fieldID) \($0.cell)", $0.change) }, uniquingKeysWith: { first, _ in first })
        let right = Dictionary(comparison.right.rows.map { ($0.fieldID, $0) }, uniquingKeysWith: { first, _ in first })
        let header = SkillMapPage.cells.map { "<th class=\"num\">\(SkillMapPage.columnName($0, language))</th>" as HTML }
        let rows = comparison.left.rows.map { row -> HTML in
            let cells = SkillMapPage.cells.map { cell -> HTML in
                let before = row.count(cell)
                let after = right[row.fieldID]?.count(cell) ?? 0
                guard let change = changed["\(row.fieldID) \(cell)"] else { return "<td class=\"num\">\(before)</td>" }
                let sign = change > 0 ? "+\(change)" : "\(change)"
                return
                    "<td class=\"num changed \(change > 0 ? "up" : "down")\"><strong>\(before) → \(after)</strong> (\(sign))</td>"
            }
            return "<tr><th scope=\"row\">\(SkillPageParts.label(row.field))</th>\(cells)</tr>"
        }
        let count: HTML =
            differences.isEmpty
            ? "<p>\(SkillMapText.noDifferences(language))</p>"
            : "<p>\(SkillMapText.differences(language).replacingOccurrences(of: "{n}", with: String(differences.count)))</p>"
        return layout.render(
            """
            <h1>\(SkillMapText.compareTitle(language))</h1>
            <p class="muted no-print">\(SkillMapText.compareHint(language))</p>
            \(filters)
            <h2>\(SkillMapPage.caption(comparison.left, language)) ⇄ \(SkillMapPage.caption(comparison.right, language))</h2>
            \(count)
            <div class="chart-scroll"><table class="map-compare"><thead><tr><th>\(SkillMapText.field(language))</th>\(header)</tr></thead>
            <tbody>\(rows)</tbody></table></div>
            <div class="map-pair">
            <div>\(SkillMapPage.heatmap(comparison.left, parameters: parameters, title: SkillMapPage.caption(comparison.left, language), language: language))</div>
            <div>\(SkillMapPage.heatmap(comparison.right, parameters: parameters, title: SkillMapPage.caption(comparison.right, language), language: language))</div>
            </div>
            """)
    }
}

/// `/map/trends`: per field, the level distribution at each quarter's end (stacked bars), people who moved up
/// or down (lines), and the median days from each level to the next.
struct SkillMapTrendsPage: Sendable {
    var trends: SkillMapTrends
    var scope: SkillMapScope
    var parameters: SkillMapParameters
    var standards: [StandardKey]
    var fields: [FieldReference]

    func render(layout: Layout) -> HTML {
        let language = layout.language
        let sections = trends.fields.map { field -> HTML in
            let levels = field.definedLevels.map { level in
                TrendChart.Series(
                    name: "\(SkillMapText.level(language)) \(level)", values: field.points.map { $0.levels[level - 1] },
                    colour: TrendChart.levelColours[min(max(level - 1, 0), 6)])
            }
            let moves = [
                TrendChart.Series(name: SkillMapText.movedUp(language), values: field.points.map(\.movedUp), colour: "#1d7a46"),
                TrendChart.Series(
                    name: SkillMapText.movedDown(language), values: field.points.map(\.movedDown), colour: "#b3261e"),
            ]
            let label = SkillPageParts.label(field.field)
            let steps: HTML =
                field.steps.isEmpty
                ? "<p class=\"muted\">\(SkillMapText.noSteps(language))</p>"
                : """
                <table class="steps"><thead><tr><th>\(SkillMapText.step(language))</th><th class="num">\(SkillMapText.stepPeople(language))</th>\
                <th class="num">\(SkillMapText.median(language))</th></tr></thead><tbody>\(field.steps.map { step -> HTML in
                    "<tr><td>\(SkillMapText.level(language)) \(step.from) → \(step.to)</td><td class=\"num\">\(step.people)</td><td class=\"num\">\(Self.days(step.medianDays))</td></tr>"
                })</tbody></table>
                """
            let table = field.points.map { point -> HTML in
                let cells = field.definedLevels.map { "<td class=\"num\">\(point.levels[$0 - 1])</td>" as HTML }
                return
                    "<tr><th scope=\"row\">\(point.quarter)</th>\(cells)<td class=\"num\">\(point.movedUp)</td><td class=\"num\">\(point.movedDown)</td></tr>"
            }
            let levelHeaders = field.definedLevels.map { "<th class=\"num\">\(SkillMapText.level(language)) \($0)</th>" as HTML }
            return """
                <section class="trend card"><h2>\(label)</h2>
                <div class="chart-scroll">\(TrendChart.stacked(title: "\(label) — \(SkillMapText.distribution(language))", quarters: trends.quarters, series: levels))
                \(TrendChart.lines(title: "\(label) — \(SkillMapText.movers(language))", quarters: trends.quarters, series: moves))</div>
                <details><summary>\(SkillMapText.quarter(language))</summary><table class="trend-table"><thead><tr><th>\(SkillMapText.quarter(language))</th>\(levelHeaders)\
                <th class="num">\(SkillMapText.movedUp(language))</th><th class="num">\(SkillMapText.movedDown(language))</th></tr></thead>
                <tbody>\(table)</tbody></table></details>
                \(steps)
                </section>
                """
        }
        let body: HTML = sections.isEmpty ? "<p class=\"empty\">\(SkillMapText.trendsEmpty(language))</p>" : HTML.join(sections)
        var official = parameters
        official.basis = .official
        official.asOf = nil
        let unit = trends.unit.map { "\($0.code) — \($0.name)" } ?? SkillMapText.wholeOrganisation(language)
        return layout.render(
            """
            <h1>\(SkillMapText.trendsTitle(language))</h1>
            <p class="muted">\(SkillMapText.trendsHint(language))</p>
            \(SkillMapPage.filters(action: "/map/trends", scope: scope, parameters: official, standards: standards, fields: fields, language: language))
            <h2>\(unit)</h2>
            \(body)
            <p class="no-print"><a href="\(SkillMapParameters.link("/map", official.pairs))">← \(SkillMapText.back(language))</a></p>
            """)
    }

    /// `85` or `85.5`.
    static func days(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
    }
}
