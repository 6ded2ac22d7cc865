import Hummingbird
import ITSSDomain
import ITSSStorage

/// Pieces the skill pages (My skills, self-assessment, review, people, profile) share. Pure functions to HTML.
enum SkillPageParts {
    /// The qualified name a form sends for a field: `V3 2008:Service Desk` (what `AppDatabase.fieldID` resolves).
    static func key(_ field: FieldReference) -> String { "\(field.standard.version):\(field.field)" }

    /// `Service Desk (V3 2008)`.
    static func label(_ field: FieldReference) -> String { "\(field.field) (\(field.standard.version))" }

    /// A state badge (`draft`, `submitted`, …) in the interface language.
    /// The profile an assessment was made under, and what its company items count for; empty for the standard.
    static func profileNote(_ assessment: AssessmentView, _ language: Language) -> HTML {
        guard let profile = assessment.profile else { return .empty }
        return """
            <p class="hint profile-note">\(PartsText.underProfile(language).replacingOccurrences(of: "{p}", with: "\(profile.name) (v\(profile.version))"))</p>
            """
    }

    /// An item's legend: its name, marked when it is the company's own item.
    static func itemLegend(_ item: SkillItem, _ assessment: AssessmentView, _ language: Language) -> HTML {
        guard assessment.companyItems.contains(item.name) else { return "\(item.name)" }
        return "\(item.name) <span class=\"badge company-item\">\(PartsText.companyItem(language))</span>"
    }

    static func badge(_ state: AssessmentState, _ language: Language) -> HTML {
        "<span class=\"badge \(state.rawValue)\">\(stateName(state)(language))</span>"
    }

    static func stateName(_ state: AssessmentState) -> Localized {
        switch state {
        case .draft: PartsText.draft
        case .submitted: PartsText.submitted
        case .approved: PartsText.approved
        case .returned: PartsText.returned
        }
    }

    /// `carried from V2 2006 Service desk / Leadership: approved 4 …` for a rating prefilled across editions.
    static func carried(_ rating: SkillRating?, _ language: Language) -> HTML {
        guard let from = rating?.carriedFrom else { return .empty }
        return "<span class=\"carried\">\(CarryText.carriedFrom(language)): \(from)</span>"
    }

    /// One header cell per measure a record may state (peak staff, contract, sites, inquiries).
    static func measureHeaders(_ language: Language) -> HTML {
        HTML.join(ScaleMeasure.allCases.map { "<th class=\"num\">\(MySkillsText.measure($0)(language))</th>" as HTML })
    }

    /// One cell per measure, aligned with `measureHeaders`: `¥12,000,000`, `150`, or empty.
    static func measureCells(_ record: ExperienceRecord) -> HTML {
        HTML.join(
            ScaleMeasure.allCases.map { measure -> HTML in
                let figure = record.measures[measure].map { value in
                    measure == .annualContractYen
                        ? "¥" + ScaleCondition.groupedDigits(value) : ScaleCondition.groupedDigits(value)
                }
                return "<td class=\"num\">\(figure ?? "")</td>"
            })
    }

    /// `Level 3` or `Below level 3`.
    static func level(_ breakdown: LevelBreakdown, _ language: Language) -> String {
        level(breakdown.attainedLevel, lowest: breakdown.definedLevels.first ?? 1, language)
    }

    static func level(_ level: Int?, lowest: Int, _ language: Language) -> String {
        if let level { return PartsText.level(language) + " \(level)" }
        return language == .english ? "Below level \(lowest)" : "レベル \(lowest) 未満"
    }

    /// What is missing for the next level: one list item per unmet condition, with the level text.
    static func explanation(_ breakdown: LevelBreakdown, _ language: Language) -> HTML {
        guard let next = breakdown.nextLevel else {
            return "<p class=\"ok explanation\">\(PartsText.topLevel(language))</p>"
        }
        let items = breakdown.explanation.map { condition -> HTML in
            switch condition {
            case let .item(name, rating, needed, text):
                return """
                    <li><strong>\(name)</strong>: \(PartsText.rated(language)) \(rating), \(PartsText.needs(language)) \(needed)\
                    <br><span class="muted level-text">\(text)</span></li>
                    """
            case let .scale(level, condition, _, reason):
                return """
                    <li><strong>\(PartsText.scaleOfLevel(language)) \(level)</strong> (\(condition.requirementSummary)): \(reason)</li>
                    """
            }
        }
        return """
            <div class="explanation"><p>\(PartsText.missingFor(next)(language))</p>
            <ul>\(items)</ul></div>
            """
    }

