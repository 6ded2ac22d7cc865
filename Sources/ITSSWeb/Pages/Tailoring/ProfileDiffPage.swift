import ITSSDomain
import ITSSStorage

/// `/admin/profiles/{id}`: one version of a profile shown as a diff against the standard as published — removed
/// fields and items struck through, renamed ones with both names, company items and knowledge items marked as
/// added, adjusted thresholds with old and new minimum — every change with its reason; the version history; for
/// administrators the edit form (the JSON of the version, kept as typed when refused) and the archive button.
struct ProfileDiffPage: Sendable {
    var summary: ProfileSummary
    var version: ProfileVersion
    /// The version applied to the current catalog; `nil` with `unavailable` when it no longer applies.
    var tailored: TailoredCatalog?
    var unavailable: String?
    var versions: Page<ProfileVersion>
    var versionsList: ListState
    var canWrite: Bool
    /// The edit form's text and note (the shown version's JSON by default).
    var document = ""
    var note = ""
    /// The version the edit form was made on.
    var baseVersion: Int
    var refusal: FormRefusal?
    var notice: String?
    var csrfToken: String?

    var path: String { "\(ProfilesPage.path)/\(summary.id)" }

    /// Query: the profile, the version (current by default), its application to the catalog and one page of the
    /// version history. A fixed number of queries.
    /// - Throws: `StorageError.notFound` for an unknown profile or version, database errors.
    static func load(
        _ database: AppDatabase, id: Int64, version: Int?, versionsList: ListState, canWrite: Bool
    ) async throws -> ProfileDiffPage {
        let summary = try await database.profile(id: id)
        let stored = try await database.profileVersion(id, version: version)
        var tailored: TailoredCatalog?
        var unavailable: String?
        do {
            tailored = try await database.tailoredCatalog(stored)
        } catch let StorageError.refused(reason) {
            unavailable = reason
        }
        var document = stored.profile
        document.version = stored.version
        return ProfileDiffPage(
            summary: summary, version: stored, tailored: tailored, unavailable: unavailable,
            versions: try await database.profileVersions(id, page: versionsList.pageRequest), versionsList: versionsList,
            canWrite: canWrite, document: (try? TailoringJSON.text(document)) ?? "", baseVersion: summary.version)
    }

    /// View.
    func render(layout: Layout) -> HTML {
        let language = layout.language
        let archived: HTML =
            summary.isArchived ? " <span class=\"badge\">\(ProfilesText.archived(language))</span>" : .empty
        let viewing = ProfilesText.viewing(language).replacingOccurrences(of: "{v}", with: String(version.version))
            .replacingOccurrences(of: "{n}", with: String(summary.version))
        let purpose: HTML = version.profile.purpose.map { "<p>\($0)</p>" } ?? .empty
        let problem: HTML =
            unavailable.map {
                "<p class=\"error\" role=\"alert\">\(ProfilesText.standardUnavailable(language).replacingOccurrences(of: "{x}", with: $0))</p>"
            } ?? .empty
        return AdminNav.page(
            current: ProfilesPage.path, layout: layout,
            """
            <h1>\(summary.name)\(archived)</h1>
            <p class="muted">\(summary.standard.description) · \(viewing) · \(ProfilesText.savedBy(language)) \(version.createdBy), \(version.createdAt): \(version.note)</p>
            \(Notice.render(notice))
            \(purpose)
            \(problem)
            <p class="no-print"><a href="/api/v1/profiles/\(summary.id)/export?version=\(version.version)" download>\(ProfilesText.export(language))</a>
              · <a href="/api/v1/profiles/\(summary.id)/export?version=\(version.version)&amp;format=case" download>\(ProfilesText.exportCASE(language))</a></p>
            <h2>\(ProfilesText.diff(language))</h2>
            \(tailored.map { diffBlock($0, language) } ?? .empty)
            <h2>\(ProfilesText.versions(language))</h2>
            \(versionsBlock(language))
            \(canWrite ? editBlock(language) : .empty)
            """)
    }

