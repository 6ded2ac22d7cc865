import ITSSDomain

/// A person's ITSS level in one field with its reasons: the official level (approved evaluator ratings and
/// verified records) and the provisional level (self ratings and all records), always labelled as such.
public struct PersonLevel: Sendable, Codable {
    public var employeeNumber: String
    public var field: FieldReference
    /// `nil` for today; otherwise the date the official level was computed for (from history).
    public var asOf: Day?
    public var official: LevelBreakdown
    /// Not available for past dates: self ratings of drafts are not historised.
    public var provisional: LevelBreakdown?
}
