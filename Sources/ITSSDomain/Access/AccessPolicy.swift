/// How the person a use case is about relates to the principal.
public enum SubjectRelation: Sendable, Hashable {
    /// The use case is about no one person (org units, catalog, bulk imports).
    case organisation
    /// The principal's own data.
    case own
    /// A person the principal's evaluator assignments cover.
    case evaluatee
    /// Anyone else.
    case other
}

/// The principal may not perform the use case. The message names the action, never the other person's data.
public struct AccessDenied: Error, Sendable, Hashable, CustomStringConvertible {
    public var action: AuditAction
    public var role: AccessRole

    public init(action: AuditAction, role: AccessRole) {
        self.action = action
        self.role = role
    }

    public var description: String {
        "not allowed: \(role.rawValue) may not perform \(action.rawValue) here"
    }
}

/// Which role may perform which use case on whose data. Person-bound workflow rules (`AssessmentRules`) apply
/// after this check: an administrator passes here, yet still cannot approve an assessment without being an
/// assigned evaluator of the person.
public enum AccessPolicy {
    /// Whether `principal` may perform `action` on a subject related to it as `relation`.
    public static func permits(_ principal: Principal, _ action: AuditAction, on relation: SubjectRelation) -> Bool {
        let role = principal.role
        if role == .administrator { return true }
        switch action {
        case .catalogImport, .catalogReplace, .demoGenerate, .accountCreate, .accountUpdate, .profileCreate,
            .profileSaveVersion, .profileArchive, .levelRecompute:
            return false
        case .accountPassword, .tokenCreate, .tokenRevoke:
            // The subject is an account: `.own` when it is the principal's own account.
            return relation == .own
        case .orgCreate, .personAdd, .evaluatorAssign, .importPeople, .importAssessments, .importExperience,
            .staffingCreate, .staffingUpdate, .staffingRemove:
            return role == .hr
        case .personAddField, .assessmentStart, .experienceAdd, .experienceCorrect, .planCreate, .planUpdate,
            .crosswalkCarry, .experienceLink:
            return role == .hr || relation == .own || relation == .evaluatee
        case .assessmentRateSelf, .assessmentSubmit:
            return relation == .own
        case .assessmentRateEvaluator, .assessmentApprove, .assessmentReturn, .experienceVerify:
            return relation == .evaluatee
        }
    }

    /// Whether `principal` may read tailoring profiles (and levels computed under one): administrators and HR.
    public static func permitsReadingProfiles(_ principal: Principal) -> Bool {
        principal.role >= .hr
    }

    /// Whether `principal` may read the data (levels, ratings, track record, plans) of a person related to it as
    /// `relation`: administrators and HR everyone, evaluators themselves and the people their assignments
    /// cover, employees themselves only. Catalog and organisation reads (`.organisation`) are open to every role.
    public static func permitsReading(_ principal: Principal, on relation: SubjectRelation) -> Bool {
        switch principal.role {
        case .administrator, .hr: true
        case .evaluator: relation != .other
        case .employee: relation == .own || relation == .organisation
        }
    }

    /// - Throws: `AccessDenied` when `permits` is false.
    public static func check(_ principal: Principal, _ action: AuditAction, on relation: SubjectRelation) throws {
        guard permits(principal, action, on: relation) else { throw AccessDenied(action: action, role: principal.role) }
    }
}
