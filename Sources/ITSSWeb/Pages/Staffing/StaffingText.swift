import ITSSDomain
import ITSSStorage

/// Interface text of the coverage, staffing and skill-sheet pages.
enum StaffingText {
    static let coverage = Localized("Coverage", "カバレッジ")
    static let staffing = Localized("Staffing", "要員充足")
    static let orgUnit = Localized("Org unit (with its sub-units)", "組織（配下の組織を含む）")
    static let allFields = Localized("Every field assessed in the unit", "組織で評価済みのすべての専門分野")
    static let show = Localized("Show", "表示")
    static let chooseUnit = Localized(
        "Choose an org unit to see how its people cover each skill item.", "組織を選ぶと、スキル項目ごとの充足状況を表示します。")
    static let noUnits = Localized(
        "No org unit is open to you: an evaluator sees the units of their assignments; ask HR for an assignment.",
        "閲覧できる組織がありません。評価者は担当する組織を閲覧できます。人事に担当の設定を依頼してください。")
    static let noAssessments = Localized(
        "Nobody in this unit has an approved assessment yet: coverage appears once evaluators approve assessments.",
        "この組織には承認済みの評価がまだありません。評価者が評価を承認すると表示されます。")
    static let activePeople = Localized("active people", "在籍者")
    static let assessed = Localized("with an approved assessment", "承認済みの評価あり")
    static let item = Localized("Skill item", "スキル項目")
    static let ratedAtLeast = Localized("People rated at least level", "各レベル以上と評価された人数")
    static let singlePoint = Localized("Single point of failure", "単一障害点")
    static let singlePoints = Localized(
        "Single points of failure (at most one person at level 4 or above)", "単一障害点（レベル4以上が1人以下の項目）")
    static let noSinglePoints = Localized(
        "No single point of failure: every item has at least two people at level 4 or above.",
        "単一障害点はありません。すべての項目でレベル4以上が2人以上います。")
    static let nearCandidates = Localized("Near candidates: one condition from the next level", "あと1条件で次のレベルに届く人")
    static let noNear = Localized(
        "Nobody is exactly one condition from their next level in this field.", "この専門分野で次のレベルまであと1条件の人はいません。")
    static let chooseField = Localized(
        "Choose one field to list the people one condition from their next level.",
        "専門分野を1つ選ぶと、次のレベルまであと1条件の人を一覧表示します。")
    static let now = Localized("Now", "現在")
    static let next = Localized("Next level", "次のレベル")
    static let lacks = Localized("Lacks", "不足")
    static let requirements = Localized("Staffing requirements", "要員要件")
    static let noRequirements = Localized("No staffing requirement yet.", "要員要件はまだありません。")
    static let noRequirementsWritable = Localized(
        "No staffing requirement yet: create one below, one line per row such as Service Desk:4:1.",
        "要員要件はまだありません。下のフォームで作成してください（1行に1要件、例：Service Desk:4:1）。")
    static let name = Localized("Name", "名称")
    static let lines = Localized("Lines", "要件")
    static let linesHelp = Localized(
        "One line per row: FIELD:LEVEL:COUNT, optionally :ROLE (member, leader, responsible), e.g. Service Desk:4:1 or Operation:3:2:leader.",
        "1行に1要件：専門分野:レベル:人数、必要なら :役割（member, leader, responsible）。例：Service Desk:4:1、Operation:3:2:leader")
    static let version = Localized("Version", "版")
    static let updated = Localized("Updated", "更新")
    static let check = Localized("Check", "確認")
    static let edit = Localized("Edit", "編集")
    static let remove = Localized("Remove", "削除")
    static let create = Localized("Create a requirement", "要員要件を作成")
    static let save = Localized("Save", "保存")
    static let created = Localized("Requirement saved.", "要員要件を保存しました。")
    static let removed = Localized("Requirement removed.", "要員要件を削除しました。")
    static let editTitle = Localized("Edit requirement", "要員要件の編集")
    static let checkTitle = Localized("Staffing check", "要員充足の確認")
    static let asOf = Localized("As of (empty: today)", "基準日（空欄は本日）")
    static let badDate = Localized("expected a date YYYY-MM-DD", "YYYY-MM-DD 形式の日付を入力してください")
    static let chooseCheckUnit = Localized(
        "Choose an org unit: the check counts its active people and those of its sub-units.",
        "組織を選んでください。配下の組織を含む在籍者で確認します。")
    static let line = Localized("Line", "要件")
    static let counted = Localized("Counted", "充当")
    static let shortfall = Localized("Short by", "不足")
    static let qualifying = Localized("qualify in the unit", "人が要件を満たす")
    static let filledOf = Localized("slots filled of", "枠を充足／全")
    static let staffed = Localized("Fully staffed.", "すべての要件を充足しています。")
    static let notStaffed = Localized("Not fully staffed.", "充足していない要件があります。")
    static let nobody = Localized("nobody", "該当者なし")
    static let nearFor = Localized("Would close the gap with one thing more", "あと1つで不足を埋められる人")
    static let noNearForLine = Localized(
        "Nobody of the unit is one condition away from this line.", "この要件まであと1条件の人はいません。")
    static let moreNear = Localized("more", "人 ほか")
    static let role = Localized("Role in track record", "実績の役割")
    static let verifiedRole = Localized("verified track record as", "検証済みの実績（役割）：")
    static let sheet = Localized("Skill sheet", "スキルシート")
    static let print = Localized("Print", "印刷")
    static let ratingsLatest = Localized("Ratings of the latest approved assessment", "最新の承認済み評価")
    static let noRatings = Localized("No approved assessment yet.", "承認済みの評価はまだありません。")
    static let trackRecord = Localized("Track record", "実績")
    static let noTrackRecord = Localized("No track record yet.", "実績はまだありません。")
    static let verified = Localized("verified", "検証済み")
    static let notVerified = Localized("not verified", "未検証")
    static let period = Localized("Period", "期間")
    static let scale = Localized("Scale", "規模")
    static let plans = Localized("Development plans", "育成計画")
    static let noPlans = Localized("No development plan.", "育成計画はありません。")
    static let done = Localized("done", "完了")
    static let selfRating = Localized("Self", "自己評価")
    static let evaluatorRating = Localized("Evaluator", "評価者")

