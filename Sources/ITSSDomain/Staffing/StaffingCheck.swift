/// A person as the staffing check sees them: official levels and verified roles per field (as of the check's
/// date), and — for people who might be one condition short — the level rule's breakdowns.
public struct StaffingPerson: Sendable, Hashable {
    public var personID: Int64
    public var employeeNumber: String
    public var name: String
    /// The official level per field; a field not listed means no level.
    public var levels: [FieldReference: Int]
    /// The most senior role of the person's verified experience records per field.
    public var roles: [FieldReference: Role]
    /// The official breakdown per field, where it was computed (only people who may be near a line need one).
    public var breakdowns: [FieldReference: LevelBreakdown]

    public init(
        personID: Int64, employeeNumber: String, name: String, levels: [FieldReference: Int] = [:],
        roles: [FieldReference: Role] = [:], breakdowns: [FieldReference: LevelBreakdown] = [:]
    ) {
        self.personID = personID
        self.employeeNumber = employeeNumber
        self.name = name
        self.levels = levels
        self.roles = roles
        self.breakdowns = breakdowns
    }

    /// Who the person is, without their levels.
    public var reference: StaffingPersonReference {
        StaffingPersonReference(personID: personID, employeeNumber: employeeNumber, name: name)
    }
}

/// A person named in a check's result.
public struct StaffingPersonReference: Codable, Sendable, Hashable {
    public var personID: Int64
    public var employeeNumber: String
    public var name: String

    public init(personID: Int64, employeeNumber: String, name: String) {
        self.personID = personID
        self.employeeNumber = employeeNumber
        self.name = name
    }
}

/// What a near candidate lacks to fill a line: one condition of the level rule, or the required track record.
public enum StaffingLack: Codable, Sendable, Hashable {
    /// The one unmet condition of the level the line asks for (from the level rule's breakdown).
    case condition(level: Int, UnmetCondition)
    /// A verified experience record in the line's field with this role (or a more senior one).
    case role(Role)

    /// `Leadership: rated 2, needs 3`, or `verified track record as responsible person in Service Desk`.
    public func summary(field: FieldReference) -> String {
        switch self {
        case let .condition(_, condition): condition.summary
        case let .role(role): "verified track record as \(role.label) in \(field.field)"
        }
    }
}

/// A person counted on a line, with why they qualify.
public struct StaffingCounted: Codable, Sendable, Hashable {
    public var person: StaffingPersonReference
    /// Their official level in the line's field.
    public var level: Int
    /// Their most senior verified role in the field, when the line asks for one.
    public var role: Role?

    /// `level 4 ≥ 4, verified responsible person ≥ leader`.
    public func reason(for line: StaffingLine) -> String {
        "level \(level) ≥ \(line.minimumLevel)"
            + (line.role.map { required in "; verified \(role?.label ?? "–") ≥ \(required.label)" } ?? "")
    }
}

/// Someone not counted anywhere who would fill a slot of a short line with one thing more.
public struct StaffingNearCandidate: Codable, Sendable, Hashable {
    public var person: StaffingPersonReference
    public var lack: StaffingLack
}

/// One line of the check: who is counted, how many are missing and who is one condition away.
public struct StaffingLineResult: Sendable, Hashable {
    /// The line's position in the requirement (0-based).
    public var index: Int
    public var line: StaffingLine
    /// The people counted on this line, in employee-number order; never more than `line.count`.
    public var counted: [StaffingCounted]
    /// How many people of the unit qualify for the line at all (some may be counted on another line).
    public var qualifying: Int
    /// `line.count - counted.count`.
    public var shortfall: Int { line.count - counted.count }
    /// People not counted on any line who lack exactly one thing for this line, in employee-number order; only
    /// for lines with a shortfall, at most `nearLimit` of them.
    public var near: [StaffingNearCandidate]
    /// How many near candidates there are in all (`near` may hold fewer).
    public var nearTotal: Int

