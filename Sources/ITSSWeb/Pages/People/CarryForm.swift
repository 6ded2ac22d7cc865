import ITSSDomain
import ITSSStorage

/// The profile's "Carry to the newer edition" form (evaluators, HR, administrators): starts a draft in the
/// counterpart field prefilled from the latest approved assessment of the older one. Model and pure view.
struct CarryForm: Sendable, Hashable {
    /// A field pair the crosswalk offers from one of the person's fields.
    struct Option: Sendable, Hashable {
        var from: FieldReference
        var to: FieldReference

        /// The form value: both fields' keys, `V2 2006:Service desk→V3 2008:Service Desk`.
        var value: String { SkillPageParts.key(from) + "→" + SkillPageParts.key(to) }
    }

    var options: [Option]
    /// The form as typed.
    var pair = ""
    var cycle = MySkillsPage.currentCycle()
    var errors = FieldErrors()

    /// The pairs offered: field pairs of the crosswalk starting from a field the person works in.
    static func options(_ pairs: [CrosswalkFieldPair], fields: [FieldReference]) -> [Option] {
        pairs.filter { fields.contains($0.from) }.map { Option(from: $0.from, to: $0.to) }
    }

    /// Splits a form value into the two field keys.
    static func split(_ value: String) -> (from: String, to: String)? {
        let parts = value.components(separatedBy: "→")
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return nil }
        return (parts[0], parts[1])
    }

    func render(path: String, layout: Layout) -> HTML {
        let language = layout.language
        guard !options.isEmpty else { return "<p class=\"empty\">\(CarryText.noOptions(language))</p>" }
        let choices = HTML.join(
            options.map { option -> HTML in
                """
                <option value="\(option.value)"\(option.value == pair ? " selected" as HTML : .empty)>\
                \(SkillPageParts.label(option.from)) → \(SkillPageParts.label(option.to))</option>
                """
            })
        return """
            <form method="post" action="\(path)/crosswalk-carry" class="card stacked no-print" id="carry-form">
            <input type="hidden" name="_csrf" value="\(layout.csrfToken)">
            <p class="muted">\(CarryText.intro(language))</p>
            <label for="carry-pair">\(CarryText.pair(language))</label>
            <select id="carry-pair" name="pair"\(errors.attributes("pair", id: "carry-pair"))>\(choices)</select>
            \(errors.message("pair", id: "carry-pair"))
            <label for="carry-cycle">\(CarryText.cycle(language))</label>
            <input id="carry-cycle" name="cycle" type="text" value="\(cycle)"\(errors.attributes("cycle", id: "carry-cycle"))>
            \(errors.message("cycle", id: "carry-cycle"))
            <button type="submit">\(CarryText.carry(language))</button>
            </form>
            """
    }
}

enum CarryText {
    static let title = Localized("Carry to the newer edition", "新しい版への移行")
    static let intro = Localized(
        "Starts a draft assessment in the counterpart field, prefilled from the latest approved assessment of the older edition through the crosswalk. Each prefilled rating says where it came from; nothing is official until the person submits it and an evaluator approves it.",
        "対応表に基づき、旧版で最後に承認された評価から値を入れた下書きを対応する分野に作成します。各評価には移行元が記録されます。本人が提出し評価者が承認するまで公式にはなりません。")
    static let noOptions = Localized(
        "The crosswalk offers no counterpart for this person's fields.", "この人材の専門分野には対応表の対応先がありません。")
    static let pair = Localized("From → to", "移行元 → 移行先")
    static let cycle = Localized("Cycle of the draft", "下書きの評価期間")
    static let carry = Localized("Start the prefilled draft", "値を入れた下書きを作成")
    static let carried = Localized(
        "Draft started in the newer edition, prefilled from the approved assessment. The person reviews and submits it.",
        "新しい版に下書きを作成しました。本人が確認して提出します。")
    static let badPair = Localized("choose a pair of fields", "分野の組を選んでください")
    static let carriedFrom = Localized("carried from", "移行元")
}
