import Foundation
import ITSSDomain
import ITSSImport

@testable import ITSSStorage

/// A small hand-made organisation for coverage and staffing checks, on top of `Fixtures.seed`:
///
/// ```
/// OPS (M001 evaluates) ── OPS-SD ── OPS-SD-2          DEV (M002 evaluates)
/// ```
///
/// | person | unit | Service Desk (V3) | Operation (V3) | official levels |
/// | --- | --- | --- | --- | --- |
/// | S01 | OPS-SD | all 4, leader | all 4, member | SD 4; Operation 3 (4 lacks a leader record) |
/// | S02 | OPS-SD | all 3, member | – | SD 3 |
/// | S03 | OPS-SD-2 | – | all 3, member | Operation 3 |
/// | S04 | OPS-SD | all 4, member | – | SD 3 (4 lacks a leader record) |
/// | S05 | OPS-SD-2 | all 3 but Leadership 0, responsible person | – | below SD 3 (lacks Leadership 3) |
/// | S06 | OPS-SD | all 3, member | – | SD 3 |
/// | S07 | OPS-SD | all 4 but Staffing 3, leader | – | SD 3 (4 lacks Staffing 4) |
/// | X01 | DEV | all 4, leader | – | SD 4 (outside OPS) |
/// | X02 | OPS-SD, inactive | all 4, leader | – | SD 4 (inactive: never counted) |
///
/// The first wave (S01, S02, S03, X01, X02) is approved and verified at `firstWave`, the rest at `secondWave`.
public enum StaffingFixtures {
    public static let serviceDesk = "V3:Service Desk"
    public static let operation = "V3:Operation"
    public static let firstWave = "2026-01-10T09:00:00Z"
    public static let secondWave = "2026-03-01T09:00:00Z"
    /// A day between the waves.
    public static let betweenWaves = "2026-02-01"

    /// The requirement of the tests: lines 1–4 as `itss staffing add` takes them.
    public static let requirementName = "Service Desk Tokyo"
    public static let requirementLines = [
        "V3:Service Desk:3:2", "V3:Service Desk:4:2", "V3:Operation:3:1", "V3:Service Desk:3:1:responsible",
    ]

    struct Rated {
        var number: String
        var field: String
        var level: Int
        var except: [String: Int] = [:]
        var role: Role
    }

    static let first: [Rated] = [
        Rated(number: "S01", field: serviceDesk, level: 4, role: .leader),
        Rated(number: "S01", field: operation, level: 4, role: .member),
        Rated(number: "S02", field: serviceDesk, level: 3, role: .member),
        Rated(number: "S03", field: operation, level: 3, role: .member),
        Rated(number: "X02", field: serviceDesk, level: 4, role: .leader),
    ]
    static let outside: [Rated] = [Rated(number: "X01", field: serviceDesk, level: 4, role: .leader)]
    static let second: [Rated] = [
        Rated(number: "S04", field: serviceDesk, level: 4, role: .member),
        Rated(number: "S05", field: serviceDesk, level: 3, except: ["Leadership": 0], role: .responsiblePerson),
        Rated(number: "S06", field: serviceDesk, level: 3, role: .member),
        Rated(number: "S07", field: serviceDesk, level: 4, except: ["Staffing": 3], role: .leader),
    ]

    /// Seeds `Fixtures.seed` and the organisation above. With a `clock`, the waves happen at their times (the
    /// clock is left at `secondWave`); without, everything happens at the database's clock.
    public static func seed(_ database: AppDatabase, clock: TestClock? = nil) async throws {
        clock?.set(firstWave)
        try await Fixtures.seed(database)
        try await seedOrganisation(database, clock: clock)
    }

    /// The organisation above on a database already seeded by `Fixtures.seed` (e.g. a `WebFixture`'s).
    public static func seedOrganisation(_ database: AppDatabase, clock: TestClock? = nil) async throws {
        try await database.createOrgUnit(code: "OPS-SD-2", name: "Service Desk night shift", parentCode: "OPS-SD", actor: "test")
        try await database.createOrgUnit(code: "DEV", name: "Development", parentCode: nil, actor: "test")
        try await database.addPerson(PersonForm(employeeNumber: "M002", name: "Mariko Lead", orgUnit: "DEV"), actor: "test")
        try await database.assignEvaluator("M002", toOrgUnit: "DEV", actor: "test")
        let people: [(String, String, String, Bool)] = [
            ("S01", "Aiko Abe", "OPS-SD", true), ("S02", "Jiro Baba", "OPS-SD", true),
            ("S03", "Saburo Chiba", "OPS-SD-2", true), ("S04", "Shiro Doi", "OPS-SD", true),
            ("S05", "Goro Endo", "OPS-SD-2", true), ("S06", "Rokuro Fujii", "OPS-SD", true),
            ("S07", "Nana Goto", "OPS-SD", true), ("X01", "Xavier Ito", "DEV", true), ("X02", "Yuki Kato", "OPS-SD", false),
        ]
        for (number, name, unit, active) in people {
            try await database.addPerson(
                PersonForm(employeeNumber: number, name: name, orgUnit: unit, active: active), actor: "test")
        }
        try await rate(database, first, evaluator: "M001")
        try await rate(database, outside, evaluator: "M002")
        clock?.set(secondWave)
        try await rate(database, second, evaluator: "M001")
    }

    /// Imports approved ratings and verified records for `rated`, as the evaluator.
    static func rate(_ database: AppDatabase, _ rated: [Rated], evaluator: String) async throws {
        var ratings = "employee_number,field,cycle,item,self_level,evaluator_level\n"
        var records = "employee_number,field,role,from,to,verified_by\n"
        for entry in rated {
            let field = try await database.catalogIndex().resolveField(entry.field)
            for item in field.compiled.itemNames {
                let level = entry.except[item] ?? entry.level
                ratings += "\(entry.number),\(entry.field),2025H2,\(item),\(level),\(level)\n"
            }
            records += "\(entry.number),\(entry.field),\(entry.role.rawValue),2020-04-01,2021-03-31,\(evaluator)\n"
        }
        try await database.importAssessments(
            try SpreadsheetRows.ratings(Array(ratings.utf8)), approvedBy: evaluator, actor: "test")
        try await database.importExperience(try SpreadsheetRows.experience(Array(records.utf8)), actor: "test")
    }

    /// Saves the requirement of the tests as the operator.
    @discardableResult
    public static func saveRequirement(_ database: AppDatabase) async throws -> StaffingRequirementView {
        try await database.createStaffingRequirement(
            name: requirementName, lines: try requirementLines.map { try StaffingLineSpec(parsing: $0) },
            by: try await database.operatorFor(nil))
    }
}
