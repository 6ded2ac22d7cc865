/// The ratings of one skill item in one assessment. Self and evaluator ratings are kept apart and never averaged.
///
/// A rating is the highest level whose proficiency text the person meets, chosen from the levels the item
/// defines; 0 means none.
public struct SkillRating: Codable, Sendable, Hashable {
    public var item: String
    public var selfLevel: Int?
    public var evaluatorLevel: Int?
    public var note: String?
    public var evidence: String?
    /// Required when the evaluator's rating differs from the self rating.
    public var evaluatorReason: String?
    /// Where a prefilled self rating came from when an assessment was carried across editions (`itss crosswalk
    /// carry`): the earlier edition's item, its approved rating and assessment, and the crosswalk pair; `nil` for
    /// a rating the person gave.
    public var carriedFrom: String?

    public init(
        item: String, selfLevel: Int? = nil, evaluatorLevel: Int? = nil, note: String? = nil, evidence: String? = nil,
        evaluatorReason: String? = nil, carriedFrom: String? = nil
    ) {
        self.carriedFrom = carriedFrom
        self.item = item
        self.selfLevel = selfLevel
        self.evaluatorLevel = evaluatorLevel
        self.note = note
        self.evidence = evidence
        self.evaluatorReason = evaluatorReason
    }
}
