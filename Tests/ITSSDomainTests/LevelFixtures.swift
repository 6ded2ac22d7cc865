import ITSSDomain

/// Small hand-built fields, conditions and records for the level, gap and plan tests.
enum LevelFixtures {
    static func condition(
        _ role: Role?, staff: Int64? = nil, yen: Int64? = nil, sites: Int64? = nil, inquiries: Int64? = nil,
        staffBelow: Int64? = nil, yenBelow: Int64? = nil, sitesBelow: Int64? = nil
    ) -> ScaleCondition {
        var thresholds: [ScaleThreshold] = []
        if staff != nil || staffBelow != nil {
            thresholds.append(ScaleThreshold(measure: .peakStaff, minimum: staff, upperBound: staffBelow))
        }
        if yen != nil || yenBelow != nil {
            thresholds.append(ScaleThreshold(measure: .annualContractYen, minimum: yen, upperBound: yenBelow))
        }
        if sites != nil || sitesBelow != nil {
            thresholds.append(ScaleThreshold(measure: .installationSites, minimum: sites, upperBound: sitesBelow))
        }
        if let inquiries { thresholds.append(ScaleThreshold(measure: .annualInquiries, minimum: inquiries)) }
        return ScaleCondition(role: role, thresholds: thresholds)
    }

    /// The conditions the V3 Operation Management field states, by level.
    static let operationManagement: [Int: ScaleCondition] = [
        3: condition(.member),
        4: condition(.leader),
        5: condition(.responsiblePerson, staff: 75, yen: 750_000_000),
        6: condition(.responsiblePerson, staff: 150, yen: 1_500_000_000),
        7: condition(.responsiblePerson, staff: 250, yen: 2_500_000_000),
    ]

    /// The text an item gets at a level in these fixtures.
    static func text(_ item: String, _ level: Int) -> String { "\(item) text at level \(level)" }

    /// An item defining `levels`, each with the condition `conditions[level]` (or none).
    static func item(
        _ name: String, levels: [Int], conditions: [Int: ScaleCondition] = operationManagement,
        knowledge: [String] = []
    ) -> SkillItem {
        SkillItem(
            name: name, scope: .specific,
            levels: levels.map {
                LevelDescription(level: $0, text: text(name, $0), scale: conditions[$0] ?? .none, line: $0)
            },
            knowledgeItems: knowledge.isEmpty ? ["\(name) basics", "\(name) practice"] : knowledge, line: 1)
    }

    static func field(_ name: String, _ items: [SkillItem], kind: FieldKind = .specialty) -> SpecialtyField {
        SpecialtyField(name: name, kind: kind, items: items, line: 1)
    }

    /// Three items at levels 3–5 and one ("Facilities") that defines only levels 3 and 4.
    static let desk = field(
        "Desk",
        [
            item("Leadership", levels: [3, 4, 5]),
            item("Service Support", levels: [3, 4, 5]),
            item("Negotiation", levels: [3, 4, 5]),
            item("Facilities", levels: [3, 4]),
        ])

    static func record(
        _ id: Int64, _ role: Role, staff: Int? = nil, yen: Int64? = nil, sites: Int64? = nil, inquiries: Int64? = nil,
        label: String? = nil
    ) -> ExperienceEvidence {
        var measures: [ScaleMeasure: Int64] = [:]
        measures[.peakStaff] = staff.map(Int64.init)
        measures[.annualContractYen] = yen
        measures[.installationSites] = sites
        measures[.annualInquiries] = inquiries
        return ExperienceEvidence(recordID: id, role: role, measures: measures, label: label ?? "record \(id)")
    }

    /// Every item of `field` rated `level`.
    static func all(_ level: Int, in field: SpecialtyField) -> [String: Int] {
        Dictionary(field.items.map { ($0.name, level) }, uniquingKeysWith: { first, _ in first })
    }

    static func evaluate(
        _ field: SpecialtyField, _ ratings: [String: Int], _ records: [ExperienceEvidence] = [],
        basis: LevelBasis = .approved
    ) -> LevelBreakdown {
        LevelRule.evaluate(field, ratings: ratings, records: records, basis: basis)
    }

    /// Evaluates the `desk` fixture.
    static func evaluate(
        _ ratings: [String: Int], _ records: [ExperienceEvidence] = [], basis: LevelBasis = .approved
    ) -> LevelBreakdown {
        LevelRule.evaluate(desk, ratings: ratings, records: records, basis: basis)
    }
}

/// SplitMix64: a tiny seeded generator so that property tests are repeatable.
struct SeededRandom: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func chance(_ probability: Double) -> Bool { Double.random(in: 0..<1, using: &self) < probability }

    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }

    mutating func pick<T>(_ values: [T]) -> T? { values.randomElement(using: &self) }
}
