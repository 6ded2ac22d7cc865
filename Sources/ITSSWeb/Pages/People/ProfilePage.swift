import ITSSDomain
import ITSSStorage

/// A person's profile: levels per field with the reasons, a radar chart of a field's item ratings, level
/// history, the gap to a chosen target and the development plans. The model; `render(layout:)` is the pure view.
struct ProfilePage: Sendable {
    var person: Person
    var levels: [PersonLevel]
    var chart: Chart?
    /// The fields the person works in (for the chart, gap and plan forms).
    var fields: [FieldReference]
    /// One page of the level history, newest first.
    var history: [LevelChange]
    var historyList = SubList(parameter: "history_page")
    /// The gap form as typed (`FIELD` key and level) and its result.
    var targetField = ""
    var targetLevel = ""
    var gap: FieldGap?
    var gapErrors = FieldErrors()
    /// One page of the development plans, newest first.
    var plans: [PlanView]
    var planList = SubList(parameter: "plans_page")
    var canEditPlans: Bool
    /// The plan create form as typed and its errors.
    var newPlanField = ""
    var newPlanLevel = ""
    var planErrors = FieldErrors()
    /// A message for one plan (a version conflict, a refused change), by plan id.
    var planFailures: [Int64: String] = [:]
    var notice: String?
    /// Levels under a tailoring profile (HR and administrators).
    var tailoring: ProfileLevelsBlock?
    /// The carry form, for evaluators of the person, HR and administrators; nil for others.
    var carry: CarryForm?

    /// The ratings of one field drawn as a radar chart.
    struct Chart: Sendable, Hashable {
        var field: FieldReference
        var cycle: String
        var state: AssessmentState
        var items: [String]
        var selfLevels: [Int?]
        var evaluatorLevels: [Int?]
        var maximum: Int
    }

    var path: String { "/people/" + HTML.percentEncoded(person.employeeNumber) }

    func render(layout: Layout) -> HTML {
        let language = layout.language
        return layout.render(
            """
            <h1>\(person.name) <span class="muted">\(person.employeeNumber)</span></h1>
            \(SkillPageParts.notice(notice))
            <h2>\(ProfileText.levels(language))</h2>
            \(levelsBlock(language))
            \(tailoring?.render(language) ?? .empty)
            <h2 id="chart">\(ProfileText.ratings(language))</h2>
            \(chartBlock(language))
            <h2>\(ProfileText.history(language))</h2>
            \(historyBlock(language))
            <h2 id="gap">\(ProfileText.gap(language))</h2>
            \(gapBlock(language))
            <h2 id="plans">\(ProfileText.plans(language))</h2>
            \(plansBlock(layout))
            \(carryBlock(layout))
            """)
    }

    private func carryBlock(_ layout: Layout) -> HTML {
        guard let carry else { return .empty }
        return """
            <h2 id="carry" class="no-print">\(CarryText.title(layout.language))</h2>
            \(carry.render(path: path, layout: layout))
            """
    }

    private func levelsBlock(_ language: Language) -> HTML {
        guard !levels.isEmpty else { return "<p class=\"empty\">\(ProfileText.noFields(language))</p>" }
        return HTML.join(
            levels.map { level in
                let provisional: HTML =
                    level.provisional.map {
                        "<p class=\"muted\">\(PartsText.provisional(language)): \(SkillPageParts.level($0, language))</p>"
                    } ?? .empty
                return """
                    <section class="card level-card">
                    <h3>\(SkillPageParts.label(level.field))</h3>
                    <p>\(PartsText.official(language)): <strong class="official-level">\(SkillPageParts.level(level.official, language))</strong></p>
                    \(SkillPageParts.explanation(level.official, language))
                    \(SkillPageParts.breakdown(level.official, language))
                    \(provisional)
                    </section>
                    """
            })
    }

    private func fieldOptions(selected: String) -> HTML {
        HTML.join(
            fields.map { field in
                let key = SkillPageParts.key(field)
                return
                    "<option value=\"\(key)\"\(key == selected ? " selected" as HTML : .empty)>\(SkillPageParts.label(field))</option>"
            })
    }

