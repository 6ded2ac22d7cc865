/// The rules of the assessment workflow: valid ratings, who may do what, and the state transitions.
///
/// States: `draft` → (submit, by the person) → `submitted` → (approve, by an evaluator) → `approved`; or
/// `submitted` → (return with a comment, by an evaluator) → `returned`, which the person edits and submits again
/// exactly like a draft (it stays distinct from `draft` so the history shows it was sent back). `approved` is
/// final: every change is refused. Nobody evaluates, approves or returns their own assessment.
///
/// The functions are pure checks: each returns the new state or throws, and the caller stores the result.
public enum AssessmentRules {
    /// Checks one rating value for an item: 0 (meets no level) or one of the levels the item defines.
    /// - Throws: `AssessmentRuleError.ratingNotDefined`, naming the item's defined levels.
    public static func validateRating(_ level: Int, for item: SkillItem) throws(AssessmentRuleError) {
        guard level == 0 || item.definedLevels.contains(level) else {
            throw .ratingNotDefined(item: item.name, level: level, definedLevels: item.definedLevels)
        }
    }

    /// Checks a set of ratings against the field's items: every rating names an item, at most once, and every
    /// self and evaluator level given is valid for its item.
    /// - Parameter items: The items of the assessment's (effective) field.
    /// - Throws: `AssessmentRuleError.unknownItem`, `.duplicateRating` or `.ratingNotDefined`.
    public static func validateRatings(_ ratings: [SkillRating], items: [SkillItem]) throws(AssessmentRuleError) {
        var seen = Set<String>()
        for rating in ratings {
            guard let item = items.first(where: { $0.name == rating.item }) else { throw .unknownItem(rating.item) }
            guard seen.insert(rating.item).inserted else { throw .duplicateRating(rating.item) }
            if let level = rating.selfLevel { try validateRating(level, for: item) }
            if let level = rating.evaluatorLevel { try validateRating(level, for: item) }
        }
    }

    /// Refuses any change to an approved assessment. Call it before every edit that has no rule of its own
    /// (notes, evidence, deleting).
    /// - Throws: `AssessmentRuleError.approvedIsImmutable` when `state` is `.approved`.
    public static func checkMutable(_ state: AssessmentState) throws(AssessmentRuleError) {
        if state == .approved { throw .approvedIsImmutable }
    }

    /// Checks that `actor` may set a self rating of `level` on `item`: only the assessed person, only while the
    /// assessment is a draft or returned, and only a valid level.
    /// - Throws: `AssessmentRuleError.approvedIsImmutable`, `.notThePerson`, `.wrongState` or `.ratingNotDefined`.
    public static func checkSelfRatingEdit(
        _ level: Int, item: SkillItem, state: AssessmentState, personID: Int64, actor: AssessmentActor
    ) throws(AssessmentRuleError) {
        try checkMutable(state)
        guard actor.personID == personID else { throw .notThePerson(.editSelfRating) }
        guard state.isEditableBySelf else { throw .wrongState(.editSelfRating, state) }
        try validateRating(level, for: item)
    }

    /// Checks that `actor` may set an evaluator rating of `level` on `item`: only an evaluator who is not the
    /// person, only while the assessment is submitted, and only a valid level.
    /// - Throws: `AssessmentRuleError.approvedIsImmutable`, `.ownAssessment`, `.notAnEvaluator`, `.wrongState`
    ///   or `.ratingNotDefined`.
    public static func checkEvaluatorRatingEdit(
        _ level: Int, item: SkillItem, state: AssessmentState, personID: Int64, actor: AssessmentActor
    ) throws(AssessmentRuleError) {
        try checkEvaluator(actor, of: personID, for: .editEvaluatorRating, state: state)
        try validateRating(level, for: item)
    }