    /// The standard's fields in order: changed ones in detail, the rest listed as kept.
    func diffBlock(_ tailored: TailoredCatalog, _ language: Language) -> HTML {
        guard !tailored.diff.isEmpty else { return "<p class=\"empty\">\(ProfilesText.noChanges(language))</p>" }
        let changedFields = Set(tailored.diff.map(\.field))
        var sections: [HTML] = []
        var unchanged: [String] = []
        for field in tailored.original.fields {
            guard changedFields.contains(field.name) else {
                unchanged.append(field.name)
                continue
            }
            let changes = tailored.diff.filter { $0.field == field.name }
            sections.append(fieldSection(field, changes: changes, tailored: tailored, language))
        }
        let kept: HTML =
            unchanged.isEmpty
            ? .empty
            : "<p class=\"muted\">\(ProfilesText.unchangedFields(language)): \(unchanged.joined(separator: ", "))</p>"
        return HTML.join(sections) + kept
    }

    private func reason(_ change: TailoringChange, _ language: Language) -> HTML {
        "<span class=\"diff-reason\">\(ProfilesText.reason(language)): \(change.reason)</span>"
    }

    private func fieldSection(
        _ field: SpecialtyField, changes: [TailoringChange], tailored: TailoredCatalog, _ language: Language
    ) -> HTML {
        var heading: HTML = "\(field.name)"
        var notes: [HTML] = []
        for change in changes where change.item == nil || change.kind == .thresholdAdjusted {
            switch change.kind {
            case .fieldExcluded:
                heading = "<del>\(field.name)</del> <span class=\"badge\">\(ProfilesText.excluded(language))</span>"
                notes.append("<li class=\"diff-removed\">\(reason(change, language))</li>")
            case .fieldRenamed:
                heading = "\(change.after ?? "") <span class=\"muted\">(ITSS: \(field.name))</span>"
                notes.append(
                    "<li class=\"diff-renamed\">\(ProfilesText.shownAs(language)) “\(change.after ?? "")” — \(reason(change, language))</li>"
                )
            case .thresholdAdjusted:
                let before = change.before ?? ProfilesText.noneBefore(language)
                notes.append(
                    "<li class=\"diff-adjusted\">\(ProfilesText.threshold(language)) \(change.level ?? 0): <del>\(before)</del> → <ins>\(change.after ?? "")</ins> — \(reason(change, language))</li>"
                )
            default: break
            }
        }
        var items: [HTML] = []
        for item in field.items {
            let itemChanges = changes.filter { $0.item == item.name && $0.kind != .companyItemAdded }
            guard !itemChanges.isEmpty else { continue }
            var label: HTML = "\(item.name)"
            var lines: [HTML] = []
            for change in itemChanges {
                switch change.kind {
                case .itemExcluded:
                    label = "<del>\(item.name)</del> <span class=\"badge\">\(ProfilesText.excluded(language))</span>"
                    lines.append("<li>\(reason(change, language))</li>")
                case .itemRenamed:
                    label = "\(change.after ?? "") <span class=\"muted\">(ITSS: \(item.name))</span>"
                    lines.append(
                        "<li>\(ProfilesText.shownAs(language)) “\(change.after ?? "")” — \(reason(change, language))</li>")
                case .knowledgeAdded:
                    lines.append(
                        "<li><ins>+ \(ProfilesText.addedKnowledge(language)): \(change.after ?? "")</ins> — \(reason(change, language))</li>"
                    )
                default: break
                }
            }
            items.append("<li class=\"diff-item\">\(label)<ul>\(HTML.join(lines))</ul></li>")
        }
        let companies = changes.filter { $0.kind == .companyItemAdded }.map { change -> HTML in
            let basis: HTML =
                (tailored.traces[field.name] ?? []).first { $0.item == change.item }.flatMap { trace -> HTML? in
                    if case let .company(basedOn?) = trace.origin { return " · \(ProfilesText.basedOn(language)) \(basedOn)" }
                    return nil
                } ?? .empty
            return
                "<li class=\"diff-added\"><ins>+ \(change.item ?? "")</ins> <span class=\"badge\">\(ProfilesText.companyItem(language))</span> <span class=\"muted\">\(ProfilesText.levels(language)) \(change.after ?? "")\(basis)</span> — \(reason(change, language))</li>"
        }
        let itemList: HTML =
            items.isEmpty && companies.isEmpty ? .empty : "<ul class=\"diff-items\">\(HTML.join(items + companies))</ul>"
        return """
            <section class="card diff-field">
            <h3>\(heading)</h3>
            <ul class="diff-notes">\(HTML.join(notes))</ul>
            \(itemList)
            </section>
            """
    }

