import ITSSDomain

/// Which levels a skill map counts: the official ones (approved evaluator ratings, verified records) or the
/// provisional ones (self ratings, all records). The two are never mixed in one map.
public enum SkillMapBasis: String, Sendable, Hashable, Codable, CaseIterable {
    case official
    case provisional

    /// The `basis` column of `person_levels`.
    var column: String { self == .official ? "approved" : "provisional" }
}

/// What a skill map shows: the org unit (with its sub-units) or everyone, the date, the fields and the layer.
public struct SkillMapScope: Sendable, Hashable {
    /// The unit mapped with its sub-units; `nil` for the whole organisation (everyone, also people in no unit).
    public var unit: OrgUnit?
    /// The ids of `unit` and its sub-units; `nil` for the whole organisation.
    public var unitIDs: [Int64]?
    /// The units the principal may map, by code (for a unit selector).
    public var choices: [OrgUnit]
    /// Whether the principal may map the whole organisation (administrators and HR).
    public var wholeOrganisation: Bool
}

/// The filters of a skill map besides its scope.
public struct SkillMapFilter: Sendable, Hashable {
    /// `nil`: now (the stored current levels); a day: as of the end of that day, from the level history.
    public var asOf: Day?
    /// Only these fields (ids); `nil` for every specialty field.
    public var fieldIDs: [Int64]?
    public var basis: SkillMapBasis
    /// Count inactive people too (by default only active people count).
    public var includeInactive: Bool

    public init(asOf: Day? = nil, fieldIDs: [Int64]? = nil, basis: SkillMapBasis = .official, includeInactive: Bool = false) {
        self.asOf = asOf
        self.fieldIDs = fieldIDs
        self.basis = basis
        self.includeInactive = includeInactive
    }

    /// - Throws: `StorageError.refused` for provisional levels of a past date (self ratings are not historised).
    func checkLayer() throws {
        if basis == .provisional, asOf != nil {
            throw StorageError.refused(reason: "provisional levels are kept for today only; leave out the date")
        }
    }
}

/// The ITSS grid of an org unit: per specialty field, how many people hold each level on a date.
public struct SkillMap: Sendable, Hashable, Codable {
    /// One specialty field: people per level 1–7, below the first level, not assessed.
    public struct Row: Sendable, Hashable, Codable {
        public var fieldID: Int64
        public var field: FieldReference
        /// The levels the field defines (others are always 0).
        public var definedLevels: [Int]
        /// People at level 1…7 (`levels[0]` is level 1).
        public var levels: [Int]
        public var below: Int
        public var notAssessed: Int

        public init(fieldID: Int64, field: FieldReference, definedLevels: [Int]) {
            self.fieldID = fieldID
            self.field = field
            self.definedLevels = definedLevels
            levels = Array(repeating: 0, count: 7)
            below = 0
            notAssessed = 0
        }

        /// The count of one cell.
        public func count(_ cell: SkillMapCell) -> Int {
            switch cell {
            case let .level(level): (1...7).contains(level) ? levels[level - 1] : 0
            case .below: below
            case .notAssessed: notAssessed
            }
        }

        /// People holding a level.
        public var withLevel: Int { levels.reduce(0, +) }
        /// People working in the field (every cell).
        public var total: Int { withLevel + below + notAssessed }
    }

    public var unit: OrgUnit?
    public var asOf: Day?
    public var basis: SkillMapBasis
    public var includeInactive: Bool
    /// In catalog order (standards by edition, fields as published).
    public var rows: [Row]
    /// The people counted (in the unit and its sub-units, active unless `includeInactive`).
    public var people: Int
    /// Of those, the people with no approved assessment by the date (provisional layer: no assessment at all).
    public var withoutAssessment: Int

    /// The largest count of any level cell (for colour scales).
    public var largestCell: Int { rows.flatMap { $0.levels + [$0.below] }.max() ?? 0 }
}

/// A person in one cell of the map (the drill-down).
public struct SkillMapPerson: Sendable, Hashable, Codable {
    public var employeeNumber: String
    public var name: String
    public var orgUnitCode: String?
    public var orgUnitName: String?
    public var active: Bool
    /// The level in the field (`nil` below the first level or not assessed).
    public var level: Int?
}

/// How the people of a cell are ordered.
public enum SkillMapPeopleSort: String, Sendable, Hashable, CaseIterable {
    case employeeNumber = "number"
    case name
    case orgUnit = "unit"

    var column: String {
        switch self {
        case .employeeNumber: "p.employee_number"
        case .name: "p.name"
        case .orgUnit: "u.code"
        }
    }
}

/// Two maps side by side (two dates or two units) and their differences, cell by cell (right minus left).
public struct SkillMapComparison: Sendable, Hashable, Codable {
    public struct Difference: Sendable, Hashable, Codable {
        public var fieldID: Int64
        public var field: FieldReference
        public var cell: SkillMapCell
        public var left: Int
        public var right: Int
        public var change: Int { right - left }
    }

    public var left: SkillMap
    public var right: SkillMap

    public init(left: SkillMap, right: SkillMap) {
        self.left = left
        self.right = right
    }

    /// Every cell whose count differs, in row order, levels first.
    public var differences: [Difference] {
        let rightRows = Dictionary(right.rows.map { ($0.fieldID, $0) }, uniquingKeysWith: { first, _ in first })
        var result: [Difference] = []
        for row in left.rows {
            guard let other = rightRows[row.fieldID] else { continue }
            for cell in (1...7).map(SkillMapCell.level) + [.below, .notAssessed] where row.count(cell) != other.count(cell) {
                result.append(
                    Difference(
                        fieldID: row.fieldID, field: row.field, cell: cell, left: row.count(cell), right: other.count(cell)))
            }
        }
        return result
    }
}

/// A map's counts before they are laid out in catalog order: per field and cell (no zero counts), the people
/// counted and those without an assessment.
struct SkillMapCounts: Equatable, Sendable {
    var cells: [Int64: [SkillMapCell: Int]] = [:]
    var people = 0
    var withoutAssessment = 0

    mutating func add(_ count: Int, field: Int64, cell: SkillMapCell) {
        guard count != 0 else { return }
        let total = cells[field, default: [:]][cell, default: 0] + count
        cells[field, default: [:]][cell] = total == 0 ? nil : total
    }
}
