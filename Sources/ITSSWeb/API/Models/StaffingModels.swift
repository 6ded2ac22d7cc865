import ITSSDomain
import ITSSStorage

/// A person named by a staffing or coverage result.
struct APIPersonRef: Encodable, Sendable {
    var employeeNumber: String
    var name: String

    init(_ person: StaffingPersonReference) {
        employeeNumber = person.employeeNumber
        name = person.name
    }
}

/// One line of a staffing requirement.
struct APIStaffingLine: Encodable, Sendable {
    var field: APIFieldRef
    var minimumLevel: Int
    var count: Int
    /// `member`, `leader` or `responsible_person`; absent when the line asks for no role.
    var role: String?

    init(_ line: StaffingLine, fieldID: Int64?) {
        field = APIFieldRef(line.field, id: fieldID)
        minimumLevel = line.minimumLevel
        count = line.count
        role = line.role?.rawValue
    }
}

/// A saved staffing requirement (its version is also the `ETag`).
struct APIStaffingRequirement: Encodable, Sendable {
    var id: String
    var name: String
    var version: Int
    var lines: [APIStaffingLine]
    var createdAt: String
    var createdBy: String
    var updatedAt: String

    init(_ requirement: StaffingRequirementView) {
        id = String(requirement.id)
        name = requirement.name
        version = requirement.version
        lines = zip(requirement.lines, requirement.fieldIDs).map { APIStaffingLine($0, fieldID: $1) }
        createdAt = requirement.createdAt
        createdBy = requirement.createdBy
        updatedAt = requirement.updatedAt
    }
}

/// What a near candidate of a staffing line lacks: one condition of the level rule (`kind: condition`) or
/// verified track record in a role (`kind: role`).
struct APIStaffingLack: Encodable, Sendable {
    var kind: String
    var summary: String
    /// The level whose condition is missing (`condition`).
    var level: Int?
    var condition: APIUnmetCondition?
    /// The role the track record must show (`role`).
    var role: String?

    init(_ lack: StaffingLack, field: FieldReference) {
        summary = lack.summary(field: field)
        switch lack {
        case let .condition(level, unmet):
            kind = "condition"
            self.level = level
            condition = APIUnmetCondition(unmet)
        case let .role(required):
            kind = "role"
            role = required.rawValue
        }
    }
}

/// One line of a staffing check.
struct APIStaffingLineResult: Encodable, Sendable {
    struct Counted: Encodable, Sendable {
        var person: APIPersonRef
        var level: Int
        var role: String?
        var reason: String
    }

    struct Near: Encodable, Sendable {
        var person: APIPersonRef
        var lack: APIStaffingLack
    }

    var line: APIStaffingLine
    var counted: [Counted]
    var qualifying: Int
    var shortfall: Int
    var near: [Near]
    var nearTotal: Int
    var reasons: [String]

    init(_ result: StaffingLineResult, fieldID: Int64?) {
        line = APIStaffingLine(result.line, fieldID: fieldID)
        counted = result.counted.map {
            Counted(
                person: APIPersonRef($0.person), level: $0.level, role: $0.role?.rawValue, reason: $0.reason(for: result.line))
        }
        qualifying = result.qualifying
        shortfall = result.shortfall
        near = result.near.map { Near(person: APIPersonRef($0.person), lack: APIStaffingLack($0.lack, field: result.line.field)) }
        nearTotal = result.nearTotal
        reasons = result.reasons
    }
}

/// `GET /staffing-requirements/{id}/check`.
struct APIStaffingCheck: Encodable, Sendable {
    var requirement: APIStaffingRequirement
    var orgUnit: String
    /// `YYYY-MM-DD`; absent for today.
    var asOf: String?
    var required: Int
    var filled: Int
    var staffed: Bool
    var lines: [APIStaffingLineResult]

    init(_ report: StaffingCheckReport) {
        requirement = APIStaffingRequirement(report.requirement)
        orgUnit = report.orgUnit.code
        asOf = report.asOf?.description
        required = report.result.required
        filled = report.result.filled
        staffed = report.result.isStaffed
        lines = report.result.lines.map { line in
            APIStaffingLineResult(
                line,
                fieldID: report.requirement.fieldIDs.indices.contains(line.index) ? report.requirement.fieldIDs[line.index] : nil)
        }
    }
}

/// `GET /coverage`.
struct APICoverage: Encodable, Sendable {
    struct Item: Encodable, Sendable {
        var item: String
        /// People rated at least level 1, 2, … 7.
        var ratedAtLeast: [Int]
        var singlePointOfFailure: Bool
    }

    struct Near: Encodable, Sendable {
        var person: APIPersonRef
        var level: Int?
        var nextLevel: Int
        var lack: APIUnmetCondition
    }

    struct NearPage: Encodable, Sendable {
        var items: [Near]
        var page: Int
        var perPage: Int
        var hasMore: Bool
    }

    struct Field: Encodable, Sendable {
        var field: APIFieldRef
        var definedLevels: [Int]
        var assessed: Int
        var items: [Item]
        var singlePointsOfFailure: [String]
        /// Only when one field was asked for.
        var nearCandidates: NearPage?
    }

    var orgUnit: String
    var people: Int
    var fields: [Field]

    init(_ report: CoverageReport, near: NearCandidatePage?) {
        orgUnit = report.orgUnit.code
        people = report.people
        fields = report.fields.map { coverage in
            Field(
                field: APIFieldRef(coverage.field, id: coverage.fieldID), definedLevels: coverage.definedLevels,
                assessed: coverage.assessed,
                items: coverage.items.map {
                    Item(item: $0.item, ratedAtLeast: $0.ratedAtLeast, singlePointOfFailure: $0.isSinglePointOfFailure)
                },
                singlePointsOfFailure: coverage.singlePointsOfFailure.map(\.item),
                nearCandidates: near.map { page in
                    NearPage(
                        items: page.items.map {
                            Near(
                                person: APIPersonRef($0.person), level: $0.level, nextLevel: $0.nextLevel,
                                lack: APIUnmetCondition($0.lack))
                        }, page: page.page, perPage: page.perPage, hasMore: page.hasMore)
                })
        }
    }
}

/// `GET /people/{n}/sheet`: the skill sheet — the person, levels with reasons, the latest approved assessment
/// per field, the track record and the plans.
struct APISheet: Encodable, Sendable {
    var person: APIPerson
    var levels: [APIPersonLevel]
    var assessments: [APIAssessment]
    var experience: [APIExperience]
    var plans: [APIPlan]
}
