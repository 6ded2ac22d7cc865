import Foundation
import ITSSDomain
import ITSSImport
import Testing

/// The level rule on every specialty field of both shipped standards, with the real texts and conditions.
@Suite("LevelRuleCatalog")
struct LevelRuleCatalogTests {
    static let catalog = (try? BuiltInStandards.catalog()) ?? Catalog(standards: [])
    static let unpatched = (try? BuiltInStandards.catalog(applyingErrata: false)) ?? Catalog(standards: [])

    /// One specialty field of the built-in catalog.
    struct FieldCase: CustomTestStringConvertible, Sendable {
        var standard: StandardKey
        var field: String
        var testDescription: String { "\(standard.version) \(field)" }
    }

    static let fieldCases: [FieldCase] = catalog.standards.flatMap { standard in
        standard.specialtyFields.map { FieldCase(standard: standard.key, field: $0.name) }
    }

    /// The effective field (shared levels merged in) of a case.
    static func effective(_ fieldCase: FieldCase, in catalog: Catalog = catalog) throws -> SpecialtyField {
        let standard = try #require(catalog.standard(fieldCase.standard))
        return standard.effectiveField(try #require(standard.field(named: fieldCase.field)))
    }

    /// Every item rated at the highest level it defines up to `level` (0 if none): exactly enough for `level`.
    static func ratings(at level: Int, in field: SpecialtyField) -> [String: Int] {
        Dictionary(
            field.items.map { item in (item.name, item.definedLevels.last { $0 <= level } ?? 0) },
            uniquingKeysWith: { first, _ in first })
    }

    /// A verified record meeting exactly (at the thresholds) the field's condition at `level`.
    static func record(meeting level: Int, in field: SpecialtyField, id: Int64? = nil) -> ExperienceEvidence {
        let condition = field.scaleCondition(atLevel: level) ?? .none
        var measures: [ScaleMeasure: Int64] = [:]
        for threshold in condition.thresholds { measures[threshold.measure] = threshold.minimum }
        return ExperienceEvidence(
            recordID: id ?? Int64(level), role: condition.role ?? .member, measures: measures, label: "level \(level) work")
    }

    /// One record per defined level from 3 up to `level`, each meeting that level's condition at its thresholds.
    static func records(upTo level: Int, in field: SpecialtyField) -> [ExperienceEvidence] {
        field.definedLevels.filter { $0 >= 3 && $0 <= level }.map { record(meeting: $0, in: field) }
    }

    static func previous(_ level: Int, in field: SpecialtyField) -> Int? {
        field.definedLevels.last { $0 < level }
    }

    @Test("the catalog has the seven specialty fields of both standards")
    func fields() {
        #expect(
            Self.fieldCases.map(\.testDescription) == [
                "V2 2006 System operation", "V2 2006 Network operation", "V2 2006 Service desk",
                "V3 2008 Operation Management", "V3 2008 System Management", "V3 2008 Operation", "V3 2008 Service Desk",
            ])
    }

    @Test("all ratings at a level with a matching verified record attain exactly that level", arguments: fieldCases)
    func everyLevel(_ fieldCase: FieldCase) throws {
        let field = try Self.effective(fieldCase)
        let compiled = CompiledField(field)
        #expect(!field.definedLevels.isEmpty)
        for level in field.definedLevels {
            let breakdown = LevelRule.evaluate(
                compiled, ratings: Self.ratings(at: level, in: field), records: Self.records(upTo: level, in: field),
                basis: .approved)
            #expect(breakdown.attainedLevel == level, "level \(level)")
            #expect(breakdown.nextLevel == field.definedLevels.first { $0 > level })
            #expect(breakdown.explanation.isEmpty == (level == field.definedLevels.last))
            // The top record alone also carries every lower level: the conditions grow with the level.
            let single = LevelRule.evaluate(
                compiled, ratings: Self.ratings(at: level, in: field), records: [Self.record(meeting: level, in: field)],
                basis: .approved)
            #expect(single.attainedLevel == level, "level \(level) with one record")
        }
    }