    /// The reasons in words: one line per counted person, the shortfall, one line per near candidate.
    public var reasons: [String] {
        var lines = counted.map { "\($0.person.employeeNumber) \($0.person.name): \($0.reason(for: line))" }
        guard shortfall > 0 else { return lines }
        lines.append(
            "short by \(shortfall): \(counted.count) of \(line.count) filled; \(qualifying) of the unit qualify"
                + (qualifying > counted.count ? ", the others are counted on other lines" : ""))
        for candidate in near {
            lines.append(
                "near: \(candidate.person.employeeNumber) \(candidate.person.name) lacks \(candidate.lack.summary(field: line.field))"
            )
        }
        if nearTotal > near.count { lines.append("… and \(nearTotal - near.count) more near candidate(s)") }
        return lines
    }
}

/// The outcome of a staffing check.
public struct StaffingCheckResult: Sendable, Hashable {
    public var lines: [StaffingLineResult]
    /// Slots asked for in all lines.
    public var required: Int { lines.reduce(0) { $0 + $1.line.count } }
    /// Slots filled.
    public var filled: Int { lines.reduce(0) { $0 + $1.counted.count } }
    /// Whether every line is filled.
    public var isStaffed: Bool { filled == required }
}

extension StaffingLineResult: Encodable {
    private enum CodingKeys: String, CodingKey {
        case index, line, counted, qualifying, shortfall, near, nearTotal, reasons
    }

    /// A near candidate as encoded: with what they lack in words.
    private struct EncodedNear: Encodable {
        var person: StaffingPersonReference
        var lack: StaffingLack
        var lacks: String
    }

    /// Encodes the line with its shortfall and reasons spelt out, for JSON output.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(index, forKey: .index)
        try container.encode(line, forKey: .line)
        try container.encode(counted, forKey: .counted)
        try container.encode(qualifying, forKey: .qualifying)
        try container.encode(shortfall, forKey: .shortfall)
        try container.encode(
            near.map { EncodedNear(person: $0.person, lack: $0.lack, lacks: $0.lack.summary(field: line.field)) }, forKey: .near)
        try container.encode(nearTotal, forKey: .nearTotal)
        try container.encode(reasons, forKey: .reasons)
    }
}

extension StaffingCheckResult: Encodable {
    private enum CodingKeys: String, CodingKey {
        case lines, required, filled, staffed
    }

    /// Encodes the lines with the totals spelt out, for JSON output.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(lines, forKey: .lines)
        try container.encode(required, forKey: .required)
        try container.encode(filled, forKey: .filled)
        try container.encode(isStaffed, forKey: .staffed)
    }
}

/// The staffing check: fills a requirement's lines from a unit's people so that as many slots as possible are
/// filled (a maximum bipartite matching of people to line slots — each person on at most one slot), then names,
/// for each short line, the people one condition away. Pure and deterministic: ties go to the lower employee
/// number and the earlier line.
public enum StaffingCheck {
    /// The default number of near candidates listed per short line.
    public static let defaultNearLimit = 10

    /// Whether the person holds the line's level in its field and, if it asks for one, the role in verified
    /// track record there.
    public static func qualifies(_ person: StaffingPerson, for line: StaffingLine) -> Bool {
        levelMet(person, line) && roleMet(person, line)
    }

    static func levelMet(_ person: StaffingPerson, _ line: StaffingLine) -> Bool {
        (person.levels[line.field] ?? 0) >= line.minimumLevel
    }

    static func roleMet(_ person: StaffingPerson, _ line: StaffingLine) -> Bool {
        guard let required = line.role else { return true }
        guard let held = person.roles[line.field] else { return false }
        return held >= required
    }

    /// What the person lacks for the line when it is exactly one thing: the role (level held), or the one
    /// unmet condition of the level (role held or not asked, breakdown given). `nil` when they qualify or lack
    /// more.
    public static func lack(_ person: StaffingPerson, for line: StaffingLine) -> StaffingLack? {
        switch (levelMet(person, line), roleMet(person, line)) {
        case (true, true), (false, false): return nil
        case (true, false): return line.role.map(StaffingLack.role)
        case (false, true):
            guard let breakdown = person.breakdowns[line.field],
                let condition = NearCandidacy.lack(breakdown, toReach: line.minimumLevel),
                let target = breakdown.nextLevel
            else { return nil }
            return .condition(level: target, condition)
        }
    }

