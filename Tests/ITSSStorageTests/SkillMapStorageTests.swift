import Foundation
import ITSSDomain
import ITSSTestSupport
import Testing

@testable import ITSSStorage

/// The skill map of `SkillMapFixture`, checked cell by cell: whole organisation, OPS and its sub-unit OPS-SD, at
/// two dates and now, official and provisional; the drill-down, the comparison, the trends and the exports.
@Suite("Skill map (storage)")
struct SkillMapStorageTests {
    /// Expected counts of the two fields anyone works in; every other field's row must be all zeros.
    struct Expected {
        /// V2 Service desk, people at level 1…5.
        var v2: [Int]
        var v2None: Int
        /// V3 Service Desk: Hanako, assessed and below level 3.
        var v3Below: Int
        var people: Int
        var without: Int
        /// V3 Service Desk, not assessed (Hanako before her approval).
        var v3None = 0
    }

    static func check(
        _ map: SkillMap, _ expected: Expected, _ database: AppDatabase, sourceLocation: SourceLocation = #_sourceLocation
    ) async throws {
        let v2 = try await database.fieldID(SkillMapFixture.v2ServiceDesk)
        let v3 = try await database.fieldID(Fixtures.serviceDesk)
        #expect(map.people == expected.people, "people", sourceLocation: sourceLocation)
        #expect(map.withoutAssessment == expected.without, "without assessment", sourceLocation: sourceLocation)
        #expect(map.rows.count == 7, "every specialty field of both standards", sourceLocation: sourceLocation)
        for row in map.rows {
            switch row.fieldID {
            case v2:
                #expect(row.levels == expected.v2 + [0, 0], "V2 Service desk levels", sourceLocation: sourceLocation)
                #expect(row.below == 0, sourceLocation: sourceLocation)
                #expect(row.notAssessed == expected.v2None, "V2 Service desk not assessed", sourceLocation: sourceLocation)
                #expect(row.definedLevels == [1, 2, 3, 4, 5], sourceLocation: sourceLocation)
            case v3:
                #expect(row.levels == Array(repeating: 0, count: 7), sourceLocation: sourceLocation)
                #expect(row.below == expected.v3Below, "V3 Service Desk below", sourceLocation: sourceLocation)
                #expect(row.notAssessed == expected.v3None, sourceLocation: sourceLocation)
                #expect(row.definedLevels == [3, 4], sourceLocation: sourceLocation)
            default:
                #expect(row.total == 0, "\(row.field) is empty", sourceLocation: sourceLocation)
            }
        }
    }

    static func withOrganisation(_ backend: TestBackend, _ body: (AppDatabase) async throws -> Void) async throws {
        let clock = TestClock(SkillMapFixture.registered)
        try await backend.withDatabase(now: { clock.now }) { database in
            try await Fixtures.seed(database)
            try await SkillMapFixture.build(database, clock: clock)
            try await body(database)
        }
    }

    static let admin = Principal.operator(systemUser: "test")

    @Test("every cell of the whole organisation, OPS and OPS-SD, between the approval rounds, after them and now",
        arguments: TestBackend.enabled)
    func cells(backend: TestBackend) async throws {
        try await Self.withOrganisation(backend) { database in
            let whole = try await database.skillMapScope(orgUnit: nil, for: Self.admin)
            let ops = try await database.skillMapScope(orgUnit: "OPS", for: Self.admin)
            let team = try await database.skillMapScope(orgUnit: "OPS-SD", for: Self.admin)
            #expect(whole.unit == nil && whole.unitIDs == nil && whole.wholeOrganisation)
            #expect(ops.unitIDs?.count == 3)
            #expect(team.unitIDs?.count == 2)
            let first = SkillMapFilter(asOf: Day(SkillMapFixture.betweenRounds))
            let second = SkillMapFilter(asOf: Day(SkillMapFixture.afterRounds))
            // Whole organisation: everyone active (Emi is not), Fumi in DEV too.
            let wholeFirst = Expected(v2: [1, 2, 0, 0, 0], v2None: 2, v3Below: 1, people: 9, without: 5)
            let wholeSecond = Expected(v2: [1, 3, 0, 0, 0], v2None: 1, v3Below: 1, people: 9, without: 4)
            try await Self.check(try await database.skillMap(whole, filter: first), wholeFirst, database)
            try await Self.check(try await database.skillMap(whole, filter: second), wholeSecond, database)
            try await Self.check(try await database.skillMap(whole), wholeSecond, database)
            // OPS with OPS-SD and OPS-SD-N.
            let opsFirst = Expected(v2: [1, 1, 0, 0, 0], v2None: 2, v3Below: 1, people: 7, without: 4)
            let opsSecond = Expected(v2: [1, 2, 0, 0, 0], v2None: 1, v3Below: 1, people: 7, without: 3)
            try await Self.check(try await database.skillMap(ops, filter: first), opsFirst, database)
            try await Self.check(try await database.skillMap(ops, filter: second), opsSecond, database)
            try await Self.check(try await database.skillMap(ops), opsSecond, database)
            // The sub-unit OPS-SD with OPS-SD-N.
            let teamFirst = Expected(v2: [1, 0, 0, 0, 0], v2None: 2, v3Below: 1, people: 5, without: 3)
            let teamSecond = Expected(v2: [0, 2, 0, 0, 0], v2None: 1, v3Below: 1, people: 5, without: 2)
            try await Self.check(try await database.skillMap(team, filter: first), teamFirst, database)
            try await Self.check(try await database.skillMap(team, filter: second), teamSecond, database)
            try await Self.check(try await database.skillMap(team), teamSecond, database)
            // Before anything was approved: everyone not assessed; before anyone was registered: nobody.
            try await Self.check(
                try await database.skillMap(ops, filter: SkillMapFilter(asOf: Day("2026-01-14"))),
                Expected(v2: [0, 0, 0, 0, 0], v2None: 4, v3Below: 0, people: 7, without: 7, v3None: 1), database)
            let empty = try await database.skillMap(ops, filter: SkillMapFilter(asOf: Day("2025-11-30")))
            #expect(empty.people == 0 && empty.rows.allSatisfy { $0.total == 0 })
        }
    }

