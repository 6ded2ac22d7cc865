import ITSSDomain
import Testing

/// The skill map's day-by-day rule, checked against a direct reading of each day.
@Suite("SkillMapTimeline")
struct SkillMapTimelineTests {
    static let casesPerProperty = 2_000

    /// Day `offset` of a fixed month-spanning range (`2026-01-30` + offset), so that month ends are crossed.
    static func day(_ offset: Int) -> Day { days[29 + offset] }

    static let days = ((1...31).map { Day(year: 2026, month: 1, day: $0) } + (1...28).map { Day(year: 2026, month: 2, day: $0) })
        .compactMap { $0 }

    /// The cell on `day` read directly: the last history row on or before the day, assessed if the first
    /// assessment is on or before it; `nil` before the pair counts.
    static func cellOn(_ day: Day, countedFrom: Day, history: [SkillMapTimeline.LevelChange], assessedOn: Day?) -> SkillMapCell? {
        guard day >= countedFrom else { return nil }
        let level = history.last(where: { $0.day <= day })?.level
        let assessed = assessedOn.map { $0 <= day } ?? false
        if let level { return .level(level) }
        return assessed ? .below : .notAssessed
    }

    /// The cell on `day` from the changes: the last change on or before it.
    static func cellOn(_ day: Day, changes: [SkillMapTimeline.CellChange]) -> SkillMapCell? {
        changes.last(where: { $0.day <= day })?.cell
    }

    @Test("a level, then an approval without a level, then a higher level")
    func example() throws {
        let changes = SkillMapTimeline.pairCells(
            countedFrom: Self.day(0),
            history: [.init(day: Self.day(2), level: 3), .init(day: Self.day(5), level: nil), .init(day: Self.day(5), level: 4)],
            assessedOn: Self.day(2))
        #expect(
            changes == [
                .init(day: Self.day(0), cell: .notAssessed), .init(day: Self.day(2), cell: .level(3)),
                .init(day: Self.day(5), cell: .level(4)),
            ])
    }

    @Test("history before the pair counts sets its first cell; an unchanged cell is no change")
    func historyBeforeCounting() {
        let changes = SkillMapTimeline.pairCells(
            countedFrom: Self.day(3),
            history: [.init(day: Self.day(1), level: 2), .init(day: Self.day(4), level: 2)], assessedOn: Self.day(1))
        #expect(changes == [.init(day: Self.day(3), cell: .level(2))])
    }

    @Test("assessed without a level: not assessed until the approval, below from then on")
    func belowFromApproval() {
        let changes = SkillMapTimeline.pairCells(countedFrom: Self.day(0), history: [], assessedOn: Self.day(6))
        #expect(changes == [.init(day: Self.day(0), cell: .notAssessed), .init(day: Self.day(6), cell: .below)])
    }

    @Test("every day of random histories reads the same from the changes as directly")
    func randomHistories() {
        var random = SeededRandom(seed: 0x5EED_0008)
        for _ in 0..<Self.casesPerProperty {
            let countedFrom = Self.day(random.int(0...10))
            let history = (0..<random.int(0...5)).map { _ in
                SkillMapTimeline.LevelChange(
                    day: Self.day(random.int(0...20)), level: random.chance(0.3) ? nil : random.int(1...7))
            }.enumerated().sorted { ($0.element.day, $0.offset) < ($1.element.day, $1.offset) }.map(\.element)
            let assessedOn = random.chance(0.2) ? nil : Self.day(random.int(0...20))
            let changes = SkillMapTimeline.pairCells(countedFrom: countedFrom, history: history, assessedOn: assessedOn)
            #expect(changes.first?.day == countedFrom)
            #expect(zip(changes, changes.dropFirst()).allSatisfy { $0.day < $1.day && $0.cell != $1.cell })
            for offset in 0...22 {
                let day = Self.day(offset)
                let expected = Self.cellOn(day, countedFrom: countedFrom, history: history, assessedOn: assessedOn)
                #expect(
                    Self.cellOn(day, changes: changes) == expected,
                    "day \(day), history \(history), assessed \(String(describing: assessedOn))")
            }
        }
    }

    @Test("without assessment: from the day the person counts until the first assessment")
    func withoutAssessment() {
        for created in 0...4 {
            for assessed in [nil] + (0...6).map(Optional.some) {
                let span = SkillMapTimeline.withoutAssessment(countedFrom: Self.day(created), assessedOn: assessed.map(Self.day))
                for offset in 0...8 {
                    let expected = offset >= created && assessed.map { offset < $0 } ?? (offset >= created)
                    let counted =
                        span.map { Self.day(offset) >= $0.from && $0.until.map { Self.day(offset) < $0 } ?? true } ?? false
                    #expect(counted == expected, "created \(created), assessed \(String(describing: assessed)), day \(offset)")
                }
            }
        }
    }

    @Test("a level outside 1…7 is no level")
    func levelOutsideRange() {
        #expect(SkillMapTimeline.cell(level: 0, assessed: true) == .below)
        #expect(SkillMapTimeline.cell(level: 8, assessed: false) == .notAssessed)
        #expect(SkillMapTimeline.cell(level: 7, assessed: false) == .level(7))
    }
}
