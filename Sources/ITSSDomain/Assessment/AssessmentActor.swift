/// Who acts on an assessment, as far as the assessment rules care.
public struct AssessmentActor: Codable, Sendable, Hashable {
    /// The acting person's id.
    public var personID: Int64
    /// Whether the actor may evaluate the assessed person (an evaluator assignment covers them). Deciding this
    /// is the caller's job (it depends on stored assignments); the rules only rely on it.
    public var isEvaluator: Bool

    public init(personID: Int64, isEvaluator: Bool) {
        self.personID = personID
        self.isEvaluator = isEvaluator
    }
}

/// Something one does to an assessment; named in rule errors.
public enum AssessmentAction: String, Codable, Sendable, Hashable, CaseIterable {
    case editSelfRating
    case editEvaluatorRating
    case submit
    case approve
    case returnForRevision

    /// The action as a verb phrase for messages: `edit self ratings`, `return`.
    public var phrase: String {
        switch self {
        case .editSelfRating: "edit self ratings"
        case .editEvaluatorRating: "edit evaluator ratings"
        case .submit: "submit"
        case .approve: "approve"
        case .returnForRevision: "return"
        }
    }
}
