/// The administration pages' interface text.
enum AdminText {
    static let title = Localized("Administration", "管理")
    static let intro = Localized(
        "Org units, people, evaluator assignments, accounts, bulk imports, the catalog's documents and the audit log.",
        "組織、人材、評価者の割り当て、アカウント、一括取り込み、カタログ文書、監査ログを管理します。")
    static let sections = Localized("Administration sections", "管理メニュー")
    // Sections
    static let orgUnits = Localized("Org units", "組織")
    static let orgUnitsAbout = Localized("The organisation as a tree; add units.", "組織のツリー。組織を追加します。")
    static let people = Localized("People", "人材")
    static let peopleAbout = Localized("Everyone, by org unit; add people.", "組織ごとの人材一覧。人材を追加します。")
    static let evaluators = Localized("Evaluators", "評価者")
    static let evaluatorsAbout = Localized(
        "Who evaluates whom: assign an evaluator to an org unit or a person.", "誰が誰を評価するか。評価者を組織または個人に割り当てます。")
    static let accounts = Localized("Accounts", "アカウント")
    static let accountsAbout = Localized(
        "Sign-in accounts and their roles; create, change role, deactivate.", "サインイン用アカウントと役割。作成・役割変更・無効化。")
    static let imports = Localized("CSV imports", "CSV 取り込み")
    static let importsAbout = Localized(
        "Bulk migration of people, assessments and track record; all or nothing, with a line-numbered report.",
        "人材・評価・実績の一括移行。すべて成功するか何もしないかで、行番号付きの報告を表示します。")
    static let catalogDocument = Localized("Catalog document", "カタログ文書")
    static let catalogDocumentAbout = Localized(
        "Import an ITSS document (another job category or edition) and see its diagnostics.",
        "ITSS 文書（他の職種・版）を取り込み、診断を確認します。")
    static let audit = Localized("Audit log", "監査ログ")
    static let auditAbout = Localized("Every change: who, what, when, before and after.", "すべての変更：誰が・何を・いつ・変更前後。")
    // Common
    static let add = Localized("Add", "追加")
    static let code = Localized("Code", "コード")
    static let name = Localized("Name", "名前")
    static let parent = Localized("Parent unit", "上位組織")
    static let noParent = Localized("— none (top level) —", "— なし（最上位）—")
    static let added = Localized("Added {x}.", "{x} を追加しました。")
    static let saved = Localized("Saved.", "保存しました。")
    static let sortBy = Localized("Order", "並び順")
    static let byCode = Localized("by code", "コード順")
    static let byName = Localized("by name", "名前順")
    // Org units
    static let addOrgUnit = Localized("Add an org unit", "組織を追加")
    static let noOrgUnits = Localized(
        "No org units yet. Add the top unit with the form below, then its sub-units.",
        "組織はまだありません。下のフォームで最上位の組織を追加し、次に下位組織を追加してください。")
    // People
    static let employeeNumber = Localized("Employee number", "社員番号")
    static let email = Localized("E-mail", "メール")
    static let orgUnit = Localized("Org unit", "組織")
    static let allUnits = Localized("— all units —", "— すべての組織 —")
    static let noUnit = Localized("— none —", "— なし —")
    static let joinedOn = Localized("Joined on", "入社日")
    static let active = Localized("Active", "在籍")
    static let inactive = Localized("Add as inactive", "非在籍として追加")
    static let fields = Localized("Specialty fields", "専門分野")
    static let yes = Localized("yes", "はい")
    static let no = Localized("no", "いいえ")
    static let filter = Localized("Filter", "絞り込み")
    static let addPerson = Localized("Add a person", "人材を追加")
    static let noPeople = Localized(
        "No people yet. Add one with the form below, or import many at once under CSV imports.",
        "人材はまだいません。下のフォームで追加するか、「CSV 取り込み」で一括登録してください。")
    static let noPeopleInUnit = Localized(
        "Nobody in this unit or its sub-units yet. Choose another unit or add a person below.",
        "この組織と下位組織にはまだ誰もいません。別の組織を選ぶか、下で人材を追加してください。")
    static let dateFormat = Localized("YYYY-MM-DD", "YYYY-MM-DD")
    static let badDate = Localized("is not a date; expected YYYY-MM-DD", "日付ではありません。YYYY-MM-DD の形式で入力してください")
    // Evaluators
    static let evaluator = Localized("Evaluator (employee number)", "評価者（社員番号）")
    static let evaluatorColumn = Localized("Evaluator", "評価者")
    static let covers = Localized("Covers", "対象")
    static let assignedAt = Localized("Assigned", "割り当て日時")
    static let unitAndSubUnits = Localized("org unit {x} and its sub-units", "組織 {x} とその下位組織")
    static let personDirect = Localized("person", "個人")
    static let assign = Localized("Assign", "割り当て")
    static let assignEvaluator = Localized("Assign an evaluator", "評価者を割り当てる")
    static let toUnit = Localized("to the org unit", "組織へ")
    static let toPerson = Localized("or to one person (employee number)", "または個人へ（社員番号）")
    static let exactlyOne = Localized("choose either an org unit or a person", "組織か個人のどちらか一方を選んでください")
    static let noAssignments = Localized(
        "No evaluator is assigned yet. Assign one with the form below so that assessments can be reviewed.",
        "評価者はまだ割り当てられていません。評価をレビューできるよう、下のフォームで割り当ててください。")
    static let newestFirst = Localized("newest first", "新しい順")
    static let byEvaluator = Localized("by evaluator", "評価者順")
    static let assigned = Localized("Assigned {x}.", "{x} を割り当てました。")
    // Accounts
    static let login = Localized("Login", "ログイン名")
    static let role = Localized("Role", "役割")
    static let person = Localized("Person (employee number)", "人材（社員番号）")
    static let personColumn = Localized("Person", "人材")
    static let created = Localized("Created", "作成日時")
    static let status = Localized("Status", "状態")
    static let change = Localized("Change", "変更")
    static let deactivated = Localized("deactivated", "無効")
    static let activeStatus = Localized("active", "有効")
    static let keepActive = Localized("active", "有効")
    static let initialPassword = Localized("Initial password", "初期パスワード")
    static let createAccount = Localized("Create an account", "アカウントを作成")
    static let create = Localized("Create", "作成")
    static let noAccounts = Localized("No accounts yet. Create one below.", "アカウントはまだありません。下で作成してください。")
    static let conflict = Localized(
        "Someone else changed this account since you opened the page; nothing was overwritten. The list shows the current values: apply your change again.",
        "ページを開いた後に他の人がこのアカウントを変更しました。何も上書きしていません。一覧は現在の値です。もう一度変更してください。")
    static let roleNames: [String: Localized] = [
        "admin": Localized("administrator", "管理者"), "hr": Localized("HR", "人事"),
        "evaluator": Localized("evaluator", "評価者"), "employee": Localized("employee", "社員"),
    ]
    // Imports
    static let kind = Localized("What to import", "取り込む内容")
    static let kindPeople = Localized("People", "人材")
    static let kindAssessments = Localized("Assessments (one rating per row)", "評価（1 行に 1 評定）")
    static let kindExperience = Localized("Experience (track record)", "実績")
    static let csv = Localized("CSV text", "CSV テキスト")
    static let csvHint = Localized(
        "Paste the file's text, or choose the file (with JavaScript it is read into the box). The first line names the columns; see docs/bulk-import.md.",
        "ファイルの内容を貼り付けるか、ファイルを選んでください（JavaScript が有効ならボックスに読み込まれます）。1 行目は列名です。docs/bulk-import.md を参照。")
    static let file = Localized("File", "ファイル")
    static let approvedBy = Localized("Approved by (evaluator's employee number, assessments only)", "承認者（評価者の社員番号、評価のみ）")
    static let runImport = Localized("Import", "取り込む")
    static let importRefused = Localized(
        "Nothing was imported: {n} bad row(s). Correct them and import the whole file again.",
        "何も取り込まれていません：不正な行が {n} 行あります。修正してファイル全体をもう一度取り込んでください。")
    static let importDone = Localized(
        "Imported {n} record(s) from {rows} row(s); {levels} level(s) recomputed.",
        "{rows} 行から {n} 件を取り込みました。{levels} 件のレベルを再計算しました。")
    static let lineColumn = Localized("Line", "行")
    static let column = Localized("Column", "列")
    static let problem = Localized("Problem", "問題")
    static let emptyCSV = Localized("is empty; paste the CSV text or choose a file", "空です。CSV テキストを貼り付けるかファイルを選んでください")
    // Catalog document
    static let emptyDocument = Localized(
        "is empty; paste the document's text or choose a file", "空です。文書のテキストを貼り付けるかファイルを選んでください")
    static let documentText = Localized("Document text", "文書テキスト")
    static let documentHint = Localized(
        "The text extracted from an ITSS skill-proficiency PDF, as `itss catalog import` reads it.",
        "ITSS スキル熟達度 PDF から抽出したテキスト（itss catalog import と同じ形式）。")
    static let fileName = Localized(
        "File name (tells the edition, e.g. itss-v3-2008-….txt)", "ファイル名（版の判定に使用、例：itss-v3-2008-….txt）")
    static let edition = Localized("Edition (e.g. V3 2011; optional when the file name tells it)", "版（例：V3 2011。ファイル名で分かる場合は任意）")
    static let replace = Localized(
        "Replace a stored standard of the same name and edition whose text differs (history and references are kept)",
        "同名・同版で内容の異なる標準を置き換える（履歴と参照は保持）")
    static let noErrata = Localized("Read exactly as published, without our errata", "正誤表を適用せず原典どおりに読む")
    static let importDocument = Localized("Import the document", "文書を取り込む")
    static let created_ = Localized("Imported {x} as revision 1.", "{x} を改訂 1 として取り込みました。")
    static let unchanged = Localized(
        "{x} is already imported from this text (revision {r}); nothing changed.",
        "{x} はこのテキストから取り込み済みです（改訂 {r}）。変更はありません。")
    static let replaced = Localized(
        "Replaced {x}: now revision {r}; {n} skill item(s) no longer in the text were retired (kept for history).",
        "{x} を置き換えました：改訂 {r}。テキストにない {n} 個のスキル項目は廃止扱い（履歴として保持）。")
    static let documentDiagnostics = Localized("Diagnostics of this document", "この文書の診断")
    // Audit
    static let when = Localized("When", "日時")
    static let actor = Localized("Actor", "実行者")
    static let actorHint = Localized("starts with", "前方一致")
    static let action = Localized("Action", "操作")
    static let anyAction = Localized("— any action —", "— すべての操作 —")
    static let subject = Localized("Subject", "対象")
    static let detail = Localized("Detail", "詳細")
    static let noAudit = Localized(
        "No entries match. Clear the filters to see every change.", "該当する記録はありません。絞り込みを解除するとすべての変更を表示します。")
}
