/// The catalog pages' interface text. The standard's own content (field and item names, level texts) is shown
/// as stored.
enum CatalogText {
    static let title = Localized("Catalog", "カタログ")
    static let intro = Localized(
        "The IT Skill Standard as imported: job categories, their specialty fields, and each field's skill items with a text per level.",
        "取り込まれた IT スキル標準：職種、専門分野、各分野のスキル項目とレベルごとの記述。")
    static let field = Localized("Specialty field", "専門分野")
    static let items = Localized("Skill items", "スキル項目")
    static let levels = Localized("Levels", "レベル")
    static let level = Localized("Level", "レベル")
    static let kind = Localized("Kind", "種別")
    static let specialty = Localized("specialty field", "専門分野")
    static let sharedLevels = Localized("supplies levels to every field", "全分野にレベルを提供")
    static let source = Localized("Source", "出典")
    static let revision = Localized("revision", "改訂")
    static let errataApplied = Localized("our errata applied", "正誤表を適用済み")
    static let diagnostics = Localized("Diagnostics of the source", "原典の診断")
    static let diagnosticsCount = Localized("{n} diagnostics of the source", "原典の診断 {n} 件")
    static let noDiagnostics = Localized("The source has no diagnostics here.", "ここには原典の診断はありません。")
    static let noStandards = Localized(
        "No standard is imported yet. An administrator imports one under Administration → Catalog document.",
        "標準はまだ取り込まれていません。管理者が「管理 → カタログ文書」から取り込みます。")
    static let searchLabel = Localized("Search the catalog", "カタログを検索")
    static let searchButton = Localized("Search", "検索")
    static let searchHint = Localized(
        "Item names, knowledge items and level texts; every word must match, word beginnings count.",
        "項目名・知識項目・レベル記述を検索します。すべての語が一致する必要があり、語の先頭一致も対象です。")
    static let searchTitle = Localized("Search", "検索")
    static let noHits = Localized(
        "No matches. Try fewer or shorter words, or browse the fields below the catalog's start page.",
        "一致するものはありません。語を減らすか短くするか、カタログのトップから分野をたどってください。")
    static let emptyQuery = Localized("Type one or more words to search for.", "検索する語を 1 つ以上入力してください。")
    static let hitKindItem = Localized("item name", "項目名")
    static let hitKindKnowledge = Localized("knowledge item", "知識項目")
    static let hitKindLevel = Localized("level text", "レベル記述")
    static let where_ = Localized("Where", "場所")
    static let text = Localized("Text", "記述")
    static let conditions = Localized("Level conditions (what most of the field's items state)", "レベル条件（分野の項目の多くが示すもの）")
    static let ofItems = Localized("{a} of {b} items", "{b} 項目中 {a} 項目")
    static let matrix = Localized("Skill items × levels", "スキル項目 × レベル")
    static let scope = Localized("Scope", "範囲")
    static let legend = Localized(
        "● the item states a text at the level · ○ supplied by a shared-level section · blank: not defined",
        "● 項目がそのレベルの記述を持つ · ○ 共通レベルの節から提供 · 空欄：定義なし")
    static let knowledge = Localized("Knowledge items", "知識項目")
    static let noKnowledge = Localized("No knowledge items are listed for this item.", "この項目には知識項目がありません。")
    static let line = Localized("line", "行")
    static let scale = Localized("Scale condition", "規模条件")
    static let erratum = Localized("Erratum", "正誤")
    static let sourceWording = Localized("Source wording", "原典の表記")
    static let backToField = Localized("Back to the field", "分野に戻る")
    static let backToCatalog = Localized("Back to the catalog", "カタログに戻る")
    static let severity = Localized("Severity", "重要度")
    static let code = Localized("Code", "コード")
    static let message = Localized("Message", "内容")
    static let place = Localized("Field / item / level", "分野 / 項目 / レベル")
    static let all = Localized("all", "すべて")
    static let show = Localized("Show", "表示")
    static let definesLevels = Localized("defines levels", "定義レベル")
    static let none = Localized("none", "なし")
    static let statesLevel = Localized("states a text at level", "記述あり：レベル")
    static let sharedLevel = Localized("shared level", "共通レベル")
}
