import Foundation

/// Why an assessment action is refused. Every message is one line.
public enum AssessmentRuleError: LocalizedError, Sendable, Hashable {
    /// A rating is neither 0 nor a level the item defines.
    case ratingNotDefined(item: String, level: Int, definedLevels: [Int])
    /// A rating names an item the assessment's field does not have.
    case unknownItem(String)
    /// Two ratings name the same item.
    case duplicateRating(String)
    /// The assessment is approved; nothing about it may change.
    case approvedIsImmutable
    /// Only the assessed person may do this (self ratings, submitting).
    case notThePerson(AssessmentAction)
    /// Only an evaluator may do this (evaluator ratings, approving, returning).
    case notAnEvaluator(AssessmentAction)
    /// Nobody evaluates, approves or returns their own assessment.
    case ownAssessment(AssessmentAction)
    /// The action is not possible in the assessment's current state.
    case wrongState(AssessmentAction, AssessmentState)
    /// Submitting needs a self rating for every item; these have none.
    case missingSelfRatings([String])
    /// Approving needs an evaluator rating for every item; these have none.
    case missingEvaluatorRatings([String])
    /// An evaluator rating that differs from the self rating needs a reason; these have none.
    case missingEvaluatorReasons([String])
    /// Returning an assessment needs a comment saying what to change.
    case commentRequired

    public var errorDescription: String? {
        switch self {
        case let .ratingNotDefined(item, level, definedLevels):
            let choices = ([0] + definedLevels).map(String.init).joined(separator: ", ")
            return "\"\(item)\" has no level \(level); rate it one of \(choices)"
        case let .unknownItem(item):
            return "\"\(item)\" is not a skill item of the assessment's field"
        case let .duplicateRating(item):
            return "\"\(item)\" is rated more than once"
        case .approvedIsImmutable:
            return "the assessment is approved and can no longer change"
        case let .notThePerson(action):
            return "only the assessed person can \(action.phrase)"
        case let .notAnEvaluator(action):
            return "only an evaluator of the person can \(action.phrase)"
        case let .ownAssessment(action):
            return action == .editEvaluatorRating
                ? "nobody can rate their own assessment as evaluator"
                : "nobody can \(action.phrase) their own assessment"
        case let .wrongState(action, state):
            return "cannot \(action.phrase) while the assessment is \(state.rawValue); \(action.allowedStatesHint)"
        case let .missingSelfRatings(items):
            return "self ratings are missing for \(Self.list(items))"
        case let .missingEvaluatorRatings(items):
            return "evaluator ratings are missing for \(Self.list(items))"
        case let .missingEvaluatorReasons(items):
            return "the evaluator rating differs from the self rating without a reason for \(Self.list(items))"
        case .commentRequired:
            return "returning an assessment needs a comment saying what to change"
        }
    }

    /// `"A", "B" and 3 more`: names the first few so that the message stays one line.
    static func list(_ items: [String]) -> String {
        let shown = items.prefix(5).map { "\"\($0)\"" }.joined(separator: ", ")
        let count = items.count == 1 ? "1 item" : "\(items.count) items"
        return items.count > 5 ? "\(count): \(shown) and \(items.count - 5) more" : "\(count): \(shown)"
    }
}

extension AssessmentAction {
    /// Which states allow the action, for error messages.
    fileprivate var allowedStatesHint: String {
        switch self {
        case .editSelfRating, .submit: "only possible for a draft or returned assessment"
        case .editEvaluatorRating, .approve, .returnForRevision: "only possible for a submitted assessment"
        }
    }
}
