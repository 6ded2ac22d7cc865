import ITSSDomain
import SQLKit

/// How the official levels of an org unit moved, quarter by quarter, from the level history.
public struct SkillMapTrends: Sendable, Hashable, Codable {
    /// One quarter of one field: people per level at its end, people who moved up or down during it.
    public struct Point: Sendable, Hashable, Codable {
        /// `2026Q1`.
        public var quarter: String
        /// People at level 1…7 at the end of the quarter (`levels[0]` is level 1).
        public var levels: [Int]
        /// People whose level rose (from below the first level too) during the quarter.
        public var movedUp: Int
        /// People whose level fell during the quarter.
        public var movedDown: Int
    }

    /// The time people took from first reaching a level to first reaching the level above.
    public struct Step: Sendable, Hashable, Codable {
        public var from: Int
        public var to: Int
        /// People who made the step.
        public var people: Int
        /// The median in days.
        public var medianDays: Double
    }

    public struct Field: Sendable, Hashable, Codable {
        public var fieldID: Int64
        public var field: FieldReference
        public var definedLevels: [Int]
        /// One per quarter of `SkillMapTrends.quarters`.
        public var points: [Point]
        public var steps: [Step]
    }

    public var unit: OrgUnit?
    public var includeInactive: Bool
    /// Oldest first, up to the current quarter.
    public var quarters: [String]
    /// The fields with history in scope, in catalog order.
    public var fields: [Field]
}

/// A calendar quarter.
struct Quarter: Hashable, Comparable {
    var year: Int
    var number: Int

    init(year: Int, number: Int) {
        self.year = year
        self.number = number
    }

    init(_ day: Day) { self.init(year: day.year, number: (day.month + 2) / 3) }

    var next: Quarter { number == 4 ? Quarter(year: year + 1, number: 1) : Quarter(year: year, number: number + 1) }
    var description: String { "\(year)Q\(number)" }

    static func < (lhs: Quarter, rhs: Quarter) -> Bool { (lhs.year, lhs.number) < (rhs.year, rhs.number) }
}

extension AppDatabase {
    /// The most quarters a trend shows (the latest ones).
    public static let trendQuarters = 1...40

