import Foundation
import ITSSDomain
import ITSSStorage

/// `/account`: the signed-in account (login, role, person), the password change, and its API tokens — create
/// (the secret is shown once, on the page that created it), list, revoke.
struct AccountPage: Sendable {
    var account: Account
    /// The account's tokens, newest first, one page.
    var tokens: PagedItems<APIToken>
    var list: ListState
    /// The secret of the token just created: shown this once, never stored.
    var newSecret: (name: String, secret: String)?
    var tokenName = ""
    var passwordRefusal: FormRefusal?
    var tokenRefusal: FormRefusal?
    var notice: String?
    var csrfToken: String?

    /// Query: the account and its tokens (one query each; the tokens of one account are few, so they are paged
    /// after reading).
    /// - Throws: database errors.
    static func load(_ database: AppDatabase, accountID: Int64, list: ListState) async throws -> AccountPage {
        let account = try await database.account(id: accountID)
        let all = try await database.tokens(ofAccount: accountID)
        return AccountPage(account: account, tokens: PagedItems(all: all, state: list), list: list)
    }

    /// View.
    func render(layout: Layout) -> HTML {
        let language = layout.language
        let person: HTML =
            account.employeeNumber.map { number in
                "<a href=\"/people/\(url: number)\">\(number)</a> \(account.personName ?? "")"
            } ?? "\(AccountText.noPerson(language))"
        let secret: HTML =
            newSecret.map { created in
                """
                <section class="card secret" role="status">
                <p class="ok">\(AccountText.created(language).replacingOccurrences(of: "{x}", with: created.name))</p>
                <p><code class="token">\(created.secret)</code></p>
                <p class="muted">\(AccountText.secretOnce(language))</p>
                </section>
                """
            } ?? .empty
        let link = ListLink(path: "/account", state: list)
        let tokenTable: HTML
        if tokens.total == 0 {
            tokenTable = "<p class=\"empty\">\(AccountText.noTokens(language))</p>"
        } else if tokens.items.isEmpty {
            tokenTable = "<p class=\"empty\"><a href=\"\(link.href(page: 1))\">\(ListText.pageEmpty(language))</a></p>"
        } else {
            let rows = tokens.items.map { token -> HTML in
                let state: HTML
                if let revoked = token.revokedAt {
                    state = "\(AccountText.revokedAt(language)) \(revoked)"
                } else {
                    state = """
                        \(AccountText.inUse(language))
                        <form method="post" action="/account/tokens/\(token.id)/revoke" class="inline no-print">
                        <input type="hidden" name="_csrf" value="\(csrfToken)">
                        <button type="submit" class="secondary">\(AccountText.revoke(language))</button>
                        </form>
                        """
                }
                return "<tr><td>\(token.name)</td><td>\(token.createdAt)</td><td>\(state)</td></tr>"
            }
            tokenTable = """
                <table>
                <thead><tr><th>\(AccountText.tokenName(language))</th><th aria-sort="descending">\(AccountText.createdAt(language)) ▼</th><th>\(AccountText.state(language))</th></tr></thead>
                <tbody>\(rows)</tbody>
                </table>
                \(link.pager(page: tokens.page, pageCount: tokens.pageCount, total: tokens.total, language: language))
                """
        }
        let role = AccountsPage.roleName(account.role, language)
        return layout.render(
            """
            <h1>\(AccountText.title(language))</h1>
            \(Notice.render(notice))
            <dl class="facts card">
            <dt>\(AccountText.login(language))</dt><dd>\(account.login)</dd>
            <dt>\(AccountText.role(language))</dt><dd>\(role)</dd>
            <dt>\(AccountText.person(language))</dt><dd>\(person)</dd>
            </dl>
            <section class="card no-print">
            <h2>\(AccountText.changePassword(language))</h2>
            \(passwordRefusal.summary(language, fields: ["current_password", "new_password", "confirm_password"]))
            <form method="post" action="/account/password" class="stacked">
            <input type="hidden" name="_csrf" value="\(csrfToken)">
            <input type="hidden" name="username" value="\(account.login)" autocomplete="username">
            <label for="current_password">\(AccountText.currentPassword(language))</label>
            <input id="current_password" name="current_password" type="password" autocomplete="current-password" required\(passwordRefusal.marks("current_password"))>
            \(passwordRefusal.message(for: "current_password"))
            <label for="new_password">\(AccountText.newPassword(language))</label>
            <input id="new_password" name="new_password" type="password" autocomplete="new-password" required minlength="\(InputBounds.passwordMinimumLength)"\(passwordRefusal.marks("new_password"))>
            \(passwordRefusal.message(for: "new_password"))
            <label for="confirm_password">\(AccountText.confirmPassword(language))</label>
            <input id="confirm_password" name="confirm_password" type="password" autocomplete="new-password" required\(passwordRefusal.marks("confirm_password"))>
            \(passwordRefusal.message(for: "confirm_password"))
            <button type="submit">\(AccountText.changePassword(language))</button>
            </form>
            </section>
            <section class="card">
            <h2>\(AccountText.tokens(language))</h2>
            <p class="muted">\(AccountText.tokensAbout(language))</p>
            \(secret)
            \(tokenTable)
            \(tokenRefusal.summary(language, fields: ["name"]))
            <form method="post" action="/account/tokens" class="stacked no-print">
            <input type="hidden" name="_csrf" value="\(csrfToken)">
            <label for="name">\(AccountText.tokenName(language))</label>
            <input id="name" name="name" value="\(tokenName)" required\(tokenRefusal.marks("name"))>
            \(tokenRefusal.message(for: "name"))
            <button type="submit">\(AccountText.createToken(language))</button>
            </form>
            </section>
            """)
    }
}

