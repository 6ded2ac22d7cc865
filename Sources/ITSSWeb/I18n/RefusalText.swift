import ITSSDomain
import ITSSStorage

/// The refusals people meet on the pages, in the interface language. English is the errors' own one-line text;
/// Japanese is written here (names of items and people stay as stored). Free-text reasons a use case gives
/// (`StorageError.refused`) keep their English wording behind a Japanese lead-in.
enum RefusalText {
    /// The message for a refusal, or `nil` when the error is no refusal (a failure to report as a server error).
    static func message(_ error: any Error, _ language: Language) -> String? {
        guard language == .japanese else { return nil }
        switch error {
        case let rule as AssessmentRuleError: return japanese(rule)
        case let storage as StorageError: return japanese(storage)
        default: return nil
        }
    }

    static func japanese(_ rule: AssessmentRuleError) -> String {
        switch rule {
        case let .ratingNotDefined(item, level, definedLevels):
            let choices = ([0] + definedLevels).map(String.init).joined(separator: "、")
            return "「\(item)」にレベル \(level) はありません。\(choices) のいずれかで評価してください"
        case let .unknownItem(item): return "「\(item)」はこの評価の分野のスキル項目ではありません"
        case let .duplicateRating(item): return "「\(item)」が二度評価されています"
        case .approvedIsImmutable: return "承認済みの評価は変更できません"
        case let .notThePerson(action): return "\(phrase(action))は評価される本人だけができます"
        case let .notAnEvaluator(action): return "\(phrase(action))はこの人の評価者だけができます"
        case let .ownAssessment(action):
            return action == .editEvaluatorRating ? "自分の評価を評価者として評価することはできません" : "自分の評価を\(phrase(action))ことはできません"
        case let .wrongState(action, state):
            let allowed =
                switch action {
                case .editSelfRating, .submit: "下書きか差し戻しの評価だけです"
                case .editEvaluatorRating, .approve, .returnForRevision: "提出済みの評価だけです"
                }
            return "評価が「\(stateName(state))」のため\(phrase(action))ことはできません（できるのは\(allowed)）"
        case let .missingSelfRatings(items): return "自己評価がない項目があります: \(list(items))"
        case let .missingEvaluatorRatings(items): return "評価者の評価がない項目があります: \(list(items))"
        case let .missingEvaluatorReasons(items): return "自己評価と異なる評価に理由がありません: \(list(items))"
        case .commentRequired: return "差し戻すには、何を直すかのコメントが必要です"
        }
    }

    static func japanese(_ error: StorageError) -> String? {
        switch error {
        case let .notFound(what, suggestions):
            return "見つかりません: \(what)" + (suggestions.isEmpty ? "" : "（候補: \(suggestions.joined(separator: "、"))）")
        case .conflict: return "ほかの人が先に変更しました。何も保存されていません。再読み込みして、もう一度変更してください"
        case let .alreadyExists(what): return "既にあります: \(what)"
        case let .refused(reason): return "受け付けられません: \(reason)"
        case let .forbidden(reason): return "権限がありません: \(reason)"
        case .busy: return "データベースがほかの書き込みで使用中です。何も保存されていません。しばらくしてからもう一度試してください"
        case .unavailable, .standardDiffers, .corrupt, .failed: return nil
        }
    }

    private static func phrase(_ action: AssessmentAction) -> String {
        switch action {
        case .editSelfRating: "自己評価の変更"
        case .editEvaluatorRating: "評価者の評価の変更"
        case .submit: "提出"
        case .approve: "承認"
        case .returnForRevision: "差し戻し"
        }
    }

    private static func stateName(_ state: AssessmentState) -> String {
        switch state {
        case .draft: "下書き"
        case .submitted: "提出済み"
        case .approved: "承認済み"
        case .returned: "差し戻し"
        }
    }

    /// The first few names, so that the message stays one line.
    private static func list(_ items: [String]) -> String {
        let shown = items.prefix(5).map { "「\($0)」" }.joined(separator: "、")
        return items.count > 5 ? "\(shown) ほか \(items.count - 5) 件" : shown
    }
}