    static func roleName(_ role: Role) -> Localized {
        switch role {
        case .member: Localized("member", "メンバー")
        case .leader: Localized("leader", "リーダー")
        case .responsiblePerson: Localized("responsible person", "責任者")
        }
    }
}

/// Pieces the staffing pages share. Pure functions to HTML.
enum StaffingParts {
    /// One unmet condition of the level rule, as the profile explains it.
    static func condition(_ condition: UnmetCondition, _ language: Language) -> HTML {
        switch condition {
        case let .item(name, rating, needed, _):
            "<strong>\(name)</strong>: \(PartsText.rated(language)) \(rating), \(PartsText.needs(language)) \(needed)"
        case let .scale(level, requirement, _, reason):
            "<strong>\(PartsText.scaleOfLevel(language)) \(level)</strong> (\(requirement.requirementSummary)): \(reason)"
        }
    }

    /// What a near candidate of a staffing line lacks.
    static func lack(_ lack: StaffingLack, field: FieldReference, _ language: Language) -> HTML {
        switch lack {
        case let .condition(_, unmet): condition(unmet, language)
        case let .role(role):
            "\(StaffingText.verifiedRole(language)) <strong>\(StaffingText.roleName(role)(language))</strong> (\(field.field))"
        }
    }

    /// `Service Desk (V3 2008) ≥ 4 × 2 · responsible person`.
    static func line(_ line: StaffingLine, _ language: Language) -> HTML {
        let role: HTML = line.role.map { " · \(StaffingText.roleName($0)(language))" } ?? .empty
        return "\(SkillPageParts.label(line.field)) ≥ \(line.minimumLevel) × \(line.count)\(role)"
    }

    /// A link to a person's profile.
    static func person(_ person: StaffingPersonReference) -> HTML {
        "<a href=\"/people/\(url: person.employeeNumber)\">\(person.name)</a> <span class=\"muted\">\(person.employeeNumber)</span>"
    }

    /// The org unit select of the filter forms: the units open to the principal.
    static func unitSelect(_ units: [OrgUnit], selected: String, errors: FieldErrors, _ language: Language) -> HTML {
        let options = units.map { unit -> HTML in
            "<option value=\"\(unit.code)\"\(unit.code == selected ? " selected" as HTML : .empty)>\(unit.code) — \(unit.name)</option>"
        }
        return """
            <label for="org">\(StaffingText.orgUnit(language))</label>
            <select id="org" name="org"\(errors.attributes("org", id: "org"))><option value=""></option>\(options)</select>
            \(errors.message("org", id: "org"))
            """
    }
}
