import Foundation
import ITSSDomain
import ITSSTestSupport
import Testing

@testable import ITSSStorage

/// Coverage, near candidates and staffing checks of the hand-made organisation (`StaffingFixtures`), exactly.
@Suite("Staffing and coverage in storage")
struct StaffingStorageTests {
    static func numbers(_ line: StaffingLineResult) -> [String] { line.counted.map(\.person.employeeNumber) }

    static func nearSummaries(_ line: StaffingLineResult) -> [String] {
        line.near.map { "\($0.person.employeeNumber): \($0.lack.summary(field: line.line.field))" }
    }

    @Test(
        "the check fills every line it can (where greedy would not), names each shortfall and near candidate",
        arguments: TestBackend.enabled)
    func checkToday(backend: TestBackend) async throws {
        let clock = TestClock()
        try await backend.withDatabase(now: { clock.now }) { database in
            try await StaffingFixtures.seed(database, clock: clock)
            let requirement = try await StaffingFixtures.saveRequirement(database)
            let report = try await database.checkStaffing(
                requirementID: requirement.id, orgUnitID: try await database.orgUnitID("OPS"))
            let lines = report.result.lines
            #expect(
                lines.map(\.line.summary) == [
                    "Service Desk ≥ 3 × 2", "Service Desk ≥ 4 × 2", "Operation ≥ 3 × 1",
                    "Service Desk ≥ 3 × 1 (responsible person)",
                ])
            // Greedy in line order would put S01 on line 1 and leave line 2 empty; the matching moves S01 to line 2.
            #expect(lines.map(Self.numbers) == [["S02", "S04"], ["S01"], ["S03"], []])
            #expect(lines.map(\.qualifying) == [5, 1, 2, 0])
            #expect(lines.map(\.shortfall) == [0, 1, 0, 1])
            #expect(report.result.filled == 4 && report.result.required == 6 && !report.result.isStaffed)
            #expect(lines[1].counted.map(\.level) == [4])
            #expect(
                lines.map(Self.nearSummaries) == [
                    [],
                    ["S07: Staffing: rated 3, needs 4"],
                    [],
                    [
                        "S05: Leadership: rated 0, needs 3",
                        "S06: verified track record as responsible person in Service Desk",
                        "S07: verified track record as responsible person in Service Desk",
                    ],
                ])
            #expect(lines[3].near.map(\.lack).first.map { if case .condition(3, _) = $0 { true } else { false } } == true)
            #expect(
                lines[1].reasons == [
                    "S01 Aiko Abe: level 4 ≥ 4",
                    "short by 1: 1 of 2 filled; 1 of the unit qualify",
                    "near: S07 Nana Goto lacks Staffing: rated 3, needs 4",
                ])
            // A sub-unit sees only its own people; DEV has X01.
            let night = try await database.checkStaffing(
                requirementID: requirement.id, orgUnitID: try await database.orgUnitID("OPS-SD-2"))
            #expect(night.result.lines.map(Self.numbers) == [[], [], ["S03"], []])
            #expect(night.result.lines.map(Self.nearSummaries)[3] == ["S05: Leadership: rated 0, needs 3"])
            let dev = try await database.checkStaffing(
                requirementID: requirement.id, orgUnitID: try await database.orgUnitID("DEV"))
            #expect(dev.result.lines.map(Self.numbers) == [["X01"], [], [], []])
        }
    }

    @Test("as of a past day, levels come from the level history", arguments: TestBackend.enabled)
    func checkAsOf(backend: TestBackend) async throws {
        let clock = TestClock()
        try await backend.withDatabase(now: { clock.now }) { database in
            try await StaffingFixtures.seed(database, clock: clock)
            let requirement = try await StaffingFixtures.saveRequirement(database)
            let ops = try await database.orgUnitID("OPS")
            let before = try await database.checkStaffing(
                requirementID: requirement.id, orgUnitID: ops, asOf: try #require(Day(StaffingFixtures.betweenWaves)))
            // Only the first wave: S01 could fill line 1 or 2, but not both; S02 takes line 1 either way.
            #expect(before.result.lines.map(Self.numbers) == [["S01", "S02"], [], ["S03"], []])
            #expect(before.result.lines.map(\.shortfall) == [0, 2, 0, 1])
            #expect(before.result.lines.allSatisfy { $0.near.isEmpty })
            #expect(before.asOf == Day(StaffingFixtures.betweenWaves))
            let early = try await database.checkStaffing(
                requirementID: requirement.id, orgUnitID: ops, asOf: try #require(Day("2025-12-31")))
            #expect(early.result.filled == 0)
            let today = try await database.checkStaffing(
                requirementID: requirement.id, orgUnitID: ops, asOf: try #require(Day("2026-03-02")))
            #expect(today.result.lines.map(Self.numbers) == [["S02", "S04"], ["S01"], ["S03"], []])
            #expect(today.result.lines.map(Self.nearSummaries)[3].count == 3)
        }
    }

    @Test("coverage counts per item and level, single points of failure, near candidates", arguments: TestBackend.enabled)
    func coverage(backend: TestBackend) async throws {
        try await backend.withDatabase { database in
            try await StaffingFixtures.seed(database)
            let ops = try await database.orgUnitID("OPS")
            let report = try await database.coverage(orgUnitID: ops)
            #expect(report.people == 10)  // M001, E1001, E1002, S01–S07, and not X02 (inactive)
            #expect(report.fields.map(\.field.field) == ["Operation", "Service Desk"])
            let desk = try #require(report.fields.first { $0.field.field == "Service Desk" })
            #expect(desk.assessed == 6)
            #expect(desk.items.count == 17)
            for item in desk.items {
                switch item.item {
                case "Leadership": #expect(item.ratedAtLeast == [5, 5, 5, 3, 0, 0, 0])
                case "Staffing": #expect(item.ratedAtLeast == [6, 6, 6, 2, 0, 0, 0])
                default: #expect(item.ratedAtLeast == [6, 6, 6, 3, 0, 0, 0], "\(item.item)")
                }
            }
            #expect(desk.singlePointsOfFailure.isEmpty)
            let operation = try #require(report.fields.first { $0.field.field == "Operation" })
            #expect(operation.assessed == 2)
            #expect(operation.items.count == 14)
            #expect(operation.items.allSatisfy { $0.ratedAtLeast == [2, 2, 2, 1, 0, 0, 0] })
            #expect(operation.singlePointsOfFailure.count == 14)
            let deskID = try await database.fieldID(StaffingFixtures.serviceDesk)
            let near = try await database.nearCandidates(orgUnitID: ops, fieldID: deskID, page: PageRequest(page: 1, perPage: 10))
            #expect(near.items.map(\.person.employeeNumber) == ["S04", "S05", "S07"])
            #expect(
                near.items.map(\.lack.summary) == [
                    "scale condition of level 4 (leader): best record #\(try await Self.recordID(database, "S04")) 2020-04-01…2021-03-31 (member): the role member is below the required leader",
                    "Leadership: rated 0, needs 3",
                    "Staffing: rated 3, needs 4",
                ])
            #expect(near.items.map(\.level) == [3, nil, 3])
            #expect(near.items.map(\.nextLevel) == [4, 3, 4])
            #expect(!near.hasMore)
            let paged = try await database.nearCandidates(orgUnitID: ops, fieldID: deskID, page: PageRequest(page: 2, perPage: 2))
            #expect(paged.items.map(\.person.employeeNumber) == ["S07"] && !paged.hasMore)
            let first = try await database.nearCandidates(orgUnitID: ops, fieldID: deskID, page: PageRequest(page: 1, perPage: 2))
            #expect(first.items.map(\.person.employeeNumber) == ["S04", "S05"] && first.hasMore)
            let operationNear = try await database.nearCandidates(
                orgUnitID: ops, fieldID: try await database.fieldID(StaffingFixtures.operation), page: PageRequest())
            #expect(operationNear.items.map(\.person.employeeNumber) == ["S01"])
            // One field only; a sub-unit.
            let night = try await database.coverage(orgUnitID: try await database.orgUnitID("OPS-SD-2"), fieldID: deskID)
            #expect(night.people == 2)
            #expect(night.fields.count == 1 && night.fields[0].assessed == 1)
            #expect(night.fields[0].singlePointsOfFailure.count == 17)
        }
    }

    static func recordID(_ database: AppDatabase, _ number: String) async throws -> Int64 {
        try #require(try await database.experience(of: number).first?.recordID)
    }

    @Test(
        "requirements: create, list, update with versions, stale versions refused, remove; all audited",
        arguments: TestBackend.enabled)
    func requirementWrites(backend: TestBackend) async throws {
        try await backend.withDatabase { database in
            try await Fixtures.seed(database)
            let hr = Principal(origin: .account(login: "hr"), role: .hr)
            let created = try await database.createStaffingRequirement(
                name: "Desk", lines: [StaffingLineSpec(field: "Service Desk", minimumLevel: 3, count: 2)], by: hr)
            #expect(created.version == 1 && created.lines.map(\.summary) == ["Service Desk ≥ 3 × 2"])
            #expect(created.lineSpecs.map(\.text) == ["V3 2008:Service Desk:3:2"])
            await #expect(throws: StorageError.alreadyExists(what: "staffing requirement \"Desk\"")) {
                try await database.createStaffingRequirement(
                    name: "Desk", lines: [StaffingLineSpec(field: "Service Desk", minimumLevel: 3, count: 2)], by: hr)
            }
            await #expect(throws: StorageError.self) {
                try await database.createStaffingRequirement(
                    name: "Bad", lines: [StaffingLineSpec(field: "Servise Desk", minimumLevel: 3, count: 1)], by: hr)
            }
            await #expect(throws: InputError.self) {
                try await database.createStaffingRequirement(name: "Empty", lines: [], by: hr)
            }
            let updated = try await database.updateStaffingRequirement(
                created.id, name: "Desk Tokyo",
                lines: [
                    StaffingLineSpec(field: "Service Desk", minimumLevel: 4, count: 1, role: .leader),
                    StaffingLineSpec(field: "Operation", minimumLevel: 3, count: 1),
                ], expectedVersion: 1, by: hr)
            #expect(updated.version == 2 && updated.name == "Desk Tokyo" && updated.lines.count == 2)
            await #expect(
                throws: StorageError.conflict(what: "staffing requirement \(created.id)", expectedVersion: 1, actualVersion: 2)
            ) {
                try await database.updateStaffingRequirement(
                    created.id, name: "Stale", lines: [StaffingLineSpec(field: "Operation", minimumLevel: 3, count: 1)],
                    expectedVersion: 1, by: hr)
            }
            #expect(try await database.staffingRequirementID("Desk Tokyo") == created.id)
            await #expect(throws: StorageError.notFound(what: "staffing requirement \"Desk Tokio\"", suggestions: ["Desk Tokyo"]))
            {
                try await database.staffingRequirementID("Desk Tokio")
            }
            let evaluator = Principal(
                origin: .account(login: "manager"), role: .evaluator, personID: try await database.personID("M001"),
                employeeNumber: "M001")
            await #expect(throws: StorageError.self) {
                try await database.createStaffingRequirement(
                    name: "Mine", lines: [StaffingLineSpec(field: "Operation", minimumLevel: 3, count: 1)], by: evaluator)
            }
            try await database.createStaffingRequirement(
                name: "Another", lines: [StaffingLineSpec(field: "Operation", minimumLevel: 3, count: 1)], by: hr)
            let page = try await database.staffingRequirements(page: PageRequest(page: 1, perPage: 1))
            #expect(page.total == 2 && page.items.map(\.name) == ["Another"])
            #expect(try await database.staffingRequirements(descending: true).items.map(\.name) == ["Desk Tokyo", "Another"])
            await #expect(throws: StorageError.self) {
                try await database.removeStaffingRequirement(created.id, expectedVersion: 1, by: hr)
            }
            try await database.removeStaffingRequirement(created.id, expectedVersion: 2, by: hr)
            await #expect(throws: StorageError.notFound(what: "staffing requirement \(created.id)")) {
                try await database.staffingRequirement(created.id)
            }
            let actions = try await database.auditLog(limit: 10).map(\.action)
            #expect(Array(actions.prefix(4)) == ["staffing.remove", "staffing.create", "staffing.update", "staffing.create"])
        }
    }

    @Test("an evaluator sees the units of their assignments and those below; an employee none", arguments: TestBackend.enabled)
    func unitAccess(backend: TestBackend) async throws {
        try await backend.withDatabase { database in
            try await StaffingFixtures.seed(database)
            let evaluator = Principal(
                origin: .account(login: "manager"), role: .evaluator, personID: try await database.personID("M001"),
                employeeNumber: "M001")
            let employee = Principal(
                origin: .account(login: "hanako"), role: .employee, personID: try await database.personID("E1001"),
                employeeNumber: "E1001")
            #expect(try await database.readableOrgUnits(principal: evaluator).map(\.code) == ["OPS", "OPS-SD", "OPS-SD-2"])
            #expect(try await database.readableOrgUnits(principal: employee).isEmpty)
            #expect(
                try await database.readableOrgUnits(principal: .system("test")).map(\.code) == [
                    "DEV", "OPS", "OPS-SD", "OPS-SD-2",
                ])
            #expect(try await database.readableOrgUnit("OPS-SD-2", principal: evaluator).code == "OPS-SD-2")
            await #expect(throws: StorageError.self) { try await database.readableOrgUnit("DEV", principal: evaluator) }
            await #expect(throws: StorageError.self) { try await database.readableOrgUnit("OPS", principal: employee) }
        }
    }
}
