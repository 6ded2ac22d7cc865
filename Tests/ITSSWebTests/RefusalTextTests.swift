import ITSSDomain
import ITSSStorage
import Testing

@testable import ITSSWeb

/// Refusals on the pages speak the interface language: every assessment rule in Japanese, the names kept as stored.
@Suite("Refusal text")
struct RefusalTextTests {
    static let rules: [AssessmentRuleError] =
        [
            .ratingNotDefined(item: "Technology", level: 5, definedLevels: [3, 4]), .unknownItem("Juggling"),
            .duplicateRating("Technology"), .approvedIsImmutable, .missingSelfRatings(["A", "B", "C", "D", "E", "F", "G"]),
            .missingEvaluatorRatings(["A"]), .missingEvaluatorReasons(["A"]), .commentRequired,
        ]
        + AssessmentAction.allCases.flatMap { action in
            [.notThePerson(action), .notAnEvaluator(action), .ownAssessment(action)]
                + [AssessmentState.draft, .submitted, .approved, .returned].map { .wrongState(action, $0) }
        }

    @Test("every assessment rule has a Japanese message, distinct from the English one")
    func japaneseRules() throws {
        for rule in Self.rules {
            let japanese = try #require(RefusalText.message(rule, .japanese))
            #expect(japanese != rule.errorDescription)
            #expect(japanese.unicodeScalars.contains { $0.value >= 0x3040 }, "\(rule)")
        }
        #expect(RefusalText.message(AssessmentRuleError.commentRequired, .english) == nil)
        #expect(
            RefusalText.japanese(.ratingNotDefined(item: "Technology", level: 5, definedLevels: [3, 4]))
                == "「Technology」にレベル 5 はありません。0、3、4 のいずれかで評価してください")
        #expect(RefusalText.japanese(.missingSelfRatings(["A", "B", "C", "D", "E", "F", "G"])).hasSuffix("ほか 2 件"))
    }

    @Test("storage refusals lead in Japanese and keep the names; failures stay server errors")
    func storage() {
        #expect(
            RefusalText.message(StorageError.notFound(what: "skill item \"X\"", suggestions: ["Xa"]), .japanese)
                == "見つかりません: skill item \"X\"（候補: Xa）")
        #expect(RefusalText.message(StorageError.refused(reason: "archived"), .japanese) == "受け付けられません: archived")
        #expect(RefusalText.message(StorageError.corrupt(detail: "x"), .japanese) == nil)
        let problem = SkillPageParts.refusal(AssessmentRuleError.commentRequired, .japanese)
        #expect(problem?.detail == "差し戻すには、何を直すかのコメントが必要です" && problem?.status == 422)
        #expect(SkillPageParts.refusal(StorageError.corrupt(detail: "x"), .japanese) == nil)
    }
}
