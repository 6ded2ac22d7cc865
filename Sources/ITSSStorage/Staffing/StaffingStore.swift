import ITSSDomain
import SQLKit

/// A saved staffing requirement with its lines.
public struct StaffingRequirementView: Sendable, Hashable, Codable {
    public var id: Int64
    public var name: String
    /// Bumped by every change; an edit naming an older version is refused.
    public var version: Int
    public var lines: [StaffingLine]
    /// The database id of each line's field, aligned with `lines`.
    public var fieldIDs: [Int64]
    public var createdAt: String
    public var createdBy: String
    public var updatedAt: String

    /// The lines as typed (`Service Desk:4:1`), for forms and the CLI.
    public var lineSpecs: [StaffingLineSpec] {
        lines.map {
            StaffingLineSpec(
                field: "\($0.field.standard.version):\($0.field.field)", minimumLevel: $0.minimumLevel, count: $0.count,
                role: $0.role)
        }
    }
}

/// How the list of staffing requirements is ordered.
public enum StaffingRequirementSort: String, Sendable, Hashable, CaseIterable {
    case name
    case updated

    var column: String {
        switch self {
        case .name: "r.name"
        case .updated: "r.updated_at"
        }
    }
}

extension AppDatabase {
    /// Saves a staffing requirement under a new name (administrators and HR). One transaction; audited.
    /// - Throws: `InputError` for a name or line out of bounds, `StorageError.notFound` for an unknown field,
    ///   `.refused` for an ambiguous or shared-levels field, `.alreadyExists` for a taken name, `.forbidden`.
    @discardableResult
    public func createStaffingRequirement(
        name: String, lines: [StaffingLineSpec], by principal: Principal
    ) async throws -> StaffingRequirementView {
        try StaffingLineSpec.validate(name: name, lines: lines)
        let resolved = try await resolveStaffingLines(lines)
        let now = timestamp()
        let actor = principal.auditName
        let id = try await transaction { sql in
            try await self.authorize(sql, principal, .staffingCreate, person: nil)
            if try await sql.raw("SELECT id FROM staffing_requirements WHERE name = \(bind: name)").first() != nil {
                throw StorageError.alreadyExists(what: "staffing requirement \"\(name)\"")
            }
            guard
                let row = try await sql.raw(
                    """
                    INSERT INTO staffing_requirements (name, version, created_at, created_by, updated_at)
                    VALUES (\(bind: name), 1, \(bind: now), \(bind: actor), \(bind: now)) RETURNING id
                    """
                ).first()
            else { throw StorageError.corrupt(detail: "INSERT … RETURNING gave no row") }
            let id = try row.decode(column: "id", as: Int64.self)
            try await StaffingRows.writeLines(sql, requirementID: id, lines: resolved)
            try await self.audit(
                sql, principal, .staffingCreate, subject: "staffing requirement \(id)",
                detail: "\(name): " + resolved.map(\.line.summary).joined(separator: "; "))
            return id
        }
        return try await staffingRequirement(id)
    }

    /// Renames a staffing requirement and replaces its lines. Version-checked; audited.
    /// - Parameter expectedVersion: The version the change was made on; `nil` writes blind.
    /// - Throws: `StorageError.conflict` for a stale version, `.notFound` for an unknown requirement or field,
    ///   `.alreadyExists` for a name another requirement has, `InputError`, `.forbidden`.
    @discardableResult
    public func updateStaffingRequirement(
        _ id: Int64, name: String, lines: [StaffingLineSpec], expectedVersion: Int?, by principal: Principal
    ) async throws -> StaffingRequirementView {
        try StaffingLineSpec.validate(name: name, lines: lines)
        let resolved = try await resolveStaffingLines(lines)
        let now = timestamp()
        try await transaction { sql in
            try await self.authorize(sql, principal, .staffingUpdate, person: nil)
            let version = try await StaffingRows.bumpVersion(sql, id: id, expected: expectedVersion, at: now)
            if try await sql.raw(
                "SELECT id FROM staffing_requirements WHERE name = \(bind: name) AND id <> \(bind: id)"
            ).first() != nil {
                throw StorageError.alreadyExists(what: "staffing requirement \"\(name)\"")
            }
            try await sql.raw("UPDATE staffing_requirements SET name = \(bind: name) WHERE id = \(bind: id)").run()
            try await sql.raw("DELETE FROM staffing_lines WHERE requirement_id = \(bind: id)").run()
            try await StaffingRows.writeLines(sql, requirementID: id, lines: resolved)
            try await self.audit(
                sql, principal, .staffingUpdate, subject: "staffing requirement \(id)",
                detail: "version \(version); \(name): " + resolved.map(\.line.summary).joined(separator: "; "))
        }
        return try await staffingRequirement(id)
    }