    private func chartBlock(_ language: Language) -> HTML {
        let picker: HTML =
            fields.count > 1
            ? """
            <form method="get" action="\(path)#chart" class="filters no-print">
            <label for="chart-field">\(PartsText.field(language))</label>
            <select id="chart-field" name="field">\(fieldOptions(selected: chart.map { SkillPageParts.key($0.field) } ?? ""))</select>
            <button type="submit">\(ProfileText.show(language))</button></form>
            """ : .empty
        guard let chart else { return picker + "<p class=\"empty\">\(ProfileText.noRatings(language))</p>" }
        let svg = RadarChart.render(
            title: "\(ProfileText.ratings(language)): \(chart.field.field) \(chart.cycle)", axes: chart.items,
            maximum: chart.maximum,
            series: [
                RadarChart.Series(name: ProfileText.selfSeries(language), values: chart.selfLevels, style: "self"),
                RadarChart.Series(name: ProfileText.evaluatorSeries(language), values: chart.evaluatorLevels, style: "evaluator"),
            ])
        let rows = chart.items.enumerated().map { index, item -> HTML in
            """
            <tr><td>\(item)</td><td class="num">\(chart.selfLevels[index].map(String.init) ?? "–")</td>\
            <td class="num">\(chart.evaluatorLevels[index].map(String.init) ?? "–")</td></tr>
            """
        }
        return """
            \(picker)
            <p>\(SkillPageParts.label(chart.field)) · \(PartsText.cycle(language)) \(chart.cycle) · \(SkillPageParts.badge(chart.state, language))</p>
            <figure class="radar-figure">\(svg)</figure>
            <details class="chart-data"\(svg == nil ? " open" as HTML : .empty)><summary>\(ProfileText.chartData(language))</summary>
            <table><thead><tr><th>\(ReviewText.item(language))</th><th class="num">\(ProfileText.selfSeries(language))</th>
            <th class="num">\(ProfileText.evaluatorSeries(language))</th></tr></thead><tbody>\(rows)</tbody></table></details>
            """
    }

    private func historyBlock(_ language: Language) -> HTML {
        guard !history.isEmpty else {
            return "<p class=\"empty\">\(historyList.total == 0 ? ProfileText.noHistory(language) : ListText.pageEmpty(language))</p>"
        }
        let rows = history.map { change -> HTML in
            """
            <tr><td>\(String(change.effectiveAt.prefix(10)))</td><td>\(SkillPageParts.label(change.field))</td>
            <td>\(change.previousLevel.map(String.init) ?? "–") → \(change.level.map(String.init) ?? "–")</td><td class="muted">\(change.cause)</td></tr>
            """
        }
        return """
            <table class="history"><thead><tr><th>\(ProfileText.date(language))</th><th>\(PartsText.field(language))</th>
            <th>\(PartsText.level(language))</th><th>\(ProfileText.cause(language))</th></tr></thead><tbody>\(rows)</tbody></table>
            \(historyList.pager(path: path, keeping: [planList], language: language))
            """
    }

    private func levelOptions(selected: String) -> HTML {
        HTML.join(
            (1...7).map { level in
                "<option value=\"\(level)\"\(String(level) == selected ? " selected" as HTML : .empty)>\(level)</option>"
            })
    }

    private func gapBlock(_ language: Language) -> HTML {
        guard !fields.isEmpty else { return "<p class=\"empty\">\(ProfileText.noFields(language))</p>" }
        let selected = targetField + ":" + targetLevel
        let choices = levels.flatMap { level in
            level.official.definedLevels.map {
                (value: SkillPageParts.key(level.field) + ":\($0)", field: level.field, level: $0)
            }
        }
        let targets = choices.map { choice -> HTML in
            """
            <option value="\(choice.value)"\(choice.value == selected ? " selected" as HTML : .empty)>\
            \(SkillPageParts.label(choice.field)) → \(PartsText.level(language)) \(choice.level)</option>
            """
        }
        // A target given in the address that the person's fields do not offer stays visible as chosen.
        let typed: HTML =
            targetField.isEmpty || targetLevel.isEmpty || choices.contains(where: { $0.value == selected })
            ? .empty
            : "<option value=\"\(selected)\" selected>\(targetField) → \(PartsText.level(language)) \(targetLevel)</option>"
        let form: HTML = """
            <form method="get" action="\(path)#gap" class="filters no-print" id="gap-form">
            <label for="gap-target">\(ProfileText.target(language))</label>
            <select id="gap-target" name="target"\(gapErrors.attributes("target", id: "gap-target"))>\(targets)\(typed)</select>
            <button type="submit">\(ProfileText.showGap(language))</button>
            \(gapErrors.message("target", id: "gap-target"))
            </form>
            """
        guard let gap else {
            return form + (gapErrors.isEmpty ? "<p class=\"muted\">\(ProfileText.gapHint(language))</p>" as HTML : .empty)
        }
        let now = SkillPageParts.level(gap.currentLevel, lowest: gap.definedLevels.first ?? 1, language)
        guard !gap.isClosed else {
            return form
                + "<p class=\"ok gap-result\">\(ProfileText.noGap(language)) (\(gap.field) \(PartsText.level(language)) \(gap.target); \(now))</p>"
        }
        let items = gap.items.map { item -> HTML in
            let knowledge: HTML =
                item.knowledgeItems.isEmpty
                ? .empty
                : "<br><span class=\"muted\">\(PartsText.knowledge(language)): \(item.knowledgeItems.joined(separator: "; "))</span>"
            return """
                <li><strong>\(item.item)</strong>: \(PartsText.rated(language)) \(item.rating), \(PartsText.needs(language)) \(item.needed)\
                <br><span class="level-text">\(item.text)</span>\(knowledge)</li>
                """
        }
        let scale = gap.scale.map { scale -> HTML in
            "<li><strong>\(PartsText.scaleOfLevel(language)) \(scale.level)</strong> (\(scale.condition.requirementSummary)): \(scale.reason)</li>"
        }
        return form + """
            <section class="card gap-result"><p>\(gap.field) → \(PartsText.level(language)) \(gap.target) (\(ProfileText.now(language)): \(now))</p>
            <ul>\(items)\(scale)</ul></section>
            """
    }