    @Test("inactive people count only when asked; provisional levels are a layer of their own", arguments: TestBackend.enabled)
    func inactiveAndProvisional(backend: TestBackend) async throws {
        try await Self.withOrganisation(backend) { database in
            let ops = try await database.skillMapScope(orgUnit: "OPS", for: Self.admin)
            try await Self.check(
                try await database.skillMap(
                    ops, filter: SkillMapFilter(asOf: Day(SkillMapFixture.betweenRounds), includeInactive: true)),
                Expected(v2: [2, 1, 0, 0, 0], v2None: 2, v3Below: 1, people: 8, without: 4), database)
            // Provisional: self ratings of the latest assessment. Dai's submitted self-assessment counts here only;
            // Hanako rated herself 4 without records: below level 3 still.
            let provisional = try await database.skillMap(ops, filter: SkillMapFilter(basis: .provisional))
            try await Self.check(
                provisional, Expected(v2: [1, 3, 0, 0, 0], v2None: 0, v3Below: 1, people: 7, without: 2), database)
            #expect(provisional.basis == .provisional)
            // The official map is unchanged by it.
            try await Self.check(
                try await database.skillMap(ops),
                Expected(v2: [1, 2, 0, 0, 0], v2None: 1, v3Below: 1, people: 7, without: 3), database)
            await #expect(throws: StorageError.self) {
                try await database.skillMap(
                    ops, filter: SkillMapFilter(asOf: Day(SkillMapFixture.betweenRounds), basis: .provisional))
            }
        }
    }

    @Test("filters by standard and field; the drill-down lists each cell's people, paged and sorted",
        arguments: TestBackend.enabled)
    func filtersAndPeople(backend: TestBackend) async throws {
        try await Self.withOrganisation(backend) { database in
            let v2 = try await database.fieldID(SkillMapFixture.v2ServiceDesk)
            let v2Fields = try #require(try await database.skillMapFieldIDs(standard: "V2", fields: []))
            #expect(v2Fields.count == 3 && v2Fields.contains(v2))
            #expect(try await database.skillMapFieldIDs(standard: nil, fields: ["V2:Service desk"]) == [v2])
            #expect(try await database.skillMapFieldIDs(standard: "V3", fields: ["V2:Service desk"]) == [])
            await #expect(throws: StorageError.self) { try await database.skillMapFieldIDs(standard: "V9", fields: []) }
            let ops = try await database.skillMapScope(orgUnit: "OPS", for: Self.admin)
            let only = try await database.skillMap(ops, filter: SkillMapFilter(fieldIDs: [v2]))
            #expect(only.rows.map(\.fieldID) == [v2])
            #expect(only.rows.first?.levels == [1, 2, 0, 0, 0, 0, 0])

            func numbers(_ filter: SkillMapFilter, _ cell: SkillMapCell, sort: SkillMapPeopleSort = .employeeNumber,
                descending: Bool = false, page: PageRequest = PageRequest()) async throws -> [String]
            {
                try await database.skillMapPeople(
                    ops, filter: filter, fieldID: v2, cell: cell, sort: sort, descending: descending, page: page
                ).items.map(\.employeeNumber)
            }
            let now = SkillMapFilter()
            #expect(try await numbers(now, .level(2)) == ["E2001", "E2003"])
            #expect(try await numbers(now, .level(2), descending: true) == ["E2003", "E2001"])
            #expect(try await numbers(now, .level(2), sort: .name) == ["E2001", "E2003"])
            #expect(try await numbers(now, .level(2), sort: .orgUnit) == ["E2001", "E2003"])
            #expect(try await numbers(now, .level(1)) == ["E2002"])
            #expect(try await numbers(now, .notAssessed) == ["E2004"])
            #expect(try await numbers(now, .below).isEmpty)
            let first = SkillMapFilter(asOf: Day(SkillMapFixture.betweenRounds))
            #expect(try await numbers(first, .level(1)) == ["E2001"])
            #expect(try await numbers(first, .level(2)) == ["E2002"])
            #expect(try await numbers(first, .notAssessed) == ["E2003", "E2004"])
            let paged = try await database.skillMapPeople(
                ops, filter: first, fieldID: v2, cell: .notAssessed, page: PageRequest(page: 2, perPage: 1))
            #expect(paged.total == 2 && paged.items.map(\.employeeNumber) == ["E2004"] && paged.pageCount == 2)
            let person = try #require(try await database.skillMapPeople(ops, fieldID: v2, cell: .level(1)).items.first)
            #expect(person.name == "Ben Kato" && person.orgUnitCode == "OPS" && person.level == 1 && person.active)
            let v3 = try await database.fieldID(Fixtures.serviceDesk)
            #expect(try await database.skillMapPeople(ops, fieldID: v3, cell: .below).items.map(\.employeeNumber) == ["E1001"])
        }
    }

    @Test("comparison of two dates and of two units lists exactly the cells that differ", arguments: TestBackend.enabled)
    func comparison(backend: TestBackend) async throws {
        try await Self.withOrganisation(backend) { database in
            let v2 = try await database.fieldID(SkillMapFixture.v2ServiceDesk)
            let v3 = try await database.fieldID(Fixtures.serviceDesk)
            let ops = try await database.skillMapScope(orgUnit: "OPS", for: Self.admin)
            let dev = try await database.skillMapScope(orgUnit: "DEV", for: Self.admin)
            let dates = SkillMapComparison(
                left: try await database.skillMap(ops, filter: SkillMapFilter(asOf: Day(SkillMapFixture.betweenRounds))),
                right: try await database.skillMap(ops))
            #expect(dates.differences.map { "\($0.fieldID == v2 ? "V2" : "?") \($0.cell) \($0.left)→\($0.right)" } == [
                "V2 2 1→2", "V2 none 2→1",
            ])
            let units = SkillMapComparison(left: try await database.skillMap(ops), right: try await database.skillMap(dev))
            #expect(
                units.differences.map { "\($0.fieldID == v2 ? "V2" : $0.fieldID == v3 ? "V3" : "?") \($0.cell) \($0.change)" }
                    == ["V2 1 -1", "V2 2 -1", "V2 none -1", "V3 below -1"])
        }
    }

    @Test("trends: levels at each quarter's end, who moved up or down, the median time from level 1 to 2",
        arguments: TestBackend.enabled)
    func trends(backend: TestBackend) async throws {
        try await Self.withOrganisation(backend) { database in
            let v2 = try await database.fieldID(SkillMapFixture.v2ServiceDesk)
            let ops = try await database.skillMapScope(orgUnit: "OPS", for: Self.admin)
            let trends = try await database.skillMapTrends(ops, quarters: 3)
            #expect(trends.quarters == ["2025Q4", "2026Q1", "2026Q2"])
            // Hanako never held a level: V3 Service Desk has no history. Only V2 Service desk moved.
            #expect(trends.fields.map(\.fieldID) == [v2])
            let field = try #require(trends.fields.first)
            #expect(field.points.map(\.levels) == [
                [0, 0, 0, 0, 0, 0, 0], [1, 1, 0, 0, 0, 0, 0], [1, 2, 0, 0, 0, 0, 0],
            ])
            #expect(field.points.map(\.movedUp) == [0, 2, 2])
            #expect(field.points.map(\.movedDown) == [0, 0, 1])
            // Aiko: level 1 on 2026-01-15, level 2 on 2026-04-10.
            #expect(field.steps == [SkillMapTrends.Step(from: 1, to: 2, people: 1, medianDays: 85)])
            // The quarter ends agree with the map as of those days.
            let march = try await database.skillMap(ops, filter: SkillMapFilter(asOf: Day("2026-03-31"), fieldIDs: [v2]))
            #expect(march.rows.first?.levels == field.points[1].levels)
            // With Emi (inactive): one more at level 1 from 2026Q1.
            let all = try await database.skillMapTrends(ops, includeInactive: true, quarters: 2)
            #expect(all.fields.first?.points.map(\.levels) == [[2, 1, 0, 0, 0, 0, 0], [2, 2, 0, 0, 0, 0, 0]])
            #expect(AppDatabase.median([(days: 10, count: 1), (days: 20, count: 1)]) == 15)
            #expect(AppDatabase.median([]) == nil)
        }
    }

    @Test("the exports read in batches give each person × field level and the latest approved ratings",
        arguments: TestBackend.enabled)
    func exports(backend: TestBackend) async throws {
        try await Self.withOrganisation(backend) { database in
            let team = try await database.skillMapScope(orgUnit: "OPS-SD", for: Self.admin)
            var rows: [LevelExportRow] = []
            var cursor: ExportCursor?
            var batches = 0
            repeat {
                let batch = try await database.levelExport(team, after: cursor, limit: 2)
                rows += batch.rows
                cursor = batch.next
                batches += 1
            } while cursor != nil
            #expect(batches == 3)
            #expect(rows.map { "\($0.employeeNumber) \($0.field.field) \($0.cell)" } == [
                "E1001 Service Desk below", "E2001 Service desk 2", "E2003 Service desk 2", "E2004 Service desk none",
            ])
            let first = try await database.levelExport(team, filter: SkillMapFilter(asOf: Day(SkillMapFixture.betweenRounds)))
            #expect(first.rows.map { "\($0.employeeNumber) \($0.cell)" } == ["E1001 below", "E2001 1", "E2003 none", "E2004 none"])
            #expect(first.next == nil)

            var ratings: [RatingExportRow] = []
            cursor = nil
            repeat {
                let batch = try await database.ratingExport(team, after: cursor, limit: 7)
                ratings += batch.rows
                cursor = batch.next
            } while cursor != nil
            let v2Items = try await database.catalogIndex().resolveField(SkillMapFixture.v2ServiceDesk).effective.items.count
            let v3Items = try await Fixtures.serviceDeskItems(database).count
            #expect(ratings.count == v3Items + 2 * v2Items)
            #expect(Set(ratings.map(\.employeeNumber)) == ["E1001", "E2001", "E2003"])
            // Aiko's latest approved assessment is 2026H1 (level 2), not 2025H2.
            #expect(Set(ratings.filter { $0.employeeNumber == "E2001" }.map(\.cycle)) == ["2026H1"])
            #expect(ratings.filter { $0.employeeNumber == "E2001" }.compactMap(\.evaluatorLevel).max() == 2)
            #expect(ratings.filter { $0.employeeNumber == "E1001" }.allSatisfy { $0.evaluatorLevel == 4 && $0.selfLevel == 4 })
        }
    }

    @Test("who may map what: HR everything, an evaluator the units assigned and their sub-units, an employee nothing",
        arguments: TestBackend.enabled)
    func access(backend: TestBackend) async throws {
        try await Self.withOrganisation(backend) { database in
            let hr = Principal(origin: .account(login: "hr"), role: .hr)
            #expect(try await database.skillMapScope(orgUnit: "DEV", for: hr).unit?.code == "DEV")
            let manager = Principal(
                origin: .account(login: "manager"), role: .evaluator, personID: try await database.personID("M001"),
                employeeNumber: "M001")
            let own = try await database.skillMapScope(orgUnit: nil, for: manager)
            #expect(own.unit?.code == "OPS" && !own.wholeOrganisation)
            #expect(own.choices.map(\.code) == ["OPS", "OPS-SD", "OPS-SD-N"])
            #expect(try await database.skillMapScope(orgUnit: "OPS-SD-N", for: manager).unitIDs?.count == 1)
            // Another unit answers like an unknown one.
            await #expect(throws: StorageError.notFound(what: "org unit \"DEV\"")) {
                try await database.skillMapScope(orgUnit: "DEV", for: manager)
            }
            await #expect(throws: StorageError.notFound(what: "org unit \"NOPE\"")) {
                try await database.skillMapScope(orgUnit: "NOPE", for: manager)
            }
            let employee = Principal(
                origin: .account(login: "hanako"), role: .employee, personID: try await database.personID("E1001"))
            await #expect(throws: StorageError.self) { try await database.skillMapScope(orgUnit: nil, for: employee) }
        }
    }
}
