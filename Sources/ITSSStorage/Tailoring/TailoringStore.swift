import Foundation
import ITSSDomain
import SQLKit

extension AppDatabase {
    /// Creates a tailoring profile with its first version. Administrators only; one transaction; audited.
    /// - Throws: `StorageError.forbidden` for anyone but an administrator, `InputError` naming the place for a
    ///   profile that does not apply to its standard (`TailoringError.inputError`), `.alreadyExists` for a name
    ///   in use. Nothing is written when it throws.
    @discardableResult
    public func createProfile(_ document: TailoringProfile, by principal: Principal) async throws -> ProfileVersion {
        try Self.requireProfileWriter(principal, .profileCreate)
        let profile = document.content
        let changes = try await validatedProfile(profile).diff.count
        let json = try TailoringJSON.text(profile, pretty: false)
        let note = Self.note(document.note, default: "created")
        let now = timestamp()
        let actor = principal.auditName
        let id = try await transaction { sql in
            try await self.authorize(sql, principal, .profileCreate, person: nil)
            let standardID = try await TailoringRows.standardID(sql, profile.standard)
            try await TailoringRows.requireFreeName(sql, profile.name, except: nil)
            guard
                let row = try await sql.raw(
                    """
                    INSERT INTO tailoring_profiles (name, standard_id, version, created_at, created_by, updated_at)
                    VALUES (\(bind: profile.name), \(bind: standardID), 1, \(bind: now), \(bind: actor), \(bind: now)) RETURNING id
                    """
                ).first()
            else { throw StorageError.corrupt(detail: "INSERT … RETURNING gave no row") }
            let id = try row.decode(column: "id", as: Int64.self)
            try await TailoringRows.insertVersion(
                sql, profileID: id, version: 1, json: json, changes: changes, note: note, at: now, by: actor)
            try await self.audit(
                sql, principal, .profileCreate, subject: "profile \(id)",
                detail: "\"\(profile.name)\" on \(profile.standard); version 1; \(changes) change(s); \(note)")
            return id
        }
        return try await profileVersion(id, version: 1)
    }

    /// Saves a new version of a profile: the whole document, validated; earlier versions stay as they were.
    /// Administrators only; one transaction; audited.
    /// - Parameter expectedVersion: The version the change was made on; a stale one is refused. `nil` saves on top
    ///   of whatever is current.
    /// - Throws: `.forbidden`, `InputError` naming the place, `.notFound` for an unknown profile, `.conflict` for a
    ///   stale version, `.refused` for an archived profile or another standard, `.alreadyExists` for a name in
    ///   use. Nothing is written when it throws.
    @discardableResult
    public func saveProfileVersion(
        _ id: Int64, _ document: TailoringProfile, expectedVersion: Int?, by principal: Principal
    ) async throws -> ProfileVersion {
        try Self.requireProfileWriter(principal, .profileSaveVersion)
        let profile = document.content
        let changes = try await validatedProfile(profile).diff.count
        let json = try TailoringJSON.text(profile, pretty: false)
        let note = Self.note(document.note, default: "edited")
        let now = timestamp()
        let actor = principal.auditName
        let version = try await transaction { sql in
            try await self.authorize(sql, principal, .profileSaveVersion, person: nil)
            let current = try await TailoringRows.lockedProfile(sql, id: id)
            if current.archived {
                throw StorageError.refused(
                    reason: "profile \"\(current.name)\" is archived; it keeps its history but takes no new versions")
            }
            guard try await TailoringRows.standardID(sql, profile.standard) == current.standardID else {
                throw InputError(
                    field: "standard",
                    message:
                        "profile \"\(current.name)\" tailors another standard; a profile's standard cannot change — create a new profile"
                )
            }
            let expected = expectedVersion ?? current.version
            let stale = StorageError.conflict(what: "profile \(id)", expectedVersion: expected, actualVersion: current.version)
            guard expected == current.version else { throw stale }
            if profile.name != current.name { try await TailoringRows.requireFreeName(sql, profile.name, except: id) }
            guard
                let bumped = try await sql.raw(
                    """
                    UPDATE tailoring_profiles SET version = version + 1, name = \(bind: profile.name), updated_at = \(bind: now)
                    WHERE id = \(bind: id) AND version = \(bind: expected) RETURNING version
                    """
                ).first()
            else { throw stale }
            let version = try bumped.decode(column: "version", as: Int.self)
            try await TailoringRows.insertVersion(
                sql, profileID: id, version: version, json: json, changes: changes, note: note, at: now, by: actor)
            let renamed = profile.name == current.name ? "" : "renamed from \"\(current.name)\"; "
            try await self.audit(
                sql, principal, .profileSaveVersion, subject: "profile \(id)",
                detail: "\"\(profile.name)\" version \(version); \(renamed)\(changes) change(s); \(note)")
            return version
        }
        return try await profileVersion(id, version: version)
    }

