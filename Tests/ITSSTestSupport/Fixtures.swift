import Foundation
import ITSSDomain
import Synchronization

@testable import ITSSStorage

/// A clock the tests move by hand.
public final class TestClock: Sendable {
    private let current: Mutex<Date>

    public init(_ start: String = "2026-04-01T09:00:00Z") {
        current = Mutex(ISO8601DateFormatter().date(from: start) ?? Date(timeIntervalSince1970: 0))
    }

    public var now: Date { current.withLock { $0 } }

    public func set(_ instant: String) {
        let date = ISO8601DateFormatter().date(from: instant) ?? Date(timeIntervalSince1970: 0)
        current.withLock { $0 = date }
    }
}

/// A database with both standards, an org (OPS > OPS-SD), an evaluator M001 for OPS and two people.
public enum Fixtures {
    public static let serviceDesk = "V3:Service Desk"

    public static func seed(_ database: AppDatabase) async throws {
        try await database.loadBuiltInStandardsIfEmpty()
        try await database.createOrgUnit(code: "OPS", name: "IT Operations", parentCode: nil, actor: "test")
        try await database.createOrgUnit(code: "OPS-SD", name: "Service Desk team", parentCode: "OPS", actor: "test")
        try await database.addPerson(PersonForm(employeeNumber: "M001", name: "Kenji Manager", orgUnit: "OPS"), actor: "test")
        try await database.addPerson(
            PersonForm(employeeNumber: "E1001", name: "Hanako Sato", orgUnit: "OPS-SD", fields: [serviceDesk]), actor: "test")
        try await database.addPerson(
            PersonForm(employeeNumber: "E1002", name: "Taro Suzuki", orgUnit: "OPS-SD"), actor: "test")
        try await database.assignEvaluator("M001", toOrgUnit: "OPS", actor: "test")
    }

    /// The items of V3 Service Desk.
    public static func serviceDeskItems(_ database: AppDatabase) async throws -> [SkillItem] {
        try await database.catalogIndex().resolveField(serviceDesk).effective.items
    }

    /// Starts, self-rates every item at `selfLevel`, submits, evaluator-rates at `evaluatorLevel` and approves.
    @discardableResult
    public static func approvedAssessment(
        _ database: AppDatabase, cycle: String, selfLevel: Int, evaluatorLevel: Int, person: String = "E1001"
    ) async throws -> AssessmentView {
        let items = try await serviceDeskItems(database)
        guard let cycle = Cycle(cycle) else { throw StorageError.refused(reason: "bad test cycle \(cycle)") }
        let started = try await database.startAssessment(of: person, field: serviceDesk, cycle: cycle, actor: "test")
        for item in items {
            try await database.rate(assessment: started.id, item: item.name, level: selfLevel, by: person, asEvaluator: false)
        }
        try await database.submitAssessment(started.id, by: person)
        for item in items {
            try await database.rate(
                assessment: started.id, item: item.name, level: evaluatorLevel, by: "M001", asEvaluator: true,
                reason: selfLevel == evaluatorLevel ? nil : "calibrated")
        }
        return try await database.approveAssessment(started.id, by: "M001")
    }

    /// Starts an assessment of `person` in any field, self-rates every item at `level`, submits, has M001 rate
    /// every item the same and approves it.
    @discardableResult
    public static func approvedAssessment(
        _ database: AppDatabase, field: String, person: String, level: Int, cycle: String = "2025H2"
    ) async throws -> AssessmentView {
        guard let cycle = Cycle(cycle) else { throw StorageError.refused(reason: "bad test cycle \(cycle)") }
        let started = try await database.startAssessment(of: person, field: field, cycle: cycle, actor: "test")
        for rating in started.ratings {
            try await database.rate(assessment: started.id, item: rating.item, level: level, by: person, asEvaluator: false)
        }
        try await database.submitAssessment(started.id, by: person)
        for rating in started.ratings {
            try await database.rate(assessment: started.id, item: rating.item, level: level, by: "M001", asEvaluator: true)
        }
        return try await database.approveAssessment(started.id, by: "M001")
    }
}
