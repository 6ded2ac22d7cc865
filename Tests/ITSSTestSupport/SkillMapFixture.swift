import Foundation
import ITSSDomain

@testable import ITSSStorage

/// A small hand-made organisation for the skill map, on top of `Fixtures.seed` (OPS > OPS-SD, M001 evaluating
/// OPS, E1001 and E1002 in OPS-SD), with approvals on two dates that change levels:
///
/// | person | unit | field | 2026-01-15 (cycle 2025H2) | 2026-04-10 (cycle 2026H1) |
/// | --- | --- | --- | --- | --- |
/// | E1001 Hanako | OPS-SD | V3 Service Desk | approved, all items 4, no records: below level 3 | – |
/// | E2001 Aiko | OPS-SD | V2 Service desk | approved level 1 | approved level 2 |
/// | E2002 Ben | OPS | V2 Service desk | approved level 2 | approved level 1 |
/// | E2003 Chie | OPS-SD-N (under OPS-SD) | V2 Service desk | – | approved level 2 |
/// | E2004 Dai | OPS-SD | V2 Service desk | – | self-assessed level 2, submitted only (provisional) |
/// | E2005 Emi (inactive) | OPS | V2 Service desk | approved level 1 | – |
/// | E3001 Fumi | DEV | V2 Service desk | approved level 2 (by M002) | – |
///
/// M001 (OPS), E1002 (OPS-SD) and M002 (DEV, evaluator of DEV) have no field and no assessment. Everyone is
/// registered on 2025-12-01; "today" is 2026-04-20.
public enum SkillMapFixture {
    public static let v2ServiceDesk = "V2:Service desk"
    public static let registered = "2025-12-01T09:00:00Z"
    public static let firstApprovals = "2026-01-15T10:00:00Z"
    public static let secondApprovals = "2026-04-10T10:00:00Z"
    public static let today = "2026-04-20T09:00:00Z"
    /// A date between the two rounds of approvals, and one after the second.
    public static let betweenRounds = "2026-01-31"
    public static let afterRounds = "2026-04-30"

    /// Builds the organisation in a database already seeded by `Fixtures.seed`, moving `clock` through the dates
    /// above (it ends at `today`).
    public static func build(_ database: AppDatabase, clock: TestClock) async throws {
        clock.set(registered)
        try await database.createOrgUnit(code: "OPS-SD-N", name: "Night shift", parentCode: "OPS-SD", actor: "test")
        try await database.createOrgUnit(code: "DEV", name: "Development", parentCode: nil, actor: "test")
        let people: [(String, String, String, Bool)] = [
            ("E2001", "Aiko Ito", "OPS-SD", true), ("E2002", "Ben Kato", "OPS", true),
            ("E2003", "Chie Mori", "OPS-SD-N", true), ("E2004", "Dai Ono", "OPS-SD", true),
            ("E2005", "Emi Ueda", "OPS", false), ("E3001", "Fumi Abe", "DEV", true),
        ]
        for (number, name, unit, active) in people {
            try await database.addPerson(
                PersonForm(employeeNumber: number, name: name, orgUnit: unit, active: active, fields: [v2ServiceDesk]),
                actor: "test")
        }
        try await database.addPerson(PersonForm(employeeNumber: "M002", name: "Goro Lead", orgUnit: "DEV"), actor: "test")
        try await database.assignEvaluator("M002", toOrgUnit: "DEV", actor: "test")

        clock.set(firstApprovals)
        try await Fixtures.approvedAssessment(database, cycle: "2025H2", selfLevel: 4, evaluatorLevel: 4)
        try await assess(database, "E2001", level: 1, cycle: "2025H2")
        try await assess(database, "E2002", level: 2, cycle: "2025H2")
        try await assess(database, "E2005", level: 1, cycle: "2025H2")
        try await assess(database, "E3001", level: 2, cycle: "2025H2", evaluator: "M002")

        clock.set(secondApprovals)
        try await assess(database, "E2001", level: 2, cycle: "2026H1")
        try await assess(database, "E2002", level: 1, cycle: "2026H1")
        try await assess(database, "E2003", level: 2, cycle: "2026H1")
        try await assess(database, "E2004", level: 2, cycle: "2026H1", approve: false)

        clock.set(today)
    }

    /// Rates every item of `field` at the highest level it defines up to `level` (self and evaluator alike),
    /// submits and — unless `approve` is false — approves.
    public static func assess(
        _ database: AppDatabase, _ person: String, level: Int, cycle: String, field: String = v2ServiceDesk,
        evaluator: String = "M001", approve: Bool = true
    ) async throws {
        guard let cycle = Cycle(cycle) else { throw StorageError.refused(reason: "bad test cycle \(cycle)") }
        let items = try await database.catalogIndex().resolveField(field).effective.items
        let started = try await database.startAssessment(of: person, field: field, cycle: cycle, actor: "test")
        for item in items {
            let rating = item.definedLevels.last { $0 <= level } ?? 0
            try await database.rate(assessment: started.id, item: item.name, level: rating, by: person, asEvaluator: false)
        }
        try await database.submitAssessment(started.id, by: person)
        guard approve else { return }
        for item in items {
            let rating = item.definedLevels.last { $0 <= level } ?? 0
            try await database.rate(assessment: started.id, item: item.name, level: rating, by: evaluator, asEvaluator: true)
        }
        try await database.approveAssessment(started.id, by: evaluator)
    }
}