    /// Archives a profile: it keeps its history and stays readable, but takes no new versions and is no longer
    /// offered for levels. Administrators only; audited.
    /// - Throws: `.forbidden`, `.notFound`, `.conflict` for a stale version, `.refused` when already archived.
    @discardableResult
    public func archiveProfile(
        _ id: Int64, expectedVersion: Int? = nil, by principal: Principal
    ) async throws
        -> ProfileSummary
    {
        try Self.requireProfileWriter(principal, .profileArchive)
        let now = timestamp()
        try await transaction { sql in
            try await self.authorize(sql, principal, .profileArchive, person: nil)
            let current = try await TailoringRows.lockedProfile(sql, id: id)
            if current.archived { throw StorageError.refused(reason: "profile \"\(current.name)\" is already archived") }
            if let expectedVersion, expectedVersion != current.version {
                throw StorageError.conflict(
                    what: "profile \(id)", expectedVersion: expectedVersion, actualVersion: current.version)
            }
            try await sql.raw(
                "UPDATE tailoring_profiles SET archived_at = \(bind: now), updated_at = \(bind: now) WHERE id = \(bind: id)"
            ).run()
            try await self.audit(
                sql, principal, .profileArchive, subject: "profile \(id)",
                detail: "\"\(current.name)\" archived at version \(current.version)")
        }
        return try await profile(id: id)
    }

    /// The profile applied to the current catalog.
    /// - Throws: `InputError` naming the place when it does not apply (`TailoringError.inputError`).
    public func validatedProfile(_ profile: TailoringProfile) async throws -> TailoredCatalog {
        do {
            return try Tailoring.apply(profile, to: try await catalogIndex().catalog)
        } catch let error as TailoringError {
            throw error.inputError
        }
    }

    /// A stored version applied to the current catalog.
    /// - Throws: `StorageError.refused` when the catalog changed so that the version no longer applies.
    public func tailoredCatalog(_ version: ProfileVersion) async throws -> TailoredCatalog {
        do {
            return try Tailoring.apply(version.profile, to: try await catalogIndex().catalog)
        } catch let error as TailoringError {
            throw StorageError.refused(
                reason: "profile \"\(version.profile.name)\" version \(version.version) no longer applies to the catalog: "
                    + (error.errorDescription ?? ""))
        }
    }

    private static func requireProfileWriter(_ principal: Principal, _ action: AuditAction) throws {
        do {
            try AccessPolicy.check(principal, action, on: .organisation)
        } catch let denied as AccessDenied {
            throw StorageError.forbidden(reason: denied.description)
        }
    }

    private static func note(_ note: String?, default fallback: String) -> String {
        let trimmed = (note ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? fallback : String(trimmed.prefix(500))
    }
}

/// The SQL of the tailoring use cases.
enum TailoringRows {
    struct Current {
        var name: String
        var standardID: Int64
        var version: Int
        var archived: Bool
    }

