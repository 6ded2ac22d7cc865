import ITSSDomain
import ITSSStorage

/// An org unit named in a read model: `{code, name}`.
struct APIUnitRef: Encodable, Sendable {
    var code: String
    var name: String

    init?(_ unit: OrgUnit?) {
        guard let unit else { return nil }
        code = unit.code
        name = unit.name
    }
}

/// `GET /map`: the ITSS grid of an org unit (or the whole organisation) on a date.
struct APISkillMap: Encodable, Sendable {
    struct Row: Encodable, Sendable {
        var field: APIFieldRef
        var definedLevels: [Int]
        /// People at level 1…7.
        var levels: [Int]
        var below: Int
        var notAssessed: Int
        var total: Int
    }

    var orgUnit: APIUnitRef?
    var asOf: String?
    var basis: String
    var includeInactive: Bool
    var people: Int
    var withoutAssessment: Int
    var rows: [Row]

    init(_ map: SkillMap) {
        orgUnit = APIUnitRef(map.unit)
        asOf = map.asOf?.description
        basis = map.basis.rawValue
        includeInactive = map.includeInactive
        people = map.people
        withoutAssessment = map.withoutAssessment
        rows = map.rows.map {
            Row(
                field: APIFieldRef($0.field, id: $0.fieldID), definedLevels: $0.definedLevels, levels: $0.levels,
                below: $0.below, notAssessed: $0.notAssessed, total: $0.total)
        }
    }
}

/// `GET /map/people`: a person in a cell.
struct APISkillMapPerson: Encodable, Sendable {
    var employeeNumber: String
    var name: String
    var orgUnit: String?
    var active: Bool
    var level: Int?

    init(_ person: SkillMapPerson) {
        employeeNumber = person.employeeNumber
        name = person.name
        orgUnit = person.orgUnitCode
        active = person.active
        level = person.level
    }
}

/// `GET /map/compare`: two maps and the cells that differ.
struct APISkillMapComparison: Encodable, Sendable {
    struct Difference: Encodable, Sendable {
        var field: APIFieldRef
        /// `1`…`7`, `below` or `none`.
        var cell: String
        var left: Int
        var right: Int
        var change: Int
    }

    var left: APISkillMap
    var right: APISkillMap
    var differences: [Difference]

    init(_ comparison: SkillMapComparison) {
        left = APISkillMap(comparison.left)
        right = APISkillMap(comparison.right)
        differences = comparison.differences.map {
            Difference(
                field: APIFieldRef($0.field, id: $0.fieldID), cell: $0.cell.description, left: $0.left, right: $0.right,
                change: $0.change)
        }
    }
}

/// `GET /map/trends`.
struct APISkillMapTrends: Encodable, Sendable {
    struct Point: Encodable, Sendable {
        var quarter: String
        var levels: [Int]
        var movedUp: Int
        var movedDown: Int
    }

    struct Step: Encodable, Sendable {
        var from: Int
        var to: Int
        var people: Int
        var medianDays: Double
    }

    struct Field: Encodable, Sendable {
        var field: APIFieldRef
        var definedLevels: [Int]
        var points: [Point]
        var steps: [Step]
    }

    var orgUnit: APIUnitRef?
    var includeInactive: Bool
    var quarters: [String]
    var fields: [Field]

    init(_ trends: SkillMapTrends) {
        orgUnit = APIUnitRef(trends.unit)
        includeInactive = trends.includeInactive
        quarters = trends.quarters
        fields = trends.fields.map { field in
            Field(
                field: APIFieldRef(field.field, id: field.fieldID), definedLevels: field.definedLevels,
                points: field.points.map {
                    Point(quarter: $0.quarter, levels: $0.levels, movedUp: $0.movedUp, movedDown: $0.movedDown)
                },
                steps: field.steps.map { Step(from: $0.from, to: $0.to, people: $0.people, medianDays: $0.medianDays) })
        }
    }
}

/// `GET /map/export/levels`: one person × field.
struct APILevelExportRow: Encodable, Sendable {
    var employeeNumber: String
    var name: String
    var orgUnit: String?
    var active: Bool
    var field: APIFieldRef
    var level: Int?
    /// `level`, `below_first_level` or `not_assessed`.
    var status: String

    init(_ row: LevelExportRow) {
        employeeNumber = row.employeeNumber
        name = row.name
        orgUnit = row.orgUnitCode
        active = row.active
        field = APIFieldRef(row.field, id: nil)
        level = row.level
        status =
            switch row.cell {
            case .level: "level"
            case .below: "below_first_level"
            case .notAssessed: "not_assessed"
            }
    }
}

/// `GET /map/export/ratings`: one rating of a latest approved assessment.
struct APIRatingExportRow: Encodable, Sendable {
    var employeeNumber: String
    var name: String
    var orgUnit: String?
    var field: APIFieldRef
    var cycle: String
    var decidedAt: String
    var item: String
    var selfLevel: Int?
    var evaluatorLevel: Int?

    init(_ row: RatingExportRow) {
        employeeNumber = row.employeeNumber
        name = row.name
        orgUnit = row.orgUnitCode
        field = APIFieldRef(row.field, id: nil)
        cycle = row.cycle
        decidedAt = row.decidedAt
        item = row.item
        selfLevel = row.selfLevel
        evaluatorLevel = row.evaluatorLevel
    }
}

/// A batch of an export: `{items, next}`; pass `next` back as `after` for the following batch (absent after the
/// last).
struct APIExportBatch<Item: Encodable & Sendable>: Encodable, Sendable {
    var items: [Item]
    var next: String?
}
