import ITSSDomain
import ITSSStorage

/// A person as the API shows them.
struct APIPerson: Encodable, Sendable {
    var employeeNumber: String
    var name: String
    var email: String?
    /// The org unit's code.
    var orgUnit: String?
    var active: Bool
    /// `YYYY-MM-DD`.
    var joinedOn: String?
    var fields: [APIFieldRef]

    init(_ person: Person, orgUnitCodes: [Int64: String], fieldIDs: [FieldReference: Int64]) {
        employeeNumber = person.employeeNumber
        name = person.name
        email = person.email
        orgUnit = person.orgUnitID.flatMap { orgUnitCodes[$0] }
        active = person.active
        joinedOn = person.joinedOn?.description
        fields = person.fields.map { APIFieldRef($0, id: fieldIDs[$0]) }
    }
}

/// A person's level in one field: official and provisional, each with its breakdown.
struct APIPersonLevel: Encodable, Sendable {
    var field: APIFieldRef
    /// `YYYY-MM-DD` for a level as of a past day; absent for today.
    var asOf: String?
    var official: APILevelBreakdown
    /// Absent for past days.
    var provisional: APILevelBreakdown?
    /// With `?profile=ID`: the level under that profile version, beside the standard's above.
    var underProfile: APIProfileLevel?

    init(_ level: PersonLevel, fieldID: Int64?, underProfile: APIProfileLevel? = nil) {
        self.underProfile = underProfile
        field = APIFieldRef(level.field, id: fieldID)
        asOf = level.asOf?.description
        official = APILevelBreakdown(level.official)
        provisional = level.provisional.map(APILevelBreakdown.init)
    }
}

/// The level rule's result with its reasons (docs/levels.md).
struct APILevelBreakdown: Encodable, Sendable {
    /// `approved` (official) or `provisional`.
    var basis: String
    var attainedLevel: Int?
    var nextLevel: Int?
    var definedLevels: [Int]
    /// `level 4 (approved)`.
    var summary: String
    /// What is missing for `next_level`.
    var missing: [APIUnmetCondition]
    var levels: [Check]

    struct Check: Encodable, Sendable {
        var level: Int
        var attained: Bool
        var lowerLevelsAttained: Bool
        var items: [Item]
        var scale: APIScaleCheck?
    }

    struct Item: Encodable, Sendable {
        var item: String
        var needed: Int
        var rating: Int
        var met: Bool
    }

    init(_ breakdown: LevelBreakdown) {
        basis = breakdown.basis.rawValue
        attainedLevel = breakdown.attainedLevel
        nextLevel = breakdown.nextLevel
        definedLevels = breakdown.definedLevels
        summary = breakdown.levelSummary
        missing = breakdown.explanation.map(APIUnmetCondition.init)
        levels = breakdown.levels.map { check in
            Check(
                level: check.level, attained: check.attained, lowerLevelsAttained: check.lowerLevelsAttained,
                items: check.items.map { Item(item: $0.item, needed: $0.needed, rating: $0.rating, met: $0.met) },
                scale: check.scale.map(APIScaleCheck.init))
        }
    }
}

/// Condition 2 of the level rule at one level.
struct APIScaleCheck: Encodable, Sendable {
    var condition: APIScaleCondition
    var met: Bool
    var outcome: String
    var reason: String
    var decidingRecord: APIEvidence?

    init(_ check: ScaleCheck) {
        condition = APIScaleCondition(check.condition)
        met = check.met
        outcome = check.outcome.rawValue
        reason = check.reason
        decidingRecord = check.decidingRecord.map(APIEvidence.init)
    }
}

/// A scale condition: the role and the minimums of the work.
struct APIScaleCondition: Encodable, Sendable {
    var role: String?
    var minimumStaff: Int64?
    var minimumContractYen: Int64?
    var minimumInstallationSites: Int64?
    var minimumAnnualInquiries: Int64?
    var summary: String

    init(_ condition: ScaleCondition) {
        role = condition.role.map(APIText.role)
        minimumStaff = condition.minimumStaff
        minimumContractYen = condition.minimumContractYen
        minimumInstallationSites = condition.minimum(.installationSites)
        minimumAnnualInquiries = condition.minimum(.annualInquiries)
        summary = condition.summary
    }
}