    static let select = """
        SELECT t.id, t.name, t.version, t.archived_at, t.created_at, t.created_by, t.updated_at, s.name AS standard_name,
            s.version AS standard_version, v.change_count
        FROM tailoring_profiles t JOIN standards s ON s.id = t.standard_id
        JOIN tailoring_profile_versions v ON v.profile_id = t.id AND v.version = t.version
        """

    static func summary(from row: any SQLRow) throws -> ProfileSummary {
        ProfileSummary(
            id: try row.decode(column: "id", as: Int64.self), name: try row.decode(column: "name", as: String.self),
            standard: StandardKey(
                name: try row.decode(column: "standard_name", as: String.self),
                version: try row.decode(column: "standard_version", as: String.self)),
            version: try row.decode(column: "version", as: Int.self),
            changeCount: try row.decode(column: "change_count", as: Int.self),
            archivedAt: try row.decode(column: "archived_at", as: String?.self),
            createdAt: try row.decode(column: "created_at", as: String.self),
            createdBy: try row.decode(column: "created_by", as: String.self),
            updatedAt: try row.decode(column: "updated_at", as: String.self))
    }

    static func standardID(_ sql: any SQLDatabase, _ key: StandardKey) async throws -> Int64 {
        guard
            let row = try await sql.raw(
                "SELECT id FROM standards WHERE name = \(bind: key.name) AND version = \(bind: key.version)"
            ).first()
        else { throw InputError(field: "standard", message: "unknown standard \"\(key.name)\" \(key.version)") }
        return try row.decode(column: "id", as: Int64.self)
    }

    static func requireFreeName(_ sql: any SQLDatabase, _ name: String, except id: Int64?) async throws {
        let row = try await sql.raw("SELECT id FROM tailoring_profiles WHERE name = \(bind: name)").first()
        if let row, try row.decode(column: "id", as: Int64.self) != id {
            throw StorageError.alreadyExists(what: "profile \"\(name)\"")
        }
    }

    static func lockedProfile(_ sql: any SQLDatabase, id: Int64) async throws -> Current {
        guard
            let row = try await sql.raw(
                """
                SELECT name, standard_id, version, archived_at FROM tailoring_profiles WHERE id = \(bind: id)\(SQLLocking.forUpdate(sql))
                """
            ).first()
        else { throw StorageError.notFound(what: "profile \(id)") }
        return Current(
            name: try row.decode(column: "name", as: String.self),
            standardID: try row.decode(column: "standard_id", as: Int64.self),
            version: try row.decode(column: "version", as: Int.self),
            archived: try row.decode(column: "archived_at", as: String?.self) != nil)
    }

    static func insertVersion(
        _ sql: any SQLDatabase, profileID: Int64, version: Int, json: String, changes: Int, note: String, at: String,
        by actor: String
    ) async throws {
        try await sql.raw(
            """
            INSERT INTO tailoring_profile_versions (profile_id, version, profile_json, change_count, note, created_at, created_by)
            VALUES (\(bind: profileID), \(bind: version), \(bind: json), \(bind: changes), \(bind: note), \(bind: at), \(bind: actor))
            """
        ).run()
    }

    static func version(from row: any SQLRow) throws -> ProfileVersion {
        let json = try row.decode(column: "profile_json", as: String.self)
        let profile: TailoringProfile
        do {
            profile = try TailoringJSON.decode(json)
        } catch {
            throw StorageError.corrupt(detail: "a stored profile version cannot be read: \(error.errorDescription ?? "")")
        }
        return ProfileVersion(
            profileID: try row.decode(column: "profile_id", as: Int64.self),
            version: try row.decode(column: "version", as: Int.self), profile: profile,
            changeCount: try row.decode(column: "change_count", as: Int.self),
            note: try row.decode(column: "note", as: String.self),
            createdAt: try row.decode(column: "created_at", as: String.self),
            createdBy: try row.decode(column: "created_by", as: String.self))
    }
}
