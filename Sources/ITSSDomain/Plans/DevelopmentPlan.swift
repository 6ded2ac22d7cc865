/// A person's plan to reach a target level in one field: a list of actions and how far along it is.
public struct DevelopmentPlan: Codable, Sendable, Hashable {
    public var personID: Int64
    public var field: FieldReference
    public var targetLevel: Int
    public var actions: [PlanAction]

    public init(personID: Int64, field: FieldReference, targetLevel: Int, actions: [PlanAction]) {
        self.personID = personID
        self.field = field
        self.targetLevel = targetLevel
        self.actions = actions
    }

    /// Progress in whole percent, rounded down: done actions ÷ actions that are not dropped.
    ///
    /// Rounded down so that 100 means every remaining action is done. A plan with no action left to count
    /// (empty, or every action dropped) is at 0: nothing has been achieved by it.
    public var progressPercentage: Int {
        let counted = actions.filter { $0.status != .dropped }.count
        guard counted > 0 else { return 0 }
        let done = actions.filter { $0.status == .done }.count
        return done * 100 / counted
    }

    /// Actions that close a gap: one `learnKnowledge` action per knowledge item of each gapped item, then one
    /// `takeRole` action per unmet scale condition, all open with no due date or owner.
    ///
    /// Titles read `Learn Incident Management (Service Support, level 4)` and
    /// `Take on a responsible-person role with ≥ 75 staff or ≥ ¥750,000,000/year`.
    public static func suggestedActions(from gap: FieldGap) -> [PlanAction] {
        var actions: [PlanAction] = []
        for item in gap.items {
            for knowledge in item.knowledgeItems {
                actions.append(
                    PlanAction(kind: .learnKnowledge, title: "Learn \(knowledge) (\(item.item), level \(item.needed))"))
            }
        }
        for scale in gap.scale {
            actions.append(PlanAction(kind: .takeRole, title: takeRoleTitle(scale.condition)))
        }
        return actions
    }

    /// `Take on a responsible-person role with ≥ 75 staff or ≥ ¥750,000,000/year`, `Take on a leader role`,
    /// `Take on a role with ≥ 10 staff`.
    static func takeRoleTitle(_ condition: ScaleCondition) -> String {
        let role = condition.role.map { $0.label.split(separator: " ").joined(separator: "-") + " role" } ?? "role"
        let minimums = ScaleRequirement(condition).minimumsSummary.map { " with \($0)" } ?? ""
        return "Take on a \(role)\(minimums)"
    }
}
