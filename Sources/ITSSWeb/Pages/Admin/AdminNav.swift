import ITSSDomain
import ITSSStorage

/// The administration sections, shown at the top of every administration page; sections for administrators
/// only are marked, and left out for HR.
enum AdminNav {
    struct Section: Sendable {
        var path: String
        var title: Localized
        var about: Localized
        var adminOnly: Bool
    }

    static let sections: [Section] = [
        Section(path: "/admin/org-units", title: AdminText.orgUnits, about: AdminText.orgUnitsAbout, adminOnly: false),
        Section(path: "/admin/people", title: AdminText.people, about: AdminText.peopleAbout, adminOnly: false),
        Section(path: "/admin/evaluators", title: AdminText.evaluators, about: AdminText.evaluatorsAbout, adminOnly: false),
        Section(path: "/admin/accounts", title: AdminText.accounts, about: AdminText.accountsAbout, adminOnly: true),
        Section(path: "/admin/imports", title: AdminText.imports, about: AdminText.importsAbout, adminOnly: false),
        Section(
            path: "/admin/catalog-import", title: AdminText.catalogDocument, about: AdminText.catalogDocumentAbout,
            adminOnly: true),
        Section(path: "/admin/profiles", title: ProfilesText.title, about: ProfilesText.about, adminOnly: false),
        Section(path: "/admin/audit", title: AdminText.audit, about: AdminText.auditAbout, adminOnly: false),
    ]

    /// The sections a role sees.
    static func visible(to role: AccessRole?) -> [Section] {
        sections.filter { !$0.adminOnly || role == .administrator }
    }

    /// The section links above a page's content.
    static func render(current: String, layout: Layout) -> HTML {
        let links = visible(to: layout.account?.role).map { section -> HTML in
            let marker: HTML = section.path == current ? " aria-current=\"page\"" : .empty
            return "<a href=\"\(section.path)\"\(marker)>\(section.title(layout.language))</a>"
        }
        return
            "<nav class=\"subnav no-print\" aria-label=\"\(AdminText.sections(layout.language))\"><a href=\"/admin\">\(AdminText.title(layout.language))</a>\(links)</nav>"
    }

    /// A page of the administration area: the section links, then the content.
    static func page(current: String, layout: Layout, _ content: HTML) -> HTML {
        layout.render(render(current: current, layout: layout) + content)
    }
}

/// `/admin`: the sections with what each is for.
struct AdminHomePage: Sendable {
    var role: AccessRole

    func render(layout: Layout) -> HTML {
        let language = layout.language
        let cards = AdminNav.visible(to: role).map { section -> HTML in
            let badge: HTML = section.adminOnly ? " <span class=\"badge\">\(FormText.adminOnly(language))</span>" : .empty
            return
                "<li class=\"card\"><a href=\"\(section.path)\">\(section.title(language))</a>\(badge)<p class=\"muted\">\(section.about(language))</p></li>"
        }
        return layout.render(
            """
            <h1>\(AdminText.title(language))</h1>
            <p class="muted">\(AdminText.intro(language))</p>
            <ul class="sections">\(cards)</ul>
            """)
    }
}

/// A message shown once after a form was saved (the redirect's `done` parameter names it).
enum Notice {
    static func render(_ text: String?) -> HTML {
        guard let text, !text.isEmpty else { return .empty }
        return "<p class=\"ok notice\" role=\"status\">\(text)</p>"
    }
}