    /// The quarterly trends of the official levels in scope: level distribution at each quarter's end, people
    /// who moved up or down, and the median time from level L to L+1 per field. Three aggregate queries over the
    /// history of the people in scope; the quarter distributions are running sums of the level changes.
    /// - Parameter quarters: How many quarters to show, ending with the current one.
    /// - Throws: database errors.
    public func skillMapTrends(
        _ scope: SkillMapScope, fieldIDs: [Int64]? = nil, includeInactive: Bool = false, quarters count: Int = 8
    ) async throws -> SkillMapTrends {
        let sql = try sql()
        let index = try await catalogIndex()
        let query = SkillMapSQL(scope: scope, filter: SkillMapFilter(fieldIDs: fieldIDs, includeInactive: includeInactive))
        let fields: SQLQueryString = fieldIDs.map { $0.isEmpty ? "1 = 0" : "h.field_id IN \(list: $0)" } ?? "1 = 1"
        let history: SQLQueryString =
            "FROM level_history h JOIN people p ON p.id = h.person_id WHERE \(query.people) AND \(fields)"
        let year: SQLQueryString = "CAST(substr(h.effective_at, 1, 4) AS INTEGER)"
        let quarter: SQLQueryString = "(CAST(substr(h.effective_at, 6, 2) AS INTEGER) + 2) / 3"
        struct Change: Hashable {
            var field: Int64
            var quarter: Quarter
        }
        func change(_ row: any SQLRow) throws -> Change {
            Change(
                field: try row.decode(column: "field_id", as: Int64.self),
                quarter: Quarter(
                    year: try row.decode(column: "y", as: Int.self), number: try row.decode(column: "q", as: Int.self)))
        }
        // Level changes: (from, to) counts per field and quarter.
        var changes: [Change: [(from: Int?, to: Int?, count: Int)]] = [:]
        for row in try await sql.raw(
            """
            SELECT h.field_id, \(year) AS y, \(quarter) AS q, h.previous_level, h.level, COUNT(*) AS n
            \(history) GROUP BY h.field_id, \(year), \(quarter), h.previous_level, h.level
            """
        ).all() {
            let key = try change(row)
            changes[key, default: []].append(
                (
                    try row.decode(column: "previous_level", as: Int?.self), try row.decode(column: "level", as: Int?.self),
                    try row.decode(column: "n", as: Int.self)
                ))
        }
        var movers: [Change: (up: Int, down: Int)] = [:]
        for row in try await sql.raw(
            """
            SELECT h.field_id, \(year) AS y, \(quarter) AS q,
                CASE WHEN COALESCE(h.level, 0) > COALESCE(h.previous_level, 0) THEN 1 ELSE 0 END AS up,
                COUNT(DISTINCT h.person_id) AS n
            \(history)
            GROUP BY h.field_id, \(year), \(quarter), CASE WHEN COALESCE(h.level, 0) > COALESCE(h.previous_level, 0) THEN 1 ELSE 0 END
            """
        ).all() {
            let key = try change(row)
            let n = try row.decode(column: "n", as: Int.self)
            if try row.decode(column: "up", as: Int.self) == 1 {
                movers[key, default: (0, 0)].up += n
            } else {
                movers[key, default: (0, 0)].down += n
            }
        }
        // Days from first reaching L to first reaching L + 1, as a histogram per field and level.
        let days: SQLQueryString =
            sql.dialect.name == "postgresql"
            ? "(CAST(substr(b.reached, 1, 10) AS DATE) - CAST(substr(a.reached, 1, 10) AS DATE))"
            : "CAST(julianday(substr(b.reached, 1, 10)) - julianday(substr(a.reached, 1, 10)) AS INTEGER)"
        var steps: [Int64: [Int: [(days: Int, count: Int)]]] = [:]
        for row in try await sql.raw(
            """
            WITH firsts AS (
                SELECT h.person_id, h.field_id, h.level, MIN(h.effective_at) AS reached
                \(history) AND h.level IS NOT NULL GROUP BY h.person_id, h.field_id, h.level
            )
            SELECT a.field_id, a.level, \(days) AS days, COUNT(*) AS n
            FROM firsts a JOIN firsts b
                ON b.person_id = a.person_id AND b.field_id = a.field_id AND b.level = a.level + 1 AND b.reached >= a.reached
            GROUP BY a.field_id, a.level, \(days)
            """
        ).all() {
            steps[try row.decode(column: "field_id", as: Int64.self), default: [:]][
                try row.decode(column: "level", as: Int.self), default: []
            ].append((try row.decode(column: "days", as: Int.self), try row.decode(column: "n", as: Int.self)))
        }

        let current = Quarter(try today())
        var first = current
        for _ in 1..<min(max(count, Self.trendQuarters.lowerBound), Self.trendQuarters.upperBound) {
            first = Quarter(
                year: first.number == 1 ? first.year - 1 : first.year, number: first.number == 1 ? 4 : first.number - 1)
        }
        var quarters: [Quarter] = []
        var walk = first
        while walk <= current {
            quarters.append(walk)
            walk = walk.next
        }
        let fieldsWithHistory = Set(changes.keys.map(\.field))
        var result: [SkillMapTrends.Field] = []
        for entry in index.fields where fieldsWithHistory.contains(entry.id) {
            // Running sums from the oldest change, so that the first quarter shown starts from the right counts.
            var levels = Array(repeating: 0, count: 7)
            let own = changes.filter { $0.key.field == entry.id }.sorted { $0.key.quarter < $1.key.quarter }
            var points: [SkillMapTrends.Point] = []
            var next = own.startIndex
            for quarter in quarters {
                while next < own.endIndex, own[next].key.quarter <= quarter {
                    for change in own[next].value {
                        if let from = change.from, (1...7).contains(from) { levels[from - 1] -= change.count }
                        if let to = change.to, (1...7).contains(to) { levels[to - 1] += change.count }
                    }
                    next += 1
                }
                let moved = movers[Change(field: entry.id, quarter: quarter)] ?? (0, 0)
                points.append(
                    SkillMapTrends.Point(quarter: quarter.description, levels: levels, movedUp: moved.up, movedDown: moved.down))
            }
            let fieldSteps = (steps[entry.id] ?? [:]).keys.sorted().compactMap { level -> SkillMapTrends.Step? in
                let histogram = (steps[entry.id]?[level] ?? []).sorted { $0.days < $1.days }
                guard let median = Self.median(histogram) else { return nil }
                return SkillMapTrends.Step(
                    from: level, to: level + 1, people: histogram.reduce(0) { $0 + $1.count }, medianDays: median)
            }
            result.append(
                SkillMapTrends.Field(
                    fieldID: entry.id, field: entry.reference, definedLevels: entry.compiled.definedLevels, points: points,
                    steps: fieldSteps))
        }
        return SkillMapTrends(
            unit: scope.unit, includeInactive: includeInactive, quarters: quarters.map(\.description), fields: result)
    }

    /// The median of a sorted histogram of whole numbers (the mean of the two middle values for an even count).
    static func median(_ histogram: [(days: Int, count: Int)]) -> Double? {
        let total = histogram.reduce(0) { $0 + $1.count }
        guard total > 0 else { return nil }
        func value(at position: Int) -> Int {
            var seen = 0
            for bucket in histogram {
                seen += bucket.count
                if position < seen { return bucket.days }
            }
            return histogram.last?.days ?? 0
        }
        return total % 2 == 1
            ? Double(value(at: total / 2)) : Double(value(at: total / 2 - 1) + value(at: total / 2)) / 2
    }
}
