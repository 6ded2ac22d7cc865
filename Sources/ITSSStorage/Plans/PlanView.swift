import ITSSDomain

/// A stored development plan with its version and progress.
public struct PlanView: Sendable, Codable, Hashable {
    public var id: Int64
    public var employeeNumber: String
    public var field: FieldReference
    public var targetLevel: Int
    /// Increases with every change; pass it back to detect concurrent edits.
    public var version: Int
    public var actions: [PlanAction]
    public var progressPercentage: Int
    public var createdAt: String
    public var createdBy: String
}

/// One earlier state of a plan.
public struct PlanRevision: Sendable, Codable, Hashable {
    public var version: Int
    public var occurredAt: String
    public var actor: String
    public var actions: [PlanAction]
}

/// A change to one action of a plan; `nil` leaves a value as it is.
public struct PlanActionChange: Sendable, Hashable {
    public var status: PlanActionStatus?
    public var dueOn: Day?
    public var owner: String?
    public var title: String?

    public init(status: PlanActionStatus? = nil, dueOn: Day? = nil, owner: String? = nil, title: String? = nil) {
        self.status = status
        self.dueOn = dueOn
        self.owner = owner
        self.title = title
    }

    /// Checks the changed values as `PlanAction.validate(today:)` checks a whole action.
    /// - Throws: `InputError` naming `title`, `owner` or `due_on`.
    public func validate(today: Day) throws(InputError) {
        if let title { try InputBounds.title(title) }
        try InputBounds.optionalName(owner, field: "owner")
        if let dueOn { try InputBounds.dueOn(dueOn, today: today) }
    }
}
