import Foundation
import ITSSDomain
import ITSSImport
import Testing

/// Tailoring profiles on the real catalog: application, the diff, traceability, validation errors naming the
/// place, the JSON round trip, and properties over random profiles.
@Suite("Tailoring profiles")
struct TailoringTests {
    static let catalog = (try? BuiltInStandards.catalog()) ?? Catalog(standards: [])
    static let v3 = StandardKey(name: "IT Service Management", version: "V3 2008")
    static let v2 = StandardKey(name: "Operations", version: "V2 2006")

    static func standard(_ key: StandardKey) throws -> Standard { try #require(catalog.standard(key)) }

    /// A profile using one of each kind of change.
    static let sample = TailoringProfile(
        name: "ACME ITSM", standard: v3, purpose: "ACME's service management framework",
        fields: [
            FieldTailoring(field: "Operation", exclude: Exclusion(reason: "operations are outsourced")),
            FieldTailoring(
                field: "Operation Management", displayName: DisplayName(name: "Ops Management", reason: "our title"),
                items: [
                    ItemTailoring(item: "Facility Management", exclude: Exclusion(reason: "no own data centre")),
                    ItemTailoring(
                        item: "Technology", displayName: DisplayName(name: "Cloud Technology", reason: "we run on cloud"),
                        addKnowledge: [KnowledgeAddition(text: "FinOps", reason: "cost control matters")]),
                ],
                companyItems: [
                    CompanyItem(
                        name: "Cloud Cost Control", reason: "not in ITSS", basedOn: "Technology",
                        levels: [CompanyLevel(level: 3, text: "Tracks costs"), CompanyLevel(level: 5, text: "Owns the budget")],
                        knowledgeItems: ["Tagging policies"])
                ],
                thresholds: [ThresholdAdjustment(level: 5, measure: .peakStaff, minimum: 50, reason: "smaller teams")]),
        ])

    @Test("an empty profile gives every standard unchanged, with an empty diff")
    func emptyProfile() throws {
        for key in [Self.v3, Self.v2] {
            let tailored = try Tailoring.apply(TailoringProfile(name: "Plain", standard: key), to: Self.catalog)
            #expect(tailored.catalog == Self.catalog)
            #expect(tailored.tailored == tailored.original)
            #expect(tailored.diff.isEmpty)
            for field in tailored.original.fields {
                #expect(tailored.effectiveField(field.name) == tailored.original.effectiveField(field))
            }
        }
    }

    @Test("the sample profile removes, renames, adds and adjusts, and the diff lists exactly those changes")
    func sampleProfile() throws {
        let tailored = try Tailoring.apply(Self.sample, to: Self.catalog)
        #expect(tailored.tailored.field(named: "Operation") == nil)
        #expect(tailored.excludes(field: "Operation"))
        let field = try #require(tailored.tailored.field(named: "Operation Management"))
        #expect(field.item(named: "Facility Management") == nil)
        #expect(field.item(named: "Technology")?.knowledgeItems.last == "FinOps")
        #expect(field.item(named: "Cloud Cost Control")?.definedLevels == [3, 5])
        #expect(tailored.displayName(ofField: "Operation Management") == "Ops Management")
        #expect(field.scaleCondition(atLevel: 5)?.minimumStaff == 50)
        #expect(field.scaleCondition(atLevel: 5)?.minimumContractYen == 750_000_000)
        #expect(field.scaleCondition(atLevel: 6)?.minimumStaff == 150)
        // Other standards are untouched.
        #expect(tailored.catalog.standard(Self.v2) == Self.catalog.standard(Self.v2))
        #expect(tailored.diff.count == Self.sample.changeCount)
        #expect(
            tailored.diff.map(\.kind) == [
                .fieldExcluded, .fieldRenamed, .itemExcluded, .itemRenamed, .knowledgeAdded, .companyItemAdded,
                .thresholdAdjusted,
            ])
        let threshold = try #require(tailored.diff.last)
        #expect(threshold.before == "≥ 75 staff" && threshold.after == "≥ 50 staff" && threshold.level == 5)
        #expect(threshold.reason == "smaller teams")
        #expect(tailored.diff.allSatisfy { !$0.reason.isEmpty })
    }

