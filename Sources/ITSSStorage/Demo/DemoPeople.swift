import ITSSDomain
import ITSSImport

/// The people of a demo organisation and their import rows. Each person comes from a generator seeded by the demo
/// seed and their number, so the data do not depend on how the run is cut into chunks.
struct DemoPeople {
    struct Profile {
        var name: String
        var mail: String
        var joined: Day
        var fields: [CatalogIndex.FieldEntry]
        /// The level each field's ratings grow towards by the latest cycle.
        var aims: [Int]
    }

    struct Chunk {
        var people: [SpreadsheetRows.PersonRow] = []
        var ratings: [SpreadsheetRows.RatingRow] = []
        var records: [SpreadsheetRows.ExperienceRow] = []
    }

    /// A field's items with their defined levels, resolved once.
    private struct FieldItems {
        var name: String
        var items: [(name: String, levels: [Int])]
    }

    let plan: DemoPlan
    let seed: UInt64
    let fields: [CatalogIndex.FieldEntry]
    let teamOf: [Int]
    private let items: [Int64: FieldItems]
    private static let cycleStarts = ["2025-01-01", "2025-07-01", "2026-01-01"].compactMap(Day.init)
    private static let reasons = [
        "Not yet shown at this level in the period", "Evidence covers part of the item only",
        "Done with support from the team lead", "Agreed in the review meeting",
    ]

    init(plan: DemoPlan, seed: UInt64, fields: [CatalogIndex.FieldEntry], teamOf: [Int]) {
        self.plan = plan
        self.seed = seed
        self.fields = fields
        self.teamOf = teamOf
        var items: [Int64: FieldItems] = [:]
        for (position, field) in fields.enumerated() {
            items[field.id] = FieldItems(
                name: AppDatabase.demoFields[position], items: field.effective.items.map { ($0.name, $0.definedLevels) })
        }
        self.items = items
    }

    private func random(_ person: Int, _ stream: UInt64) -> SplitMix64 {
        SplitMix64(seed: seed &* 0x2545_F491_4F6C_DD1D &+ UInt64(person) &* 0x9E37_79B9_7F4A_7C15 &+ stream)
    }

    func profile(_ person: Int) -> Profile {
        var random = random(person, 1)
        let (name, mail) = DemoNames.person(&random)
        let joined: Day
        if random.chance(8) {
            joined = Day(year: 2025, month: random.int(1...11), day: random.int(1...28)) ?? Self.cycleStarts[0]
        } else {
            joined = Day(year: random.int(2000...2024), month: random.int(1...12), day: random.int(1...28)) ?? Self.cycleStarts[0]
        }
        var chosen = [random.pick(fields)]
        if random.chance(35) {
            let second = random.pick(fields)
            if second.id != chosen[0].id { chosen.append(second) }
        }
        // Most people are at levels 2–3; a few have reached 5.
        let aims = chosen.map { _ in
            switch random.int(0...99) {
            case 0..<15: 1
            case 15..<45: 2
            case 45..<75: 3
            case 75..<93: 4
            default: 5
            }
        }
        return Profile(name: name, mail: mail, joined: joined, fields: chosen, aims: aims)
    }

    func chunk(_ people: Range<Int>) -> Chunk {
        var chunk = Chunk()
        for person in people {
            let profile = profile(person)
            let number = plan.employeeNumber(person)
            let team = teamOf[person] >= 0 ? plan.teams[teamOf[person]] : nil
            let unit = team.map { plan.units[$0.unit].code } ?? plan.units[0].code
            chunk.people.append(
                SpreadsheetRows.PersonRow(
                    atLine: chunk.people.count + 2, employeeNumber: number, name: profile.name,
                    email: "\(profile.mail).\(person)@example.com", orgUnit: unit, joinedOn: profile.joined,
                    fields: profile.fields.compactMap { items[$0.id]?.name }))
            // The head of evaluation approves everyone else's assessments, so has none; team leads are verified by
            // them, members by their lead.
            guard person > 1 else { continue }
            let verifier = team.map { $0.first == person ? plan.employeeNumber(1) : plan.employeeNumber($0.first) }
            var random = random(person, 2)
            for (field, aim) in zip(profile.fields, profile.aims) {
                guard let fieldItems = items[field.id] else { continue }
                appendRatings(&chunk, number: number, field: fieldItems, aim: aim, joined: profile.joined, random: &random)
                appendRecords(
                    &chunk, number: number, field: fieldItems.name, aim: aim, joined: profile.joined, verifier: verifier,
                    random: &random)
            }
        }
        return chunk
    }

    /// Three cycles (those after the person joined), each item rated towards the aim, a level or so lower in earlier
    /// cycles; now and then the person rates themselves a level higher and the evaluator gives a reason.
    private func appendRatings(
        _ chunk: inout Chunk, number: String, field: FieldItems, aim: Int, joined: Day, random: inout SplitMix64
    ) {
        let lag = random.int(0...2)
        for (position, cycle) in AppDatabase.demoCycles.enumerated() where joined < Self.cycleStarts[position] {
            let level = max(1, aim - (lag * (2 - position) + 1) / 2)
            for item in field.items {
                let target = random.chance(25) ? level - 1 : level
                let evaluator = item.levels.last { $0 <= target } ?? 0
                var selfLevel = evaluator
                var reason: String?
                if random.chance(12), let higher = item.levels.first(where: { $0 > evaluator }) {
                    selfLevel = higher
                    reason = random.pick(Self.reasons)
                }
                chunk.ratings.append(
                    SpreadsheetRows.RatingRow(
                        atLine: chunk.ratings.count + 2, employeeNumber: number, field: field.name, cycle: cycle, item: item.name,
                        selfLevel: selfLevel, evaluatorLevel: evaluator, evaluatorReason: reason))
            }
        }
    }

    /// Up to three records whose role and scale fit the aim; about seven in ten verified.
    private func appendRecords(
        _ chunk: inout Chunk, number: String, field: String, aim: Int, joined: Day, verifier: String?,
        random: inout SplitMix64
    ) {
        for _ in 0..<(random.int(0...2) + (aim >= 3 ? 1 : 0)) {
            let role: Role = aim >= 5 ? .responsiblePerson : aim >= 3 && random.chance(70) ? .leader : .member
            let staff =
                switch role {
                case .member: random.int(3...30)
                case .leader: random.int(10...80)
                case .responsiblePerson: random.int(30...300)
                }
            let startYear = random.int(max(joined.year, 2005)...2025)
            let from = Day(year: startYear, month: random.int(1...12), day: 1) ?? joined
            let months = random.int(6...36)
            let endMonth = from.month + months
            let to =
                random.chance(20)
                ? nil : Day(year: min(from.year + (endMonth - 1) / 12, 2025), month: (endMonth - 1) % 12 + 1, day: 28)
            let customer = random.pick(DemoNames.customers)
            chunk.records.append(
                SpreadsheetRows.ExperienceRow(
                    atLine: chunk.records.count + 2, employeeNumber: number, field: field, role: role, from: from,
                    to: to.map { max($0, from) }, 
                    measures: [.peakStaff: Int64(staff), .annualContractYen: Int64(random.int(1...200)) * 10_000_000],
                    customer: customer,
                    description: "\(field.dropFirst(3)) for \(customer)",
                    verifiedBy: random.chance(70) ? verifier : nil))
        }
    }
}