    /// Submits an assessment: only the assessed person, only from draft or returned, and every item of the field
    /// needs a valid self rating.
    /// - Parameter items: The items of the assessment's (effective) field.
    /// - Returns: `.submitted`.
    /// - Throws: `AssessmentRuleError.approvedIsImmutable`, `.notThePerson`, `.wrongState`, `.unknownItem`,
    ///   `.duplicateRating`, `.ratingNotDefined` or `.missingSelfRatings`.
    public static func submit(
        state: AssessmentState, personID: Int64, actor: AssessmentActor, ratings: [SkillRating], items: [SkillItem]
    ) throws(AssessmentRuleError) -> AssessmentState {
        try checkMutable(state)
        guard actor.personID == personID else { throw .notThePerson(.submit) }
        guard state.isEditableBySelf else { throw .wrongState(.submit, state) }
        try validateRatings(ratings, items: items)
        let rated = Set(ratings.filter { $0.selfLevel != nil }.map(\.item))
        let missing = unique(items.map(\.name).filter { !rated.contains($0) })
        guard missing.isEmpty else { throw .missingSelfRatings(missing) }
        return .submitted
    }

    /// Approves an assessment: only an evaluator who is not the person, only from submitted, every item needs a
    /// valid evaluator rating, and an evaluator rating that differs from the self rating needs an
    /// `evaluatorReason`.
    /// - Parameter items: The items of the assessment's (effective) field.
    /// - Returns: `.approved`.
    /// - Throws: `AssessmentRuleError.approvedIsImmutable`, `.ownAssessment`, `.notAnEvaluator`, `.wrongState`,
    ///   `.unknownItem`, `.duplicateRating`, `.ratingNotDefined`, `.missingEvaluatorRatings` or
    ///   `.missingEvaluatorReasons`.
    public static func approve(
        state: AssessmentState, personID: Int64, actor: AssessmentActor, ratings: [SkillRating], items: [SkillItem]
    ) throws(AssessmentRuleError) -> AssessmentState {
        try checkEvaluator(actor, of: personID, for: .approve, state: state)
        try validateRatings(ratings, items: items)
        let rated = Set(ratings.filter { $0.evaluatorLevel != nil }.map(\.item))
        let missing = unique(items.map(\.name).filter { !rated.contains($0) })
        guard missing.isEmpty else { throw .missingEvaluatorRatings(missing) }
        let unexplained = ratings.filter { rating in
            rating.evaluatorLevel != rating.selfLevel && isBlank(rating.evaluatorReason)
        }
        guard unexplained.isEmpty else { throw .missingEvaluatorReasons(unexplained.map(\.item)) }
        return .approved
    }

    /// Returns a submitted assessment to the person with a comment: only an evaluator who is not the person.
    /// - Returns: `.returned`, which the person edits and submits again like a draft.
    /// - Throws: `AssessmentRuleError.approvedIsImmutable`, `.ownAssessment`, `.notAnEvaluator`, `.wrongState`
    ///   or `.commentRequired`.
    public static func returnForRevision(
        state: AssessmentState, personID: Int64, actor: AssessmentActor, comment: String?
    ) throws(AssessmentRuleError) -> AssessmentState {
        try checkEvaluator(actor, of: personID, for: .returnForRevision, state: state)
        guard !isBlank(comment) else { throw .commentRequired }
        return .returned
    }

    /// The checks every evaluator action shares, in the order their errors are reported.
    static func checkEvaluator(
        _ actor: AssessmentActor, of personID: Int64, for action: AssessmentAction, state: AssessmentState
    ) throws(AssessmentRuleError) {
        try checkMutable(state)
        // Checked before the evaluator flag: evaluators are assessed too, and must not decide on themselves.
        guard actor.personID != personID else { throw .ownAssessment(action) }
        guard actor.isEvaluator else { throw .notAnEvaluator(action) }
        guard state == .submitted else { throw .wrongState(action, state) }
    }

    /// Whether a comment or reason is missing: absent, empty or only whitespace.
    public static func isBlank(_ text: String?) -> Bool {
        text?.allSatisfy(\.isWhitespace) ?? true
    }

    static func unique(_ names: [String]) -> [String] {
        var seen = Set<String>()
        return names.filter { seen.insert($0).inserted }
    }
}
