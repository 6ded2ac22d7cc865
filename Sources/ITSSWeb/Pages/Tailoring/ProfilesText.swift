import ITSSDomain

/// Interface text of the tailoring profile pages.
enum ProfilesText {
    static let title = Localized("Tailoring profiles", "テーラリングプロファイル")
    static let about = Localized(
        "The company's versions of a standard: fields and items used, company names and items, adjusted thresholds — each change with its reason.",
        "標準の自社版。使う分野と項目、自社の名称と項目、調整した規模の基準。変更ごとに理由を記録します。")
    static let empty = Localized(
        "No profiles yet. An administrator creates one below, empty or from a JSON file exported by `itss profile export`.",
        "プロファイルはまだありません。管理者が下のフォームで、空のまま、または `itss profile export` で書き出した JSON から作成します。")
    static let name = Localized("Name", "名前")
    static let standard = Localized("Standard", "標準")
    static let version = Localized("Version", "版")
    static let changes = Localized("Changes", "変更")
    static let updated = Localized("Updated", "更新")
    static let archived = Localized("archived", "アーカイブ済み")
    static let showArchived = Localized("Show archived profiles", "アーカイブ済みも表示")
    static let create = Localized("Create a profile", "プロファイルを作成")
    static let createHint = Localized(
        "Give a name and a standard to start an empty profile, or paste (or choose) a profile as JSON or as a CASE package downloaded from a profile page: then its name and standard are used.",
        "名前と標準を指定すると空のプロファイルを作成します。JSON のプロファイル、またはプロファイルのページからダウンロードした CASE パッケージを貼り付ける（またはファイルを選ぶ）と、その名前と標準を使います。")
    static let purpose = Localized("Purpose", "目的")
    static let document = Localized("Profile as JSON (or a CASE package)", "プロファイル（JSON または CASE パッケージ）")
    static let file = Localized("JSON or CASE file", "JSON または CASE ファイル")
    static let note = Localized("Why this version (note)", "この版の理由（メモ）")
    static let save = Localized("Save as a new version", "新しい版として保存")
    static let createButton = Localized("Create", "作成")
    static let created = Localized("Profile created (version 1).", "プロファイルを作成しました（第 1 版）。")
    static let saved = Localized("Saved as version {n}.", "第 {n} 版として保存しました。")
    static let archivedNotice = Localized("The profile is archived.", "プロファイルをアーカイブしました。")
    static let archive = Localized("Archive this profile", "このプロファイルをアーカイブ")
    static let edit = Localized("Edit: save a new version", "編集（新しい版を保存）")
    static let editHint = Localized(
        "Change the JSON below (each change needs a reason) and save: the profile gets a new version; earlier versions stay as they were.",
        "下の JSON を変更して保存します（変更ごとに理由が必要です）。新しい版ができ、以前の版はそのまま残ります。")
    static let diff = Localized("The profile against the standard as published", "公開された標準との差分")
    static let noChanges = Localized(
        "This version changes nothing: it is the standard as published. Edit the JSON below to tailor it.",
        "この版は何も変更していません（公開どおりの標準です）。下の JSON を編集してテーラリングします。")
    static let unchangedFields = Localized("Fields kept as published", "公開どおりの分野")
    static let excluded = Localized("excluded", "除外")
    static let shownAs = Localized("shown as", "表示名")
    static let companyItem = Localized("company item", "自社項目")
    static let basedOn = Localized("based on", "元の項目")
    static let addedKnowledge = Localized("added knowledge item", "追加した知識項目")
    static let threshold = Localized("threshold at level", "規模の基準 レベル")
    static let reason = Localized("reason", "理由")
    static let levels = Localized("levels", "レベル")
    static let noneBefore = Localized("none", "なし")
    static let versions = Localized("Versions", "版の履歴")
    static let savedBy = Localized("Saved by", "保存者")
    static let savedAt = Localized("Saved at", "保存日時")
    static let export = Localized("Export this version as JSON", "この版を JSON で書き出す")
    static let exportCASE = Localized(
        "Download as CASE (a CFDocument derived from the standard's)", "CASE でダウンロード（標準から派生した CFDocument）")
    static let viewing = Localized("Showing version {v} of {n}.", "全 {n} 版のうち第 {v} 版を表示しています。")
    static let current = Localized("current", "最新")
    static let conflict = Localized(
        "Someone saved another version since you opened this page: nothing was saved. Your text is kept below; reload the profile and apply your change again.",
        "このページを開いた後に別の版が保存されたため、保存されていません。入力した内容は下に残っています。再読み込みして変更をやり直してください。")
    static let archivedNoEdit = Localized(
        "Archived profiles keep their history and take no new versions.", "アーカイブ済みのプロファイルは履歴を保持し、新しい版は保存できません。")
    static let standardUnavailable = Localized(
        "This version no longer applies to the catalog: {x}", "この版は現在のカタログに適用できません: {x}")
    // The person page.
    static let underProfile = Localized("Levels under a tailoring profile", "テーラリングプロファイルでのレベル")
    static let chooseProfile = Localized("Profile", "プロファイル")
    static let showLevels = Localized("Show levels", "レベルを表示")
    static let noProfiles = Localized(
        "No tailoring profiles yet: an administrator creates them under Administration › Tailoring profiles.",
        "テーラリングプロファイルはまだありません。管理者が「管理 › テーラリングプロファイル」で作成します。")
    static let field = Localized("Field", "分野")
    static let asPublished = Localized("Standard as published", "公開された標準")
    static let underNamed = Localized("Under “{p}” version {v}", "「{p}」第 {v} 版")
    static let otherStandard = Localized("— (the profile tailors another standard)", "—（別の標準のプロファイル）")
    static let fieldExcluded = Localized("— (the profile excludes this field)", "—（プロファイルで除外）")
    static let notWeighed = Localized(
        "Company items not weighed (the approved assessment was not made under this profile): {x}",
        "反映されていない自社項目（承認済みの評価がこのプロファイルによるものではありません）: {x}")
    static let adjusted = Localized("Adjusted", "調整")
}