    private func versionsBlock(_ language: Language) -> HTML {
        let link = ListLink(path: path, state: versionsList)
        let rows = versions.items.map { entry -> HTML in
            let mark: HTML =
                entry.version == summary.version ? " <span class=\"badge\">\(ProfilesText.current(language))</span>" : .empty
            let label: HTML =
                entry.version == version.version
                ? "<strong>\(entry.version)</strong>" : "<a href=\"\(path)?version=\(entry.version)\">\(entry.version)</a>"
            return """
                <tr><td class="num">\(label)\(mark)</td><td>\(entry.createdAt)</td><td>\(entry.createdBy)</td>\
                <td class="num">\(entry.changeCount)</td><td>\(entry.note)</td></tr>
                """
        }
        return """
            <table>
            <thead><tr><th class="num">\(ProfilesText.version(language))</th><th>\(ProfilesText.savedAt(language))</th>\
            <th>\(ProfilesText.savedBy(language))</th><th class="num">\(ProfilesText.changes(language))</th>\
            <th>\(ProfilesText.note(language))</th></tr></thead>
            <tbody>\(HTML.join(rows))</tbody>
            </table>
            \(link.pager(page: versions.page, pageCount: versions.pageCount, total: versions.total, language: language))
            """
    }

    private func editBlock(_ language: Language) -> HTML {
        guard !summary.isArchived else { return "<p class=\"muted\">\(ProfilesText.archivedNoEdit(language))</p>" }
        let conflict: HTML =
            refusal?.status == .conflict ? "<p class=\"error\" role=\"alert\">\(ProfilesText.conflict(language))</p>" : .empty
        return """
            <section class="card no-print" id="edit">
            <h2>\(ProfilesText.edit(language)) <span class="badge">\(FormText.adminOnly(language))</span></h2>
            <p class="muted">\(ProfilesText.editHint(language))</p>
            \(conflict)
            \(refusal.summary(language, fields: ["document", "note"]))
            <form method="post" action="\(path)" class="stacked">
            <input type="hidden" name="_csrf" value="\(csrfToken)">
            <input type="hidden" name="version" value="\(baseVersion)">
            <label for="document-file" class="js-only">\(ProfilesText.file(language))</label>
            <input id="document-file" type="file" accept=".json,application/json" data-fill="document" class="js-only">
            <label for="document">\(ProfilesText.document(language))</label>
            <textarea id="document" name="document" rows="24" spellcheck="false"\(refusal.marks("document"))>\(document)</textarea>
            \(refusal.message(for: "document"))
            <label for="note">\(ProfilesText.note(language))</label>
            <input id="note" name="note" value="\(note)" maxlength="500"\(refusal.marks("note"))>
            \(refusal.message(for: "note"))
            <button type="submit">\(ProfilesText.save(language))</button>
            </form>
            <form method="post" action="\(path)/archive" class="inline-form">
            <input type="hidden" name="_csrf" value="\(csrfToken)">
            <input type="hidden" name="version" value="\(baseVersion)">
            <button type="submit" class="secondary">\(ProfilesText.archive(language))</button>
            </form>
            </section>
            <script src="/static/import.js" defer></script>
            """
    }
}
