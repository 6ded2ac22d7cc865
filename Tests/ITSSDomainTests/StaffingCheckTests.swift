import ITSSDomain
import Testing

/// The staffing check on hand-made people: every line's assignment, shortfall and near candidate; and the
/// matching's properties on random instances against a brute-force maximum.
@Suite("Staffing check")
struct StaffingCheckTests {
    static let standard = StandardKey(name: "Test", version: "V9")
    static let desk = FieldReference(standard: standard, field: "Desk")
    static let ops = FieldReference(standard: standard, field: "Ops")

    static func person(
        _ number: String, levels: [FieldReference: Int] = [:], roles: [FieldReference: Role] = [:],
        breakdowns: [FieldReference: LevelBreakdown] = [:]
    ) -> StaffingPerson {
        StaffingPerson(
            personID: Int64(number.dropFirst()) ?? 0, employeeNumber: number, name: "Person \(number)", levels: levels,
            roles: roles, breakdowns: breakdowns)
    }

    static func numbers(_ line: StaffingLineResult) -> [String] { line.counted.map(\.person.employeeNumber) }

    @Test("greedy would leave the level-4 line empty; the matching fills every line")
    func matchingBeatsGreedy() {
        let lines = [
            StaffingLine(field: Self.desk, minimumLevel: 3, count: 2),
            StaffingLine(field: Self.desk, minimumLevel: 4, count: 1),
            StaffingLine(field: Self.ops, minimumLevel: 3, count: 1),
        ]
        let people = [
            Self.person("P1", levels: [Self.desk: 4, Self.ops: 3]),
            Self.person("P2", levels: [Self.desk: 3]),
            Self.person("P3", levels: [Self.desk: 3, Self.ops: 3]),
            Self.person("P4", levels: [Self.ops: 3]),
        ]
        // Greedy in line order, lowest number first: line 1 takes P1 and P2, line 2 finds nobody.
        let result = StaffingCheck.evaluate(lines: lines, people: people)
        #expect(result.lines.map(Self.numbers) == [["P2", "P3"], ["P1"], ["P4"]])
        #expect(result.lines.map(\.shortfall) == [0, 0, 0])
        #expect(result.lines.map(\.qualifying) == [3, 1, 3])
        #expect(result.isStaffed && result.filled == 4 && result.required == 4)
        #expect(result.lines.allSatisfy { $0.near.isEmpty })
        #expect(result.lines[1].reasons == ["P1 Person P1: level 4 ≥ 4"])
    }

    @Test("the input order does not change the result")
    func deterministic() {
        let lines = [
            StaffingLine(field: Self.desk, minimumLevel: 3, count: 2),
            StaffingLine(field: Self.desk, minimumLevel: 4, count: 1),
        ]
        let people = ["P5", "P1", "P3", "P2", "P4"].map { Self.person($0, levels: [Self.desk: $0 == "P3" ? 4 : 3]) }
        let forward = StaffingCheck.evaluate(lines: lines, people: people)
        let backward = StaffingCheck.evaluate(lines: lines, people: people.reversed())
        #expect(forward == backward)
        #expect(forward.lines.map(Self.numbers) == [["P1", "P2"], ["P3"]])
    }

