import ITSSDomain
import ITSSStorage

/// One assessment under review: self and evaluator ratings side by side with the level texts, the decision
/// forms, and the person's experience waiting for verification. The model; `render(layout:)` is the pure view.
struct ReviewPage: Sendable {
    var assessment: AssessmentView
    var field: SpecialtyField
    /// Whether the signed-in evaluator may rate and decide (an evaluator of the person, the assessment submitted).
    var canDecide: Bool
    /// Whether the signed-in principal may verify the person's experience (an evaluator of the person).
    var canVerify: Bool
    /// The person's official level in the field now.
    var official: LevelBreakdown?
    var pendingExperience: [ExperienceRecord]
    /// Evaluator levels and reasons as sent (when refused), by item name.
    var chosen: [String: Int] = [:]
    var reasons: [String: String] = [:]
    var comment = ""
    var errors = FieldErrors()
    var notice: HTML?
    var failure: String?

    static func levelName(_ index: Int) -> String { "level-\(index)" }
    static func reasonName(_ index: Int) -> String { "reason-\(index)" }

    func render(layout: Layout) -> HTML {
        let language = layout.language
        let profile = "/people/" + HTML.percentEncoded(assessment.employeeNumber)
        let officialBlock: HTML =
            official.map { breakdown in
                """
                <section class="card"><p>\(ReviewText.officialNow(language)): <strong class="official-level">\(SkillPageParts.level(breakdown, language))</strong>
                · <a href="\(profile)">\(ReviewText.seeProfile(language))</a></p>
                \(SkillPageParts.explanation(breakdown, language))</section>
                """
            } ?? .empty
        let returned: HTML =
            assessment.state == .returned
            ? "<aside class=\"hint\"><p>\(ReviewText.returnedComment(language))</p><p>\(assessment.returnComment)</p></aside>"
            : .empty
        let items = field.items.enumerated().map { index, item in itemBlock(index, item, language) }
        let decide: HTML =
            canDecide
            ? """
            <div class="actions no-print">
            <button type="submit">\(ReviewText.save(language))</button>
            <button type="submit" formaction="/review/\(assessment.id)/approve">\(ReviewText.approve(language))</button>
            </div>
            """ : "<p class=\"muted\">\(ReviewText.readOnly(language))</p>"
        let returnForm: HTML =
            canDecide
            ? """
            <form method="post" action="/review/\(assessment.id)/return" class="card stacked no-print" id="return">
            <h2>\(ReviewText.returnTitle(language))</h2>
            <input type="hidden" name="_csrf" value="\(layout.csrfToken)">
            <input type="hidden" name="version" value="\(assessment.version)">
            <label for="return-comment">\(ReviewText.comment(language))</label>
            <textarea id="return-comment" name="comment"\(errors.attributes("comment", id: "return-comment"))>\(comment)</textarea>
            \(errors.message("comment", id: "return-comment"))
            <button type="submit" class="secondary">\(ReviewText.returnButton(language))</button>
            </form>
            """ : .empty
        return layout.render(
            """
            <p class="no-print"><a href="/review">← \(ReviewText.queueTitle(language))</a></p>
            <h1>\(ReviewText.title(language)): \(assessment.personName) — \(SkillPageParts.label(assessment.field))</h1>
            <p><a href="\(profile)">\(assessment.employeeNumber)</a> · \(PartsText.cycle(language)) \(assessment.cycle) · \(SkillPageParts.badge(assessment.state, language))</p>
            \(SkillPageParts.profileNote(assessment, language))
            \(notice)
            \(SkillPageParts.failure(failure))
            \(returned)
            \(officialBlock)
            <form method="post" action="/review/\(assessment.id)" class="review">
            <input type="hidden" name="_csrf" value="\(layout.csrfToken)">
            <input type="hidden" name="version" value="\(assessment.version)">
            \(items)
            \(decide)
            </form>
            \(returnForm)
            <h2>\(ReviewText.experience(language))</h2>
            \(experienceBlock(layout))
            """)
    }

