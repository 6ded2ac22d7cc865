import Foundation
import ITSSDomain
import ITSSStorage

/// *My skills*: the signed-in person's levels, assessments and track record, with the forms to start a
/// self-assessment and to add experience. The model; `render(layout:)` is the pure view.
struct MySkillsPage: Sendable {
    var employeeNumber: String
    var name: String
    /// Official and provisional level per field the person works in.
    var levels: [PersonLevel]
    var assessments: [AssessmentSummary]
    var experience: [ExperienceRecord]
    /// The fields one can start an assessment or record experience in.
    var fields: [FieldReference]
    /// Tailoring profiles in use, to self-assess under (the first 100 by name).
    var profiles: [ProfileSummary] = []
    /// Which page of the assessments and of the track record is shown.
    var assessmentList = SubList(parameter: "assessments_page")
    var experienceList = SubList(parameter: "experience_page")
    var start = StartInput()
    var startErrors = FieldErrors()
    var record = ExperienceInput()
    var recordErrors = FieldErrors()
    var notice: String?

    struct AssessmentSummary: Sendable, Hashable {
        var id: Int64
        var field: FieldReference
        var cycle: String
        var state: AssessmentState
        var returnComment: String?
    }

    /// The start form as typed.
    struct StartInput: Sendable, Hashable {
        var field = ""
        var cycle = MySkillsPage.currentCycle()
        /// The profile's id as typed; empty for the standard as published.
        var profile = ""
    }

    /// The experience form as typed.
    struct ExperienceInput: Sendable, Hashable {
        var field = ""
        var role = "member"
        var from = ""
        var to = ""
        /// The figures as typed, by measure (form fields named after the measure: `peak_staff`, …).
        var measures: [ScaleMeasure: String] = [:]
        var customer = ""
        var description = ""
    }

