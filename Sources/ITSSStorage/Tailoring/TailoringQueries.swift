import ITSSDomain
import SQLKit

extension AppDatabase {
    /// One sorted page of profiles (paged in SQL), archived ones only when asked for.
    /// - Throws: the database error.
    public func profiles(
        sortedBy sort: ProfileSort = .name, descending: Bool = false, includeArchived: Bool = false,
        page: PageRequest = PageRequest()
    ) async throws -> Page<ProfileSummary> {
        let sql = try sql()
        let filter: SQLQueryString = includeArchived ? "" : " WHERE t.archived_at IS NULL"
        let total =
            try await sql.raw("SELECT COUNT(*) AS n FROM tailoring_profiles t\(filter)").first()?.decode(
                column: "n", as: Int.self) ?? 0
        let direction = descending ? "DESC" : "ASC"
        let rows = try await sql.raw(
            """
            \(unsafeRaw: TailoringRows.select)\(filter) ORDER BY \(unsafeRaw: sort.column) \(unsafeRaw: direction), t.id
            LIMIT \(bind: page.perPage) OFFSET \(bind: page.offset)
            """
        ).all()
        return Page(items: try rows.map(TailoringRows.summary(from:)), page: page.page, perPage: page.perPage, total: total)
    }

    /// The profile with this id, archived or not.
    /// - Throws: `StorageError.notFound`.
    public func profile(id: Int64) async throws -> ProfileSummary {
        guard let row = try await sql().raw("\(unsafeRaw: TailoringRows.select) WHERE t.id = \(bind: id)").first() else {
            throw StorageError.notFound(what: "profile \(id)")
        }
        return try TailoringRows.summary(from: row)
    }

    /// The id of the profile with this exact name.
    /// - Throws: `StorageError.notFound`.
    public func profileID(named name: String) async throws -> Int64 {
        guard let row = try await sql().raw("SELECT id FROM tailoring_profiles WHERE name = \(bind: name)").first() else {
            throw StorageError.notFound(what: "profile \"\(name)\"")
        }
        return try row.decode(column: "id", as: Int64.self)
    }

    /// One version of a profile, the current one by default.
    /// - Throws: `StorageError.notFound` for an unknown profile or version.
    public func profileVersion(_ id: Int64, version: Int? = nil) async throws -> ProfileVersion {
        let sql = try sql()
        let condition: SQLQueryString =
            if let version { "v.version = \(bind: version)" } else {
                "v.version = (SELECT version FROM tailoring_profiles WHERE id = \(bind: id))"
            }
        guard
            let row = try await sql.raw(
                """
                SELECT v.profile_id, v.version, v.profile_json, v.change_count, v.note, v.created_at, v.created_by
                FROM tailoring_profile_versions v WHERE v.profile_id = \(bind: id) AND \(condition)
                """
            ).first()
        else { throw StorageError.notFound(what: version.map { "version \($0) of profile \(id)" } ?? "profile \(id)") }
        return try TailoringRows.version(from: row)
    }

    /// The versions of a profile, newest first, a page at a time (without their documents' diffs).
    /// - Throws: the database error.
    public func profileVersions(_ id: Int64, page: PageRequest = PageRequest()) async throws -> Page<ProfileVersion> {
        let sql = try sql()
        let total =
            try await sql.raw("SELECT COUNT(*) AS n FROM tailoring_profile_versions WHERE profile_id = \(bind: id)").first()?
            .decode(column: "n", as: Int.self) ?? 0
        let rows = try await sql.raw(
            """
            SELECT profile_id, version, profile_json, change_count, note, created_at, created_by
            FROM tailoring_profile_versions WHERE profile_id = \(bind: id) ORDER BY version DESC
            LIMIT \(bind: page.perPage) OFFSET \(bind: page.offset)
            """
        ).all()
        return Page(items: try rows.map(TailoringRows.version(from:)), page: page.page, perPage: page.perPage, total: total)
    }

    /// A person's levels under a profile version beside the levels under the standard as published: the same
    /// rule with the same approved ratings and verified records (and self ratings and all records for the
    /// provisional level), on the tailored fields. A fixed number of queries.
    /// - Parameter version: The profile version; the current one by default.
    /// - Throws: `StorageError.notFound` for an unknown person, profile or version; `.refused` when the version no
    ///   longer applies to the catalog.
    public func levels(of employeeNumber: String, underProfile id: Int64, version: Int? = nil) async throws -> ProfileLevels {
        let summary = try await profile(id: id)
        let stored = try await profileVersion(id, version: version)
        let tailored = try await tailoredCatalog(stored)
        let standardLevels = try await levels(of: employeeNumber)
        let index = try await catalogIndex()
        let personID = try await self.personID(employeeNumber)
        let entries = standardLevels.compactMap { index.field($0.field) }.filter { $0.reference.standard == summary.standard }
        let inputs = try await LevelInputs.read(sql(), personID: personID, fields: entries, before: nil)
        var fields: [ProfileFieldLevel] = []
        for level in standardLevels {
            var result = ProfileFieldLevel(
                standard: level, displayName: nil, tailoredOfficial: nil, tailoredProvisional: nil, absence: nil,
                unassessedCompanyItems: [], adjustments: [])
            let name = level.field.field
            if level.field.standard != summary.standard {
                result.absence = .otherStandard
            } else if let field = tailored.ruleField(name), let entry = index.field(level.field) {
                let input = inputs[entry.id] ?? LevelInputs()
                let compiled = CompiledField(field)
                result.displayName = tailored.fieldDisplayNames[name]
                result.tailoredOfficial = LevelRule.evaluate(
                    compiled, ratings: input.approvedRatings, records: input.verifiedRecords, basis: .approved)
                result.tailoredProvisional = LevelRule.evaluate(
                    compiled, ratings: input.selfRatings, records: input.allRecords, basis: .provisional)
                result.unassessedCompanyItems = tailored.companyItems(of: name)
                result.adjustments = tailored.diff.filter { $0.field == name && $0.kind == .thresholdAdjusted }
            } else {
                result.absence = .fieldExcluded
            }
            fields.append(result)
        }
        return ProfileLevels(profile: summary, profileVersion: stored.version, employeeNumber: employeeNumber, fields: fields)
    }
}
