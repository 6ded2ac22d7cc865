import ITSSDomain
import ITSSStorage

/// `/admin/profiles`: the tailoring profiles a page at a time, sortable (HR and administrators); the create form
/// (administrators), empty from a name and a standard or from a profile document as JSON.
struct ProfilesPage: Sendable {
    struct Form: Sendable, Hashable {
        var name = ""
        var standard = ""
        var purpose = ""
        var document = ""
    }

    var profiles: Page<ProfileSummary>
    var standards: [StandardKey]
    var list: ListState
    var includeArchived: Bool
    var canWrite: Bool
    var form = Form()
    var refusal: FormRefusal?
    var csrfToken: String?

    static let path = "/admin/profiles"

    /// Query: one sorted page of profiles (SQL) and the standards to choose from.
    /// - Throws: database errors.
    static func load(
        _ database: AppDatabase, list: ListState, includeArchived: Bool, canWrite: Bool
    ) async throws -> ProfilesPage {
        let sort = list.sort.flatMap(ProfileSort.init(rawValue:)) ?? .name
        return ProfilesPage(
            profiles: try await database.profiles(
                sortedBy: sort, descending: list.descending, includeArchived: includeArchived, page: list.pageRequest),
            standards: try await database.cachedCatalog().standards.map(\.key), list: list, includeArchived: includeArchived,
            canWrite: canWrite)
    }

    /// The key a standard's option carries: `VERSION|NAME`.
    static func optionValue(_ key: StandardKey) -> String { "\(key.version)|\(key.name)" }

    /// The standard an option value names.
    static func standard(fromOption value: String) -> StandardKey? {
        guard let bar = value.firstIndex(of: "|") else { return nil }
        let version = String(value[..<bar])
        let name = String(value[value.index(after: bar)...])
        return version.isEmpty || name.isEmpty ? nil : StandardKey(name: name, version: version)
    }

    /// View.
    func render(layout: Layout) -> HTML {
        let language = layout.language
        let link = ListLink(path: Self.path, filters: includeArchived ? [("archived", "1")] : [], state: list)
        let current = list.sort.flatMap(ProfileSort.init(rawValue:))?.rawValue ?? ProfileSort.name.rawValue
        let table: HTML
        if profiles.total == 0 {
            table = "<p class=\"empty\">\(ProfilesText.empty(language))</p>"
        } else if profiles.items.isEmpty {
            table = "<p class=\"empty\"><a href=\"\(link.href(page: 1))\">\(ListText.pageEmpty(language))</a></p>"
        } else {
            let rows = profiles.items.map { profile -> HTML in
                let archived: HTML =
                    profile.isArchived ? " <span class=\"badge\">\(ProfilesText.archived(language))</span>" : .empty
                return """
                    <tr><td><a href="\(Self.path)/\(profile.id)">\(profile.name)</a>\(archived)</td>\
                    <td>\(profile.standard.description)</td><td class="num">\(profile.version)</td>\
                    <td class="num">\(profile.changeCount)</td><td>\(profile.updatedAt)</td></tr>
                    """
            }
            table = """
                <table>
                <thead><tr>\(link.sortHeader(ProfilesText.name(language), key: "name", current: current))\
                \(link.sortHeader(ProfilesText.standard(language), key: "standard", current: current))\
                <th class="num">\(ProfilesText.version(language))</th><th class="num">\(ProfilesText.changes(language))</th>\
                \(link.sortHeader(ProfilesText.updated(language), key: "updated", current: current))</tr></thead>
                <tbody>\(rows)</tbody>
                </table>
                """
        }
        let archivedToggle: HTML =
            includeArchived
            ? .empty : "<p class=\"no-print\"><a href=\"\(Self.path)?archived=1\">\(ProfilesText.showArchived(language))</a></p>"
        return AdminNav.page(
            current: Self.path, layout: layout,
            """
            <h1>\(ProfilesText.title(language))</h1>
            <p class="muted">\(ProfilesText.about(language))</p>
            \(table)
            \(link.pager(page: profiles.page, pageCount: profiles.pageCount, total: profiles.total, language: language))
            \(archivedToggle)
            \(canWrite ? createForm(language) : .empty)
            """)
    }

    private func createForm(_ language: Language) -> HTML {
        let options = HTML.join(
            standards.map { key -> HTML in
                let value = Self.optionValue(key)
                let mark: HTML = value == form.standard ? " selected" : .empty
                return "<option value=\"\(value)\"\(mark)>\(key.description)</option>"
            })
        return """
            <section class="card no-print">
            <h2>\(ProfilesText.create(language)) <span class="badge">\(FormText.adminOnly(language))</span></h2>
            <p class="muted">\(ProfilesText.createHint(language))</p>
            \(refusal.summary(language, fields: ["name", "standard", "document"]))
            <form method="post" action="\(Self.path)" class="stacked">
            <input type="hidden" name="_csrf" value="\(csrfToken)">
            <label for="name">\(ProfilesText.name(language))</label>
            <input id="name" name="name" value="\(form.name)" maxlength="200"\(refusal.marks("name"))>
            \(refusal.message(for: "name"))
            <label for="standard">\(ProfilesText.standard(language))</label>
            <select id="standard" name="standard"\(refusal.marks("standard"))>\(options)</select>
            \(refusal.message(for: "standard"))
            <label for="purpose">\(ProfilesText.purpose(language)) <span class="muted">(\(FormText.optional(language)))</span></label>
            <input id="purpose" name="purpose" value="\(form.purpose)">
            <label for="document-file" class="js-only">\(ProfilesText.file(language))</label>
            <input id="document-file" type="file" accept=".json,application/json" data-fill="document" class="js-only">
            <label for="document">\(ProfilesText.document(language)) <span class="muted">(\(FormText.optional(language)))</span></label>
            <textarea id="document" name="document" rows="10" spellcheck="false"\(refusal.marks("document"))>\(form.document)</textarea>
            \(refusal.message(for: "document"))
            <button type="submit">\(ProfilesText.createButton(language))</button>
            </form>
            </section>
            <script src="/static/import.js" defer></script>
            """
    }
}
