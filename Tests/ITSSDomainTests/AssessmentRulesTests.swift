import Foundation
import ITSSDomain
import Testing

@Suite("AssessmentRules")
struct AssessmentRulesTests {
    typealias F = LevelFixtures
    typealias E = AssessmentRuleError

    static let person: Int64 = 10
    static let me = AssessmentActor(personID: person, isEvaluator: false)
    /// The person is an evaluator of others too; that never lets them decide on their own assessment.
    static let meAsEvaluator = AssessmentActor(personID: person, isEvaluator: true)
    static let evaluator = AssessmentActor(personID: 20, isEvaluator: true)
    static let colleague = AssessmentActor(personID: 30, isEvaluator: false)
    static let items = F.desk.items
    static let leadership = F.desk.items[0]

    static func selfRated(_ level: Int = 4) -> [SkillRating] {
        items.map { SkillRating(item: $0.name, selfLevel: level) }
    }

    static func evaluated(_ level: Int = 4, reason: String? = nil) -> [SkillRating] {
        items.map { SkillRating(item: $0.name, selfLevel: 4, evaluatorLevel: level, evaluatorReason: reason) }
    }

    @Test("a rating is 0 or a level the item defines")
    func validateRating() throws {
        for level in [0, 3, 4, 5] { try AssessmentRules.validateRating(level, for: Self.leadership) }
        for level in [-1, 1, 2, 6, 7, 8] {
            #expect(throws: E.ratingNotDefined(item: "Leadership", level: level, definedLevels: [3, 4, 5])) {
                try AssessmentRules.validateRating(level, for: Self.leadership)
            }
        }
        #expect(
            E.ratingNotDefined(item: "Leadership", level: 6, definedLevels: [3, 4, 5]).localizedDescription
                == "\"Leadership\" has no level 6; rate it one of 0, 3, 4, 5")
    }

    @Test("a set of ratings names known items once, with valid self and evaluator levels")
    func validateRatings() throws {
        try AssessmentRules.validateRatings(Self.evaluated(), items: Self.items)
        try AssessmentRules.validateRatings([SkillRating(item: "Leadership")], items: Self.items)
        #expect(throws: E.unknownItem("Cooking")) {
            try AssessmentRules.validateRatings([SkillRating(item: "Cooking", selfLevel: 3)], items: Self.items)
        }
        #expect(throws: E.duplicateRating("Leadership")) {
            try AssessmentRules.validateRatings(
                [SkillRating(item: "Leadership", selfLevel: 3), SkillRating(item: "Leadership", selfLevel: 4)], items: Self.items)
        }
        #expect(throws: E.ratingNotDefined(item: "Facilities", level: 5, definedLevels: [3, 4])) {
            try AssessmentRules.validateRatings([SkillRating(item: "Facilities", selfLevel: 5)], items: Self.items)
        }
        #expect(throws: E.ratingNotDefined(item: "Facilities", level: 2, definedLevels: [3, 4])) {
            try AssessmentRules.validateRatings(
                [SkillRating(item: "Facilities", selfLevel: 3, evaluatorLevel: 2)], items: Self.items)
        }
    }

    @Test("self ratings: only the person, only in draft or returned, only valid levels; never once approved")
    func selfRatingEdits() throws {
        for state in [AssessmentState.draft, .returned] {
            try AssessmentRules.checkSelfRatingEdit(4, item: Self.leadership, state: state, personID: Self.person, actor: Self.me)
        }
        #expect(throws: E.approvedIsImmutable) {
            try AssessmentRules.checkSelfRatingEdit(
                4, item: Self.leadership, state: .approved, personID: Self.person, actor: Self.me)
        }
        #expect(throws: E.notThePerson(.editSelfRating)) {
            try AssessmentRules.checkSelfRatingEdit(
                4, item: Self.leadership, state: .draft, personID: Self.person, actor: Self.evaluator)
        }
        #expect(throws: E.wrongState(.editSelfRating, .submitted)) {
            try AssessmentRules.checkSelfRatingEdit(
                4, item: Self.leadership, state: .submitted, personID: Self.person, actor: Self.me)
        }
        #expect(throws: E.ratingNotDefined(item: "Leadership", level: 2, definedLevels: [3, 4, 5])) {
            try AssessmentRules.checkSelfRatingEdit(
                2, item: Self.leadership, state: .draft, personID: Self.person, actor: Self.me)
        }
    }

    @Test("evaluator ratings: only an evaluator who is not the person, only while submitted, only valid levels")
    func evaluatorRatingEdits() throws {
        try AssessmentRules.checkEvaluatorRatingEdit(
            3, item: Self.leadership, state: .submitted, personID: Self.person, actor: Self.evaluator)
        #expect(throws: E.approvedIsImmutable) {
            try AssessmentRules.checkEvaluatorRatingEdit(
                3, item: Self.leadership, state: .approved, personID: Self.person, actor: Self.evaluator)
        }
        #expect(throws: E.ownAssessment(.editEvaluatorRating)) {
            try AssessmentRules.checkEvaluatorRatingEdit(
                3, item: Self.leadership, state: .submitted, personID: Self.person, actor: Self.meAsEvaluator)
        }
        #expect(throws: E.notAnEvaluator(.editEvaluatorRating)) {
            try AssessmentRules.checkEvaluatorRatingEdit(
                3, item: Self.leadership, state: .submitted, personID: Self.person, actor: Self.colleague)
        }
        for state in [AssessmentState.draft, .returned] {
            #expect(throws: E.wrongState(.editEvaluatorRating, state)) {
                try AssessmentRules.checkEvaluatorRatingEdit(
                    3, item: Self.leadership, state: state, personID: Self.person, actor: Self.evaluator)
            }
        }
        #expect(throws: E.ratingNotDefined(item: "Leadership", level: 7, definedLevels: [3, 4, 5])) {
            try AssessmentRules.checkEvaluatorRatingEdit(
                7, item: Self.leadership, state: .submitted, personID: Self.person, actor: Self.evaluator)
        }
    }

    @Test("submit: only the person, from draft or returned, with a valid self rating for every item")
    func submit() throws {
        for state in [AssessmentState.draft, .returned] {
            #expect(
                try AssessmentRules.submit(
                    state: state, personID: Self.person, actor: Self.me, ratings: Self.selfRated(), items: Self.items)
                    == .submitted)
        }
        // 0 is a rating ("meets no level"), not a missing one.
        #expect(
            try AssessmentRules.submit(
                state: .draft, personID: Self.person, actor: Self.me, ratings: Self.selfRated(0), items: Self.items) == .submitted
        )
        #expect(throws: E.approvedIsImmutable) {
            try AssessmentRules.submit(
                state: .approved, personID: Self.person, actor: Self.me, ratings: Self.selfRated(), items: Self.items)
        }
        #expect(throws: E.notThePerson(.submit)) {
            try AssessmentRules.submit(
                state: .draft, personID: Self.person, actor: Self.evaluator, ratings: Self.selfRated(), items: Self.items)
        }
        #expect(throws: E.wrongState(.submit, .submitted)) {
            try AssessmentRules.submit(
                state: .submitted, personID: Self.person, actor: Self.me, ratings: Self.selfRated(), items: Self.items)
        }
        #expect(throws: E.missingSelfRatings(["Negotiation", "Facilities"])) {
            let partial = Self.selfRated().filter { $0.item == "Leadership" || $0.item == "Service Support" }
            return try AssessmentRules.submit(
                state: .draft, personID: Self.person, actor: Self.me, ratings: partial, items: Self.items)
        }
        #expect(throws: E.missingSelfRatings(["Leadership"])) {
            var ratings = Self.selfRated()
            ratings[0].selfLevel = nil
            ratings[0].evaluatorLevel = 3
            return try AssessmentRules.submit(
                state: .draft, personID: Self.person, actor: Self.me, ratings: ratings, items: Self.items)
        }
        #expect(throws: E.ratingNotDefined(item: "Facilities", level: 5, definedLevels: [3, 4])) {
            try AssessmentRules.submit(
                state: .draft, personID: Self.person, actor: Self.me, ratings: Self.selfRated(5), items: Self.items)
        }
    }

    @Test("approve: an evaluator who is not the person, from submitted, every item rated, differences explained")
    func approve() throws {
        #expect(
            try AssessmentRules.approve(
                state: .submitted, personID: Self.person, actor: Self.evaluator, ratings: Self.evaluated(), items: Self.items)
                == .approved)
        #expect(
            try AssessmentRules.approve(
                state: .submitted, personID: Self.person, actor: Self.evaluator,
                ratings: Self.evaluated(3, reason: "runs no team yet"), items: Self.items) == .approved)
        #expect(throws: E.approvedIsImmutable) {
            try AssessmentRules.approve(
                state: .approved, personID: Self.person, actor: Self.evaluator, ratings: Self.evaluated(), items: Self.items)
        }
        #expect(throws: E.ownAssessment(.approve)) {
            try AssessmentRules.approve(
                state: .submitted, personID: Self.person, actor: Self.meAsEvaluator, ratings: Self.evaluated(), items: Self.items)
        }
        #expect(throws: E.ownAssessment(.approve)) {
            try AssessmentRules.approve(
                state: .submitted, personID: Self.person, actor: Self.me, ratings: Self.evaluated(), items: Self.items)
        }
        #expect(throws: E.notAnEvaluator(.approve)) {
            try AssessmentRules.approve(
                state: .submitted, personID: Self.person, actor: Self.colleague, ratings: Self.evaluated(), items: Self.items)
        }
        for state in [AssessmentState.draft, .returned] {
            #expect(throws: E.wrongState(.approve, state)) {
                try AssessmentRules.approve(
                    state: state, personID: Self.person, actor: Self.evaluator, ratings: Self.evaluated(), items: Self.items)
            }
        }
        #expect(throws: E.missingEvaluatorRatings(["Facilities"])) {
            try AssessmentRules.approve(
                state: .submitted, personID: Self.person, actor: Self.evaluator, ratings: Array(Self.evaluated().dropLast()),
                items: Self.items)
        }
        #expect(throws: E.missingEvaluatorReasons(["Leadership", "Service Support", "Negotiation", "Facilities"])) {
            try AssessmentRules.approve(
                state: .submitted, personID: Self.person, actor: Self.evaluator, ratings: Self.evaluated(3), items: Self.items)
        }
        #expect(throws: E.missingEvaluatorReasons(["Negotiation"])) {
            var ratings = Self.evaluated()
            ratings[2].evaluatorLevel = 5
            ratings[2].evaluatorReason = "  \n"
            return try AssessmentRules.approve(
                state: .submitted, personID: Self.person, actor: Self.evaluator, ratings: ratings, items: Self.items)
        }
        #expect(throws: E.unknownItem("Cooking")) {
            try AssessmentRules.approve(
                state: .submitted, personID: Self.person, actor: Self.evaluator,
                ratings: Self.evaluated() + [SkillRating(item: "Cooking", evaluatorLevel: 3)], items: Self.items)
        }
    }

    @Test("return: an evaluator who is not the person, from submitted, with a comment; the result is editable again")
    func returnForRevision() throws {
        let state = try AssessmentRules.returnForRevision(
            state: .submitted, personID: Self.person, actor: Self.evaluator, comment: "add evidence for Leadership")
        #expect(state == .returned)
        #expect(state.isEditableBySelf)
        #expect(throws: E.approvedIsImmutable) {
            try AssessmentRules.returnForRevision(
                state: .approved, personID: Self.person, actor: Self.evaluator, comment: "again")
        }
        #expect(throws: E.ownAssessment(.returnForRevision)) {
            try AssessmentRules.returnForRevision(
                state: .submitted, personID: Self.person, actor: Self.meAsEvaluator, comment: "x")
        }
        #expect(throws: E.notAnEvaluator(.returnForRevision)) {
            try AssessmentRules.returnForRevision(state: .submitted, personID: Self.person, actor: Self.colleague, comment: "x")
        }
        for state in [AssessmentState.draft, .returned] {
            #expect(throws: E.wrongState(.returnForRevision, state)) {
                try AssessmentRules.returnForRevision(state: state, personID: Self.person, actor: Self.evaluator, comment: "x")
            }
        }
        for comment in [nil, "", "   ", "\n\t"] as [String?] {
            #expect(throws: E.commentRequired) {
                try AssessmentRules.returnForRevision(
                    state: .submitted, personID: Self.person, actor: Self.evaluator, comment: comment)
            }
        }
    }

    @Test("an approved assessment refuses every change")
    func immutable() throws {
        try AssessmentRules.checkMutable(.draft)
        try AssessmentRules.checkMutable(.submitted)
        try AssessmentRules.checkMutable(.returned)
        #expect(throws: E.approvedIsImmutable) { try AssessmentRules.checkMutable(.approved) }
    }

    @Test("the whole workflow: draft → submitted → returned → submitted → approved, then frozen")
    func workflow() throws {
        var state = AssessmentState.draft
        state = try AssessmentRules.submit(
            state: state, personID: Self.person, actor: Self.me, ratings: Self.selfRated(), items: Self.items)
        state = try AssessmentRules.returnForRevision(
            state: state, personID: Self.person, actor: Self.evaluator, comment: "rate Facilities again")
        try AssessmentRules.checkSelfRatingEdit(3, item: Self.items[3], state: state, personID: Self.person, actor: Self.me)
        state = try AssessmentRules.submit(
            state: state, personID: Self.person, actor: Self.me, ratings: Self.selfRated(), items: Self.items)
        state = try AssessmentRules.approve(
            state: state, personID: Self.person, actor: Self.evaluator, ratings: Self.evaluated(), items: Self.items)
        #expect(state == .approved)
        #expect(throws: E.approvedIsImmutable) {
            try AssessmentRules.checkSelfRatingEdit(3, item: Self.leadership, state: state, personID: Self.person, actor: Self.me)
        }
        #expect(throws: E.approvedIsImmutable) {
            try AssessmentRules.submit(
                state: state, personID: Self.person, actor: Self.me, ratings: Self.selfRated(), items: Self.items)
        }
    }

    @Test("every message is one line")
    func messages() {
        let errors: [E] = [
            .ratingNotDefined(item: "Leadership", level: 6, definedLevels: [3, 4, 5]), .unknownItem("Cooking"),
            .duplicateRating("Leadership"), .approvedIsImmutable, .notThePerson(.submit), .notThePerson(.editSelfRating),
            .notAnEvaluator(.approve), .ownAssessment(.approve), .ownAssessment(.editEvaluatorRating),
            .ownAssessment(.returnForRevision), .wrongState(.submit, .submitted), .wrongState(.approve, .draft),
            .missingSelfRatings(["A"]), .missingEvaluatorRatings((1...9).map { "Item \($0)" }),
            .missingEvaluatorReasons(["A", "B"]), .commentRequired,
        ]
        for error in errors {
            let message = error.localizedDescription
            #expect(!message.isEmpty)
            #expect(!message.contains("\n"))
        }
        #expect(E.approvedIsImmutable.localizedDescription == "the assessment is approved and can no longer change")
        #expect(E.notThePerson(.submit).localizedDescription == "only the assessed person can submit")
        #expect(E.notAnEvaluator(.approve).localizedDescription == "only an evaluator of the person can approve")
        #expect(E.ownAssessment(.approve).localizedDescription == "nobody can approve their own assessment")
        #expect(E.ownAssessment(.editEvaluatorRating).localizedDescription == "nobody can rate their own assessment as evaluator")
        #expect(
            E.wrongState(.submit, .submitted).localizedDescription
                == "cannot submit while the assessment is submitted; only possible for a draft or returned assessment")
        #expect(
            E.wrongState(.returnForRevision, .draft).localizedDescription
                == "cannot return while the assessment is draft; only possible for a submitted assessment")
        #expect(E.missingSelfRatings(["A"]).localizedDescription == "self ratings are missing for 1 item: \"A\"")
        #expect(
            E.missingEvaluatorRatings((1...7).map { "I\($0)" }).localizedDescription
                == "evaluator ratings are missing for 7 items: \"I1\", \"I2\", \"I3\", \"I4\", \"I5\" and 2 more")
        #expect(
            E.missingEvaluatorReasons(["A", "B"]).localizedDescription
                == "the evaluator rating differs from the self rating without a reason for 2 items: \"A\", \"B\"")
        #expect(E.commentRequired.localizedDescription == "returning an assessment needs a comment saying what to change")
        #expect(E.unknownItem("Cooking").localizedDescription == "\"Cooking\" is not a skill item of the assessment's field")
        #expect(E.duplicateRating("Leadership").localizedDescription == "\"Leadership\" is rated more than once")
    }
}
