import ITSSDomain
import SQLKit

/// Lists of people and org units as a principal may read them, paged in SQL.
extension AppDatabase {
    /// A page of the people `principal` may read, ordered by employee number: administrators and HR everyone,
    /// an evaluator themselves and the people their assignments cover (directly, or in an assigned org unit or
    /// a sub-unit of one), an employee only themselves. Optionally only those in one org unit and its
    /// sub-units. Filtering, counting and paging happen in SQL (two queries, plus one for the page's fields).
    /// - Throws: database errors.
    public func people(
        visibleTo principal: Principal, inOrgUnit unitID: Int64? = nil, page: PageRequest = PageRequest()
    ) async throws -> Page<Person> {
        let sql = try sql()
        let index = try await catalogIndex()
        var ctes: [SQLQueryString] = []
        var conditions: [SQLQueryString] = []
        if let unitID {
            ctes.append(
                """
                units(id) AS (SELECT \(bind: unitID) UNION SELECT u.id FROM org_units u JOIN units p ON u.parent_id = p.id)
                """)
            conditions.append("org_unit_id IN (SELECT id FROM units)")
        }
        switch principal.role {
        case .administrator, .hr:
            break
        case .evaluator:
            let me = principal.personID ?? -1
            ctes.append(
                """
                covered(id) AS (
                    SELECT org_unit_id FROM evaluator_assignments
                    WHERE evaluator_id = \(bind: me) AND revoked_at IS NULL AND org_unit_id IS NOT NULL
                    UNION SELECT u.id FROM org_units u JOIN covered c ON u.parent_id = c.id
                )
                """)
            conditions.append(
                """
                (id = \(bind: me) OR org_unit_id IN (SELECT id FROM covered) OR id IN (
                    SELECT person_id FROM evaluator_assignments
                    WHERE evaluator_id = \(bind: me) AND revoked_at IS NULL AND person_id IS NOT NULL))
                """)
        case .employee:
            conditions.append("id = \(bind: principal.personID ?? -1)")
        }
        let with: SQLQueryString = ctes.isEmpty ? "" : "WITH RECURSIVE " + ctes.joined(separator: ", ")
        let filter: SQLQueryString = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let total =
            try await sql.raw("\(with) SELECT COUNT(*) AS total FROM people \(filter)").first()?
            .decode(column: "total", as: Int.self) ?? 0
        let rows = try await sql.raw(
            """
            \(with) SELECT id, employee_number, name, email, org_unit_id, active, joined_on FROM people \(filter)
            ORDER BY employee_number LIMIT \(bind: page.perPage) OFFSET \(bind: page.offset)
            """
        ).all()
        var people = try rows.map { try PeopleQueries.person(from: $0, fields: []) }
        if !people.isEmpty {
            let ids = SQLList(people.map { SQLBind($0.id) })
            var fields: [Int64: [FieldReference]] = [:]
            for row in try await sql.raw(
                "SELECT person_id, field_id FROM person_fields WHERE person_id IN (\(ids)) ORDER BY id"
            ).all() {
                if let field = index.field(id: try row.decode(column: "field_id", as: Int64.self)) {
                    fields[try row.decode(column: "person_id", as: Int64.self), default: []].append(field.reference)
                }
            }
            for position in people.indices { people[position].fields = fields[people[position].id] ?? [] }
        }
        return Page(items: people, page: page.page, perPage: page.perPage, total: total)
    }

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
