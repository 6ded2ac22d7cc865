import ITSSDomain
import Testing

/// Properties of the level rule over many random fields, ratings and records (seeded, so repeatable).
@Suite("LevelRule properties")
struct LevelRulePropertyTests {
    static let casesPerProperty = 600

    /// One random person × field input.
    struct Input {
        var field: SpecialtyField
        var ratings: [String: Int]
        var records: [ExperienceEvidence]
    }

    /// Random fields: 1–6 items each defining a random set of levels 1–7, conditions drawn from a small pool per
    /// level (so majorities and outliers both occur), ratings mostly near defined levels, 0–3 records.
    static func input(_ random: inout SeededRandom) -> Input {
        let names = ["Leadership", "Technology", "Negotiation", "Service Support", "Staffing", "Facilities"]
        let itemCount = random.int(1...names.count)
        var pools: [Int: [ScaleCondition]] = [:]
        for level in 1...7 {
            pools[level] = (0..<3).map { _ in condition(&random) }
        }
        var items: [SkillItem] = []
        for name in names.prefix(itemCount) {
            var levels = (1...7).filter { _ in random.chance(0.45) }
            if levels.isEmpty { levels = [random.int(1...7)] }
            let descriptions = levels.map { level in
                LevelDescription(
                    level: level, text: LevelFixtures.text(name, level),
                    scale: random.pick(pools[level] ?? []) ?? .none, line: level)
            }
            items.append(SkillItem(name: name, scope: .common, levels: descriptions, knowledgeItems: ["\(name) basics"], line: 1))
        }
        let field = SpecialtyField(name: "Random", kind: .specialty, items: items, line: 1)
        var ratings: [String: Int] = [:]
        for item in items where random.chance(0.85) {
            ratings[item.name] = random.chance(0.8) ? (random.pick([0] + item.definedLevels) ?? 0) : random.int(-1...8)
        }
        if random.chance(0.2) { ratings["Not an item"] = random.int(0...7) }
        let records = (0..<random.int(0...3)).map { _ in record(&random) }
        return Input(field: field, ratings: ratings, records: records)
    }

    static func condition(_ random: inout SeededRandom) -> ScaleCondition {
        let role = random.pick([nil, Role.member, .leader, .responsiblePerson]) ?? nil
        var thresholds: [ScaleThreshold] = []
        if random.chance(0.4) {
            thresholds.append(
                ScaleThreshold(
                    measure: .peakStaff, minimum: random.chance(0.8) ? Int64(random.int(1...300)) : nil,
                    upperBound: random.chance(0.2) ? Int64(random.int(1...50)) : nil))
        }
        if random.chance(0.4) {
            thresholds.append(
                ScaleThreshold(
                    measure: .annualContractYen, minimum: random.chance(0.8) ? Int64(random.int(1...30)) * 100_000_000 : nil))
        }
        if random.chance(0.15) {
            thresholds.append(ScaleThreshold(measure: .installationSites, minimum: Int64(random.int(1...500))))
        }
        if random.chance(0.1) {
            thresholds.append(ScaleThreshold(measure: .annualInquiries, minimum: 3_000))
        }
        return ScaleCondition(role: role, thresholds: thresholds)
    }

    static func record(_ random: inout SeededRandom) -> ExperienceEvidence {
        var measures: [ScaleMeasure: Int64] = [:]
        if random.chance(0.7) { measures[.peakStaff] = Int64(random.int(0...400)) }
        if random.chance(0.6) { measures[.annualContractYen] = Int64(random.int(0...3_000)) * 1_000_000 }
        if random.chance(0.3) { measures[.installationSites] = Int64(random.int(0...600)) }
        if random.chance(0.3) { measures[.annualInquiries] = Int64(random.int(0...6_000)) }
        return ExperienceEvidence(
            recordID: Int64(random.int(1...5)), role: random.pick(Role.allCases) ?? .member, measures: measures,
            label: "record \(random.int(1...3))")
    }

    static func evaluate(_ input: Input, basis: LevelBasis = .approved) -> LevelBreakdown {
        LevelRule.evaluate(input.field, ratings: input.ratings, records: input.records, basis: basis)
    }

