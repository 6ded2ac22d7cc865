import ITSSDomain

/// An assessment as people see it: the ratings of every item of the field, self and evaluator side by side.
public struct AssessmentView: Sendable, Codable, Hashable {
    public var id: Int64
    public var employeeNumber: String
    public var personName: String
    public var field: FieldReference
    public var cycle: String
    public var state: AssessmentState
    /// Increases with every change; pass it back to detect concurrent edits.
    public var version: Int
    /// One entry per item of the (effective) field, in field order; unrated sides are `nil`.
    public var ratings: [SkillRating]
    public var submittedAt: String?
    public var decidedAt: String?
    /// The employee number of the evaluator who approved or returned it.
    public var decidedBy: String?
    public var returnComment: String?
    /// The tailoring profile version the assessment was made under; `nil` for the standard as published.
    public var profile: AssessmentProfile? = nil
    /// The company's own items among `ratings` (under a profile): they count for the level under the profile only.
    public var companyItems: Set<String> = []
}