    /// Every condition of every defined level (items met, track record, lower levels), folded away.
    static func breakdown(_ breakdown: LevelBreakdown, _ language: Language) -> HTML {
        guard !breakdown.levels.isEmpty else { return .empty }
        let rows = breakdown.levels.map { check -> HTML in
            let met = check.items.filter(\.met).count
            let unmet = check.items.filter { !$0.met }.map { "\($0.item) (\($0.rating) < \($0.needed))" }
            let scale: HTML = check.scale.map { "\($0.met ? "✓" : "✗") \($0.reason)" } ?? "–"
            return """
                <tr><td>\(PartsText.level(language)) \(check.level)</td><td class="\(check.attained ? "ok" : "error")">\
                \(check.attained ? PartsText.attained(language) : PartsText.notAttained(language))</td>
                <td>\(met)/\(check.items.count)\(unmet.isEmpty ? "" : " — " + unmet.joined(separator: ", "))</td><td>\(scale)</td>
                <td>\(check.lowerLevelsAttained ? "✓" : "✗")</td></tr>
                """
        }
        return """
            <details class="breakdown"><summary>\(PartsText.breakdown(language))</summary>
            <table><thead><tr><th>\(PartsText.level(language))</th><th>\(PartsText.result(language))</th>
            <th>\(PartsText.itemsMet(language))</th><th>\(PartsText.trackRecord(language))</th><th>\(PartsText.lowerLevels(language))</th>
            </tr></thead><tbody>\(rows)</tbody></table></details>
            """
    }

    /// Previous/next links of a paged list; `query` is the rest of the query string to keep (already encoded).
    static func pager<Item>(_ page: Page<Item>, path: String, query: String, _ language: Language) -> HTML {
        let base = path + "?" + (query.isEmpty ? "" : query + "&")
        let previous: HTML =
            page.page > 1
            ? "<a rel=\"prev\" href=\"\(base)page=\(page.page - 1)\">\(PartsText.previous(language))</a>" : .empty
        let next: HTML =
            page.page < page.pageCount
            ? "<a rel=\"next\" href=\"\(base)page=\(page.page + 1)\">\(PartsText.next(language))</a>" : .empty
        return """
            <nav class="pager" aria-label="\(PartsText.pages(language))">\(previous)
            <span>\(PartsText.page(language)) \(page.page) / \(page.pageCount) · \(page.total) \(PartsText.total(language))</span>\(next)</nav>
            """
    }

    /// A notice at the top of a page (after a successful form) or an error.
    static func notice(_ text: String?) -> HTML {
        guard let text else { return .empty }
        return "<p class=\"notice ok\" role=\"status\">\(text)</p>"
    }

    static func failure(_ text: String?) -> HTML {
        guard let text else { return .empty }
        return "<p class=\"error\" role=\"alert\">\(text)</p>"
    }

    /// An integer query parameter.
    static func intParameter(_ request: Request, _ name: String) -> Int? {
        stringParameter(request, name).flatMap { Int($0) }
    }

    /// A query parameter as a GET form sends it (`+` is a space), trimmed; `nil` when absent or empty.
    static func stringParameter(_ request: Request, _ name: String) -> String? {
        FormData(urlEncoded: request.uri.query ?? "").string(name)
    }

    /// Who a person page is about: `nil` when the principal may not read them, so that the caller answers exactly
    /// as for an unknown person.
    static func readablePerson(
        _ employeeNumber: String, database: AppDatabase, principal: Principal
    ) async throws -> Int64? {
        let id: Int64
        do {
            id = try await database.personID(employeeNumber)
        } catch StorageError.notFound {
            return nil
        }
        let relation = try await database.relation(of: principal, toPerson: id)
        return AccessPolicy.permitsReading(principal, on: relation) ? id : nil
    }

    /// The problem a refused use case stands for, its detail in the interface language, including the domain's rule
    /// errors (which `Problem.from` does not know); `nil` for an unexpected error, which the caller rethrows (a 500
    /// that reveals nothing).
    static func refusal(_ error: any Error, _ language: Language) -> Problem? {
        var problem: Problem
        switch error {
        case let rule as AssessmentRuleError:
            problem = Problem(status: .unprocessableContent, detail: rule.errorDescription ?? "\(rule)")
        case let gap as GapError:
            problem = Problem(status: .unprocessableContent, detail: gap.errorDescription ?? "\(gap)")
        default:
            problem = Problem.from(error)
            guard problem.status < 500 else { return nil }
        }
        if let localized = RefusalText.message(error, language) { problem.detail = localized }
        return problem
    }

