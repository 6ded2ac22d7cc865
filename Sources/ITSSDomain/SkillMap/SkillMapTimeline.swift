/// How one person and their fields count in the skill map, day after day: the rule behind the map's stored counts.
///
/// The map counts a person × field pair in one cell per day: the level the pair holds at the end of that day (the
/// last row of its level history on or before it), or, without a level, "below the field's first level" once the
/// pair has an approved assessment and "not assessed" before. A pair counts from the later of the days its
/// person was created and its field was added. A person counts "without assessment" until the day of their first
/// approved assessment in any field.
///
/// Everything here is by day: an event counts from the end of the day it happened on.
public enum SkillMapTimeline {
    /// One row of a pair's level history.
    public struct LevelChange: Sendable, Hashable {
        /// The day the change took effect.
        public var day: Day
        /// The level from then on; `nil` below the field's first level.
        public var level: Int?

        public init(day: Day, level: Int?) {
            self.day = day
            self.level = level
        }
    }

    /// One day on which a pair enters a cell: it counts there from that day until its next change.
    public struct CellChange: Sendable, Hashable {
        public var day: Day
        public var cell: SkillMapCell

        public init(day: Day, cell: SkillMapCell) {
            self.day = day
            self.cell = cell
        }
    }

    /// The cell of a pair that holds `level` (`nil`: none) and is or is not assessed.
    public static func cell(level: Int?, assessed: Bool) -> SkillMapCell {
        if let level, (1...7).contains(level) { return .level(level) }
        return assessed ? .below : .notAssessed
    }

    /// The cells a pair passes through: the first change is on `countedFrom`, each later one on a day its cell
    /// differs from the day before.
    /// - Parameters:
    ///   - countedFrom: The later of the days the person was created and the field was added.
    ///   - history: The pair's level history in the order it took effect (same-day changes in the order recorded,
    ///     so the last of a day holds at its end). Changes before `countedFrom` set the level the pair starts with.
    ///   - assessedOn: The day of the pair's first approved assessment; `nil` if it has none.
    public static func pairCells(countedFrom: Day, history: [LevelChange], assessedOn: Day?) -> [CellChange] {
        var level: Int?
        var remaining = history[...]
        while let next = remaining.first, next.day <= countedFrom {
            level = next.level
            remaining = remaining.dropFirst()
        }
        var changes = [
            CellChange(day: countedFrom, cell: cell(level: level, assessed: assessedOn.map { $0 <= countedFrom } ?? false))
        ]
        // The later days on which something happens: each remaining history day, and the first assessment.
        var days = Set(remaining.map(\.day))
        if let assessedOn, assessedOn > countedFrom { days.insert(assessedOn) }
        for day in days.sorted() {
            while let next = remaining.first, next.day <= day {
                level = next.level
                remaining = remaining.dropFirst()
            }
            let now = cell(level: level, assessed: assessedOn.map { $0 <= day } ?? false)
            if now != changes[changes.count - 1].cell { changes.append(CellChange(day: day, cell: now)) }
        }
        return changes
    }

    /// The days a person counts as without assessment: from `countedFrom` up to (not including) `assessedOn`, or
    /// from `countedFrom` on when they have none; `nil` when they were assessed by the day they count from.
    /// - Parameters:
    ///   - countedFrom: The day the person was created.
    ///   - assessedOn: The day of the person's first approved assessment in any field.
    public static func withoutAssessment(countedFrom: Day, assessedOn: Day?) -> (from: Day, until: Day?)? {
        guard let assessedOn else { return (countedFrom, nil) }
        return assessedOn > countedFrom ? (countedFrom, assessedOn) : nil
    }
}
