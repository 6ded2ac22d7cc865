import Foundation
import ITSSDomain
import Testing

@Suite("LevelRule")
struct LevelRuleTests {
    typealias F = LevelFixtures

    /// A case of the rule on the `desk` fixture: ratings and records in, level and next level out.
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var ratings: [String: Int]
        var records: [ExperienceEvidence]
        var level: Int?
        var next: Int?
        var testDescription: String { name }
    }

    static let responsible80 = F.record(1, .responsiblePerson, staff: 80)

    static let cases: [Case] = [
        Case(name: "nothing rated, no record: below level 3", ratings: [:], records: [], level: nil, next: 3),
        Case(
            name: "all items at 3 but no record: below level 3", ratings: F.all(3, in: F.desk), records: [], level: nil, next: 3),
        Case(
            name: "all at 3 with a member record: level 3", ratings: F.all(3, in: F.desk), records: [F.record(1, .member)],
            level: 3, next: 4),
        Case(
            name: "all at 4 with only a member record: capped at 3", ratings: F.all(4, in: F.desk),
            records: [F.record(1, .member)], level: 3, next: 4),
        Case(
            name: "all at 4 with a leader record: level 4", ratings: F.all(4, in: F.desk), records: [F.record(1, .leader)],
            level: 4, next: 5),
        Case(
            name: "a responsible person with 80 staff reaches 5", ratings: F.all(5, in: F.desk), records: [responsible80],
            level: 5, next: nil),
        Case(
            name: "contract alone reaches 5: 60 staff but ¥800,000,000", ratings: F.all(5, in: F.desk),
            records: [F.record(1, .responsiblePerson, staff: 60, yen: 800_000_000)], level: 5, next: nil),
        Case(
            name: "exactly at the minimum is enough (75 staff)", ratings: F.all(5, in: F.desk),
            records: [F.record(1, .responsiblePerson, staff: 75)], level: 5, next: nil),
        Case(
            name: "just below both minimums: capped at 4", ratings: F.all(5, in: F.desk),
            records: [F.record(1, .responsiblePerson, staff: 74, yen: 749_999_999)], level: 4, next: 5),
        Case(
            name: "leader with 300 staff lacks the role for 5", ratings: F.all(5, in: F.desk),
            records: [F.record(1, .leader, staff: 300)], level: 4, next: 5),
        Case(
            name: "a responsible person without figures is below the minimums", ratings: F.all(5, in: F.desk),
            records: [F.record(1, .responsiblePerson)], level: 4, next: 5),
        Case(
            name: "one item short of 5: level 4", ratings: F.all(5, in: F.desk).merging(["Negotiation": 4]) { $1 },
            records: [responsible80], level: 4, next: 5),
        Case(
            name: "one item short of 4: level 3", ratings: F.all(5, in: F.desk).merging(["Leadership": 3]) { $1 },
            records: [responsible80], level: 3, next: 4),
        Case(
            name: "a missing rating counts as 0", ratings: F.all(5, in: F.desk).filter { $0.key != "Facilities" },
            records: [responsible80], level: nil, next: 3),
        Case(
            name: "ratings above the top level are harmless", ratings: F.all(9, in: F.desk), records: [responsible80], level: 5,
            next: nil),
        Case(
            name: "negative ratings count as below every level", ratings: F.all(-1, in: F.desk), records: [responsible80],
            level: nil, next: 3),
        Case(
            name: "ratings of unknown items are ignored", ratings: F.all(4, in: F.desk).merging(["Unknown": 0]) { $1 },
            records: [F.record(1, .leader)], level: 4, next: 5),
        Case(
            name: "a better record among weaker ones decides", ratings: F.all(5, in: F.desk),
            records: [F.record(1, .member), F.record(2, .leader, staff: 500), responsible80], level: 5, next: nil),
    ]

    @Test("the rule on a small field", arguments: cases)
    func table(_ testCase: Case) {
        let breakdown = F.evaluate(testCase.ratings, testCase.records)
        #expect(breakdown.attainedLevel == testCase.level)
        #expect(breakdown.nextLevel == testCase.next)
        #expect(breakdown.definedLevels == [3, 4, 5])
        #expect(breakdown.levels.map(\.level) == [3, 4, 5])
        #expect(breakdown.explanation.isEmpty == (testCase.level == 5))
    }

    @Test("condition 3: a level whose own conditions hold is not attained while a lower level is missing")
    func lowerLevelsGate() {
        // Facilities defines only 3 and 4; rated 0 it blocks level 3 and with it 4 and 5.
        let ratings = F.all(5, in: F.desk).merging(["Facilities": 0]) { $1 }
        let breakdown = F.evaluate(ratings, [Self.responsible80])
        #expect(breakdown.attainedLevel == nil)
        let five = breakdown.check(atLevel: 5)
        #expect(five?.itemsMet == true)
        #expect(five?.scaleMet == true)
        #expect(five?.lowerLevelsAttained == false)
        #expect(five?.attained == false)
        #expect(breakdown.check(atLevel: 4)?.items.map(\.item) == ["Leadership", "Service Support", "Negotiation", "Facilities"])
        #expect(five?.items.map(\.item) == ["Leadership", "Service Support", "Negotiation"])
        #expect(breakdown.explanation == [.item(name: "Facilities", rating: 0, needed: 3, text: F.text("Facilities", 3))])
    }

    @Test("the explanation lists every unmet condition of the next level with texts and the best record")
    func explanation() {
        let ratings = ["Leadership": 4, "Service Support": 5, "Negotiation": 3, "Facilities": 4]
        let best = F.record(7, .responsiblePerson, staff: 60, yen: 500_000_000, label: "ACME desk")
        let breakdown = F.evaluate(ratings, [F.record(3, .leader, staff: 70), best])
        #expect(breakdown.attainedLevel == 3)
        #expect(breakdown.nextLevel == 4)
        #expect(breakdown.explanation == [.item(name: "Negotiation", rating: 3, needed: 4, text: F.text("Negotiation", 4))])
        let five = try? #require(breakdown.check(atLevel: 5)?.scale)
        #expect(five?.decidingRecord == best)
        #expect(five?.outcome == .belowMinimum)
        #expect(
            five?.reason
                == "best record ACME desk (responsible person, 60 staff, ¥500,000,000/year): below ≥ 75 staff or ≥ ¥750,000,000/year"
        )

        let atFour = F.evaluate(F.all(5, in: F.desk).merging(["Leadership": 4]) { $1 }, [F.record(3, .leader, staff: 70), best])
        #expect(atFour.attainedLevel == 4)
        guard atFour.explanation.count == 2, case let .scale(level, condition, record, reason) = atFour.explanation[1] else {
            Issue.record("expected an item and a scale condition, got \(atFour.explanation)")
            return
        }
        #expect(atFour.explanation[0] == .item(name: "Leadership", rating: 4, needed: 5, text: F.text("Leadership", 5)))
        #expect(level == 5)
        #expect(condition == F.operationManagement[5])
        #expect(record == best)
        #expect(reason.hasPrefix("best record ACME desk"))
        #expect(atFour.explanation[0].summary == "Leadership: rated 4, needs 5")
        #expect(
            atFour.explanation[1].summary.hasPrefix(
                "scale condition of level 5 (responsible person with ≥ 75 staff or ≥ ¥750,000,000/year): "))
    }

    @Test("without a record the reason says so, worded for the basis")
    func noRecord() {
        let approved = F.evaluate(F.all(3, in: F.desk), [], basis: .approved)
        let provisional = F.evaluate(F.all(3, in: F.desk), [], basis: .provisional)
        #expect(approved.basis == .approved)
        #expect(provisional.basis == .provisional)
        #expect(
            approved.explanation == [
                .scale(
                    level: 3, condition: F.operationManagement[3] ?? .none, best: nil,
                    reason: "no verified experience record in the field")
            ])
        #expect(
            provisional.explanation == [
                .scale(
                    level: 3, condition: F.operationManagement[3] ?? .none, best: nil, reason: "no experience record in the field"
                )
            ])
        #expect(approved.check(atLevel: 3)?.scale?.outcome == .noVerifiedRecord)
        #expect(provisional.check(atLevel: 3)?.scale?.outcome == .noRecord)
        #expect(approved.levelSummary == "below level 3 (approved)")
    }

    @Test("the best record: the required role first, then the closest to a minimum by ratio")
    func bestRecord() {
        let ratings = F.all(5, in: F.desk)
        let leaderBig = F.record(1, .leader, staff: 1_000)
        let responsibleSmall = F.record(2, .responsiblePerson, staff: 10)
        let responsibleCloser = F.record(3, .responsiblePerson, staff: 20, yen: 600_000_000)  // 0.8 of the yen minimum
        var scale = F.evaluate(ratings, [leaderBig, responsibleSmall]).check(atLevel: 5)?.scale
        #expect(scale?.decidingRecord == responsibleSmall)
        #expect(scale?.outcome == .belowMinimum)
        scale = F.evaluate(ratings, [responsibleSmall, responsibleCloser, leaderBig]).check(atLevel: 5)?.scale
        #expect(scale?.decidingRecord == responsibleCloser)
        scale = F.evaluate(ratings, [leaderBig]).check(atLevel: 5)?.scale
        #expect(scale?.outcome == .roleTooLow)
        #expect(
            scale?.reason
                == "best record record 1 (leader, 1,000 staff, no contract value): the role leader is below the required responsible person"
        )
        scale = F.evaluate(ratings, [F.record(4, .member, staff: 5)]).check(atLevel: 5)?.scale
        #expect(scale?.outcome == .roleTooLowAndBelowMinimum)
        #expect(
            scale?.reason
                == "best record record 4 (member, 5 staff, no contract value): the role member is below the required responsible person, and below ≥ 75 staff or ≥ ¥750,000,000/year"
        )
        scale = F.evaluate(ratings, [Self.responsible80]).check(atLevel: 5)?.scale
        #expect(scale?.outcome == .met)
        #expect(scale?.reason == "met by record 1 (responsible person, 80 staff, no contract value)")
        #expect(
            F.evaluate(ratings, [Self.responsible80]).check(atLevel: 4)?.scale?.reason == "met by record 1 (responsible person)")
    }

    @Test("a more senior role meets a condition asking for a junior one")
    func seniorRole() {
        let breakdown = F.evaluate(F.all(4, in: F.desk), [F.record(1, .responsiblePerson)])
        #expect(breakdown.attainedLevel == 4)
        #expect(breakdown.check(atLevel: 3)?.scale?.met == true)
    }

    @Test("levels 1 and 2 ask for no record; a condition that names nothing is met without one")
    func noScaleBelowThree() {
        let none: [Int: ScaleCondition] = [:]
        let field = F.field(
            "Low", [F.item("A", levels: [1, 2, 3], conditions: none), F.item("B", levels: [1, 2, 3], conditions: none)])
        let breakdown = F.evaluate(field, F.all(3, in: field), [])
        #expect(breakdown.attainedLevel == 3)
        #expect(breakdown.check(atLevel: 1)?.scale == nil)
        #expect(breakdown.check(atLevel: 2)?.scale == nil)
        #expect(breakdown.check(atLevel: 3)?.scale?.outcome == .noRequirement)
        #expect(breakdown.check(atLevel: 3)?.scale?.decidingRecord == nil)
        #expect(breakdown.check(atLevel: 3)?.scale?.reason == "the condition names no role and no minimum")
        #expect(breakdown.explanation.isEmpty)
        #expect(breakdown.holdsTopLevel)
        // With a record the condition still names nothing, so the record does not "decide" it.
        #expect(F.evaluate(field, F.all(3, in: field), [F.record(1, .member)]).check(atLevel: 3)?.scale?.decidingRecord == nil)
    }

    @Test("every minimum a condition names is an alternative; upper bounds stay descriptive")
    func everyMinimumCounts() {
        let conditions: [Int: ScaleCondition] = [
            3: F.condition(.member),
            4: F.condition(.leader, staffBelow: 10, yenBelow: 100_000_000, sitesBelow: 100),
            5: F.condition(.responsiblePerson, staff: 10, yen: 100_000_000, sites: 100),
            6: F.condition(nil, sites: 500),
        ]
        let field = F.field("Network", [F.item("A", levels: [3, 4, 5, 6], conditions: conditions)])
        // A leader of 50 people and 300 sites is above the descriptive "less than" bounds and still meets level 4.
        #expect(F.evaluate(field, ["A": 4], [F.record(1, .leader, staff: 50, sites: 300)]).attainedLevel == 4)
        // Level 5: 10 staff, ¥100,000,000 or 100 sites, each on its own.
        #expect(F.evaluate(field, ["A": 5], [F.record(1, .responsiblePerson, staff: 9)]).attainedLevel == 4)
        #expect(F.evaluate(field, ["A": 5], [F.record(1, .responsiblePerson, yen: 100_000_000)]).attainedLevel == 5)
        #expect(F.evaluate(field, ["A": 5], [F.record(1, .responsiblePerson, sites: 100)]).attainedLevel == 5)
        #expect(F.evaluate(field, ["A": 5], [F.record(1, .responsiblePerson, staff: 9, sites: 99)]).attainedLevel == 4)
        // A measure the condition does not name never stands in for one it names.
        #expect(F.evaluate(field, ["A": 5], [F.record(1, .responsiblePerson, inquiries: 1_000_000)]).attainedLevel == 4)
        // Level 6 names only 500 sites (and no role): a record needs them.
        #expect(F.evaluate(field, ["A": 6], [F.record(1, .responsiblePerson, sites: 499)]).attainedLevel == 5)
        let six = F.evaluate(field, ["A": 6], [F.record(1, .member, sites: 500)])
        #expect(six.attainedLevel == 3)  // a member's record meets levels 4 and 5 for neither role
        let top = F.evaluate(field, ["A": 6], [F.record(1, .responsiblePerson, sites: 500)])
        #expect(top.attainedLevel == 6)
        #expect(top.check(atLevel: 6)?.scale?.reason == "met by record 1 (responsible person, 500 installation sites)")
        #expect(F.condition(nil, sites: 500).namesRecordRequirement)
        #expect(F.condition(.member).namesRecordRequirement)
        #expect(F.condition(nil, staff: 1).namesRecordRequirement)
        #expect(!F.condition(nil, staffBelow: 10, sitesBelow: 100).namesRecordRequirement)
    }

    /// V2 Network operation and Service desk at level 5, as the texts state them (the issue's examples).
    static let networkOperation5 = F.condition(.responsiblePerson, staff: 10, yen: 100_000_000, sites: 100)
    static let serviceDesk5 = F.condition(.responsiblePerson, staff: 10, yen: 100_000_000, inquiries: 3_000)

    @Test("V2 Network operation 5: a responsible person of 150 sites with 8 staff meets the scale condition")
    func networkOperationSites() {
        let field = F.field("Network operation", [F.item("A", levels: [5], conditions: [5: Self.networkOperation5])])
        let record = F.record(7, .responsiblePerson, staff: 8, sites: 150, label: "#7 WAN")
        let breakdown = F.evaluate(field, ["A": 5], [record])
        #expect(breakdown.attainedLevel == 5)
        #expect(breakdown.check(atLevel: 5)?.scale?.outcome == .met)
        #expect(breakdown.check(atLevel: 5)?.scale?.reason == "met by #7 WAN (responsible person, 8 staff, no contract value, 150 installation sites)")
        #expect(!Self.networkOperation5.isMet(by: F.record(7, .responsiblePerson, staff: 8, sites: 99)))
        #expect(!Self.networkOperation5.isMet(by: F.record(7, .leader, staff: 8, sites: 150)))
        #expect(
            Self.networkOperation5.requirementSummary
                == "responsible person with ≥ 10 staff or ≥ ¥100,000,000/year or ≥ 100 installation sites")
    }

    @Test("V2 Service desk 5: 3000 answered inquiries a year meet the scale condition")
    func serviceDeskInquiries() {
        let field = F.field("Service desk", [F.item("A", levels: [5], conditions: [5: Self.serviceDesk5])])
        #expect(F.evaluate(field, ["A": 5], [F.record(1, .responsiblePerson, staff: 4, inquiries: 3_000)]).attainedLevel == 5)
        let short = F.evaluate(field, ["A": 5], [F.record(1, .responsiblePerson, staff: 4, inquiries: 2_999)])
        #expect(short.attainedLevel == nil)
        #expect(short.check(atLevel: 5)?.scale?.outcome == .belowMinimum)
        #expect(
            short.check(atLevel: 5)?.scale?.reason
                == "best record record 1 (responsible person, 4 staff, no contract value, 2,999 inquiries/year): below "
                + "≥ 10 staff or ≥ ¥100,000,000/year or ≥ 3,000 inquiries/year")
    }

    /// Every combination of required role × named minimums (each of the four measures named or not) × record
    /// role × record figure per measure (absent, one below the minimum, at it): the rule says met exactly when
    /// the role suffices and, if any minimum is named, one named figure reaches its minimum.
    @Test("exhaustive: role × named measures × record figures", arguments: [nil] + Role.allCases.map(Optional.some))
    func exhaustiveMeasures(required: Role?) {
        let minimums: [ScaleMeasure: Int64] = [
            .peakStaff: 10, .annualContractYen: 100_000_000, .installationSites: 100, .annualInquiries: 3_000,
        ]
        let measures = ScaleMeasure.allCases
        var checked = 0
        for named in 0..<(1 << measures.count) {
            let thresholds = measures.enumerated().compactMap { bit, measure in
                named & (1 << bit) != 0 ? ScaleThreshold(measure: measure, minimum: minimums[measure]) : nil
            }
            let condition = ScaleCondition(role: required, thresholds: thresholds)
            let field = F.field("F", [F.item("A", levels: [3], conditions: [3: condition])])
            for role in Role.allCases {
                // Each measure's figure: 0 absent, 1 one below the minimum, 2 at the minimum.
                for code in 0..<Int(pow(3.0, Double(measures.count))) {
                    var figures: [ScaleMeasure: Int64] = [:]
                    var rest = code
                    for measure in measures {
                        let choice = rest % 3
                        rest /= 3
                        if choice > 0, let minimum = minimums[measure] { figures[measure] = minimum - (choice == 1 ? 1 : 0) }
                    }
                    let record = ExperienceEvidence(recordID: 1, role: role, measures: figures, label: "r")
                    let roleOK = required.map { role >= $0 } ?? true
                    let sizeOK =
                        thresholds.isEmpty
                        || thresholds.contains { threshold in
                            figures[threshold.measure].map { $0 >= threshold.minimum ?? .max } ?? false
                        }
                    let expected = roleOK && sizeOK
                    #expect(condition.isMet(by: record) == expected, "\(condition.summary) vs \(figures) \(role)")
                    let level = F.evaluate(field, ["A": 3], [record]).attainedLevel
                    #expect(level == (expected ? 3 : nil), "\(condition.summary) vs \(figures) \(role)")
                    checked += 1
                }
            }
        }
        #expect(checked == 16 * Role.allCases.count * 81)
    }

    @Test("a field's condition is its majority: an outlier item does not raise the bar")
    func majorityCondition() {
        var conditions = F.operationManagement
        conditions[5] = F.condition(.responsiblePerson, staff: 75, yen: 7_500_000_000)
        let field = F.field(
            "Ops",
            [
                F.item("Leadership", levels: [3, 4, 5], conditions: conditions),
                F.item("Delivery", levels: [3, 4, 5]),
                F.item("Support", levels: [3, 4, 5]),
            ])
        #expect(field.scaleCondition(atLevel: 5)?.minimumContractYen == 750_000_000)
        let breakdown = F.evaluate(field, F.all(5, in: field), [F.record(1, .responsiblePerson, staff: 10, yen: 800_000_000)])
        #expect(breakdown.attainedLevel == 5)
    }

    @Test("a missing field condition counts as naming nothing")
    func missingCondition() {
        var field = F.desk
        field.scaleConditions.removeAll { $0.level == 3 }
        let breakdown = F.evaluate(field, F.all(3, in: field), [])
        #expect(breakdown.attainedLevel == 3)
        #expect(breakdown.check(atLevel: 3)?.scale?.condition == ScaleCondition.none)
        #expect(breakdown.check(atLevel: 3)?.scale?.outcome == .noRequirement)
    }

    @Test("a field that defines no level has no level and nothing to explain")
    func emptyField() {
        let breakdown = F.evaluate(F.field("Empty", []), ["A": 3], [F.record(1, .member)])
        #expect(breakdown.definedLevels.isEmpty)
        #expect(breakdown.levels.isEmpty)
        #expect(breakdown.attainedLevel == nil)
        #expect(breakdown.nextLevel == nil)
        #expect(breakdown.explanation.isEmpty)
        #expect(!breakdown.holdsTopLevel)
        #expect(breakdown.levelSummary == "below level 1 (approved)")
    }

    @Test("levels with gaps: D(F) is only the levels some item states")
    func gappedLevels() {
        let field = F.field("Gapped", [F.item("A", levels: [2, 5]), F.item("B", levels: [2])])
        let breakdown = F.evaluate(field, ["A": 5, "B": 2], [Self.responsible80])
        #expect(breakdown.definedLevels == [2, 5])
        #expect(breakdown.attainedLevel == 5)
        #expect(F.evaluate(field, ["A": 4, "B": 2], [Self.responsible80]).attainedLevel == 2)
        #expect(F.evaluate(field, ["A": 5, "B": 1], [Self.responsible80]).attainedLevel == nil)
    }

    @Test("compiled and uncompiled evaluation, ratings by name and by vector agree")
    func entryPoints() {
        let compiled = CompiledField(F.desk)
        let ratings = ["Leadership": 5, "Service Support": 4, "Negotiation": 5, "Facilities": 4]
        let records = [F.record(1, .leader, staff: 3)]
        let byName = LevelRule.evaluate(compiled, ratings: ratings, records: records, basis: .provisional)
        #expect(byName == LevelRule.evaluate(F.desk, ratings: ratings, records: records, basis: .provisional))
        #expect(compiled.itemNames == ["Leadership", "Service Support", "Negotiation", "Facilities"])
        #expect(compiled.itemIndex(named: "Negotiation") == 2)
        #expect(compiled.itemIndex(named: "Nope") == nil)
        #expect(compiled.ratingVector(ratings) == [5, 4, 5, 4])
        #expect(compiled.ratingVector(["Nope": 3, "Facilities": 4]) == [0, 0, 0, 4])
        #expect(LevelRule.evaluate(compiled, ratingVector: [5, 4, 5, 4], records: records, basis: .provisional) == byName)
        // A short vector: the missing positions count as 0.
        #expect(LevelRule.evaluate(compiled, ratingVector: [5], records: records, basis: .approved).attainedLevel == nil)
        #expect(compiled.conditions == [3, 4, 5].map { F.operationManagement[$0] ?? .none })
        #expect(compiled.name == "Desk")
    }

    @Test("V2: the shared levels 1–2 merge by name; an item only in the shared section must be rated for them")
    func sharedLevels() {
        let member = F.condition(.member)
        let shared = F.field(
            "Common to Level 1, 2",
            [
                F.item("Technology", levels: [1, 2], conditions: [1: member, 2: member]),
                F.item("Ethics", levels: [1, 2], conditions: [1: member, 2: member]),
            ], kind: .sharedLevels)
        let own = F.field("Service desk", [F.item("Technology", levels: [3, 4]), F.item("Helpdesk", levels: [3, 4])])
        let standard = Standard(
            key: StandardKey(name: "Operations", version: "V2 2006"), fields: [own, shared], overview: [],
            source: SourceInfo(fileName: "test.txt", sha256: "", lineCount: 0))
        let compiled = CompiledField(own, in: standard)
        #expect(compiled.definedLevels == [1, 2, 3, 4])
        #expect(compiled.itemNames == ["Technology", "Helpdesk", "Ethics"])
        let rateShared = ["Technology": 2, "Ethics": 2]
        #expect(LevelRule.evaluate(compiled, ratings: rateShared, records: [], basis: .approved).attainedLevel == 2)
        let withoutEthics = LevelRule.evaluate(
            compiled, ratings: ["Technology": 4, "Helpdesk": 4], records: [F.record(1, .leader)], basis: .approved)
        #expect(withoutEthics.attainedLevel == nil)
        #expect(withoutEthics.explanation == [.item(name: "Ethics", rating: 0, needed: 1, text: F.text("Ethics", 1))])
        let everything = ["Technology": 4, "Helpdesk": 4, "Ethics": 2]
        #expect(
            LevelRule.evaluate(compiled, ratings: everything, records: [F.record(1, .leader)], basis: .approved).attainedLevel
                == 4)
        // The raw field alone knows nothing of levels 1–2.
        #expect(CompiledField(own).definedLevels == [3, 4])
    }

    @Test("inputs by basis: evaluator ratings and verified records, or self ratings and every record")
    func inputs() throws {
        let ratings = [
            SkillRating(item: "A", selfLevel: 4, evaluatorLevel: 3),
            SkillRating(item: "B", selfLevel: 2),
            SkillRating(item: "C", evaluatorLevel: 5),
        ]
        #expect(LevelRule.ratings(from: ratings, basis: .approved) == ["A": 3, "C": 5])
        #expect(LevelRule.ratings(from: ratings, basis: .provisional) == ["A": 4, "B": 2])
        let field = FieldReference(standard: StandardKey(name: "IT Service Management", version: "V3 2008"), field: "Desk")
        let day = try #require(Day("2024-04-01"))
        func record(_ id: Int64, verified: Bool) -> ExperienceRecord {
            ExperienceRecord(
                id: id, recordID: id, version: 1, personID: 9, field: field, role: .leader, from: day, to: nil,
                measures: [.peakStaff: 12], customer: "ACME", description: nil,
                verifiedBy: verified ? 2 : nil, verifiedOn: verified ? day : nil)
        }
        let records = [record(1, verified: true), record(2, verified: false)]
        #expect(LevelRule.evidence(from: records, basis: .approved).map(\.recordID) == [1])
        #expect(LevelRule.evidence(from: records, basis: .provisional).map(\.recordID) == [1, 2])
    }

    @Test("a breakdown round-trips through JSON, and the JSON spells out each scale check's reason")
    func codable() throws {
        let breakdown = F.evaluate(F.all(5, in: F.desk), [F.record(1, .responsiblePerson, staff: 20, label: "ACME")])
        let data = try JSONEncoder().encode(breakdown)
        #expect(try JSONDecoder().decode(LevelBreakdown.self, from: data) == breakdown)
        let json = String(decoding: data, as: UTF8.self)
        #expect(json.contains(#""reason":"best record ACME (responsible person, 20 staff, no contract value): below"#))
        #expect(json.contains(#""met":false"#))
        #expect(json.contains(#""basis":"approved""#))
    }

    @Test("summaries for terminals")
    func summaries() {
        #expect(F.evaluate(F.all(4, in: F.desk), [F.record(1, .leader)]).levelSummary == "level 4 (approved)")
        #expect(
            F.condition(.responsiblePerson, staff: 75, yen: 750_000_000).requirementSummary
                == "responsible person with ≥ 75 staff or ≥ ¥750,000,000/year")
        #expect(F.condition(.leader, staffBelow: 10).requirementSummary == "leader")
        #expect(F.condition(nil, yen: 5).requirementSummary == "≥ ¥5/year")
        #expect(ScaleCondition.none.requirementSummary == "no requirement")
        #expect(F.condition(.leader).isMet(by: F.record(1, .responsiblePerson)))
        #expect(!F.condition(.leader, staff: 3).isMet(by: F.record(1, .responsiblePerson, staff: 2)))
    }
}
