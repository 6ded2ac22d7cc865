/// The skill map pages' interface text.
enum SkillMapText {
    static let title = Localized("Skill map", "スキルマップ")
    static let wholeOrganisation = Localized("Whole organisation", "組織全体")
    static let orgUnit = Localized("Org unit (with its sub-units)", "組織（配下の組織を含む）")
    static let asOf = Localized("As of (empty: today)", "基準日（空欄は本日）")
    static let standard = Localized("Standard", "標準")
    static let allStandards = Localized("All standards", "すべての標準")
    static let field = Localized("Specialty field", "専門分野")
    static let allFields = Localized("All fields", "すべての専門分野")
    static let layer = Localized("Levels", "レベル")
    static let official = Localized("Official (approved)", "正式（承認済み）")
    static let provisional = Localized("Provisional (self-assessed)", "暫定（自己評価）")
    static let inactive = Localized("Count inactive people too", "無効の人材も数える")
    static let show = Localized("Show", "表示")
    static let level = Localized("Level", "レベル")
    static let below = Localized("Below first level", "最初のレベル未満")
    static let notAssessed = Localized("Not assessed", "未評価")
    static let people = Localized("people", "人")
    static let today = Localized("today", "本日")
    static let summary = Localized(
        "{people} people counted; {without} of them without an approved assessment.",
        "対象 {people} 人、うち承認済みの評価がない人 {without} 人。")
    static let summaryProvisional = Localized(
        "{people} people counted; {without} of them without any assessment.", "対象 {people} 人、うち評価のない人 {without} 人。")
    static let provisionalNote = Localized(
        "Provisional levels come from self ratings and unverified records. They are not official and are never mixed into the official map.",
        "暫定レベルは自己評価と未検証の実績によるもので、正式なものではありません。正式なマップには含めません。")
    static let hint = Localized(
        "Each cell counts the people at that official level in the field; choose a cell to see who they are.",
        "各セルはその専門分野で該当レベルの人数です。セルを選ぶと該当者を表示します。")
    static let empty = Localized(
        "Nobody works in these fields here yet. Choose another unit or date, or add people and their fields under Administration.",
        "ここにはまだ該当する人材がいません。別の組織や日付を選ぶか、「管理」で人材と専門分野を登録してください。")
    static let compare = Localized("Compare", "比較")
    static let compareAsOf = Localized("Compare with the date", "比較する日付")
    static let compareOrg = Localized("Compare with the org unit", "比較する組織")
    static let trends = Localized("Trends", "推移")
    static let downloads = Localized("Download (CSV)", "ダウンロード（CSV）")
    static let mapCSV = Localized("Skill map", "スキルマップ")
    static let levelsCSV = Localized("People × field levels", "人材 × 専門分野レベル")
    static let ratingsCSV = Localized("Latest approved ratings", "最新の承認済み評価")
    static let cellTitle = Localized("People in the cell", "セルの該当者")
    static let back = Localized("Back to the map", "マップに戻る")
    static let cellEmpty = Localized(
        "Nobody is in this cell. Go back to the map and choose another cell.",
        "このセルに該当者はいません。マップに戻って別のセルを選んでください。")
    static let compareTitle = Localized("Skill map comparison", "スキルマップの比較")
    static let compareHint = Localized(
        "Give another date or another org unit. Changed cells are marked; the number in brackets is the change.",
        "別の日付または別の組織を指定してください。変化したセルに印を付け、括弧内に増減を示します。")
    static let compareNeeds = Localized(
        "Choose a date or an org unit to compare with.", "比較する日付または組織を選んでください。")
    static let noDifferences = Localized("No cell differs.", "違いのあるセルはありません。")
    static let differences = Localized("{n} cells differ.", "{n} 個のセルに違いがあります。")
    static let trendsTitle = Localized("Skill map trends", "スキルマップの推移")
    static let trendsHint = Localized(
        "Official levels at the end of each quarter, people who moved up or down, and the median time to the next level.",
        "各四半期末の正式レベル、レベルが上がった人・下がった人、次のレベルまでの期間の中央値。")
    static let trendsEmpty = Localized(
        "No level has changed here yet: trends appear once assessments are approved.",
        "まだレベルの変化がありません。評価が承認されると推移が表示されます。")
    static let distribution = Localized("People per level at the quarter's end", "四半期末のレベル別人数")
    static let movers = Localized("People who moved", "レベルが変化した人")
    static let movedUp = Localized("Moved up", "上昇")
    static let movedDown = Localized("Moved down", "低下")
    static let quarter = Localized("Quarter", "四半期")
    static let step = Localized("Step", "段階")
    static let median = Localized("Median days", "日数の中央値")
    static let stepPeople = Localized("People", "人数")
    static let noSteps = Localized("Nobody has moved from one level to the next yet.", "まだ次のレベルに上がった人はいません。")
    static let number = Localized("Employee number", "社員番号")
    static let name = Localized("Name", "氏名")
    static let unit = Localized("Org unit", "組織")
    static let inactiveMark = Localized("inactive", "無効")
}