    /// The half year of today, e.g. `2026H2`, as the start form's suggestion.
    static func currentCycle(_ date: Date = Date()) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let parts = calendar.dateComponents([.year, .month], from: date)
        return "\(parts.year ?? 2026)H\((parts.month ?? 1) <= 6 ? 1 : 2)"
    }

    func render(layout: Layout) -> HTML {
        let language = layout.language
        return layout.render(
            """
            <h1>\(MySkillsText.title(language))</h1>
            <p class="muted">\(name) · \(employeeNumber) · <a href="/people/\(url: employeeNumber)">\(MySkillsText.profile(language))</a></p>
            \(SkillPageParts.notice(notice))
            <h2>\(MySkillsText.levels(language))</h2>
            \(levelsSection(language))
            <h2>\(MySkillsText.assessments(language))</h2>
            \(assessmentsSection(language))
            \(startForm(layout))
            <h2>\(MySkillsText.experience(language))</h2>
            \(experienceSection(language))
            \(experienceForm(layout))
            """)
    }

    private func levelsSection(_ language: Language) -> HTML {
        guard !levels.isEmpty else { return "<p class=\"empty\">\(MySkillsText.noLevels(language))</p>" }
        return HTML.join(
            levels.map { level in
                // The provisional level (self ratings, every record) says what is missing on the person's own
                // reading; shown in full only when it says something other than the official one.
                let provisional: HTML =
                    level.provisional.map { breakdown in
                        let missing: HTML =
                            breakdown.attainedLevel == level.official.attainedLevel
                                && breakdown.explanation == level.official.explanation
                            ? .empty
                            : """
                            <details class="provisional-missing"><summary>\(MySkillsText.provisionalMissing(language))</summary>
                            \(SkillPageParts.explanation(breakdown, language))</details>
                            """
                        return """
                            <p>\(PartsText.provisional(language)): <strong class="provisional-level">\
                            \(SkillPageParts.level(breakdown, language))</strong></p>
                            \(missing)
                            """
                    } ?? .empty
                return """
                    <section class="card level-card">
                    <h3>\(SkillPageParts.label(level.field))</h3>
                    <p>\(PartsText.official(language)): <strong class="official-level">\(SkillPageParts.level(level.official, language))</strong></p>
                    \(SkillPageParts.explanation(level.official, language))
                    \(provisional)
                    </section>
                    """
            })
    }

    private func assessmentsSection(_ language: Language) -> HTML {
        guard !assessments.isEmpty else {
            return "<p class=\"empty\">\(assessmentList.total == 0 ? MySkillsText.noAssessments(language) : ListText.pageEmpty(language))</p>"
        }
        let rows = assessments.map { assessment -> HTML in
            let comment: HTML =
                assessment.state == .returned
                ? assessment.returnComment.map { "<br><span class=\"muted\">\($0)</span>" } ?? .empty : .empty
            return """
                <tr><td>\(assessment.cycle)</td><td>\(SkillPageParts.label(assessment.field))</td>
                <td>\(SkillPageParts.badge(assessment.state, language))\(comment)</td>
                <td><a href="/assessments/\(assessment.id)">\(assessment.state.isEditableBySelf ? MySkillsText.continueAssessment(language) : PartsText.open(language))</a></td></tr>
                """
        }
        return """
            <table class="assessments"><thead><tr><th>\(PartsText.cycle(language))</th><th>\(PartsText.field(language))</th>
            <th>\(PartsText.state(language))</th><th></th></tr></thead><tbody>\(rows)</tbody></table>
            \(assessmentList.pager(path: "/me", keeping: [experienceList], language: language))
            """
    }

    private func fieldOptions(selected: String) -> HTML {
        HTML.join(
            fields.map { field in
                let key = SkillPageParts.key(field)
                return
                    "<option value=\"\(key)\"\(key == selected ? " selected" as HTML : .empty)>\(SkillPageParts.label(field))</option>"
            })
    }

    private func startForm(_ layout: Layout) -> HTML {
        let language = layout.language
        let errors = startErrors
        return """
            <form method="post" action="/me/assessments" class="card stacked no-print" id="start-assessment">
            <h3>\(MySkillsText.startTitle(language))</h3>
            <input type="hidden" name="_csrf" value="\(layout.csrfToken)">
            <label for="start-field">\(PartsText.field(language))</label>
            <select id="start-field" name="field"\(errors.attributes("field", id: "start-field"))>\(fieldOptions(selected: start.field))</select>
            \(errors.message("field", id: "start-field"))
            <label for="start-cycle">\(PartsText.cycle(language))</label>
            <input id="start-cycle" name="cycle" value="\(start.cycle)" placeholder="2026H2" required\(errors.attributes("cycle", id: "start-cycle"))>
            \(errors.message("cycle", id: "start-cycle"))
            <span class="muted">\(MySkillsText.cycleHint(language))</span>
            \(profileChoice(language))
            <button type="submit">\(MySkillsText.start(language))</button>
            </form>
            """
    }

    /// The profile to assess under, offered only when the company has profiles.
    private func profileChoice(_ language: Language) -> HTML {
        guard !profiles.isEmpty else { return .empty }
        let options = profiles.map { profile -> HTML in
            let value = String(profile.id)
            return "<option value=\"\(value)\"\(value == start.profile ? " selected" as HTML : .empty)>\(profile.name) (\(profile.standard.version))</option>"
        }
        return """
            <label for="start-profile">\(MySkillsText.profileChoice(language))</label>
            <select id="start-profile" name="profile"\(startErrors.attributes("profile", id: "start-profile"))>
            <option value="">\(MySkillsText.asPublished(language))</option>\(HTML.join(options))</select>
            \(startErrors.message("profile", id: "start-profile"))
            """
    }

    private func experienceSection(_ language: Language) -> HTML {
        guard !experience.isEmpty else {
            return "<p class=\"empty\">\(experienceList.total == 0 ? MySkillsText.noExperience(language) : ListText.pageEmpty(language))</p>"
        }
        let rows = experience.map { record -> HTML in
            """
            <tr><td>#\(record.recordID)</td><td>\(SkillPageParts.label(record.field))</td><td>\(MySkillsText.role(record.role)(language))</td>
            <td>\(record.from.description) – \(record.to?.description ?? "")</td>
            \(SkillPageParts.measureCells(record))
            <td>\(record.customer)</td>
            <td>\(record.isVerified ? "<span class=\"badge approved\">\(MySkillsText.verified(language))</span>" as HTML : "<span class=\"badge submitted\">\(MySkillsText.pending(language))</span>")</td></tr>
            """
        }
        return """
            <table class="experience"><thead><tr><th>#</th><th>\(PartsText.field(language))</th><th>\(MySkillsText.roleLabel(language))</th>
            <th>\(MySkillsText.period(language))</th>\(SkillPageParts.measureHeaders(language))
            <th>\(MySkillsText.customer(language))</th><th>\(PartsText.state(language))</th></tr></thead>
            <tbody>\(rows)</tbody></table>
            \(experienceList.pager(path: "/me", keeping: [assessmentList], language: language))
            """
    }

    private func experienceForm(_ layout: Layout) -> HTML {
        let language = layout.language
        let errors = recordErrors
        let roles = Role.allCases.map { role -> HTML in
            "<option value=\"\(role.rawValue)\"\(record.role == role.rawValue ? " selected" as HTML : .empty)>\(MySkillsText.role(role)(language))</option>"
        }
        func input(_ name: String, _ label: Localized, _ value: String, type: String = "text", extra: HTML = .empty) -> HTML {
            let id = "experience-\(name)"
            return """
                <label for="\(id)">\(label(language))</label>
                <input id="\(id)" name="\(name)" type="\(type)" value="\(value)"\(extra)\(errors.attributes(name, id: id))>
                \(errors.message(name, id: id))
                """
        }
        return """
            <form method="post" action="/me/experience" class="card stacked no-print" id="add-experience">
            <h3>\(MySkillsText.addExperience(language))</h3>
            <input type="hidden" name="_csrf" value="\(layout.csrfToken)">
            <label for="experience-field">\(PartsText.field(language))</label>
            <select id="experience-field" name="field"\(errors.attributes("field", id: "experience-field"))>\(fieldOptions(selected: record.field))</select>
            \(errors.message("field", id: "experience-field"))
            <label for="experience-role">\(MySkillsText.roleLabel(language))</label>
            <select id="experience-role" name="role"\(errors.attributes("role", id: "experience-role"))>\(roles)</select>
            \(errors.message("role", id: "experience-role"))
            \(input("from", MySkillsText.from, record.from, type: "date", extra: " required"))
            \(input("to", MySkillsText.to, record.to, type: "date"))
            \(HTML.join(ScaleMeasure.allCases.map { measure in
                input(
                    measure.rawValue, MySkillsText.measure(measure), record.measures[measure] ?? "",
                    extra: measure == .annualContractYen
                        ? " inputmode=\"numeric\" placeholder=\"750,000,000\"" : " inputmode=\"numeric\"")
            }))
            \(input("customer", MySkillsText.customer, record.customer))
            <label for="experience-description">\(MySkillsText.description(language))</label>
            <textarea id="experience-description" name="description"\(errors.attributes("description", id: "experience-description"))>\(record.description)</textarea>
            \(errors.message("description", id: "experience-description"))
            <button type="submit">\(MySkillsText.add(language))</button>
            </form>
            """
    }
}

