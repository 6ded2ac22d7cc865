import ITSSDomain
import SQLKit

/// Lookups by the names people type, with "did you mean" suggestions.
enum PeopleQueries {
    static func orgUnitID(_ sql: any SQLDatabase, code: String) async throws -> Int64 {
        if let row = try await sql.raw("SELECT id FROM org_units WHERE code = \(bind: code)").first() {
            return try row.decode(column: "id", as: Int64.self)
        }
        let codes = try await neighbours(sql, of: code, column: "code", table: "org_units")
        throw StorageError.notFound(what: "org unit \"\(code)\"", suggestions: Suggestions.closest(to: code, among: codes))
    }

    static func personID(_ sql: any SQLDatabase, employeeNumber: String) async throws -> Int64 {
        if let row = try await sql.raw("SELECT id FROM people WHERE employee_number = \(bind: employeeNumber)").first() {
            return try row.decode(column: "id", as: Int64.self)
        }
        let numbers = try await neighbours(sql, of: employeeNumber, column: "employee_number", table: "people")
        throw StorageError.notFound(
            what: "person \"\(employeeNumber)\"", suggestions: Suggestions.closest(to: employeeNumber, among: numbers))
    }

    /// The employee number of a person id.
    /// - Throws: `StorageError.notFound` for an unknown id.
    static func employeeNumber(_ sql: any SQLDatabase, personID: Int64) async throws -> String {
        guard let row = try await sql.raw("SELECT employee_number FROM people WHERE id = \(bind: personID)").first() else {
            throw StorageError.notFound(what: "person #\(personID)")
        }
        return try row.decode(column: "employee_number", as: String.self)
    }

    /// Candidates for "did you mean": the values sorting next to what was typed and next to its shorter
    /// prefixes, read from the unique index in a few bounded range scans — never the whole column.
    static func neighbours(
        _ sql: any SQLDatabase, of typed: String, column: String, table: String
    ) async throws
        -> [String]
    {
        var probes = [typed]
        if typed.count > 1 { probes.append(String(typed.dropLast())) }
        if typed.count > 3 { probes.append(String(typed.prefix(typed.count / 2))) }
        var found: [String] = []
        for probe in probes {
            for (comparison, order) in [(">=", "ASC"), ("<", "DESC")] {
                let rows = try await sql.raw(
                    """
                    SELECT \(unsafeRaw: column) AS value FROM \(unsafeRaw: table)
                    WHERE \(unsafeRaw: column) \(unsafeRaw: comparison) \(bind: probe)
                    ORDER BY \(unsafeRaw: column) \(unsafeRaw: order) LIMIT 5
                    """
                ).all()
                found += try rows.map { try $0.decode(column: "value", as: String.self) }
            }
        }
        return found
    }

    /// The org units a person belongs to, directly or as a sub-unit: their unit and its ancestors, as a
    /// recursive common table expression named `chain` (one query, however deep the tree).
    static func unitChain(person personID: Int64) -> SQLQueryString {
        """
        WITH RECURSIVE chain(id) AS (
            SELECT org_unit_id FROM people WHERE id = \(bind: personID) AND org_unit_id IS NOT NULL
            UNION SELECT u.parent_id FROM org_units u JOIN chain c ON u.id = c.id WHERE u.parent_id IS NOT NULL
        )
        """
    }

    /// Whether `evaluatorID` is assigned to evaluate `personID`: directly, or via the person's org unit or an
    /// ancestor of it. Nobody evaluates themselves. One indexed query.
    static func isEvaluator(_ sql: any SQLDatabase, evaluatorID: Int64, of personID: Int64) async throws -> Bool {
        guard evaluatorID != personID else { return false }
        return try await sql.raw(
            """
            \(unitChain(person: personID))
            SELECT 1 AS found FROM evaluator_assignments a
            WHERE a.evaluator_id = \(bind: evaluatorID) AND a.revoked_at IS NULL
              AND (a.person_id = \(bind: personID) OR a.org_unit_id IN (SELECT id FROM chain))
            LIMIT 1
            """
        ).first() != nil
    }

    static func person(from row: any SQLRow, fields: [FieldReference]) throws -> Person {
        Person(
            id: try row.decode(column: "id", as: Int64.self),
            employeeNumber: try row.decode(column: "employee_number", as: String.self),
            name: try row.decode(column: "name", as: String.self),
            email: try row.decode(column: "email", as: String?.self),
            orgUnitID: try row.decode(column: "org_unit_id", as: Int64?.self),
            active: try row.decode(column: "active", as: Bool.self),
            joinedOn: try row.decode(column: "joined_on", as: String?.self).flatMap(Day.init),
            fields: fields)
    }
}