    @Test("without a verified record the level is capped below level 3", arguments: fieldCases)
    func missingRecord(_ fieldCase: FieldCase) throws {
        let field = try Self.effective(fieldCase)
        let capped = field.definedLevels.last { $0 < 3 }
        for level in field.definedLevels {
            let breakdown = LevelRule.evaluate(field, ratings: Self.ratings(at: level, in: field), records: [], basis: .approved)
            #expect(breakdown.attainedLevel == (level < 3 ? level : capped))
            if level >= 3 {
                let condition = try #require(field.scaleCondition(atLevel: 3))
                #expect(
                    breakdown.explanation == [
                        .scale(level: 3, condition: condition, best: nil, reason: "no verified experience record in the field")
                    ])
            }
        }
        #expect(capped == (fieldCase.standard.version == "V2 2006" ? 2 : nil))
    }

    @Test("one item short of a level gives the level below, and the explanation names it with its text", arguments: fieldCases)
    func oneItemShort(_ fieldCase: FieldCase) throws {
        let field = try Self.effective(fieldCase)
        let compiled = CompiledField(field)
        let records = Self.records(upTo: 7, in: field)
        for level in field.definedLevels {
            for item in field.items where item.description(atLevel: level) != nil {
                var ratings = Self.ratings(at: level, in: field)
                let short = item.definedLevels.last { $0 < level } ?? 0
                ratings[item.name] = short
                let breakdown = LevelRule.evaluate(compiled, ratings: ratings, records: records, basis: .approved)
                #expect(breakdown.attainedLevel == Self.previous(level, in: field), "\(item.name) at \(level)")
                let text = try #require(item.description(atLevel: level)?.text)
                #expect(breakdown.explanation == [.item(name: item.name, rating: short, needed: level, text: text)])
            }
        }
    }

    /// The examples on the real V2 texts: installation sites and answered inquiries are alternatives.
    @Test("V2 Network operation 5 with 150 sites and 8 staff, V2 Service desk 5 with 3000 inquiries")
    func sitesAndInquiriesOnTheRealTexts() throws {
        let v2 = StandardKey(name: "Operations", version: "V2 2006")
        let network = try Self.effective(FieldCase(standard: v2, field: "Network operation"))
        let networkCondition = try #require(network.scaleCondition(atLevel: 5))
        #expect(networkCondition.minimum(.installationSites) == 100)
        let operatorRecord = ExperienceEvidence(
            recordID: 1, role: .responsiblePerson, measures: [.peakStaff: 8, .installationSites: 150], label: "WAN")
        let lower = Self.records(upTo: 4, in: network)
        let five = LevelRule.evaluate(
            network, ratings: Self.ratings(at: 5, in: network), records: lower + [operatorRecord], basis: .approved)
        #expect(five.attainedLevel == 5)
        #expect(five.check(atLevel: 5)?.scale?.decidingRecord == operatorRecord)
        var fewSites = operatorRecord
        fewSites.measures[.installationSites] = 99
        #expect(
            LevelRule.evaluate(
                network, ratings: Self.ratings(at: 5, in: network), records: lower + [fewSites], basis: .approved
            ).attainedLevel == 4)

        let desk = try Self.effective(FieldCase(standard: v2, field: "Service desk"))
        let deskCondition = try #require(desk.scaleCondition(atLevel: 5))
        #expect(deskCondition.minimum(.annualInquiries) == 3_000)
        let deskRecord = ExperienceEvidence(
            recordID: 2, role: .responsiblePerson, measures: [.peakStaff: 4, .annualInquiries: 3_000], label: "Desk")
        let deskLower = Self.records(upTo: 4, in: desk)
        #expect(
            LevelRule.evaluate(
                desk, ratings: Self.ratings(at: 5, in: desk), records: deskLower + [deskRecord], basis: .approved
            ).attainedLevel == 5)
    }

    @Test("a record just below every minimum, or one role too junior, gives the level below", arguments: fieldCases)
    func scaleShortfalls(_ fieldCase: FieldCase) throws {
        let field = try Self.effective(fieldCase)
        for level in field.definedLevels where level >= 3 {
            let condition = try #require(field.scaleCondition(atLevel: level))
            let lower = Self.records(upTo: level, in: field).filter { $0.recordID != Int64(level) }
            let ratings = Self.ratings(at: level, in: field)
            if condition.thresholds.contains(where: { $0.minimum != nil }) {
                var below = Self.record(meeting: level, in: field)
                below.measures = below.measures.mapValues { $0 - 1 }
                let breakdown = LevelRule.evaluate(field, ratings: ratings, records: lower + [below], basis: .approved)
                #expect(breakdown.attainedLevel == Self.previous(level, in: field), "below the minimums of \(level)")
                #expect(breakdown.check(atLevel: level)?.scale?.outcome == .belowMinimum)
            }
            if let role = condition.role, let junior = Role.allCases.last(where: { $0 < role }) {
                var record = Self.record(meeting: level, in: field)
                record.role = junior
                let breakdown = LevelRule.evaluate(field, ratings: ratings, records: lower + [record], basis: .approved)
                #expect(breakdown.attainedLevel == Self.previous(level, in: field), "\(junior) at \(level)")
                #expect(breakdown.check(atLevel: level)?.scale?.met == false)
            }
        }
    }

    @Test(
        "V2: levels 1–2 come from \"Common to Level 1, 2\", merged by name",
        arguments: fieldCases.filter { $0.standard.version == "V2 2006" })
    func sharedLevels(_ fieldCase: FieldCase) throws {
        let standard = try #require(Self.catalog.standard(fieldCase.standard))
        let shared = try #require(standard.sharedLevelSections.first)
        let field = try Self.effective(fieldCase)
        let stated = try #require(standard.field(named: fieldCase.field))
        #expect(stated.definedLevels == [3, 4, 5])
        #expect(field.definedLevels == [1, 2, 3, 4, 5])
        let breakdown = LevelRule.evaluate(field, ratings: [:], records: [], basis: .approved)
        for level in [1, 2] {
            let check = try #require(breakdown.check(atLevel: level))
            #expect(check.items.map(\.item) == shared.items.map(\.name))
            #expect(check.scale == nil)
            for item in shared.items {
                #expect(field.item(named: item.name)?.description(atLevel: level)?.text == item.description(atLevel: level)?.text)
            }
        }
        // Rating only the shared items at 2 is level 2; the field's own items do not take part below 3.
        let sharedOnly = Dictionary(uniqueKeysWithValues: shared.items.map { ($0.name, 2) })
        #expect(LevelRule.evaluate(field, ratings: sharedOnly, records: [], basis: .approved).attainedLevel == 2)
        for item in shared.items {
            var ratings = sharedOnly
            ratings[item.name] = 1
            #expect(LevelRule.evaluate(field, ratings: ratings, records: [], basis: .approved).attainedLevel == 1)
            ratings[item.name] = nil
            let breakdown = LevelRule.evaluate(field, ratings: ratings, records: [], basis: .approved)
            #expect(breakdown.attainedLevel == nil)
            #expect(breakdown.explanation.count == 1)
        }
    }

    @Test("Operation Management level 5 uses the field's majority (¥750,000,000), not Leadership's unpatched 7.5 billion")
    func operationManagementLevelFive() throws {
        let fieldCase = FieldCase(
            standard: StandardKey(name: "IT Service Management", version: "V3 2008"), field: "Operation Management")
        for catalog in [Self.unpatched, Self.catalog] {
            let field = try Self.effective(fieldCase, in: catalog)
            let condition = try #require(field.scaleCondition(atLevel: 5))
            #expect(condition.role == .responsiblePerson)
            #expect(condition.minimumContractYen == 750_000_000)
            #expect(condition.minimumStaff == 75)
            let ratings = Self.ratings(at: 5, in: field)
            let record = ExperienceEvidence(
                recordID: 1, role: .responsiblePerson, peakStaff: 40, annualContractYen: 800_000_000,
                label: "data-centre operation")
            #expect(LevelRule.evaluate(field, ratings: ratings, records: [record], basis: .approved).attainedLevel == 5)
            var smaller = record
            smaller.measures[.annualContractYen] = 700_000_000
            #expect(LevelRule.evaluate(field, ratings: ratings, records: [smaller], basis: .approved).attainedLevel == 4)
        }
        // The premise: without errata Leadership's own level-5 text asks 7.5 billion yen.
        let leadership = try #require(
            Self.effective(fieldCase, in: Self.unpatched).item(named: "Leadership")?.description(atLevel: 5))
        #expect(leadership.scale.minimumContractYen == 7_500_000_000)
        #expect(leadership.text.contains("7.5 billion yen"))
    }

    @Test("gaps and suggested plans on the real catalog")
    func gapAndPlan() throws {
        let fieldCase = FieldCase(
            standard: StandardKey(name: "IT Service Management", version: "V3 2008"), field: "Operation Management")
        let field = try Self.effective(fieldCase)
        var ratings = Self.ratings(at: 5, in: field)
        ratings["Service Support"] = 4
        let records = [ExperienceEvidence(recordID: 1, role: .leader, peakStaff: 30, annualContractYen: nil, label: "ACME")]
        let gap = try GapAnalysis.gap(field: field, ratings: ratings, records: records, target: 5)
        #expect(gap.currentLevel == 4)
        #expect(gap.items.map(\.item) == ["Service Support"])
        #expect(gap.items.first?.knowledgeItems.contains("Incident Management") == true)
        #expect(gap.scale.map(\.level) == [5])
        let actions = DevelopmentPlan.suggestedActions(from: gap)
        #expect(actions.filter { $0.kind == .learnKnowledge }.count == 5)
        #expect(actions.last?.title == "Take on a responsible-person role with ≥ 75 staff or ≥ ¥750,000,000/year")
        #expect(throws: GapError.targetNotDefined(target: 7, field: "Service Desk", definedLevels: [3, 4])) {
            let desk = try Self.effective(FieldCase(standard: fieldCase.standard, field: "Service Desk"))
            _ = try GapAnalysis.gap(field: desk, ratings: [:], records: [], target: 7)
        }
    }

    @Test("docs/levels.md, V3 example: Operation Management, level 5, Facility Management and the scale short of 6")
    func workedExampleV3() throws {
        let field = try Self.effective(
            FieldCase(standard: StandardKey(name: "IT Service Management", version: "V3 2008"), field: "Operation Management"))
        var ratings = Dictionary(uniqueKeysWithValues: field.items.map { ($0.name, 6) })
        ratings["Facility Management"] = 5
        let leader = ExperienceEvidence(
            recordID: 101, role: .leader, peakStaff: 12, annualContractYen: nil, label: "ACME service desk, 2019-04-01…2022-03-31"
        )
        let responsible = ExperienceEvidence(
            recordID: 102, role: .responsiblePerson, peakStaff: 120, annualContractYen: 1_200_000_000,
            label: "Nippon DC operation, 2022-04-01…")
        let breakdown = LevelRule.evaluate(field, ratings: ratings, records: [leader, responsible], basis: .approved)
        #expect(breakdown.levelSummary == "level 5 (approved)")
        #expect(breakdown.nextLevel == 6)
        #expect(breakdown.levels.map(\.attained) == [true, true, true, false, false])
        #expect(breakdown.levels.map { $0.items.filter(\.met).count } == [14, 14, 14, 13, 0])
        #expect(breakdown.levels.map { $0.scale?.decidingRecord?.recordID } == [102, 102, 102, 102, 102])
        #expect(breakdown.levels.map { $0.scale?.outcome } == [.met, .met, .met, .belowMinimum, .belowMinimum])
        let text = try #require(field.item(named: "Facility Management")?.description(atLevel: 6)?.text)
        #expect(text.hasPrefix("Able to perform facility management base on guidable and advanced specialty"))
        #expect(
            breakdown.explanation == [
                .item(name: "Facility Management", rating: 5, needed: 6, text: text),
                .scale(
                    level: 6, condition: try #require(field.scaleCondition(atLevel: 6)), best: responsible,
                    reason:
                        "best record Nippon DC operation, 2022-04-01… (responsible person, 120 staff, ¥1,200,000,000/year): below ≥ 150 staff or ≥ ¥1,500,000,000/year"
                ),
            ])
    }

    @Test("docs/levels.md, V2 example: Service desk, level 2 official from the common section, level 3 provisional")
    func workedExampleV2() throws {
        let field = try Self.effective(
            FieldCase(standard: StandardKey(name: "Operations", version: "V2 2006"), field: "Service desk"))
        #expect(field.items.count == 10)
        var ratings = Dictionary(uniqueKeysWithValues: field.items.map { ($0.name, 3) })
        ratings["Stress management"] = 0
        let official = LevelRule.evaluate(field, ratings: ratings, records: [], basis: .approved)
        #expect(official.levelSummary == "level 2 (approved)")
        #expect(official.levels.map { $0.items.count } == [8, 8, 10, 10, 10])
        #expect(official.levels.map { $0.items.filter(\.met).count } == [8, 8, 9, 0, 0])
        let text = try #require(field.item(named: "Stress management")?.description(atLevel: 3)?.text)
        #expect(
            text
                == "Able to facilitate the improvement of user service, by carrying out implementation of stress management, improvement of work, as a member of service desk."
        )
        #expect(
            official.explanation == [
                .item(name: "Stress management", rating: 0, needed: 3, text: text),
                .scale(
                    level: 3, condition: ScaleCondition(role: .member), best: nil,
                    reason: "no verified experience record in the field"),
            ])

        ratings["Stress management"] = 3
        let record = ExperienceEvidence(
            recordID: 201, role: .member, peakStaff: 8, annualContractYen: nil, label: "City hall help desk, 2023-10-01…")
        let provisional = LevelRule.evaluate(field, ratings: ratings, records: [record], basis: .provisional)
        #expect(provisional.levelSummary == "level 3 (provisional)")
        #expect(provisional.nextLevel == 4)
        #expect(provisional.explanation.count == 11)
        #expect(
            provisional.explanation.last
                == .scale(
                    level: 4, condition: try #require(field.scaleCondition(atLevel: 4)), best: record,
                    reason: "best record City hall help desk, 2023-10-01… (member): the role member is below the required leader")
        )
    }
}