enum MySkillsText {
    static let title = Localized("My skills", "マイスキル")
    static let profile = Localized("My profile", "プロフィール")
    static let levels = Localized("Levels by specialty field", "専門分野ごとのレベル")
    static let noLevels = Localized(
        "You work in no specialty field yet. Start a self-assessment below: the field is added to yours.",
        "まだ専門分野がありません。下のフォームで自己評価を始めると、その専門分野が追加されます。")
    static let assessments = Localized("My assessments", "自己評価")
    static let provisionalMissing = Localized(
        "What is missing on your own ratings and all your records", "自己評価とすべての実績で見た場合に足りないもの")
    static let noAssessments = Localized(
        "No assessments yet. Choose a field and a cycle below and start your first self-assessment.",
        "まだ評価がありません。下で専門分野と評価期間を選び、最初の自己評価を始めてください。")
    static let continueAssessment = Localized("Continue", "続ける")
    static let startTitle = Localized("Start a self-assessment", "自己評価を始める")
    static let cycleHint = Localized(
        "A half year (2026H2), a quarter (2026Q3) or a year (2026).", "半期（2026H2）、四半期（2026Q3）または年（2026）。")
    static let start = Localized("Start", "開始")
    static let profileChoice = Localized("Company profile", "自社プロファイル")
    static let asPublished = Localized("ITSS as published", "ITSS（公開版のまま）")
    static let experience = Localized("Experience (track record)", "実績")
    static let noExperience = Localized(
        "No experience recorded yet. Add the work you did in a field: your evaluator verifies it, and it counts towards levels 3 and up.",
        "まだ実績がありません。専門分野での業務を追加してください。評価者が確認すると、レベル 3 以上の条件に数えられます。")
    static let addExperience = Localized("Add experience", "実績を追加")
    static let add = Localized("Add", "追加")
    static let roleLabel = Localized("Role", "役割")
    static let period = Localized("Period", "期間")
    static let from = Localized("From", "開始日")
    static let to = Localized("To (empty while ongoing)", "終了日（継続中は空欄）")
    static let peakStaff = Localized("Peak staff", "ピーク時要員数")
    static let contract = Localized("Annual contract (yen)", "年間契約金額（円）")
    static let installationSites = Localized("Installation sites", "設置拠点数")
    static let annualInquiries = Localized("Answered inquiries per year", "年間問い合わせ回答件数")

    /// The label of a measure's column and form field.
    static func measure(_ measure: ScaleMeasure) -> Localized {
        switch measure {
        case .peakStaff: peakStaff
        case .annualContractYen: contract
        case .installationSites: installationSites
        case .annualInquiries: annualInquiries
        }
    }
    static let customer = Localized("Customer", "顧客")
    static let description = Localized("Description", "内容")
    static let verified = Localized("verified", "確認済み")
    static let pending = Localized("not verified yet", "未確認")
    static let started = Localized("Assessment started.", "評価を開始しました。")
    static let experienceAdded = Localized(
        "Experience added. Your evaluator verifies it.", "実績を追加しました。評価者が確認します。")
    static let notAPerson = Localized(
        "This account is not a person's, so it has no skills of its own.", "このアカウントは人材に紐づいていないため、スキル情報はありません。")
    static let badCycle = Localized("expected a cycle such as 2026H2, 2026Q3 or 2026", "2026H2、2026Q3、2026 のような評価期間を入力してください")
    static let badDate = Localized("expected a date YYYY-MM-DD", "YYYY-MM-DD 形式の日付を入力してください")
    static let required = Localized("required", "必須です")
    static let badRole = Localized("choose member, leader or responsible person", "メンバー、リーダー、責任者から選んでください")

    static func role(_ role: Role) -> Localized {
        switch role {
        case .member: Localized("member", "メンバー")
        case .leader: Localized("leader", "リーダー")
        case .responsiblePerson: Localized("responsible person", "責任者")
        }
    }
}