    /// The one answer for a person that does not exist or may not be read.
    static let personNotFound = Problem(status: .notFound, detail: "there is no such person, or you may not see them")
    static let assessmentNotFound = Problem(
        status: .notFound, detail: "there is no such assessment, or you may not see it")
}

/// What a refused form says, by field: the view marks each field (`aria-invalid`) and writes the message next to it.
struct FieldErrors: Sendable, Hashable {
    private(set) var messages: [String: String] = [:]

    init(_ messages: [String: String] = [:]) { self.messages = messages }

    var isEmpty: Bool { messages.isEmpty }

    subscript(field: String) -> String? {
        get { messages[field] }
        set { messages[field] = newValue }
    }

    /// The attributes of an input: ` aria-invalid="true" aria-describedby="ID-error"` when it is wrong.
    func attributes(_ field: String, id: String) -> HTML {
        guard messages[field] != nil else { return .empty }
        return " aria-invalid=\"true\" aria-describedby=\"\(id)-error\""
    }

    /// The message, next to the field.
    func message(_ field: String, id: String) -> HTML {
        guard let text = messages[field] else { return .empty }
        return "<span class=\"field-error\" id=\"\(id)-error\">\(text)</span>"
    }

    /// The errors of a problem a use case raised, under the form field it names (or `fallback`).
    static func from(_ problem: Problem, fields: Set<String>, fallback: String) -> FieldErrors {
        var errors = FieldErrors()
        let field = problem.field.flatMap { fields.contains($0) ? $0 : nil } ?? fallback
        errors[field] = problem.detail
        return errors
    }
}

/// Interface text the skill pages share.
enum PartsText {
    static let underProfile = Localized(
        "Assessed under the company profile {p}: items it leaves out are not asked; items marked “company item” count for the level under the profile only, and the official ITSS level weighs the ITSS items.",
        "自社プロファイル {p} による評価です。除外された項目は評価しません。「自社項目」はプロファイルでのレベルにのみ反映され、ITSS の公式レベルは ITSS の項目で判定されます。")
    static let companyItem = Localized("company item", "自社項目")
    static let draft = Localized("draft", "下書き")
    static let submitted = Localized("submitted", "提出済み")
    static let approved = Localized("approved", "承認済み")
    static let returned = Localized("returned", "差し戻し")
    static let level = Localized("Level", "レベル")
    static let topLevel = Localized("Holds the field's top level.", "この専門分野の最上位レベルに達しています。")
    static func missingFor(_ level: Int) -> Localized {
        Localized("Missing for level \(level):", "レベル \(level) に足りないもの：")
    }
    static let rated = Localized("rated", "評価")
    static let breakdown = Localized("How the level is reached, level by level", "レベルごとの判定")
    static let result = Localized("Result", "判定")
    static let attained = Localized("attained", "達成")
    static let notAttained = Localized("not attained", "未達")
    static let itemsMet = Localized("Skill items met", "達成したスキル項目")
    static let trackRecord = Localized("Track record", "実績")
    static let lowerLevels = Localized("Lower levels", "下位レベル")
    static let needs = Localized("needs", "必要")
    static let scaleOfLevel = Localized("Track record for level", "実績条件 レベル")
    static let previous = Localized("← Previous", "← 前へ")
    static let next = Localized("Next →", "次へ →")
    static let pages = Localized("Pages", "ページ")
    static let page = Localized("Page", "ページ")
    static let total = Localized("in all", "件")
    static let official = Localized("Official", "公式")
    static let provisional = Localized("Provisional (not official)", "暫定（非公式）")
    static let notYet = Localized("Not yet (none of these texts)", "まだ該当しない（いずれの記述にも該当しない）")
    static let field = Localized("Specialty field", "専門分野")
    static let cycle = Localized("Cycle", "評価期間")
    static let state = Localized("State", "状態")
    static let person = Localized("Person", "人材")
    static let employeeNumber = Localized("Employee number", "社員番号")
    static let name = Localized("Name", "氏名")
    static let orgUnit = Localized("Org unit", "組織")
    static let open = Localized("Open", "開く")
    static let knowledge = Localized("Knowledge items", "知識項目")
    static let conflict = Localized(
        "Someone else changed this in the meantime. Nothing of yours was saved; the page now shows the current state — check it and try again.",
        "他の人が先に変更しました。あなたの変更は保存されていません。現在の内容を表示しています。確認してもう一度お試しください。")
}
