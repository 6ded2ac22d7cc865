import ITSSDomain
import ITSSStorage

/// `/map`: the ITSS grid of an org unit (with its sub-units) as a heatmap, with its filters, links to the
/// drill-down of each cell, the comparison, the trends and the CSV downloads. A pure view of its model.
struct SkillMapPage: Sendable {
    var map: SkillMap
    var scope: SkillMapScope
    var parameters: SkillMapParameters
    /// The standards and fields of the catalog, for the filters.
    var standards: [StandardKey]
    var fields: [FieldReference]

    /// The drill-down of one cell: the map's parameters with the cell's field and level.
    static func cellLink(_ parameters: SkillMapParameters, field: FieldReference, cell: SkillMapCell) -> String {
        var base = parameters
        base.fields = []
        return SkillMapParameters.link(
            "/map/cell", base.pairs + [("field", SkillPageParts.key(field)), ("level", cell.description)])
    }

    /// The columns of the grid: levels 1–7, below the first level, not assessed.
    static let cells: [SkillMapCell] = (1...7).map(SkillMapCell.level) + [.below, .notAssessed]

    static func columnName(_ cell: SkillMapCell, _ language: Language) -> String {
        switch cell {
        case let .level(level): "\(SkillMapText.level(language)) \(level)"
        case .below: SkillMapText.below(language)
        case .notAssessed: SkillMapText.notAssessed(language)
        }
    }

    /// `IT Service Management (V3 2008)`.
    static func group(_ field: FieldReference) -> String { "\(field.standard.name) (\(field.standard.version))" }

    /// The heatmap of a map; cells link to their drill-down with `parameters`.
    static func heatmap(_ map: SkillMap, parameters: SkillMapParameters, title: String, language: Language) -> HTML {
        let rows = map.rows.map { row in
            Heatmap.Row(
                group: group(row.field), label: row.field.field,
                cells: cells.map { cell in
                    var undefined = false
                    if case let .level(level) = cell { undefined = !row.definedLevels.contains(level) }
                    let count = row.count(cell)
                    return Heatmap.Cell(
                        count: count,
                        title: "\(row.field.field) (\(row.field.standard.version)) — \(columnName(cell, language)): \(count) \(SkillMapText.people(language))",
                        href: count > 0 ? cellLink(parameters, field: row.field, cell: cell) : nil, undefined: undefined)
                })
        }
        return Heatmap.render(
            title: title, columns: cells.map { columnName($0, language) }, rows: rows,
            maximum: max(map.largestCell, map.rows.map(\.notAssessed).max() ?? 0))
    }

    /// What the map shows, in words: unit, date, layer.
    static func caption(_ map: SkillMap, _ language: Language) -> String {
        let unit = map.unit.map { "\($0.code) — \($0.name)" } ?? SkillMapText.wholeOrganisation(language)
        let date = map.asOf?.description ?? SkillMapText.today(language)
        let layer = map.basis == .official ? SkillMapText.official(language) : SkillMapText.provisional(language)
        return "\(unit) · \(date) · \(layer)"
    }

    static func summary(_ map: SkillMap, _ language: Language) -> String {
        (map.basis == .official ? SkillMapText.summary : SkillMapText.summaryProvisional)(language)
            .replacingOccurrences(of: "{people}", with: String(map.people))
            .replacingOccurrences(of: "{without}", with: String(map.withoutAssessment))
    }

