/// The sign-in page: what the view needs.
struct SignInPage: Sendable {
    /// Where to go after signing in (a local path).
    var next: String
    /// The login as typed, kept when the sign-in is refused.
    var login: String = ""
    /// Why the last attempt was refused.
    var error: String?
    /// Logins of the demo accounts, on a database `itss demo` made.
    var demoLogins: [String] = []

    /// Only local paths are followed after sign-in: never another site (`//evil.example`, `https://…`).
    static func safeNext(_ next: String?) -> String {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.hasPrefix("/\\") else { return "/" }
        return next
    }

    func render(layout: Layout) -> HTML {
        let language = layout.language
        let error: HTML? = self.error.map { "<p class=\"error\" role=\"alert\">\($0)</p>" }
        let demo: HTML? =
            demoLogins.isEmpty
            ? nil
            : """
            <aside class="hint"><p>\(SignInText.demo(language))</p>
            <ul>\(demoLogins.map { "<li><code>\($0)</code></li>" as HTML })</ul></aside>
            """
        return layout.render(
            """
            <section class="narrow">
            <h1>\(SignInText.title(language))</h1>
            \(error)
            <form method="post" action="/login" class="stacked">
            <input type="hidden" name="next" value="\(next)">
            <label for="login">\(SignInText.login(language))</label>
            <input id="login" name="login" value="\(login)" autocomplete="username" required autofocus>
            <label for="password">\(SignInText.password(language))</label>
            <input id="password" name="password" type="password" autocomplete="current-password" required>
            <button type="submit">\(SignInText.submit(language))</button>
            </form>
            \(demo)
            </section>
            """)
    }
}

enum SignInText {
    static let title = Localized("Sign in to itss", "itss にサインイン")
    static let login = Localized("Login", "ログイン名")
    static let password = Localized("Password", "パスワード")
    static let submit = Localized("Sign in", "サインイン")
    static let refused = Localized("The login or the password is not correct.", "ログイン名またはパスワードが正しくありません。")
    static let tooMany = Localized(
        "Too many failed attempts for this login. Try again in 15 minutes.",
        "このログイン名でのサインイン失敗が多すぎます。15 分後にもう一度お試しください。")
    static let demo = Localized(
        "Demo accounts (their passwords were printed by itss demo):",
        "デモ用アカウント（パスワードは itss demo が表示しました）：")
}
