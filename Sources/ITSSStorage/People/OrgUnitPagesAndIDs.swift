import ITSSDomain
import SQLKit

/// Org units by page, and ids turned back into codes and numbers for read models.
extension AppDatabase {
    /// A page of org units ordered by code.
    /// - Throws: database errors.
    public func orgUnits(page: PageRequest) async throws -> Page<OrgUnit> {
        let sql = try sql()
        let total = try await sql.raw("SELECT COUNT(*) AS n FROM org_units").first()?.decode(column: "n", as: Int.self) ?? 0
        let units = try await sql.raw(
            """
            SELECT id, code, name, parent_id FROM org_units ORDER BY code
            LIMIT \(bind: page.perPage) OFFSET \(bind: page.offset)
            """
        ).all().map { row in
            OrgUnit(
                id: try row.decode(column: "id", as: Int64.self), code: try row.decode(column: "code", as: String.self),
                name: try row.decode(column: "name", as: String.self),
                parentID: try row.decode(column: "parent_id", as: Int64?.self))
        }
        return Page(items: units, page: page.page, perPage: page.perPage, total: total)
    }

    /// The codes of some org units, by id (one query on the primary key).
    /// - Throws: database errors.
    public func orgUnitCodes(ids: Set<Int64>) async throws -> [Int64: String] {
        guard !ids.isEmpty else { return [:] }
        var result: [Int64: String] = [:]
        for row in try await sql().raw(
            "SELECT id, code FROM org_units WHERE id IN (\(SQLList(ids.sorted().map { SQLBind($0) })))"
        ).all() {
            result[try row.decode(column: "id", as: Int64.self)] = try row.decode(column: "code", as: String.self)
        }
        return result
    }

    /// The employee numbers of some people, by id (one query on the primary key).
    /// - Throws: database errors.
    public func employeeNumbers(ids: Set<Int64>) async throws -> [Int64: String] {
        guard !ids.isEmpty else { return [:] }
        var result: [Int64: String] = [:]
        for row in try await sql().raw(
            "SELECT id, employee_number FROM people WHERE id IN (\(SQLList(ids.sorted().map { SQLBind($0) })))"
        ).all() {
            result[try row.decode(column: "id", as: Int64.self)] = try row.decode(column: "employee_number", as: String.self)
        }
        return result
    }

    /// The person an experience record belongs to, for read checks before a write.
    /// - Throws: `StorageError.notFound` for an unknown record.
    public func personID(ofExperienceRecord recordID: Int64) async throws -> Int64 {
        guard
            let row = try await sql().raw(
                "SELECT person_id FROM experience_records WHERE record_id = \(bind: recordID) ORDER BY version DESC LIMIT 1"
            ).first()
        else { throw StorageError.notFound(what: "experience record \(recordID)") }
        return try row.decode(column: "person_id", as: Int64.self)
    }
}