    /// The filter form: unit, date, standard, field, layer, inactive people.
    static func filters(
        action: String, scope: SkillMapScope, parameters: SkillMapParameters, standards: [StandardKey],
        fields: [FieldReference], language: Language, extra: HTML = .empty
    ) -> HTML {
        let whole: HTML =
            scope.wholeOrganisation
            ? "<option value=\"\">\(SkillMapText.wholeOrganisation(language))</option>" : .empty
        let units = scope.choices.map { unit -> HTML in
            let selected = unit.code == (parameters.org ?? scope.unit?.code)
            return "<option value=\"\(unit.code)\"\(selected ? " selected" as HTML : .empty)>\(unit.code) — \(unit.name)</option>"
        }
        let standardOptions = standards.map { key -> HTML in
            let selected = parameters.standard == key.version
            return "<option value=\"\(key.version)\"\(selected ? " selected" as HTML : .empty)>\(key.name) (\(key.version))</option>"
        }
        let fieldOptions = fields.map { field -> HTML in
            let key = SkillPageParts.key(field)
            return
                "<option value=\"\(key)\"\(parameters.fields.contains(key) ? " selected" as HTML : .empty)>\(SkillPageParts.label(field))</option>"
        }
        return """
            <form method="get" action="\(action)" class="filters map-filters no-print">
            <label for="map-org">\(SkillMapText.orgUnit(language))</label>
            <select id="map-org" name="org">\(whole)\(units)</select>
            <label for="map-as-of">\(SkillMapText.asOf(language))</label>
            <input id="map-as-of" name="as_of" type="date" value="\(parameters.asOf?.description ?? "")">
            <label for="map-standard">\(SkillMapText.standard(language))</label>
            <select id="map-standard" name="standard"><option value="">\(SkillMapText.allStandards(language))</option>\(standardOptions)</select>
            <label for="map-field">\(SkillMapText.field(language))</label>
            <select id="map-field" name="field"><option value="">\(SkillMapText.allFields(language))</option>\(fieldOptions)</select>
            <label for="map-basis">\(SkillMapText.layer(language))</label>
            <select id="map-basis" name="basis">\
            <option value="official"\(parameters.basis == .official ? " selected" as HTML : .empty)>\(SkillMapText.official(language))</option>\
            <option value="provisional"\(parameters.basis == .provisional ? " selected" as HTML : .empty)>\(SkillMapText.provisional(language))</option></select>
            <label class="check"><input type="checkbox" name="inactive" value="1"\(parameters.includeInactive ? " checked" as HTML : .empty)> \(SkillMapText.inactive(language))</label>
            \(extra)
            <button type="submit">\(SkillMapText.show(language))</button>
            </form>
            """
    }

    /// Links to the other map pages and the CSV downloads, with the same parameters.
    static func links(_ parameters: SkillMapParameters, _ language: Language) -> HTML {
        let pairs = parameters.pairs
        let csv = pairs + [("format", "csv")]
        return """
            <p class="map-links no-print"><a href="\(SkillMapParameters.link("/map/compare", pairs))">\(SkillMapText.compare(language))</a> · \
            <a href="\(SkillMapParameters.link("/map/trends", pairs))">\(SkillMapText.trends(language))</a></p>
            <p class="map-links no-print">\(SkillMapText.downloads(language)): \
            <a href="\(SkillMapParameters.link("/api/v1/map", csv))" download>\(SkillMapText.mapCSV(language))</a> · \
            <a href="\(SkillMapParameters.link("/api/v1/map/export/levels", csv))" download>\(SkillMapText.levelsCSV(language))</a> · \
            <a href="\(SkillMapParameters.link("/api/v1/map/export/ratings", csv))" download>\(SkillMapText.ratingsCSV(language))</a></p>
            """
    }

    func render(layout: Layout) -> HTML {
        let language = layout.language
        let body: HTML =
            map.rows.allSatisfy({ $0.total == 0 })
            ? "<p class=\"empty\">\(SkillMapText.empty(language))</p>"
            : "<div class=\"chart-scroll\">\(Self.heatmap(map, parameters: parameters, title: Self.caption(map, language), language: language))</div>"
        let note: HTML =
            map.basis == .provisional ? "<p class=\"hint provisional\">\(SkillMapText.provisionalNote(language))</p>" : .empty
        return layout.render(
            """
            <h1>\(SkillMapText.title(language))</h1>
            <p class="muted no-print">\(SkillMapText.hint(language))</p>
            \(Self.filters(action: "/map", scope: scope, parameters: parameters, standards: standards, fields: fields, language: language))
            <h2>\(Self.caption(map, language))</h2>
            \(note)
            <p>\(Self.summary(map, language))</p>
            \(body)
            \(Self.links(parameters, language))
            """)
    }
}
