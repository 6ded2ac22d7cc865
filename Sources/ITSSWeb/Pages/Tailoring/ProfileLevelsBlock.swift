import ITSSDomain
import ITSSStorage

/// On a person's page, for HR and administrators: the person's level per field under a chosen tailoring profile
/// beside the level under the standard as published, each stating the profile and version it was computed under.
struct ProfileLevelsBlock: Sendable {
    var path: String
    var choices: [ProfileSummary]
    var selected: Int64?
    var levels: ProfileLevels?
    var error: String?

    /// Query: the profiles to choose from (the first 100 in use) and, when one is chosen, the levels under it.
    /// `nil` for roles that may not read profiles.
    /// - Throws: database errors other than an unknown or no longer applicable profile (shown in the block).
    static func load(
        _ database: AppDatabase, principal: Principal, employeeNumber: String, path: String, profile: String?
    ) async throws -> ProfileLevelsBlock? {
        guard AccessPolicy.permitsReadingProfiles(principal) else { return nil }
        var block = ProfileLevelsBlock(
            path: path, choices: try await database.profiles(page: PageRequest(perPage: 100)).items, selected: nil)
        guard let profile, !profile.isEmpty else { return block }
        guard let id = Int64(profile) else {
            block.error = "profile \"\(profile)\" does not exist"
            return block
        }
        block.selected = id
        do {
            block.levels = try await database.levels(of: employeeNumber, underProfile: id)
        } catch let error as StorageError {
            switch error {
            case .notFound, .refused: block.error = error.errorDescription
            default: throw error
            }
        }
        return block
    }

    /// View.
    func render(_ language: Language) -> HTML {
        guard !choices.isEmpty || levels != nil else {
            return "<h2>\(ProfilesText.underProfile(language))</h2><p class=\"empty\">\(ProfilesText.noProfiles(language))</p>"
        }
        let options = HTML.join(
            choices.map { choice -> HTML in
                let mark: HTML = choice.id == selected ? " selected" : .empty
                return "<option value=\"\(choice.id)\"\(mark)>\(choice.name) (\(choice.standard.version))</option>"
            })
        let error: HTML = self.error.map { "<p class=\"error\" role=\"alert\">\($0)</p>" } ?? .empty
        return """
            <h2 id="tailoring">\(ProfilesText.underProfile(language))</h2>
            <form method="get" action="\(path)#tailoring" class="inline-form no-print">
            <label for="profile">\(ProfilesText.chooseProfile(language))</label>
            <select id="profile" name="profile">\(options)</select>
            <button type="submit" class="secondary">\(ProfilesText.showLevels(language))</button>
            </form>
            \(error)
            \(levels.map { table($0, language) } ?? .empty)
            """
    }

    private func table(_ levels: ProfileLevels, _ language: Language) -> HTML {
        let under = ProfilesText.underNamed(language).replacingOccurrences(of: "{p}", with: levels.profile.name)
            .replacingOccurrences(of: "{v}", with: String(levels.profileVersion))
        let rows = levels.fields.map { field -> HTML in
            let tailored: HTML
            switch field.absence {
            case .otherStandard?: tailored = "\(ProfilesText.otherStandard(language))"
            case .fieldExcluded?: tailored = "\(ProfilesText.fieldExcluded(language))"
            case nil:
                let shown: HTML = field.displayName.map { "<span class=\"muted\">\($0)</span><br>" } ?? .empty
                let level = field.tailoredOfficial.map { SkillPageParts.level($0, language) } ?? "—"
                let adjustments = field.adjustments.map { change -> HTML in
                    "<li>\(ProfilesText.adjusted(language)): \(ProfilesText.threshold(language)) \(change.level ?? 0) \(change.before ?? "") → \(change.after ?? "") (\(change.reason))</li>"
                }
                let company: HTML =
                    field.unassessedCompanyItems.isEmpty
                    ? .empty
                    : "<li>\(ProfilesText.notWeighed(language).replacingOccurrences(of: "{x}", with: field.unassessedCompanyItems.joined(separator: ", ")))</li>"
                tailored =
                    "\(shown)<strong class=\"tailored-level\">\(level)</strong><ul class=\"muted\">\(HTML.join(adjustments))\(company)</ul>"
            }
            return """
                <tr><td>\(SkillPageParts.label(field.standard.field))</td>\
                <td><strong>\(SkillPageParts.level(field.standard.official, language))</strong></td><td>\(tailored)</td></tr>
                """
        }
        return """
            <table class="profile-levels">
            <thead><tr><th>\(ProfilesText.field(language))</th><th>\(ProfilesText.asPublished(language))</th><th>\(under)</th></tr></thead>
            <tbody>\(HTML.join(rows))</tbody>
            </table>
            """
    }
}