    @Test("every tailored item traces back to the standard item of its name and line, or is marked company-own")
    func traceability() throws {
        let tailored = try Tailoring.apply(Self.sample, to: Self.catalog)
        for field in tailored.tailored.fields {
            let traces = try #require(tailored.traces[field.name])
            #expect(traces.map(\.item) == field.items.map(\.name))
            let original = try #require(tailored.original.field(named: field.name))
            for trace in traces {
                switch trace.origin {
                case let .standard(line):
                    #expect(original.item(named: trace.item)?.line == line)
                case let .company(basedOn):
                    #expect(original.item(named: trace.item) == nil)
                    if let basedOn { #expect(original.item(named: basedOn) != nil) }
                }
            }
        }
        #expect(tailored.companyItems(of: "Operation Management") == ["Cloud Cost Control"])
        #expect(tailored.ruleField("Operation Management")?.item(named: "Cloud Cost Control") == nil)
    }

    @Test("a lowered level-5 threshold: 60 staff is level 5 under the profile and level 4 under the standard")
    func loweredThreshold() throws {
        let profile = TailoringProfile(
            name: "Small teams", standard: Self.v3,
            fields: [
                FieldTailoring(
                    field: "Operation Management",
                    thresholds: [ThresholdAdjustment(level: 5, measure: .peakStaff, minimum: 50, reason: "smaller teams")])
            ])
        let tailored = try Tailoring.apply(profile, to: Self.catalog)
        let standardField = try Self.standard(Self.v3).effectiveField(
            try #require(Self.standard(Self.v3).field(named: "Operation Management")))
        let tailoredField = try #require(tailored.ruleField("Operation Management"))
        let ratings = Dictionary(uniqueKeysWithValues: standardField.items.map { ($0.name, 5) })
        let record = ExperienceEvidence(
            recordID: 1, role: .responsiblePerson, peakStaff: 60, annualContractYen: nil, label: "60 staff")
        let standard = LevelRule.evaluate(standardField, ratings: ratings, records: [record], basis: .approved)
        let underProfile = LevelRule.evaluate(tailoredField, ratings: ratings, records: [record], basis: .approved)
        #expect(standard.attainedLevel == 4)
        #expect(underProfile.attainedLevel == 5)
    }

    @Test("V2: shared levels stay merged, excluded items stay out, adjusted thresholds survive the merge")
    func sharedLevels() throws {
        let profile = TailoringProfile(
            name: "V2 desk", standard: Self.v2,
            fields: [
                FieldTailoring(
                    field: "Service desk", items: [ItemTailoring(item: "Negotiation", exclude: Exclusion(reason: "n/a"))],
                    thresholds: [
                        ThresholdAdjustment(level: 5, measure: .annualInquiries, minimum: 2000, reason: "our volume")
                    ])
            ])
        let tailored = try Tailoring.apply(profile, to: Self.catalog)
        let field = try #require(tailored.effectiveField("Service desk"))
        #expect(field.item(named: "Negotiation") == nil)
        #expect(field.definedLevels.first == 1)
        #expect(field.scaleCondition(atLevel: 5)?.minimum(.annualInquiries) == 2000)
        #expect(field.scaleCondition(atLevel: 5)?.minimumStaff == 20)
    }

    /// A bad profile and the place its first issue must name.
    struct BadCase: CustomTestStringConvertible, Sendable {
        var name: String
        var profile: TailoringProfile
        var path: String
        var message: String
        var testDescription: String { name }
    }

    static func field(_ tailoring: FieldTailoring) -> TailoringProfile {
        TailoringProfile(name: "Bad", standard: v3, fields: [tailoring])
    }

    static let badCases: [BadCase] = [
        BadCase(
            name: "unknown field", profile: field(FieldTailoring(field: "Servce Desk", exclude: Exclusion(reason: "x"))),
            path: "fields[0].field", message: "unknown specialty field \"Servce Desk\""),
        BadCase(
            name: "unknown item",
            profile: field(
                FieldTailoring(field: "Service Desk", items: [ItemTailoring(item: "Juggling", exclude: Exclusion(reason: "x"))])),
            path: "fields[0].items[0].item", message: "unknown skill item \"Juggling\" in \"Service Desk\""),
        BadCase(
            name: "threshold not a number",
            profile: field(
                FieldTailoring(
                    field: "Operation Management",
                    thresholds: [ThresholdAdjustment(level: 5, measure: "peak_staff", minimum: .text("fifty"), reason: "x")])),
            path: "fields[0].thresholds[0].minimum", message: "the threshold \"fifty\" is not a number"),
        BadCase(
            name: "threshold not positive",
            profile: field(
                FieldTailoring(
                    field: "Operation Management",
                    thresholds: [ThresholdAdjustment(level: 5, measure: .peakStaff, minimum: 0, reason: "x")])),
            path: "fields[0].thresholds[0].minimum", message: "the threshold must be positive (got 0)"),
        BadCase(
            name: "threshold at a level without a condition",
            profile: field(
                FieldTailoring(
                    field: "Service Desk",
                    thresholds: [ThresholdAdjustment(level: 6, measure: .peakStaff, minimum: 10, reason: "x")])),
            path: "fields[0].thresholds[0].level", message: "\"Service Desk\" states no scale condition at level 6"),
        BadCase(
            name: "unknown measure",
            profile: field(
                FieldTailoring(
                    field: "Operation Management",
                    thresholds: [ThresholdAdjustment(level: 5, measure: "servers", minimum: .number(10), reason: "x")])),
            path: "fields[0].thresholds[0].measure", message: "unknown measure \"servers\""),
        BadCase(
            name: "missing reason",
            profile: field(FieldTailoring(field: "Service Desk", exclude: Exclusion(reason: "  "))),
            path: "fields[0].exclude.reason", message: "the reason for excluding \"Service Desk\" is required"),
        BadCase(
            name: "duplicate company item names",
            profile: field(
                FieldTailoring(
                    field: "Service Desk",
                    companyItems: [
                        CompanyItem(name: "Chat Support", reason: "x", levels: [CompanyLevel(level: 3, text: "a")]),
                        CompanyItem(name: "chat support", reason: "y", levels: [CompanyLevel(level: 4, text: "b")]),
                    ])),
            path: "fields[0].company_items[1].name", message: "duplicate company item name \"chat support\" in \"Service Desk\""),
        BadCase(
            name: "company item named like an ITSS item",
            profile: field(
                FieldTailoring(
                    field: "Service Desk",
                    companyItems: [CompanyItem(name: "Staffing", reason: "x", levels: [CompanyLevel(level: 3, text: "a")])])),
            path: "fields[0].company_items[0].name", message: "\"Staffing\" is an ITSS item of \"Service Desk\""),
        BadCase(
            name: "company item without levels",
            profile: field(
                FieldTailoring(field: "Service Desk", companyItems: [CompanyItem(name: "Chat", reason: "x", levels: [])])),
            path: "fields[0].company_items[0].levels", message: "needs a text for at least one level"),
        BadCase(
            name: "excluded field with other changes",
            profile: field(
                FieldTailoring(
                    field: "Service Desk", exclude: Exclusion(reason: "x"), displayName: DisplayName(name: "Desk", reason: "y"))),
            path: "fields[0].exclude", message: "is excluded, so it can have no other changes"),
        BadCase(
            name: "field tailored twice",
            profile: TailoringProfile(
                name: "Bad", standard: v3,
                fields: [
                    FieldTailoring(field: "Service Desk", displayName: DisplayName(name: "A", reason: "x")),
                    FieldTailoring(field: "Service Desk", displayName: DisplayName(name: "B", reason: "y")),
                ]),
            path: "fields[1].field", message: "is tailored twice"),
        BadCase(
            name: "unknown standard", profile: TailoringProfile(name: "Bad", standard: StandardKey(name: "X", version: "V9")),
            path: "standard", message: "unknown standard \"X\" V9"),
        BadCase(
            name: "empty name", profile: TailoringProfile(name: " ", standard: v3), path: "name",
            message: "the profile's name is required"),
    ]

    @Test("a bad profile is refused with an issue naming the place", arguments: badCases)
    func badProfile(_ bad: BadCase) {
        do {
            _ = try Tailoring.apply(bad.profile, to: Self.catalog)
            Issue.record("accepted")
        } catch {
            let issue = error.issues.first
            #expect(issue?.path == bad.path, "\(error.issues)")
            #expect(issue?.message.contains(bad.message) == true, "\(error.issues)")
        }
    }

    @Test("a profile that removes every item of a field is refused; with a company item it is accepted")
    func removesEveryItem() throws {
        let field = try #require(Self.standard(Self.v3).field(named: "Service Desk"))
        let everything = field.items.map { ItemTailoring(item: $0.name, exclude: Exclusion(reason: "not ours")) }
        do {
            _ = try Tailoring.apply(Self.field(FieldTailoring(field: "Service Desk", items: everything)), to: Self.catalog)
            Issue.record("accepted")
        } catch {
            #expect(error.issues.map(\.path) == ["fields[0].items"])
            #expect(error.issues[0].message.contains("removes every item of \"Service Desk\""))
        }
        let kept = Self.field(
            FieldTailoring(
                field: "Service Desk", items: everything,
                companyItems: [CompanyItem(name: "Our desk", reason: "ours", levels: [CompanyLevel(level: 3, text: "t")])]))
        let tailored = try Tailoring.apply(kept, to: Self.catalog)
        #expect(tailored.tailored.field(named: "Service Desk")?.items.map(\.name) == ["Our desk"])
    }

    @Test("JSON: export and import give the same profile; keys are snake_case")
    func jsonRoundTrip() throws {
        var profile = Self.sample
        profile.version = 3
        profile.note = "why"
        let text = try TailoringJSON.text(profile)
        #expect(text.contains("\"company_items\"") && text.contains("\"display_name\"") && text.contains("\"add_knowledge\""))
        #expect(try TailoringJSON.decode(text) == profile)
        #expect(try TailoringJSON.decode(TailoringJSON.text(profile.content)).version == nil)
    }

    @Test("JSON: a document with a missing key, a wrong type or bad syntax names the place")
    func jsonErrors() {
        let cases: [(String, String, String)] = [
            (#"{"standard": {"name": "x", "version": "y"}}"#, "name", "is required"),
            (
                #"{"name": "A", "standard": {"name": "x", "version": "y"}, "fields": [{"field": 3}]}"#, "fields[0].field",
                "expected text"
            ),
            (
                #"{"name": "A", "standard": {"name": "x", "version": "y"}, "fields": [{"field": "F", "items": [{}]}]}"#,
                "fields[0].items[0].item", "is required"
            ),
            ("{", "profile", "not valid JSON"),
            ("   ", "profile", "empty"),
        ]
        for (text, path, message) in cases {
            do {
                _ = try TailoringJSON.decode(text)
                Issue.record("accepted \(text)")
            } catch {
                #expect(error.issues.first?.path == path, "\(text): \(error.issues)")
                #expect(error.issues.first?.message.contains(message) == true, "\(text): \(error.issues)")
            }
        }
        // A threshold written as text is read, and refused by validation naming its place.
        let text = """
            {"name": "A", "standard": {"name": "IT Service Management", "version": "V3 2008"},
             "fields": [{"field": "Operation Management",
                         "thresholds": [{"level": 5, "measure": "peak_staff", "minimum": "fifty", "reason": "r"}]}]}
            """
        #expect(throws: TailoringError.self) { try Tailoring.apply(try TailoringJSON.decode(text), to: Self.catalog) }
        let numeric = text.replacingOccurrences(of: "\"fifty\"", with: "\"50\"")
        #expect((try? Tailoring.apply(try TailoringJSON.decode(numeric), to: Self.catalog)) != nil)
    }

    @Test("property: random valid profiles apply; the diff has one entry per change; every item is traced")
    func randomProfiles() throws {
        var random = TailoringRandom(seed: 2026)
        for _ in 0..<300 {
            let key = random.chance(0.5) ? Self.v3 : Self.v2
            let standard = try Self.standard(key)
            let profile = random.profile(on: standard)
            let tailored = try Tailoring.apply(profile, to: Self.catalog)
            #expect(tailored.diff.count == profile.changeCount)
            let kinds = Dictionary(grouping: tailored.diff, by: \.kind).mapValues(\.count)
            let excludedFields = profile.fields.filter { $0.exclude != nil }.count
            #expect((kinds[.fieldExcluded] ?? 0) == excludedFields)
            #expect(tailored.tailored.fields.count == standard.fields.count - excludedFields)
            #expect((kinds[.companyItemAdded] ?? 0) == profile.fields.reduce(0) { $0 + $1.companyItems.count })
            for field in tailored.tailored.fields {
                let original = try #require(standard.field(named: field.name))
                let traces = tailored.traces[field.name] ?? []
                #expect(traces.map(\.item) == field.items.map(\.name))
                for trace in traces where !trace.isCompanyItem {
                    #expect(original.item(named: trace.item) != nil)
                }
                #expect(!field.items.isEmpty)
                // Untouched fields are the standard's own.
                if !profile.fields.contains(where: { $0.field == field.name }) { #expect(field == original) }
            }
        }
    }
}

/// Random valid profiles (seeded, so repeatable).
struct TailoringRandom: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed == 0 ? 1 : seed }

    /// xorshift64* (the seed must not be 0).
    mutating func next() -> UInt64 {
        state ^= state >> 12
        state ^= state << 25
        state ^= state >> 27
        return state &* 0x2545_F491_4F6C_DD1D
    }

    mutating func chance(_ probability: Double) -> Bool { Double.random(in: 0..<1, using: &self) < probability }

    mutating func profile(on standard: Standard) -> TailoringProfile {
        var fields: [FieldTailoring] = []
        for field in standard.fields where chance(0.6) {
            var tailoring = FieldTailoring(field: field.name)
            if chance(0.15) {
                tailoring.exclude = Exclusion(reason: "not used")
                fields.append(tailoring)
                continue
            }
            if chance(0.4) { tailoring.displayName = DisplayName(name: "Our \(field.name)", reason: "house style") }
            // Keep at least one ITSS item.
            for item in field.items.dropFirst() where chance(0.3) {
                var change = ItemTailoring(item: item.name)
                if chance(0.4) {
                    change.exclude = Exclusion(reason: "not ours")
                } else {
                    if chance(0.5) { change.displayName = DisplayName(name: "Our \(item.name)", reason: "house style") }
                    for index in 0..<Int.random(in: 0...2, using: &self) {
                        change.addKnowledge.append(KnowledgeAddition(text: "Extra \(index)", reason: "needed"))
                    }
                    if change.changeCount == 0 { change.addKnowledge.append(KnowledgeAddition(text: "Extra", reason: "needed")) }
                }
                tailoring.items.append(change)
            }
            for index in 0..<Int.random(in: 0...2, using: &self) {
                let levels = (1...7).filter { _ in chance(0.3) }
                tailoring.companyItems.append(
                    CompanyItem(
                        name: "Company item \(index)", reason: "ours",
                        levels: (levels.isEmpty ? [3] : levels).map { CompanyLevel(level: $0, text: "Level \($0) text") }))
            }
            for condition in field.scaleConditions where chance(0.3) {
                let measure = ScaleMeasure.allCases.randomElement(using: &self) ?? .peakStaff
                tailoring.thresholds.append(
                    ThresholdAdjustment(
                        level: condition.level, measure: measure, minimum: Int64.random(in: 1...500, using: &self),
                        reason: "our scale"))
            }
            fields.append(tailoring)
        }
        return TailoringProfile(name: "Random", standard: standard.key, fields: fields)
    }
}