    private func plansBlock(_ layout: Layout) -> HTML {
        let language = layout.language
        let plans = self.plans.map { plan in planBlock(plan, layout) }
        let empty: HTML =
            self.plans.isEmpty
            ? planList.total > 0
                ? "<p class=\"empty\">\(ListText.pageEmpty(language))</p>"
                : "<p class=\"empty\">\(canEditPlans ? ProfileText.noPlansEditable(language) : ProfileText.noPlans(language))</p>"
            : planList.pager(path: path, keeping: [historyList], language: language)
        let create: HTML =
            canEditPlans && !fields.isEmpty
            ? """
            <form method="post" action="\(path)/plans" class="card stacked no-print" id="new-plan">
            <h3>\(ProfileText.createPlan(language))</h3>
            <input type="hidden" name="_csrf" value="\(layout.csrfToken)">
            <label for="plan-field">\(PartsText.field(language))</label>
            <select id="plan-field" name="field"\(planErrors.attributes("field", id: "plan-field"))>\(fieldOptions(selected: newPlanField))</select>
            \(planErrors.message("field", id: "plan-field"))
            <label for="plan-level">\(ProfileText.targetLevel(language))</label>
            <select id="plan-level" name="target"\(planErrors.attributes("target", id: "plan-level"))>\(levelOptions(selected: newPlanLevel))</select>
            \(planErrors.message("target", id: "plan-level"))
            <button type="submit">\(ProfileText.create(language))</button>
            </form>
            """ : .empty
        return HTML.join(plans) + empty + create
    }

    private func planBlock(_ plan: PlanView, _ layout: Layout) -> HTML {
        let language = layout.language
        let failure: HTML = planFailures[plan.id].map { "<p class=\"error\" role=\"alert\">\($0)</p>" } ?? .empty
        let actions = plan.actions.enumerated().map { index, action -> HTML in
            let position = index + 1
            let statuses = PlanActionStatus.allCases.map { status -> HTML in
                "<option value=\"\(status.rawValue)\"\(status == action.status ? " selected" as HTML : .empty)>\(ProfileText.status(status)(language))</option>"
            }
            let statusForm: HTML =
                canEditPlans
                ? """
                <form method="post" action="\(path)/plans/\(plan.id)" class="inline no-print">
                <input type="hidden" name="_csrf" value="\(layout.csrfToken)">
                <input type="hidden" name="version" value="\(plan.version)">
                <input type="hidden" name="action" value="\(position)">
                <select name="status" aria-label="\(ProfileText.status(language))">\(statuses)</select>
                <button type="submit" class="secondary">\(ProfileText.update(language))</button></form>
                """ : .empty
            return """
                <tr><td class="num">\(position)</td><td>\(action.title)</td><td>\(action.dueOn?.description)</td>
                <td><span class="badge">\(ProfileText.status(action.status)(language))</span></td><td>\(statusForm)</td></tr>
                """
        }
        let add: HTML =
            canEditPlans
            ? """
            <form method="post" action="\(path)/plans/\(plan.id)" class="filters no-print">
            <input type="hidden" name="_csrf" value="\(layout.csrfToken)">
            <input type="hidden" name="version" value="\(plan.version)">
            <label for="plan-\(plan.id)-title">\(ProfileText.newAction(language))</label>
            <input id="plan-\(plan.id)-title" name="title"\(planErrors.attributes("title-\(plan.id)", id: "plan-\(plan.id)-title"))>
            \(planErrors.message("title-\(plan.id)", id: "plan-\(plan.id)-title"))
            <button type="submit" class="secondary">\(ProfileText.addAction(language))</button></form>
            """ : .empty
        let table: HTML =
            plan.actions.isEmpty
            ? "<p class=\"muted\">\(ProfileText.noActions(language))</p>"
            : """
            <table class="plan-actions"><thead><tr><th class="num">#</th><th>\(ProfileText.action(language))</th><th>\(ProfileText.due(language))</th>
            <th>\(ProfileText.status(language))</th><th></th></tr></thead><tbody>\(actions)</tbody></table>
            """
        return """
            <section class="card plan" id="plan-\(plan.id)">
            <h3>\(plan.field.field) → \(PartsText.level(language)) \(plan.targetLevel) · \(plan.progressPercentage)% \(ProfileText.done(language))</h3>
            <p class="muted">\(ProfileText.version(language)) \(plan.version)</p>
            \(failure)
            \(table)
            \(add)
            </section>
            """
    }
}

