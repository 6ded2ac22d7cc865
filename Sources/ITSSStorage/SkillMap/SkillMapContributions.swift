import ITSSDomain

/// One count of the skill map's stored tally (`skill_map_tally`): how many people or person × field pairs are in
/// one cell, for one basis, unit and active state, now or changing on one day.
struct SkillMapTallyKey: Hashable, Sendable {
    /// `person_levels.basis`: `approved` or `provisional`.
    var basis: String
    /// `now` for the current counts; a day (`YYYY-MM-DD`) for a change of the official counts on that day.
    var day: String
    /// The unit counted in (`0`: none), or `SkillMapTally.everyUnit` for the whole organisation: the current
    /// counts are kept both ways, the changes by day only for the whole organisation.
    var orgUnitID: Int64
    var active: Bool
    /// The field; `SkillMapTally.peopleField` for the people totals.
    var fieldID: Int64
    /// `SkillMapTally.code(of:)` of the cell; for the people totals `counted` or `withoutAssessment`.
    var cell: Int
}

/// What the skill map needs to know about one person, read in bulk for the people whose data changed.
struct SkillMapPersonInputs: Sendable {
    struct Pair: Sendable {
        var fieldID: Int64
        var added: Day
        /// The pair's level history, in the order it took effect.
        var history: [SkillMapTimeline.LevelChange] = []
    }

    /// A `person_levels` row: the current level on one basis and the day the pair was first assessed.
    struct Level: Sendable {
        var level: Int?
        var assessed: Day?
    }

    var orgUnitID: Int64?
    var active: Bool
    var created: Day
    var pairs: [Pair] = []
    /// By field id, then basis (`approved`, `provisional`).
    var levels: [Int64: [String: Level]] = [:]

    /// The person's counts in the tally (zero sums left out): their current cells on both bases in their unit and
    /// in the whole organisation, and the days their official cells and their "without assessment" state change
    /// (in the whole organisation).
    func contributions() -> [SkillMapTallyKey: Int] {
        var counts: [SkillMapTallyKey: Int] = [:]
        let unit = orgUnitID ?? 0
        func add(_ basis: String, _ day: String, unit: Int64 = SkillMapTally.everyUnit, field: Int64, _ cell: Int, _ change: Int)
        {
            counts[
                SkillMapTallyKey(basis: basis, day: day, orgUnitID: unit, active: active, fieldID: field, cell: cell), default: 0] +=
                change
        }
        func addNow(_ basis: String, field: Int64, _ cell: Int, _ change: Int) {
            add(basis, SkillMapTally.now, unit: unit, field: field, cell, change)
            add(basis, SkillMapTally.now, field: field, cell, change)
        }
        for basis in [SkillMapTally.approved, SkillMapTally.provisional] {
            addNow(basis, field: SkillMapTally.peopleField, SkillMapTally.counted, 1)
            if !levels.values.contains(where: { $0[basis]?.assessed != nil }) {
                addNow(basis, field: SkillMapTally.peopleField, SkillMapTally.withoutAssessment, 1)
            }
            for pair in pairs {
                let row = levels[pair.fieldID]?[basis]
                let cell = SkillMapTimeline.cell(level: row?.level, assessed: row?.assessed != nil)
                addNow(basis, field: pair.fieldID, SkillMapTally.code(of: cell), 1)
            }
        }
        let official = SkillMapTally.approved
        add(official, created.description, field: SkillMapTally.peopleField, SkillMapTally.counted, 1)
        let firstAssessed = levels.values.compactMap { $0[official]?.assessed }.min()
        if let span = SkillMapTimeline.withoutAssessment(countedFrom: created, assessedOn: firstAssessed) {
            add(official, span.from.description, field: SkillMapTally.peopleField, SkillMapTally.withoutAssessment, 1)
            if let until = span.until {
                add(official, until.description, field: SkillMapTally.peopleField, SkillMapTally.withoutAssessment, -1)
            }
        }
        for pair in pairs {
            let changes = SkillMapTimeline.pairCells(
                countedFrom: max(created, pair.added), history: pair.history,
                assessedOn: levels[pair.fieldID]?[official]?.assessed)
            var previous: SkillMapCell?
            for change in changes {
                if let previous {
                    add(official, change.day.description, field: pair.fieldID, SkillMapTally.code(of: previous), -1)
                }
                add(official, change.day.description, field: pair.fieldID, SkillMapTally.code(of: change.cell), 1)
                previous = change.cell
            }
        }
        return counts.filter { $0.value != 0 }
    }
}
