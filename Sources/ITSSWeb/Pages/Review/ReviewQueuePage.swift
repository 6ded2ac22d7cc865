import ITSSDomain
import ITSSStorage

/// The evaluator's queue: submitted assessments of the people their assignments cover, oldest first.
struct ReviewQueuePage: Sendable {
    /// `nil` when the account is not a person's (only people evaluate).
    var page: Page<ReviewQueueEntry>?
    var notice: String?

    func render(layout: Layout) -> HTML {
        let language = layout.language
        let body: HTML
        if let page, !page.items.isEmpty {
            let rows = page.items.map { entry -> HTML in
                """
                <tr><td><a href="/people/\(url: entry.employeeNumber)">\(entry.employeeNumber)</a></td><td>\(entry.personName)</td>
                <td>\(SkillPageParts.label(entry.field))</td><td>\(entry.cycle)</td><td>\(entry.submittedAt.map { String($0.prefix(10)) })</td>
                <td><a class="button" href="/review/\(entry.assessmentID)">\(ReviewText.review(language))</a></td></tr>
                """
            }
            body = """
                <table class="queue"><thead><tr><th>\(PartsText.employeeNumber(language))</th><th>\(PartsText.name(language))</th>
                <th>\(PartsText.field(language))</th><th>\(PartsText.cycle(language))</th><th>\(ReviewText.submittedOn(language))</th><th></th></tr></thead>
                <tbody>\(rows)</tbody></table>
                \(SkillPageParts.pager(page, path: "/review", query: "", language))
                """
        } else if page == nil {
            body = "<p class=\"empty\">\(ReviewText.notAPerson(language))</p>"
        } else {
            body = "<p class=\"empty\">\(ReviewText.emptyQueue(language))</p>"
        }
        return layout.render(
            """
            <h1>\(ReviewText.queueTitle(language))</h1>
            \(SkillPageParts.notice(notice))
            <p class="muted">\(ReviewText.queueHint(language))</p>
            \(body)
            """)
    }
}

enum ReviewText {
    static let queueTitle = Localized("Review queue", "レビュー待ち")
    static let queueHint = Localized(
        "Submitted assessments of the people you evaluate, oldest first.", "担当する人材の提出済み評価（提出の古い順）。")
    static let emptyQueue = Localized(
        "Nothing to review. Submitted assessments of the people you evaluate appear here; see their levels under People.",
        "レビュー待ちはありません。担当する人材が評価を提出するとここに表示されます。レベルは「人材」で確認できます。")
    static let notAPerson = Localized(
        "This account is not a person's: assessments are reviewed by evaluators, who are people.",
        "このアカウントは人材に紐づいていません。評価のレビューは評価者（人材）が行います。")
    static let review = Localized("Review", "レビュー")
    static let submittedOn = Localized("Submitted", "提出日")
    static let title = Localized("Review", "レビュー")
    static let item = Localized("Skill item", "スキル項目")
    static let selfRating = Localized("Self rating", "自己評価")
    static let evaluatorRating = Localized("Your rating", "評価者の評価")
    static let reason = Localized("Reason (required when different from the self rating)", "理由（自己評価と異なる場合は必須）")
    static let reasonRequired = Localized(
        "say why your rating differs from the self rating", "自己評価と異なる理由を入力してください")
    static let notRated = Localized("not rated", "未評価")
    static let save = Localized("Save ratings", "評価を保存")
    static let approve = Localized("Save and approve", "保存して承認")
    static let returnTitle = Localized("Return to the person", "本人に差し戻す")
    static let comment = Localized("What should change?", "変更してほしい点")
    static let returnButton = Localized("Return with this comment", "このコメントで差し戻す")
    static let commentRequired = Localized("write what to change", "変更してほしい点を書いてください")
    static let experience = Localized("Experience waiting for verification", "確認待ちの実績")
    static let noPending = Localized("No experience records wait for verification.", "確認待ちの実績はありません。")
    static let verify = Localized("Verify", "確認する")
    static let saved = Localized("Ratings saved.", "評価を保存しました。")
    static let approved = Localized("Approved. The official level has changed:", "承認しました。公式レベルが更新されました：")
    static let returned = Localized("Returned to the person.", "本人に差し戻しました。")
    static let verified = Localized("Experience verified.", "実績を確認しました。")
    static let seeProfile = Localized("see the profile", "プロフィールを見る")
    static let officialNow = Localized("Official level in this field", "この専門分野の公式レベル")
    static let readOnly = Localized(
        "You can read this assessment; only an evaluator of the person decides on it while it is submitted.",
        "この評価は閲覧のみ可能です。提出中の評価は担当評価者のみが判断できます。")
    static let returnedComment = Localized("Returned with the comment:", "差し戻しコメント：")
}
