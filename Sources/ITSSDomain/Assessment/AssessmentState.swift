/// Where an assessment is in its review: draft → submitted → approved, or returned (back to draft).
public enum AssessmentState: String, Codable, Sendable, Hashable, CaseIterable {
    /// The person is rating themselves.
    case draft
    /// The person submitted it; an evaluator rates and decides.
    case submitted
    /// An evaluator approved it; it is immutable from now on.
    case approved
    /// An evaluator returned it with a comment; the person edits it again as a draft.
    case returned

    /// Whether the person may change self ratings.
    public var isEditableBySelf: Bool { self == .draft || self == .returned }
}