    /// Runs `body` on `casesPerProperty` random inputs drawn from `seed`.
    static func forAll(seed: UInt64, _ body: (Input, inout SeededRandom) -> Void) {
        var random = SeededRandom(seed: seed)
        for _ in 0..<casesPerProperty {
            let input = input(&random)
            body(input, &random)
        }
    }

    @Test("the rule agrees with a naive reading of its definition")
    func agreesWithReference() {
        Self.forAll(seed: 1) { input, _ in
            let breakdown = Self.evaluate(input)
            let reference = ReferenceRule(input)
            #expect(breakdown.definedLevels == reference.definedLevels)
            #expect(breakdown.attainedLevel == reference.level, "\(input)")
            #expect(breakdown.nextLevel == reference.definedLevels.first { !reference.attains($0) })
        }
    }

    @Test("an attained level meets every condition, in the breakdown and checked independently")
    func attainedMeansMet() {
        Self.forAll(seed: 2) { input, _ in
            let breakdown = Self.evaluate(input)
            let reference = ReferenceRule(input)
            for check in breakdown.levels {
                // Independently of the breakdown: the conditions computed from the raw field.
                #expect(check.attained == reference.attains(check.level))
                guard check.attained else { continue }
                #expect(check.items.allSatisfy { $0.met })
                #expect(check.scale?.met ?? true)
                #expect(check.lowerLevelsAttained)
                #expect(reference.itemsHold(check.level))
                #expect(reference.scaleHolds(check.level))
                #expect(reference.definedLevels.filter { $0 < check.level }.allSatisfy { reference.attains($0) })
                #expect((breakdown.attainedLevel ?? 0) >= check.level)
            }
            // The checks themselves report the raw inputs.
            for check in breakdown.levels {
                #expect(
                    check.items.map(\.item)
                        == input.field.items.filter { $0.description(atLevel: check.level) != nil }.map(\.name))
                for item in check.items {
                    #expect(item.rating == input.ratings[item.item] ?? 0)
                    #expect(item.needed == check.level)
                    #expect(item.met == (item.rating >= check.level))
                }
                #expect((check.scale == nil) == (check.level < 3))
            }
        }
    }

    @Test("raising a rating never lowers the level")
    func raisingRatingIsMonotonic() {
        Self.forAll(seed: 3) { input, random in
            let before = Self.evaluate(input).attainedLevel ?? 0
            var raised = input
            guard let item = random.pick(input.field.items) else { return }
            raised.ratings[item.name] = (input.ratings[item.name] ?? 0) + random.int(1...3)
            #expect((Self.evaluate(raised).attainedLevel ?? 0) >= before)
        }
    }

    @Test("adding a record never lowers the level")
    func addingRecordIsMonotonic() {
        Self.forAll(seed: 4) { input, random in
            let before = Self.evaluate(input).attainedLevel ?? 0
            var added = input
            added.records.insert(Self.record(&random), at: random.int(0...input.records.count))
            #expect((Self.evaluate(added).attainedLevel ?? 0) >= before)
        }
    }

    @Test("the explanation is empty exactly when the person holds the field's top level")
    func explanationEmptyIffTop() {
        Self.forAll(seed: 5) { input, _ in
            let breakdown = Self.evaluate(input)
            #expect(breakdown.explanation.isEmpty == (breakdown.attainedLevel == breakdown.definedLevels.last))
        }
    }

    @Test("the explanation lists exactly the unmet conditions of the next level")
    func explanationIsComplete() {
        Self.forAll(seed: 6) { input, _ in
            let breakdown = Self.evaluate(input)
            guard let next = breakdown.nextLevel else {
                #expect(breakdown.explanation.isEmpty)
                return
            }
            let reference = ReferenceRule(input)
            var expected: [String] = input.field.items.compactMap { item in
                guard item.description(atLevel: next) != nil, (input.ratings[item.name] ?? 0) < next else { return nil }
                return item.name
            }
            if !reference.scaleHolds(next) { expected.append("scale \(next)") }
            let listed = breakdown.explanation.map { condition -> String in
                switch condition {
                case let .item(name, rating, needed, text):
                    #expect(needed == next)
                    #expect(rating == input.ratings[name] ?? 0)
                    #expect(text == LevelFixtures.text(name, next))
                    return name
                case let .scale(level, condition, best, _):
                    #expect(condition == (input.field.scaleCondition(atLevel: level) ?? .none))
                    #expect(best == breakdown.check(atLevel: level)?.scale?.decidingRecord)
                    return "scale \(level)"
                }
            }
            #expect(listed == expected)
        }
    }

    @Test("the result depends neither on record order nor on how the ratings dictionary was built")
    func orderIndependent() {
        Self.forAll(seed: 7) { input, random in
            let breakdown = Self.evaluate(input)
            var shuffled = input
            shuffled.records.shuffle(using: &random)
            var rebuilt: [String: Int] = [:]
            rebuilt.reserveCapacity(random.int(0...64))
            for (name, rating) in input.ratings.shuffled(using: &random) { rebuilt[name] = rating }
            shuffled.ratings = rebuilt
            #expect(Self.evaluate(shuffled) == breakdown)
            let reversed = Input(field: input.field, ratings: input.ratings, records: input.records.reversed())
            #expect(Self.evaluate(reversed) == breakdown)
        }
    }

    @Test("the basis only labels the result and words the no-record reason")
    func basisOnlyLabels() {
        Self.forAll(seed: 8) { input, _ in
            let approved = Self.evaluate(input, basis: .approved)
            let provisional = Self.evaluate(input, basis: .provisional)
            #expect(approved.basis == .approved)
            #expect(provisional.basis == .provisional)
            #expect(approved.attainedLevel == provisional.attainedLevel)
            #expect(approved.levels.map(\.attained) == provisional.levels.map(\.attained))
        }
    }

    @Test("a gap to a target is closed exactly when the target is attained, and lists exactly the short items")
    func gapMatchesLevel() throws {
        var failures = 0
        Self.forAll(seed: 9) { input, _ in
            let level = Self.evaluate(input).attainedLevel ?? 0
            for target in input.field.definedLevels {
                guard
                    let gap = try? GapAnalysis.gap(
                        field: input.field, ratings: input.ratings, records: input.records, target: target)
                else {
                    failures += 1
                    continue
                }
                #expect(gap.isClosed == (level >= target))
                #expect(gap.currentLevel == Self.evaluate(input).attainedLevel)
                let short = input.field.items.compactMap { item -> String? in
                    guard let needed = item.definedLevels.last(where: { $0 <= target }) else { return nil }
                    return (input.ratings[item.name] ?? 0) < needed ? item.name : nil
                }
                #expect(gap.items.map(\.item) == short)
                let reference = ReferenceRule(input)
                #expect(
                    gap.scale.map(\.level)
                        == input.field.definedLevels.filter { $0 >= 3 && $0 <= target && !reference.scaleHolds($0) })
            }
        }
        #expect(failures == 0)
    }
}