    /// Checks the lines against the people.
    /// - Parameters:
    ///   - lines: The requirement's lines, in their order.
    ///   - people: The unit's people that matter: those holding a line's level, and those who may be near one
    ///     (with breakdowns). Order does not matter; employee numbers break ties.
    ///   - nearLimit: Near candidates listed per short line.
    public static func evaluate(
        lines: [StaffingLine], people: [StaffingPerson], nearLimit: Int = defaultNearLimit
    ) -> StaffingCheckResult {
        let people = people.sorted { $0.employeeNumber < $1.employeeNumber }
        let eligible = lines.map { line in people.indices.filter { qualifies(people[$0], for: line) } }
        let assignment = assign(capacities: lines.map(\.count), eligible: eligible, peopleCount: people.count)
        var used = Set<Int>()
        for assigned in assignment { used.formUnion(assigned) }
        let results = lines.enumerated().map { index, line -> StaffingLineResult in
            let counted = assignment[index].sorted().map { position in
                let person = people[position]
                return StaffingCounted(
                    person: person.reference, level: person.levels[line.field] ?? 0,
                    role: line.role == nil ? nil : person.roles[line.field])
            }
            var near: [StaffingNearCandidate] = []
            var nearTotal = 0
            if counted.count < line.count {
                for position in people.indices where !used.contains(position) {
                    guard let lack = lack(people[position], for: line) else { continue }
                    nearTotal += 1
                    if near.count < nearLimit {
                        near.append(StaffingNearCandidate(person: people[position].reference, lack: lack))
                    }
                }
            }
            return StaffingLineResult(
                index: index, line: line, counted: counted, qualifying: eligible[index].count, near: near,
                nearTotal: nearTotal)
        }
        return StaffingCheckResult(lines: results)
    }

    /// A maximum assignment of people to lines: line `l` takes at most `capacities[l]` people from
    /// `eligible[l]`, each person at most one line, as many in all as possible.
    ///
    /// Augmenting paths over lines (Ford–Fulkerson on the line graph; a line's identical slots share one node):
    /// each slot is filled with the first free eligible person in the given order, else by moving a person from
    /// another line that can take a replacement, recursively. A slot that finds no augmenting path never will
    /// later, so one pass over the slots is maximum. Deterministic for a given input order.
    /// - Returns: Per line, the positions of the people assigned to it.
    public static func assign(capacities: [Int], eligible: [[Int]], peopleCount: Int) -> [[Int]] {
        var matcher = Matcher(eligible: eligible, peopleCount: peopleCount)
        for line in capacities.indices {
            for _ in 0..<max(capacities[line], 0) {
                var visited = [Bool](repeating: false, count: capacities.count)
                if !matcher.augment(from: line, visited: &visited) { break }
            }
        }
        return matcher.assigned
    }

    /// The state of `assign`.
    struct Matcher {
        let eligible: [[Int]]
        /// Per line, whether a person (by position) is eligible.
        let isEligible: [[Bool]]
        /// Per line, the first position in `eligible[line]` that may still be free (people never become free again).
        var cursor: [Int]
        var owner: [Int?]
        var assigned: [[Int]]

        init(eligible: [[Int]], peopleCount: Int) {
            self.eligible = eligible
            isEligible = eligible.map { positions in
                var flags = [Bool](repeating: false, count: peopleCount)
                for position in positions where flags.indices.contains(position) { flags[position] = true }
                return flags
            }
            cursor = [Int](repeating: 0, count: eligible.count)
            owner = [Int?](repeating: nil, count: peopleCount)
            assigned = [[Int]](repeating: [], count: eligible.count)
        }

        /// Gives `line` one more person, moving others along an augmenting path if needed.
        mutating func augment(from line: Int, visited: inout [Bool]) -> Bool {
            visited[line] = true
            while cursor[line] < eligible[line].count {
                let person = eligible[line][cursor[line]]
                if owner.indices.contains(person), owner[person] == nil {
                    owner[person] = line
                    assigned[line].append(person)
                    return true
                }
                cursor[line] += 1
            }
            for other in assigned.indices where !visited[other] {
                // A person of `other` who could move here; `other` then needs a replacement.
                guard let person = assigned[other].filter({ isEligible[line][$0] }).min() else { continue }
                if augment(from: other, visited: &visited) {
                    assigned[other].removeAll { $0 == person }
                    owner[person] = line
                    assigned[line].append(person)
                    return true
                }
            }
            return false
        }
    }
}