enum ProfileText {
    static let levels = Localized("Levels and their reasons", "レベルとその理由")
    static let noFields = Localized(
        "This person works in no specialty field yet: a self-assessment adds one.",
        "この人材にはまだ専門分野がありません。自己評価を始めると追加されます。")
    static let ratings = Localized("Item ratings", "スキル項目の評価")
    static let show = Localized("Show", "表示")
    static let noRatings = Localized(
        "No ratings in this field yet: they appear once a self-assessment is saved.",
        "この専門分野の評価はまだありません。自己評価を保存すると表示されます。")
    static let selfSeries = Localized("Self", "自己評価")
    static let evaluatorSeries = Localized("Evaluator", "評価者")
    static let chartData = Localized("The ratings as a table", "評価の一覧表")
    static let history = Localized("Level history", "レベル履歴")
    static let noHistory = Localized(
        "No official level yet: it is set when an evaluator approves an assessment.",
        "公式レベルはまだありません。評価者が評価を承認すると設定されます。")
    static let date = Localized("Date", "日付")
    static let cause = Localized("Cause", "理由")
    static let gap = Localized("Gap to a target level", "目標レベルとのギャップ")
    static let targetLevel = Localized("Target level", "目標レベル")
    static let target = Localized("Target", "目標")
    static let showGap = Localized("Show the gap", "ギャップを表示")
    static let gapHint = Localized(
        "Choose a field and a level to see every condition still unmet, with the texts and knowledge items.",
        "専門分野とレベルを選ぶと、未達の条件を記述と知識項目つきで表示します。")
    static let noGap = Localized("No gap: every condition is met.", "ギャップはありません。すべての条件を満たしています。")
    static let now = Localized("now", "現在")
    static let plans = Localized("Development plans", "育成計画")
    static let noPlans = Localized("No development plan yet.", "育成計画はまだありません。")
    static let noPlansEditable = Localized(
        "No development plan yet. Create one towards a target level: its actions come from the gap.",
        "育成計画はまだありません。目標レベルを選んで作成すると、ギャップから行動が作られます。")
    static let createPlan = Localized("Create a plan", "計画を作成")
    static let create = Localized("Create", "作成")
    static let status = Localized("Status", "状況")
    static let update = Localized("Update", "更新")
    static let newAction = Localized("New action", "新しい行動")
    static let addAction = Localized("Add", "追加")
    static let noActions = Localized(
        "No actions: the target is met already, or add one below.", "行動はありません。目標は達成済みか、下で追加してください。")
    static let action = Localized("Action", "行動")
    static let due = Localized("Due", "期限")
    static let done = Localized("done", "完了")
    static let version = Localized("Version", "版")
    static let badTarget = Localized("choose a field and a level", "専門分野とレベルを選んでください")
    static let planCreated = Localized("Plan created.", "計画を作成しました。")
    static let planUpdated = Localized("Plan updated.", "計画を更新しました。")
    static let titleRequired = Localized("write the action's title", "行動の内容を入力してください")

    static func status(_ status: PlanActionStatus) -> Localized {
        switch status {
        case .open: Localized("open", "未着手")
        case .inProgress: Localized("in progress", "進行中")
        case .done: Localized("done", "完了")
        case .dropped: Localized("dropped", "中止")
        }
    }
}