/// The level rule read naively from its definition, without the compiled field, for cross-checking.
struct ReferenceRule {
    let input: LevelRulePropertyTests.Input

    init(_ input: LevelRulePropertyTests.Input) { self.input = input }

    var definedLevels: [Int] { Set(input.field.items.flatMap { $0.levels.map(\.level) }).sorted() }

    /// The highest level such that it and every defined level below it hold.
    var level: Int? {
        var result: Int?
        for level in definedLevels {
            guard itemsHold(level), scaleHolds(level) else { break }
            result = level
        }
        return result
    }

    func attains(_ level: Int) -> Bool {
        definedLevels.filter { $0 <= level }.allSatisfy { itemsHold($0) && scaleHolds($0) }
    }

    func itemsHold(_ level: Int) -> Bool {
        input.field.items.allSatisfy { item in
            !item.levels.contains { $0.level == level } || (input.ratings[item.name] ?? 0) >= level
        }
    }

    func scaleHolds(_ level: Int) -> Bool {
        if level < 3 { return true }
        let condition = input.field.scaleCondition(atLevel: level) ?? ScaleCondition()
        // Every named minimum, whatever its measure, is an alternative; upper bounds are not requirements.
        let minimums = condition.thresholds.compactMap { threshold in threshold.minimum.map { (threshold.measure, $0) } }
        if condition.role == nil, minimums.isEmpty { return true }
        return input.records.contains { record in
            let roleOK = condition.role.map { record.role.rank >= $0.rank } ?? true
            if minimums.isEmpty { return roleOK }
            return roleOK && minimums.contains { measure, minimum in (record.measures[measure] ?? -1) >= minimum }
        }
    }
}