    /// Removes a staffing requirement and its lines. Version-checked; audited.
    /// - Throws: `StorageError.conflict` for a stale version, `.notFound`, `.forbidden`.
    public func removeStaffingRequirement(_ id: Int64, expectedVersion: Int?, by principal: Principal) async throws {
        try await transaction { sql in
            try await self.authorize(sql, principal, .staffingRemove, person: nil)
            let row = try await StaffingRows.locked(sql, id: id)
            let current = try row.decode(column: "version", as: Int.self)
            if let expectedVersion, expectedVersion != current {
                throw StorageError.conflict(
                    what: "staffing requirement \(id)", expectedVersion: expectedVersion, actualVersion: current)
            }
            let name = try row.decode(column: "name", as: String.self)
            try await sql.raw("DELETE FROM staffing_lines WHERE requirement_id = \(bind: id)").run()
            try await sql.raw("DELETE FROM staffing_requirements WHERE id = \(bind: id)").run()
            try await self.audit(
                sql, principal, .staffingRemove, subject: "staffing requirement \(id)", detail: "\(name) (version \(current))")
        }
    }

    /// One staffing requirement with its lines.
    /// - Throws: `StorageError.notFound` for an unknown id.
    public func staffingRequirement(_ id: Int64) async throws -> StaffingRequirementView {
        guard let view = try await staffingRequirements(where: "r.id = \(bind: id)", order: "r.id", page: PageRequest()).first
        else { throw StorageError.notFound(what: "staffing requirement \(id)") }
        return view
    }

    /// The id of a staffing requirement by its name (or its id as digits).
    /// - Throws: `StorageError.notFound` with the closest names.
    public func staffingRequirementID(_ nameOrID: String) async throws -> Int64 {
        let sql = try sql()
        if let row = try await sql.raw("SELECT id FROM staffing_requirements WHERE name = \(bind: nameOrID)").first() {
            return try row.decode(column: "id", as: Int64.self)
        }
        if let id = Int64(nameOrID),
            try await sql.raw("SELECT id FROM staffing_requirements WHERE id = \(bind: id)").first() != nil
        {
            return id
        }
        let names = try await PeopleQueries.neighbours(sql, of: nameOrID, column: "name", table: "staffing_requirements")
        throw StorageError.notFound(
            what: "staffing requirement \"\(nameOrID)\"", suggestions: Suggestions.closest(to: nameOrID, among: names))
    }

    /// A page of staffing requirements, sorted in SQL (ties by name).
    /// - Throws: database errors.
    public func staffingRequirements(
        sort: StaffingRequirementSort = .name, descending: Bool = false, page: PageRequest = PageRequest()
    ) async throws -> Page<StaffingRequirementView> {
        let total =
            try await sql().raw("SELECT COUNT(*) AS n FROM staffing_requirements").first()?.decode(column: "n", as: Int.self)
            ?? 0
        let direction = descending ? "DESC" : "ASC"
        let items = try await staffingRequirements(
            where: "1 = 1", order: "\(sort.column) \(direction), r.name \(direction)", page: page)
        return Page(items: items, page: page.page, perPage: page.perPage, total: total)
    }