extension AppDatabase {
    /// All org units, ordered by code; reused while the data version holds (when changes are watched).
    /// - Throws: database errors.
    public func orgUnits() async throws -> [OrgUnit] {
        let version = await dataVersion()
        if let version, let units = orgUnitCache.value(for: 0, at: version) { return units }
        let units = try await sql().raw("SELECT id, code, name, parent_id FROM org_units ORDER BY code").all().map { row in
            OrgUnit(
                id: try row.decode(column: "id", as: Int64.self), code: try row.decode(column: "code", as: String.self),
                name: try row.decode(column: "name", as: String.self),
                parentID: try row.decode(column: "parent_id", as: Int64?.self))
        }
        if let version { orgUnitCache.store(units, for: 0, at: version) }
        return units
    }

    /// A page of people ordered by employee number; optionally only those in one org unit and its sub-units.
    /// Filtering, counting and paging happen in SQL; the fields are read for the page's people only.
    /// - Throws: database errors.
    public func people(
        inOrgUnit unitID: Int64? = nil, includeInactive: Bool = true, page: PageRequest = PageRequest()
    ) async throws -> Page<Person> {
        let sql = try sql()
        let index = try await catalogIndex()
        let units: SQLQueryString =
            unitID.map {
                """
                WITH RECURSIVE units(id) AS (
                    SELECT \(bind: $0) UNION SELECT u.id FROM org_units u JOIN units p ON u.parent_id = p.id
                )
                """
            } ?? ""
        var conditions: [SQLQueryString] = []
        if unitID != nil { conditions.append("org_unit_id IN (SELECT id FROM units)") }
        if !includeInactive { conditions.append("active = \(bind: true)") }
        let filter: SQLQueryString =
            conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let total =
            try await sql.raw("\(units) SELECT COUNT(*) AS total FROM people \(filter)").first()?
            .decode(column: "total", as: Int.self) ?? 0
        let rows = try await sql.raw(
            """
            \(units) SELECT id, employee_number, name, email, org_unit_id, active, joined_on FROM people \(filter)
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

    /// One person by employee number.
    /// - Throws: `StorageError.notFound` with the closest employee numbers.
    public func person(_ employeeNumber: String) async throws -> Person {
        let sql = try sql()
        let id = try await PeopleQueries.personID(sql, employeeNumber: employeeNumber)
        return try await person(id: id)
    }

    /// One person by id, with their fields.
    /// - Throws: `StorageError.notFound` for an unknown id.
    public func person(id: Int64) async throws -> Person {
        try await person(id: id, index: catalogIndex())
    }

    func person(id: Int64, index: CatalogIndex) async throws -> Person {
        let sql = try sql()
        let fields = try await sql.raw("SELECT field_id FROM person_fields WHERE person_id = \(bind: id) ORDER BY id").all()
            .compactMap {
                index.field(id: try $0.decode(column: "field_id", as: Int64.self))?.reference
            }
        guard
            let row = try await sql.raw(
                "SELECT id, employee_number, name, email, org_unit_id, active, joined_on FROM people WHERE id = \(bind: id)"
            ).first()
        else { throw StorageError.notFound(what: "person #\(id)") }
        return try PeopleQueries.person(from: row, fields: fields)
    }

    /// The people assigned to evaluate a person (directly or via their org units), by employee number. One query.
    /// - Throws: `StorageError.notFound` for an unknown person.
    public func evaluators(of employeeNumber: String) async throws -> [Person] {
        let sql = try sql()
        let personID = try await PeopleQueries.personID(sql, employeeNumber: employeeNumber)
        return try await sql.raw(
            """
            \(PeopleQueries.unitChain(person: personID))
            SELECT DISTINCT p.id, p.employee_number, p.name, p.email, p.org_unit_id, p.active, p.joined_on
            FROM evaluator_assignments a JOIN people p ON p.id = a.evaluator_id
            WHERE a.revoked_at IS NULL AND p.id <> \(bind: personID)
              AND (a.person_id = \(bind: personID) OR a.org_unit_id IN (SELECT id FROM chain))
            ORDER BY p.employee_number
            """
        ).all().map { try PeopleQueries.person(from: $0, fields: []) }
    }
}