    private func itemBlock(_ index: Int, _ item: SkillItem, _ language: Language) -> HTML {
        let rating = assessment.ratings.first { $0.item == item.name }
        let selfLevel = rating?.selfLevel
        let selfText: HTML
        if let selfLevel {
            let text = item.description(atLevel: selfLevel)?.text ?? PartsText.notYet(language)
            selfText =
                selfLevel == 0
                ? "<p><span class=\"level-text\">\(PartsText.notYet(language))</span></p>"
                : "<p><span class=\"level-number\">\(PartsText.level(language)) \(selfLevel)</span> <span class=\"level-text\">\(text)</span></p>"
        } else {
            selfText = "<p class=\"muted\">\(ReviewText.notRated(language))</p>"
        }
        let note: HTML =
            (rating?.note.map { "<p class=\"muted\">\($0)</p>" } ?? .empty) + SkillPageParts.carried(rating, language)
        let levelName = Self.levelName(index)
        let reasonName = Self.reasonName(index)
        let current = chosen[item.name] ?? rating?.evaluatorLevel ?? selfLevel
        let disabled: HTML = canDecide ? .empty : " disabled"
        let choices =
            item.levels.map { level -> HTML in
                """
                <label class="level-choice"><input type="radio" name="\(levelName)" value="\(level.level)"\(current == level.level ? " checked" as HTML : .empty)\(disabled)> \
                <span class="level-number">\(PartsText.level(language)) \(level.level)</span> <span class="level-text">\(level.text)</span></label>
                """
            } + [
                """
                <label class="level-choice"><input type="radio" name="\(levelName)" value="0"\(current == 0 ? " checked" as HTML : .empty)\(disabled)> \
                <span class="level-text">\(PartsText.notYet(language))</span></label>
                """
            ]
        let reason = reasons[item.name] ?? rating?.evaluatorReason ?? ""
        let reasonID = "reason-\(index)"
        return """
            <fieldset class="levels review-item" id="item-\(index)">
            <legend>\(SkillPageParts.itemLegend(item, assessment, language))</legend>
            <div class="side-by-side">
            <div class="self-side"><h3>\(ReviewText.selfRating(language))</h3>\(selfText)\(note)</div>
            <div class="evaluator-side"><h3>\(ReviewText.evaluatorRating(language))</h3>\(choices)
            <label for="\(reasonID)" class="reason-label">\(ReviewText.reason(language))</label>
            <input id="\(reasonID)" name="\(reasonName)" value="\(reason)"\(disabled)\(errors.attributes(reasonName, id: reasonID))>
            \(errors.message(reasonName, id: reasonID))
            </div></div>
            </fieldset>
            """
    }

    private func experienceBlock(_ layout: Layout) -> HTML {
        let language = layout.language
        guard !pendingExperience.isEmpty else { return "<p class=\"empty\">\(ReviewText.noPending(language))</p>" }
        let rows = pendingExperience.map { record -> HTML in
            let verify: HTML =
                canVerify
                ? """
                <form method="post" action="/review/\(assessment.id)/experience/\(record.recordID)/verify" class="inline">
                <input type="hidden" name="_csrf" value="\(layout.csrfToken)">
                <button type="submit">\(ReviewText.verify(language))</button></form>
                """ : .empty
            return """
                <tr><td>#\(record.recordID)</td><td>\(SkillPageParts.label(record.field))</td><td>\(MySkillsText.role(record.role)(language))</td>
                <td>\(record.from.description) – \(record.to?.description ?? "")</td>
                \(SkillPageParts.measureCells(record))
                <td>\(record.customer)\(record.description.map { "<br><span class=\"muted\">\($0)</span>" as HTML })</td><td>\(verify)</td></tr>
                """
        }
        return """
            <table class="experience"><thead><tr><th>#</th><th>\(PartsText.field(language))</th><th>\(MySkillsText.roleLabel(language))</th>
            <th>\(MySkillsText.period(language))</th>\(SkillPageParts.measureHeaders(language))
            <th>\(MySkillsText.customer(language))</th><th></th></tr></thead>
            <tbody>\(rows)</tbody></table>
            """
    }
}