enum AccountText {
    static let title = Localized("Your account", "アカウント")
    static let login = Localized("Login", "ログイン名")
    static let role = Localized("Role", "役割")
    static let person = Localized("Person", "人材")
    static let noPerson = Localized("none (an account of no person)", "なし（人材に紐付かないアカウント）")
    static let changePassword = Localized("Change the password", "パスワードを変更")
    static let currentPassword = Localized("Current password", "現在のパスワード")
    static let newPassword = Localized("New password (at least 10 characters)", "新しいパスワード（10 文字以上）")
    static let confirmPassword = Localized("New password again", "新しいパスワード（確認）")
    static let mismatch = Localized("does not match the new password", "新しいパスワードと一致しません")
    static let passwordChanged = Localized(
        "The password is changed; your other sessions were signed out.", "パスワードを変更しました。他のセッションはサインアウトされました。")
    static let tokens = Localized("API tokens", "API トークン")
    static let tokensAbout = Localized(
        "For scripts: send a token as Authorization: Bearer … to /api/v1. It acts with your role; revoke it when it is no longer needed.",
        "スクリプト用：トークンを Authorization: Bearer … として /api/v1 に送ります。あなたの役割で動作します。不要になったら失効させてください。")
    static let tokenName = Localized("Name (what the token is for)", "名前（用途）")
    static let createToken = Localized("Create a token", "トークンを作成")
    static let created = Localized("Token \"{x}\" created. Copy it now:", "トークン「{x}」を作成しました。今すぐコピーしてください：")
    static let secretOnce = Localized(
        "This is the only time the token is shown; only its hash is stored. If you lose it, revoke it and create another.",
        "トークンが表示されるのはこの一度だけです（保存されるのはハッシュのみ）。紛失したら失効させて新しく作成してください。")
    static let noTokens = Localized(
        "No API tokens yet. Create one below when a script needs to use the API.",
        "API トークンはまだありません。スクリプトから API を使うときに下で作成してください。")
    static let createdAt = Localized("Created", "作成日時")
    static let state = Localized("State", "状態")
    static let inUse = Localized("in use", "有効")
    static let revokedAt = Localized("revoked", "失効")
    static let revoke = Localized("Revoke", "失効させる")
    static let revoked = Localized("The token is revoked.", "トークンを失効させました。")
}