/// The facts of an experience record the level rule weighed.
struct APIEvidence: Encodable, Sendable {
    var recordId: String
    var role: String
    var peakStaff: Int64?
    var annualContractYen: Int64?
    var installationSites: Int64?
    var annualInquiries: Int64?
    var label: String

    init(_ evidence: ExperienceEvidence) {
        recordId = String(evidence.recordID)
        role = APIText.role(evidence.role)
        peakStaff = evidence[.peakStaff]
        annualContractYen = evidence[.annualContractYen]
        installationSites = evidence[.installationSites]
        annualInquiries = evidence[.annualInquiries]
        label = evidence.label
    }
}

/// One unmet condition: an item rated too low (`kind: item`) or a scale condition (`kind: scale`).
struct APIUnmetCondition: Encodable, Sendable {
    var kind: String
    var summary: String
    var item: String?
    var rating: Int?
    var needed: Int?
    var text: String?
    var level: Int?
    var condition: APIScaleCondition?
    var best: APIEvidence?
    var reason: String?

    init(_ condition: UnmetCondition) {
        summary = condition.summary
        switch condition {
        case let .item(name, rating, needed, text):
            kind = "item"
            item = name
            self.rating = rating
            self.needed = needed
            self.text = text
        case let .scale(level, scale, best, reason):
            kind = "scale"
            self.level = level
            self.condition = APIScaleCondition(scale)
            self.best = best.map(APIEvidence.init)
            self.reason = reason
        }
    }
}

/// `GET /people/{n}/gap`: every unmet condition up to a target level.
struct APIGap: Encodable, Sendable {
    var field: APIFieldRef
    var basis: String
    var target: Int
    var currentLevel: Int?
    var definedLevels: [Int]
    var closed: Bool
    var items: [Item]
    var scale: [Scale]

    struct Item: Encodable, Sendable {
        var item: String
        var rating: Int
        var needed: Int
        var text: String
        var knowledgeItems: [String]
    }

    struct Scale: Encodable, Sendable {
        var level: Int
        var condition: APIScaleCondition
        var best: APIEvidence?
        var reason: String
    }

    init(_ gap: FieldGap, field: APIFieldRef) {
        self.field = field
        basis = gap.basis.rawValue
        target = gap.target
        currentLevel = gap.currentLevel
        definedLevels = gap.definedLevels
        closed = gap.isClosed
        items = gap.items.map {
            Item(item: $0.item, rating: $0.rating, needed: $0.needed, text: $0.text, knowledgeItems: $0.knowledgeItems)
        }
        scale = gap.scale.map {
            Scale(
                level: $0.level, condition: APIScaleCondition($0.condition), best: $0.best.map(APIEvidence.init),
                reason: $0.reason)
        }
    }
}

/// One change of a person's official level.
struct APILevelChange: Encodable, Sendable {
    var field: APIFieldRef
    var level: Int?
    var previousLevel: Int?
    /// ISO 8601 date-time.
    var effectiveAt: String
    var cause: String

    init(_ change: LevelChange, fieldID: Int64?) {
        field = APIFieldRef(change.field, id: fieldID)
        level = change.level
        previousLevel = change.previousLevel
        effectiveAt = change.effectiveAt
        cause = change.cause
    }
}

/// An org unit.
struct APIOrgUnit: Encodable, Sendable {
    var code: String
    var name: String
    /// The parent's code.
    var parent: String?

    init(_ unit: OrgUnit, parentCode: String?) {
        code = unit.code
        name = unit.name
        parent = parentCode
    }
}

/// An evaluator assignment as created.
struct APIEvaluatorAssignment: Encodable, Sendable {
    var evaluator: String
    var orgUnit: String?
    var person: String?
}

/// A current evaluator assignment as listed: the evaluator and whom it covers.
struct APIEvaluatorAssignmentEntry: Encodable, Sendable {
    var id: String
    var evaluator: String
    var evaluatorName: String
    var orgUnit: String?
    var orgUnitName: String?
    var person: String?
    var personName: String?
    var assignedAt: String

    init(_ entry: EvaluatorAssignmentEntry) {
        id = String(entry.id)
        evaluator = entry.evaluatorNumber
        evaluatorName = entry.evaluatorName
        orgUnit = entry.orgUnitCode
        orgUnitName = entry.orgUnitName
        person = entry.personNumber
        personName = entry.personName
        assignedAt = entry.assignedAt
    }
}