    @Test("a role line counts only verified track record of that role or a more senior one")
    func roleLines() {
        let line = StaffingLine(field: Self.desk, minimumLevel: 3, count: 3, role: .leader)
        let people = [
            Self.person("P1", levels: [Self.desk: 3], roles: [Self.desk: .responsiblePerson]),
            Self.person("P2", levels: [Self.desk: 4], roles: [Self.desk: .member]),
            Self.person("P3", levels: [Self.desk: 3], roles: [Self.ops: .leader]),
            Self.person("P4", levels: [Self.desk: 3], roles: [Self.desk: .leader]),
        ]
        let result = StaffingCheck.evaluate(lines: [line], people: people)
        #expect(Self.numbers(result.lines[0]) == ["P1", "P4"])
        #expect(result.lines[0].counted.map(\.role) == [.responsiblePerson, .leader])
        #expect(result.lines[0].shortfall == 1)
        #expect(result.lines[0].near.map(\.person.employeeNumber) == ["P2", "P3"])
        #expect(result.lines[0].near.map(\.lack) == [.role(.leader), .role(.leader)])
        #expect(
            result.lines[0].reasons == [
                "P1 Person P1: level 3 ≥ 3; verified responsible person ≥ leader",
                "P4 Person P4: level 3 ≥ 3; verified leader ≥ leader",
                "short by 1: 2 of 3 filled; 2 of the unit qualify",
                "near: P2 Person P2 lacks verified track record as leader in Desk",
                "near: P3 Person P3 lacks verified track record as leader in Desk",
            ])
    }

    @Test("near candidates by the level rule: exactly one unmet condition of the level the line asks for")
    func nearByLevel() {
        let field = LevelFixtures.desk
        let reference = FieldReference(standard: Self.standard, field: field.name)
        func breakdown(_ ratings: [String: Int], _ records: [ExperienceEvidence]) -> LevelBreakdown {
            LevelFixtures.evaluate(field, ratings, records)
        }
        var oneItem = LevelFixtures.all(4, in: field)
        oneItem["Negotiation"] = 3
        var twoItems = oneItem
        twoItems["Leadership"] = 3
        let leader = [LevelFixtures.record(1, .leader)]
        let member = [LevelFixtures.record(2, .member)]
        let people: [(String, LevelBreakdown)] = [
            ("P1", breakdown(oneItem, leader)),  // level 3, level 4 misses Negotiation
            ("P2", breakdown(LevelFixtures.all(4, in: field), member)),  // level 3, level 4 misses the leader record
            ("P3", breakdown(twoItems, leader)),  // two items short
            ("P4", breakdown(LevelFixtures.all(4, in: field), leader)),  // level 4: qualifies
            ("P5", breakdown(LevelFixtures.all(3, in: field), [])),  // below 3, one condition (scale) short of 3
        ]
        let staffing = people.map { number, breakdown in
            Self.person(
                number, levels: breakdown.attainedLevel.map { [reference: $0] } ?? [:], breakdowns: [reference: breakdown])
        }
        let result = StaffingCheck.evaluate(
            lines: [StaffingLine(field: reference, minimumLevel: 4, count: 3)], people: staffing)
        let line = result.lines[0]
        #expect(Self.numbers(line) == ["P4"])
        #expect(line.shortfall == 2)
        #expect(line.near.map(\.person.employeeNumber) == ["P1", "P2"])
        guard line.near.count == 2 else { return }
        #expect(
            line.near[0].lack
                == .condition(
                    level: 4, .item(name: "Negotiation", rating: 3, needed: 4, text: LevelFixtures.text("Negotiation", 4))))
        guard case let .condition(level, .scale(scaleLevel, _, _, _)) = line.near[1].lack else {
            Issue.record("P2 should lack the scale condition, got \(line.near[1].lack)")
            return
        }
        #expect(level == 4 && scaleLevel == 4)
        // For level 3, P5 (no record) is the one condition away; the others hold 3 and are counted.
        let three = StaffingCheck.evaluate(
            lines: [StaffingLine(field: reference, minimumLevel: 3, count: 5)], people: staffing)
        #expect(Self.numbers(three.lines[0]) == ["P1", "P2", "P3", "P4"])
        #expect(three.lines[0].near.map(\.person.employeeNumber) == ["P5"])
        // A level the field does not define nobody can be near to.
        #expect(NearCandidacy.lack(people[0].1, toReach: 6) == nil)
        #expect(NearCandidacy.nextLevelLack(people[0].1)?.summary == "Negotiation: rated 3, needs 4")
        #expect(NearCandidacy.nextLevelLack(people[2].1) == nil)
        #expect(NearCandidacy.nextLevelLack(people[3].1) == nil)  // level 5 misses three items and the record
    }

    @Test("near candidates are listed up to the limit, with the total")
    func nearLimit() {
        let line = StaffingLine(field: Self.desk, minimumLevel: 3, count: 1, role: .leader)
        let people = (1...5).map { Self.person("P\($0)", levels: [Self.desk: 3]) }
        let result = StaffingCheck.evaluate(lines: [line], people: people, nearLimit: 2)
        #expect(result.lines[0].near.map(\.person.employeeNumber) == ["P1", "P2"])
        #expect(result.lines[0].nearTotal == 5)
        #expect(result.lines[0].reasons.last == "… and 3 more near candidate(s)")
    }

    @Test("line texts: FIELD:LEVEL:COUNT[:ROLE], fields with colons, bounds")
    func lineSpecs() throws {
        #expect(
            try StaffingLineSpec(parsing: "Service Desk:4:1")
                == StaffingLineSpec(field: "Service Desk", minimumLevel: 4, count: 1))
        #expect(
            try StaffingLineSpec(parsing: "V3:Service Desk:3:2:responsible")
                == StaffingLineSpec(field: "V3:Service Desk", minimumLevel: 3, count: 2, role: .responsiblePerson))
        #expect(try StaffingLineSpec(parsing: "Operation:3:2:leader").text == "Operation:3:2:leader")
        for bad in ["Service Desk", "Service Desk:4", ":4:1", "Desk:9:1", "Desk:4:0", "Desk:4:1:boss", "Desk:x:1"] {
            #expect(throws: InputError.self, "\(bad)") { try StaffingLineSpec(parsing: bad, field: "--line") }
        }
        #expect(throws: InputError.self) { try StaffingLineSpec.validate(name: "Empty", lines: []) }
        #expect(throws: InputError.self) {
            try StaffingLineSpec.validate(name: " ", lines: [StaffingLineSpec(field: "D", minimumLevel: 3, count: 1)])
        }
    }

    // MARK: - Properties of the matching

    /// A random instance: 1–4 lines of capacity 0–3, 0–7 people with random eligibility.
    static func instance(_ random: inout SeededRandom) -> (capacities: [Int], eligible: [[Int]], people: Int) {
        let lines = random.int(1...4)
        let people = random.int(0...7)
        let capacities = (0..<lines).map { _ in random.int(0...3) }
        let density = Double(random.int(1...9)) / 10
        let eligible = (0..<lines).map { _ in (0..<people).filter { _ in random.chance(density) } }
        return (capacities, eligible, people)
    }

    /// The largest assignment by trying every line (or none) for every person.
    static func bruteForceMaximum(capacities: [Int], eligible: [[Int]], people: Int) -> Int {
        var best = 0
        var load = [Int](repeating: 0, count: capacities.count)
        func place(_ person: Int, _ filled: Int) {
            if person == people {
                best = max(best, filled)
                return
            }
            place(person + 1, filled)
            for line in capacities.indices where load[line] < capacities[line] && eligible[line].contains(person) {
                load[line] += 1
                place(person + 1, filled + 1)
                load[line] -= 1
            }
        }
        place(0, 0)
        return best
    }

    @Test("the matching is as large as the brute-force maximum, uses nobody twice and only eligible people")
    func matchingProperties() {
        var random = SeededRandom(seed: 8)
        for _ in 0..<1_500 {
            let (capacities, eligible, people) = Self.instance(&random)
            let assigned = StaffingCheck.assign(capacities: capacities, eligible: eligible, peopleCount: people)
            let everyone = assigned.flatMap { $0 }
            #expect(everyone.count == Set(everyone).count, "someone used twice: \(assigned)")
            for line in assigned.indices {
                #expect(assigned[line].count <= capacities[line])
                #expect(assigned[line].allSatisfy { eligible[line].contains($0) }, "\(eligible) → \(assigned)")
            }
            #expect(
                everyone.count == Self.bruteForceMaximum(capacities: capacities, eligible: eligible, people: people),
                "capacities \(capacities), eligible \(eligible) → \(assigned)")
        }
    }

    @Test("every counted person qualifies for their line, and the result's totals add up")
    func checkProperties() {
        var random = SeededRandom(seed: 9)
        let fields = [Self.desk, Self.ops]
        for _ in 0..<500 {
            let lines = (0..<random.int(1...4)).map { _ in
                StaffingLine(
                    field: random.pick(fields) ?? Self.desk, minimumLevel: random.int(1...5), count: random.int(1...3),
                    role: random.chance(0.3) ? random.pick(Role.allCases) : nil)
            }
            let people = (0..<random.int(0...8)).map { index in
                var levels: [FieldReference: Int] = [:]
                var roles: [FieldReference: Role] = [:]
                for field in fields {
                    if random.chance(0.7) { levels[field] = random.int(1...5) }
                    if random.chance(0.5) { roles[field] = random.pick(Role.allCases) }
                }
                return Self.person("P\(index)", levels: levels, roles: roles)
            }
            let result = StaffingCheck.evaluate(lines: lines, people: people)
            let byNumber = Dictionary(uniqueKeysWithValues: people.map { ($0.employeeNumber, $0) })
            let counted = result.lines.flatMap { $0.counted.map(\.person.employeeNumber) }
            #expect(counted.count == Set(counted).count, "someone counted twice")
            for line in result.lines {
                #expect(line.counted.count <= line.line.count)
                for person in line.counted.compactMap({ byNumber[$0.person.employeeNumber] }) {
                    #expect(StaffingCheck.qualifies(person, for: line.line))
                }
                for near in line.near {
                    #expect(!counted.contains(near.person.employeeNumber))
                    if let person = byNumber[near.person.employeeNumber] {
                        #expect(!StaffingCheck.qualifies(person, for: line.line))
                    }
                }
            }
            let maximum = Self.bruteForceMaximum(
                capacities: lines.map(\.count),
                eligible: lines.map { line in people.indices.filter { StaffingCheck.qualifies(people[$0], for: line) } },
                people: people.count)
            #expect(result.filled == maximum)
        }
    }
}
