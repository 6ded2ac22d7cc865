import Foundation
import ITSSDomain
import ITSSImport
import ITSSTestSupport
import SQLKit
import Testing

@testable import ITSSStorage

/// The stored tally (`SkillMapTally`) gives exactly the counts that counting each person × field pair gives
/// (`skillMapCountsFromPairs`), after every step of a random history of new people, new fields, assessments,
/// moves and deactivations — written through the use cases, through raw SQL in a transaction, and outside any
/// transaction.
@Suite("Skill map tally (storage)")
struct SkillMapTallyStorageTests {
    static let admin = Principal.operator(systemUser: "test")
    static let steps = 40

    /// Every filter the tally answers: now on both bases, and as of each given day for the whole organisation;
    /// active people only and everyone; the whole organisation and each unit (now).
    static func compareAll(_ database: AppDatabase, days: [Day], step: String) async throws {
        var scopes = [try await database.skillMapScope(orgUnit: nil, for: admin)]
        for unit in ["OPS", "OPS-SD", "OPS-SD-N", "DEV"] {
            scopes.append(try await database.skillMapScope(orgUnit: unit, for: admin))
        }
        let fields = [try await database.fieldID(SkillMapFixture.v2ServiceDesk)]
        var filters: [(SkillMapScope, SkillMapFilter)] = []
        for inactive in [false, true] {
            for scope in scopes {
                for basis in SkillMapBasis.allCases {
                    filters.append((scope, SkillMapFilter(basis: basis, includeInactive: inactive)))
                }
                filters.append((scope, SkillMapFilter(fieldIDs: fields, includeInactive: inactive)))
            }
            for day in days {
                filters.append((scopes[0], SkillMapFilter(asOf: day, includeInactive: inactive)))
            }
            filters.append((scopes[0], SkillMapFilter(asOf: days.last, fieldIDs: fields, includeInactive: inactive)))
        }
        for (scope, filter) in filters {
            let tally = try await database.skillMapCountsFromTally(scope, filter: filter)
            let pairs = try await database.skillMapCountsFromPairs(scope, filter: filter)
            #expect(
                tally == pairs,
                "\(step): \(scope.unit?.code ?? "whole"), \(filter.basis), as of \(filter.asOf?.description ?? "now"), inactive \(filter.includeInactive)"
            )
        }
    }

    /// `SkillMapFixture`'s organisation, with the clock it was built by (at its "today").
    static func withOrganisation(_ backend: TestBackend, _ body: (AppDatabase, TestClock) async throws -> Void) async throws {
        let clock = TestClock(SkillMapFixture.registered)
        try await backend.withDatabase(now: { clock.now }) { database in
            try await Fixtures.seed(database)
            try await SkillMapFixture.build(database, clock: clock)
            try await body(database, clock)
        }
    }

    static func timestamp(_ date: Date) -> String {
        ISO8601DateFormatter().string(from: date)
    }

    @Test("the tally equals counting every pair, after each step of a random history", arguments: TestBackend.enabled)
    func randomHistory(backend: TestBackend) async throws {
        try await Self.withOrganisation(backend) { database, clock in
            var random = SplitMix64(seed: 0x7A11_0008)
            var days = ["2025-11-30", "2025-12-01", "2026-01-14", "2026-01-15", "2026-04-10", "2026-04-20"].compactMap(Day.init)
            var people = ["E1001", "E2001", "E2002", "E2003", "E2004", "E2005"]
            let units = ["OPS", "OPS-SD", "OPS-SD-N"]
            let fields = [SkillMapFixture.v2ServiceDesk, Fixtures.serviceDesk]
            var cycles = (2027...2040).flatMap { ["\($0)H1", "\($0)H2"] }[...]
            var written = 0
            try await Self.compareAll(database, days: days, step: "the fixture")
            for step in 0..<Self.steps {
                clock.set(Self.timestamp(clock.now.addingTimeInterval(Double(random.int(0...12)) * 86_400)))
                if let today = Day(String(Self.timestamp(clock.now).prefix(10))), days.last != today { days.append(today) }
                let person = random.pick(people)
                let action: String
                switch random.int(0...6) {
                case 0:
                    let number = "R\(1000 + step)"
                    try await database.addPerson(
                        PersonForm(
                            employeeNumber: number, name: "Random \(step)", orgUnit: random.pick(units),
                            active: random.int(0...4) > 0, fields: random.int(0...2) > 0 ? [SkillMapFixture.v2ServiceDesk] : []),
                        actor: "test")
                    people.append(number)
                    action = "add \(number)"
                case 1:
                    let field = random.pick(fields)
                    action = "add \(field) to \(person)"
                    do {
                        try await database.addField(field, toPerson: person, actor: "test")
                    } catch StorageError.alreadyExists {}
                case 2, 3:
                    let field = random.pick(fields)
                    let level = random.int(0...5)
                    let approve = random.int(0...3) > 0
                    action = "assess \(person) in \(field) at \(level)\(approve ? "" : " (not approved)")"
                    do {
                        try await database.addField(field, toPerson: person, actor: "test")
                    } catch StorageError.alreadyExists {}
                    if let cycle = cycles.popFirst() {
                        try await SkillMapFixture.assess(
                            database, person, level: level, cycle: cycle, field: field, approve: approve)
                    }
                case 4:
                    // No use case moves people yet (imports create them); the triggers see any write.
                    let unit = random.pick(units)
                    action = "move \(person) to \(unit)"
                    try await database.transaction { sql in
                        try await sql.raw(
                            """
                            UPDATE people SET org_unit_id = (SELECT id FROM org_units WHERE code = \(bind: unit))
                            WHERE employee_number = \(bind: person)
                            """
                        ).run()
                    }
                case 5:
                    action = "toggle whether \(person) is active"
                    try await database.transaction { sql in
                        try await sql.raw(
                            "UPDATE people SET active = NOT active WHERE employee_number = \(bind: person)"
                        ).run()
                    }
                default:
                    // Outside a transaction, as a migration writes: the next read refreshes the tally first.
                    action = "drop \(person)'s V2 field outside a transaction"
                    try await database.sql().raw(
                        """
                        DELETE FROM person_fields WHERE field_id = \(bind: try await database.fieldID(SkillMapFixture.v2ServiceDesk))
                            AND person_id = (SELECT id FROM people WHERE employee_number = \(bind: person))
                        """
                    ).run()
                }
                written += 1
                try await Self.compareAll(database, days: days, step: "step \(step), \(action)")
            }
            #expect(written == Self.steps)
            let marks = try await database.sql().raw("SELECT COUNT(*) AS n FROM skill_map_dirty").first()?.decode(
                column: "n", as: Int.self)
            #expect(marks == 0, "every mark is refreshed")
        }
    }

    @Test("concurrent writers: every change reaches the tally", arguments: TestBackend.enabled)
    func concurrentWriters(backend: TestBackend) async throws {
        try await Self.withOrganisation(backend) { database, _ in
            let units = ["OPS", "OPS-SD", "OPS-SD-N", "DEV"]
            try await withThrowingTaskGroup(of: Void.self) { group in
                for number in 0..<24 {
                    group.addTask {
                        try await database.addPerson(
                            PersonForm(
                                employeeNumber: "C\(number)", name: "Concurrent \(number)", orgUnit: units[number % units.count],
                                fields: [SkillMapFixture.v2ServiceDesk]),
                            actor: "test")
                        // The same people moved by other transactions at the same time.
                        try await database.transaction { sql in
                            try await sql.raw(
                                """
                                UPDATE people SET org_unit_id = (SELECT id FROM org_units WHERE code = \(bind: units[(number + 1) % units.count]))
                                WHERE employee_number IN ('E2001', 'E2002', \(bind: "C\(number)"))
                                """
                            ).run()
                        }
                    }
                }
                try await group.waitForAll()
            }
            try await Self.compareAll(database, days: [Day("2026-04-20")].compactMap { $0 }, step: "after concurrent writes")
            let whole = try await database.skillMap(try await database.skillMapScope(orgUnit: nil, for: Self.admin))
            #expect(whole.people == 9 + 24)
        }
    }

    @Test("a bulk import leaves its people to be counted after it; a map read counts them first", arguments: TestBackend.enabled)
    func bulkImportCaughtUp(backend: TestBackend) async throws {
        try await Self.withOrganisation(backend) { database, _ in
            let count = SkillMapTally.refreshedInline + 1_500
            var csv = "employee_number,name,org_unit,fields\n"
            for number in 0..<count { csv += "B\(number),Bulk \(number),\(number % 2 == 0 ? "OPS-SD" : "DEV"),V2:Service desk\n" }
            try await database.importPeople(try SpreadsheetRows.people(Array(csv.utf8)), actor: "test")
            // PostgreSQL marks once per statement (people, then their fields): count the people.
            let marked = try await database.sql().raw("SELECT COUNT(DISTINCT person_id) AS n FROM skill_map_dirty").first()?
                .decode(column: "n", as: Int.self)
            #expect(marked == count, "more than refreshedInline people are left marked by the import")
            // The map reads only after catching up, a round at a time.
            let whole = try await database.skillMapScope(orgUnit: nil, for: Self.admin)
            #expect(try await database.skillMap(whole).people == 9 + count)
            #expect(try await database.sql().raw("SELECT id FROM skill_map_dirty LIMIT 1").first() == nil)
            try await Self.compareAll(database, days: [Day("2026-04-20")].compactMap { $0 }, step: "after the bulk import")
        }
    }

    @Test("a deleted person's share leaves the tally", arguments: TestBackend.enabled)
    func deletedPerson(backend: TestBackend) async throws {
        try await Self.withOrganisation(backend) { database, _ in
            let whole = try await database.skillMapScope(orgUnit: nil, for: Self.admin)
            let before = try await database.skillMap(whole)
            try await database.addPerson(
                PersonForm(employeeNumber: "X1", name: "Leaving", orgUnit: "OPS", fields: [SkillMapFixture.v2ServiceDesk]),
                actor: "test")
            #expect(try await database.skillMap(whole).people == before.people + 1)
            try await database.transaction { sql in
                try await sql.raw(
                    "DELETE FROM person_fields WHERE person_id = (SELECT id FROM people WHERE employee_number = 'X1')"
                )
                .run()
                try await sql.raw("DELETE FROM audit_log WHERE subject LIKE '%X1%'").run()
                try await sql.raw("DELETE FROM people WHERE employee_number = 'X1'").run()
            }
            #expect(try await database.skillMap(whole) == before)
            let shares = try await database.sql().raw(
                "SELECT COUNT(*) AS n FROM skill_map_shares WHERE person_id NOT IN (SELECT id FROM people)"
            ).first()?.decode(column: "n", as: Int.self)
            #expect(shares == 0)
        }
    }
}
