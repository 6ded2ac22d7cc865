import ITSSDomain
import ITSSStorage

/// A self-assessment, item by item: the person chooses, for each skill item, the highest level text they meet
/// (or "not yet"). The model; `render(layout:)` is the pure view.
struct SelfAssessmentPage: Sendable {
    var assessment: AssessmentView
    /// The assessed (effective) field: items with their level texts and knowledge items.
    var field: SpecialtyField
    /// Whether the signed-in person may change the self ratings (their own draft or returned assessment).
    var editable: Bool
    /// The person's provisional level in the field (self ratings and all records), shown once saved.
    var provisional: LevelBreakdown?
    /// The level chosen per item name: what the form sent when refused, else the stored self rating.
    var chosen: [String: Int] = [:]
    var errors = FieldErrors()
    var notice: String?
    var failure: String?

    /// The radio group's name for the item at `index` (names are positions: item names have spaces and quotes).
    static func inputName(_ index: Int) -> String { "item-\(index)" }

    func render(layout: Layout) -> HTML {
        let language = layout.language
        let returned: HTML =
            assessment.state == .returned
            ? """
            <aside class="hint returned-comment"><p><strong>\(AssessmentText.returnedBy(language))</strong></p>
            <p>\(assessment.returnComment)</p></aside>
            """ : .empty
        let provisionalBlock: HTML =
            provisional.map { breakdown in
                """
                <section class="card"><p>\(PartsText.provisional(language)): <strong class="provisional-level">\(SkillPageParts.level(breakdown, language))</strong></p>
                \(SkillPageParts.explanation(breakdown, language))</section>
                """
            } ?? .empty
        let items = field.items.enumerated().map { index, item in itemBlock(index, item, language) }
        let buttons: HTML =
            editable
            ? """
            <div class="actions no-print">
            <button type="submit" name="intent" value="save">\(AssessmentText.save(language))</button>
            <button type="submit" class="secondary" formaction="/assessments/\(assessment.id)/submit">\(AssessmentText.submit(language))</button>
            </div>
            <p class="muted">\(AssessmentText.submitHint(language))</p>
            """ : "<p class=\"muted\">\(readOnlyHint(language))</p>"
        return layout.render(
            """
            <p class="no-print"><a href="/me">← \(MySkillsText.title(language))</a></p>
            <h1>\(AssessmentText.title(language)): \(SkillPageParts.label(assessment.field))</h1>
            <p>\(assessment.personName) · \(assessment.employeeNumber) · \(PartsText.cycle(language)) \(assessment.cycle) · \(SkillPageParts.badge(assessment.state, language))</p>
            \(SkillPageParts.profileNote(assessment, language))
            \(SkillPageParts.notice(notice))
            \(SkillPageParts.failure(failure))
            \(returned)
            \(provisionalBlock)
            <form method="post" action="/assessments/\(assessment.id)" class="assessment">
            <input type="hidden" name="_csrf" value="\(layout.csrfToken)">
            <input type="hidden" name="version" value="\(assessment.version)">
            <p class="muted">\(AssessmentText.instructions(language))</p>
            \(items)
            \(buttons)
            </form>
            """)
    }

    private func readOnlyHint(_ language: Language) -> String {
        switch assessment.state {
        case .submitted: AssessmentText.waiting(language)
        case .approved: AssessmentText.approvedHint(language)
        case .draft, .returned: AssessmentText.notYours(language)
        }
    }

    private func itemBlock(_ index: Int, _ item: SkillItem, _ language: Language) -> HTML {
        let name = Self.inputName(index)
        let id = "item-\(index)"
        let rating = assessment.ratings.first { $0.item == item.name }
        let current = chosen[item.name] ?? rating?.selfLevel
        let disabled: HTML = editable ? .empty : " disabled"
        let options = item.levels.map { level -> HTML in
            let checked: HTML = current == level.level ? " checked" : .empty
            return """
                <label class="level-choice"><input type="radio" name="\(name)" value="\(level.level)"\(checked)\(disabled)> \
                <span class="level-number">\(PartsText.level(language)) \(level.level)</span> <span class="level-text">\(level.text)</span></label>
                """
        }
        let none: HTML = """
            <label class="level-choice"><input type="radio" name="\(name)" value="0"\(current == 0 ? " checked" as HTML : .empty)\(disabled)> \
            <span class="level-text">\(PartsText.notYet(language))</span></label>
            """
        let knowledge: HTML =
            item.knowledgeItems.isEmpty
            ? .empty
            : """
            <details class="knowledge"><summary>\(PartsText.knowledge(language))</summary>
            <ul>\(item.knowledgeItems.map { "<li>\($0)</li>" as HTML })</ul></details>
            """
        let evaluator: HTML =
            assessment.state == .approved
            ? rating.map { rating in
                """
                <p class="evaluator-rating">\(AssessmentText.evaluatorRating(language)): \(rating.evaluatorLevel.map(String.init) ?? "–")\
                \(rating.evaluatorReason.map { " — \($0)" } ?? "")</p>
                """
            } ?? .empty : .empty
        return """
            <fieldset class="levels" id="\(id)"\(errors.attributes(name, id: id))>
            <legend>\(SkillPageParts.itemLegend(item, assessment, language))</legend>
            \(SkillPageParts.carried(rating, language))
            \(options)\(none)
            \(errors.message(name, id: id))
            \(knowledge)
            \(evaluator)
            </fieldset>
            """
    }
}

enum AssessmentText {
    static let title = Localized("Self-assessment", "自己評価")
    static let instructions = Localized(
        "For each skill item, choose the highest level whose text describes what you do. Save as often as you like; submit when every item is answered.",
        "各スキル項目について、自分の業務に当てはまる最も高いレベルの記述を選んでください。何度でも保存できます。すべての項目に回答したら提出してください。")
    static let save = Localized("Save", "保存")
    static let submit = Localized("Save and submit for review", "保存して提出")
    static let submitHint = Localized(
        "After submitting, your evaluator reviews the ratings; you can change them again only if it is returned to you.",
        "提出後は評価者がレビューします。差し戻された場合のみ再度変更できます。")
    static let returnedBy = Localized("Returned by your evaluator with this comment:", "評価者から次のコメントで差し戻されました：")
    static let waiting = Localized("Submitted: waiting for your evaluator's review.", "提出済み：評価者のレビュー待ちです。")
    static let approvedHint = Localized("Approved: this assessment can no longer change.", "承認済み：この評価は変更できません。")
    static let notYours = Localized("Only the assessed person rates themselves.", "自己評価は本人のみが入力できます。")
    static let evaluatorRating = Localized("Evaluator", "評価者")
    static let saved = Localized("Saved.", "保存しました。")
    static let submitted = Localized("Submitted for review.", "レビューに提出しました。")
    static let unanswered = Localized("choose a text or \"not yet\"", "いずれかの記述か「まだ該当しない」を選んでください")
    static let answerAll = Localized(
        "Your answers are saved, but every item needs an answer before you can submit.",
        "回答は保存しましたが、提出するにはすべての項目に回答が必要です。")
    static let badLevel = Localized("choose one of the texts", "いずれかの記述を選んでください")
}
