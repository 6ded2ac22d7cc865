/// The shape of a demo organisation: company → divisions → departments → teams, people in teams (the first of
/// each team leads it and evaluates its members) and one head of evaluation at the company, who approves the
/// assessments. A function of the people count and the seed.
struct DemoPlan {
    struct Unit {
        var code: String
        var name: String
        /// Index of the parent in `units`; nil for the company.
        var parent: Int?
    }

    struct Team {
        /// Index in `units`.
        var unit: Int
        /// Person numbers (1-based) of the first member, the lead, and one past the last.
        var first: Int
        var end: Int
    }

    var units: [Unit] = []
    var teams: [Team] = []
    let prefix: String

    init(people: Int, seed: UInt64, prefix: String) {
        self.prefix = prefix
        var random = SplitMix64(seed: seed ^ 0x4F52_4753)
        units.append(Unit(code: "\(prefix)HQ", name: "Demo Company", parent: nil))
        // Team sizes first (20–200 people, a short last one joins the one before), then departments of 2–6 teams and
        // divisions of 2–5 departments.
        var sizes: [Int] = []
        var remaining = max(people - 1, 1)
        while remaining > 0 {
            let size = min(random.int(20...200), remaining)
            if size < 20, !sizes.isEmpty { sizes[sizes.count - 1] += size } else { sizes.append(size) }
            remaining -= size
        }
        var next = 2  // person 1 is the head of evaluation
        var teamIndex = 0
        var division = 0
        while teamIndex < sizes.count {
            division += 1
            let divisionTheme = DemoNames.unitThemes[(division - 1) % DemoNames.unitThemes.count]
            let divisionCode = "\(prefix)DIV\(Self.two(division))"
            units.append(Unit(code: divisionCode, name: "\(divisionTheme) Division", parent: 0))
            let divisionUnit = units.count - 1
            for department in 1...random.int(2...5) where teamIndex < sizes.count {
                let departmentCode = "\(divisionCode)-D\(Self.two(department))"
                units.append(
                    Unit(
                        code: departmentCode, name: "\(divisionTheme) \(random.pick(DemoNames.places))",
                        parent: divisionUnit))
                let departmentUnit = units.count - 1
                for team in 1...random.int(2...6) where teamIndex < sizes.count {
                    units.append(
                        Unit(code: "\(departmentCode)-T\(Self.two(team))", name: "Team \(team)", parent: departmentUnit))
                    teams.append(Team(unit: units.count - 1, first: next, end: next + sizes[teamIndex]))
                    next += sizes[teamIndex]
                    teamIndex += 1
                }
            }
        }
    }

    private static func two(_ number: Int) -> String { number < 10 ? "0\(number)" : "\(number)" }

    func employeeNumber(_ person: Int) -> String {
        let digits = String(person)
        return "D" + prefix + String(repeating: "0", count: max(0, 6 - digits.count)) + digits
    }
}
