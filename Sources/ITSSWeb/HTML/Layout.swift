import ITSSDomain
import ITSSStorage

/// The page shell around every view: navigation for the signed-in role, the language switch, sign-out.
/// A pure function of its inputs.
public struct Layout: Sendable {
    /// The page's title (the tab shows it before the product name).
    public var title: String
    public var language: Language
    /// The signed-in account, if any (the sign-in page has none).
    public var account: Account?
    /// The session's CSRF token, for the sign-out form.
    public var csrfToken: String?
    /// The path of the current page, for the language switch to come back to.
    public var path: String

    public init(title: String, language: Language, account: Account?, csrfToken: String?, path: String) {
        self.title = title
        self.language = language
        self.account = account
        self.csrfToken = csrfToken
        self.path = path
    }

    /// The whole document around `content`.
    public func render(_ content: HTML) -> HTML {
        """
        <!doctype html>
        <html lang="\(language.rawValue)">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(title) · itss</title>
        <link rel="stylesheet" href="/static/app.css">
        <script src="/static/app.js" defer></script>
        </head>
        <body>
        <header class="top no-print">
        <a class="brand" href="/">itss</a>
        <nav>\(navigation)</nav>
        <div class="account">\(accountMenu)</div>
        </header>
        <main id="main">
        \(content)
        </main>
        </body>
        </html>
        """
    }

    private var navigation: HTML {
        var links: [(String, Localized)] = [("/catalog", LayoutText.catalog)]
        if let account {
            if account.personID != nil { links.append(("/me", LayoutText.mySkills)) }
            if account.role != .employee { links.append(("/review", LayoutText.review)) }
            if account.role != .employee { links.append(("/people", LayoutText.people)) }
            if account.role != .employee { links.append(("/coverage", LayoutText.coverage)) }
            if account.role != .employee { links.append(("/staffing", LayoutText.staffing)) }
            if account.role != .employee { links.append(("/map", LayoutText.skillMap)) }
            if account.role >= .hr { links.append(("/admin", LayoutText.administration)) }
        }
        return HTML.join(
            links.map { href, label in
                let current = path == href || path.hasPrefix(href + "/")
                return "<a href=\"\(href)\"\(current ? " aria-current=\"page\"" as HTML : .empty)>\(label(language))</a>"
            })
    }

    private var accountMenu: HTML {
        let switcher: HTML =
            "<a class=\"lang\" href=\"/language/\(language.other.rawValue)?next=\(url: path)\" lang=\"\(language.other.rawValue)\">\(language.other.nativeName)</a>"
        guard let account, let csrfToken else {
            return account == nil ? switcher + " <a href=\"/login\">\(LayoutText.signIn(language))</a>" : switcher
        }
        return """
            \(switcher)
            <a href="/account">\(account.personName ?? account.login)</a>
            <form method="post" action="/logout" class="inline">
            <input type="hidden" name="_csrf" value="\(csrfToken)">
            <button type="submit" class="link">\(LayoutText.signOut(language))</button>
            </form>
            """
    }
}

/// The layout's interface text.
enum LayoutText {
    static let catalog = Localized("Catalog", "カタログ")
    static let mySkills = Localized("My skills", "マイスキル")
    static let review = Localized("Review", "評価")
    static let people = Localized("People", "人材")
    static let skillMap = Localized("Skill map", "スキルマップ")
    static let administration = Localized("Administration", "管理")
    static let coverage = Localized("Coverage", "カバレッジ")
    static let staffing = Localized("Staffing", "要員充足")
    static let signIn = Localized("Sign in", "サインイン")
    static let signOut = Localized("Sign out", "サインアウト")
}
