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
    /// provisional level), on the tailored fields. When the assessment that counts was made under this profile, the
    /// company's own items are weighed with their ratings; otherwise they are listed as not weighed. A fixed number
    /// of queries.
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
        let company = try await companyRatings(
            underProfile: id, assessments: inputs.values.flatMap { [$0.approvedAssessment, $0.latestAssessment] })
        var fields: [ProfileFieldLevel] = []
        for level in standardLevels {
            var result = ProfileFieldLevel(
                standard: level, displayName: nil, tailoredOfficial: nil, tailoredProvisional: nil, absence: nil,
                unassessedCompanyItems: [], adjustments: [])
            let name = level.field.field
            if level.field.standard != summary.standard {
                result.absence = .otherStandard
            } else if let itssOnly = tailored.ruleField(name), let whole = tailored.effectiveField(name),
                let entry = index.field(level.field)
            {
                let input = inputs[entry.id] ?? LevelInputs()
                result.displayName = tailored.fieldDisplayNames[name]
                let official = input.approvedAssessment.flatMap { company[$0] }
                result.tailoredOfficial = LevelRule.evaluate(
                    CompiledField(official == nil ? itssOnly : whole),
                    ratings: input.approvedRatings.merging(official?.evaluatorLevels ?? [:]) { itss, _ in itss },
                    records: input.verifiedRecords, basis: .approved)
                let provisional = input.latestAssessment.flatMap { company[$0] }
                result.tailoredProvisional = LevelRule.evaluate(
                    CompiledField(provisional == nil ? itssOnly : whole),
                    ratings: input.selfRatings.merging(provisional?.selfLevels ?? [:]) { itss, _ in itss },
                    records: input.allRecords, basis: .provisional)
                result.unassessedCompanyItems = official == nil ? tailored.companyItems(of: name) : []
                result.adjustments = tailored.diff.filter { $0.field == name && $0.kind == .thresholdAdjusted }
            } else {
                result.absence = .fieldExcluded
            }
            fields.append(result)
        }
        return ProfileLevels(profile: summary, profileVersion: stored.version, employeeNumber: employeeNumber, fields: fields)
    }

    /// The company-item ratings of those of `assessments` made under the profile, by assessment id (an assessment
    /// under this profile with no company rating yet maps to empty ratings): one query.
    private func companyRatings(underProfile id: Int64, assessments: [Int64?]) async throws -> [Int64: CompanyRatings] {
        let ids = Set(assessments.compactMap { $0 }).sorted()
        guard !ids.isEmpty else { return [:] }
        var result: [Int64: CompanyRatings] = [:]
        for row in try await sql().raw(
            """
            SELECT a.id, c.item_name, c.self_level, c.evaluator_level
            FROM assessments a LEFT JOIN company_item_ratings c ON c.assessment_id = a.id
            WHERE a.id IN (\(SQLList(ids.map { SQLBind($0) }))) AND a.profile_id = \(bind: id)
            """
        ).all() {
            let assessment = try row.decode(column: "id", as: Int64.self)
            var ratings = result[assessment] ?? CompanyRatings()
            if let item = try row.decode(column: "item_name", as: String?.self) {
                ratings.selfLevels[item] = try row.decode(column: "self_level", as: Int?.self)
                ratings.evaluatorLevels[item] = try row.decode(column: "evaluator_level", as: Int?.self)
            }
            result[assessment] = ratings
        }
        return result
    }
}

/// The ratings of the company's own items in one assessment, by item name.
private struct CompanyRatings {
    var selfLevels: [String: Int] = [:]
    var evaluatorLevels: [String: Int] = [:]
}
