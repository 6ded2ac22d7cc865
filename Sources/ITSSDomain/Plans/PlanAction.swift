/// What kind of step a development-plan action is.
public enum PlanActionKind: String, Codable, Sendable, Hashable, CaseIterable {
    /// Learn a knowledge item of a skill item.
    case learnKnowledge
    /// Take on a role (and scale of work) that the field's scale condition asks for.
    case takeRole
    /// Attend a training course.
    case training
    /// Obtain a certification.
    case certification
}

/// Where a development-plan action stands.
public enum PlanActionStatus: String, Codable, Sendable, Hashable, CaseIterable {
    case open
    case inProgress
    case done
    /// Abandoned; it no longer counts towards the plan's progress.
    case dropped
}

/// One step of a development plan.
public struct PlanAction: Codable, Sendable, Hashable {
    public var kind: PlanActionKind
    public var title: String
    public var dueOn: Day?
    /// Who is responsible for it (a name or an employee number, as the organisation prefers).
    public var owner: String?
    public var status: PlanActionStatus

    public init(kind: PlanActionKind, title: String, dueOn: Day? = nil, owner: String? = nil, status: PlanActionStatus = .open) {
        self.kind = kind
        self.title = title
        self.dueOn = dueOn
        self.owner = owner
        self.status = status
    }
}