    private func staffingRequirements(
        where condition: SQLQueryString, order: String, page: PageRequest
    ) async throws -> [StaffingRequirementView] {
        let sql = try sql()
        let index = try await catalogIndex()
        let rows = try await sql.raw(
            """
            SELECT r.id, r.name, r.version, r.created_at, r.created_by, r.updated_at FROM staffing_requirements r
            WHERE \(condition) ORDER BY \(unsafeRaw: order) LIMIT \(bind: page.perPage) OFFSET \(bind: page.offset)
            """
        ).all()
        guard !rows.isEmpty else { return [] }
        let ids = try rows.map { try $0.decode(column: "id", as: Int64.self) }
        var lines: [Int64: [(StaffingLine, Int64)]] = [:]
        for row in try await sql.raw(
            """
            SELECT requirement_id, field_id, minimum_level, count, role FROM staffing_lines
            WHERE requirement_id IN \(list: ids) ORDER BY requirement_id, position
            """
        ).all() {
            let fieldID = try row.decode(column: "field_id", as: Int64.self)
            guard let field = index.field(id: fieldID) else {
                throw StorageError.corrupt(detail: "a staffing line refers to field #\(fieldID), which is retired")
            }
            let line = StaffingLine(
                field: field.reference, minimumLevel: try row.decode(column: "minimum_level", as: Int.self),
                count: try row.decode(column: "count", as: Int.self),
                role: try row.decode(column: "role", as: String?.self).flatMap(Role.init(rawValue:)))
            lines[try row.decode(column: "requirement_id", as: Int64.self), default: []].append((line, fieldID))
        }
        return try rows.map { row in
            let id = try row.decode(column: "id", as: Int64.self)
            return StaffingRequirementView(
                id: id, name: try row.decode(column: "name", as: String.self),
                version: try row.decode(column: "version", as: Int.self), lines: (lines[id] ?? []).map(\.0),
                fieldIDs: (lines[id] ?? []).map(\.1), createdAt: try row.decode(column: "created_at", as: String.self),
                createdBy: try row.decode(column: "created_by", as: String.self),
                updatedAt: try row.decode(column: "updated_at", as: String.self))
        }
    }

    /// The lines with their fields resolved (the field names as typed, through the one lookup).
    private func resolveStaffingLines(_ specs: [StaffingLineSpec]) async throws -> [StaffingRows.Resolved] {
        let index = try await catalogIndex()
        return try specs.map { spec in
            let field = try index.resolveField(spec.field)
            return StaffingRows.Resolved(
                fieldID: field.id,
                line: StaffingLine(field: field.reference, minimumLevel: spec.minimumLevel, count: spec.count, role: spec.role))
        }
    }
}

/// Rows of `staffing_requirements` and `staffing_lines`.
enum StaffingRows {
    struct Resolved: Sendable {
        var fieldID: Int64
        var line: StaffingLine
    }

    static func writeLines(_ sql: any SQLDatabase, requirementID: Int64, lines: [Resolved]) async throws {
        for (position, resolved) in lines.enumerated() {
            try await sql.raw(
                """
                INSERT INTO staffing_lines (requirement_id, position, field_id, minimum_level, count, role)
                VALUES (\(bind: requirementID), \(bind: position + 1), \(bind: resolved.fieldID),
                    \(bind: resolved.line.minimumLevel), \(bind: resolved.line.count), \(bind: resolved.line.role?.rawValue))
                """
            ).run()
        }
    }

    /// The requirement's row, locked for the transaction on PostgreSQL.
    /// - Throws: `StorageError.notFound`.
    static func locked(_ sql: any SQLDatabase, id: Int64) async throws -> any SQLRow {
        guard
            let row = try await sql.raw(
                "SELECT name, version FROM staffing_requirements WHERE id = \(bind: id)\(SQLLocking.forUpdate(sql))"
            ).first()
        else { throw StorageError.notFound(what: "staffing requirement \(id)") }
        return row
    }

    /// Moves the requirement to its next version when `expected` (or, blind, the current one) is current.
    /// - Returns: The new version.
    /// - Throws: `StorageError.conflict` for a stale version, `.notFound`.
    static func bumpVersion(_ sql: any SQLDatabase, id: Int64, expected: Int?, at now: String) async throws -> Int {
        let current = try await locked(sql, id: id).decode(column: "version", as: Int.self)
        let version = expected ?? current
        guard version == current,
            let row = try await sql.raw(
                """
                UPDATE staffing_requirements SET version = version + 1, updated_at = \(bind: now)
                WHERE id = \(bind: id) AND version = \(bind: version) RETURNING version
                """
            ).first()
        else {
            throw StorageError.conflict(what: "staffing requirement \(id)", expectedVersion: version, actualVersion: current)
        }
        return try row.decode(column: "version", as: Int.self)
    }
}
