import ITSSDomain
import SQLKit

/// How the people directory of the administration pages is ordered.
public enum PeopleSort: String, Sendable, Hashable, CaseIterable {
    case employeeNumber = "number"
    case name
    case orgUnit = "unit"
    case joinedOn = "joined"

    /// The SQL ordering column (from this closed set only, never from input).
    var column: String {
        switch self {
        case .employeeNumber: "p.employee_number"
        case .name: "p.name"
        case .orgUnit: "u.code"
        case .joinedOn: "p.joined_on"
        }
    }
}

/// Whose people a list shows.
public enum PeopleScope: Sendable, Hashable {
    /// Everyone (administration, HR).
    case everyone
    /// The people a principal may read (`AccessPolicy.permitsReading`): administrators and HR everyone, an
    /// evaluator themselves and the people their assignments cover, an employee only themselves.
    case readableBy(Principal)
    /// The people an evaluator's assignments cover — directly, or in an assigned org unit or one of its
    /// sub-units — without the evaluator (a review list).
    case evaluatedBy(personID: Int64)
}

/// A person in the directory, with their org unit's code and name.
public struct DirectoryPerson: Sendable, Hashable {
    public var person: Person
    public var orgUnitCode: String?
    public var orgUnitName: String?
}

/// How the accounts list is ordered.
public enum AccountSort: String, Sendable, Hashable, CaseIterable {
    case login
    case role
    case person
    case created

    var column: String {
        switch self {
        case .login: "a.login"
        case .role: "a.role"
        case .person: "p.employee_number"
        case .created: "a.created_at"
        }
    }
}

/// One evaluator assignment as listed: the evaluator and whom it covers.
public struct EvaluatorAssignmentEntry: Sendable, Hashable {
    public var id: Int64
    public var evaluatorNumber: String
    public var evaluatorName: String
    /// The org unit assigned (everyone in it and its sub-units), or `nil` for a direct assignment.
    public var orgUnitCode: String?
    public var orgUnitName: String?
    /// The person assigned directly, or `nil` for an org unit assignment.
    public var personNumber: String?
    public var personName: String?
    public var assignedAt: String
}

extension AppDatabase {
    /// A page of people ordered by `sort` (ties by employee number), limited to `scope`, optionally only one org
    /// unit and its sub-units. Sorting, filtering, counting and paging happen in SQL; fields are read for the page
    /// only: three queries however large the organisation.
    /// - Throws: database errors.
    public func peopleDirectory(
        scope: PeopleScope = .everyone, inOrgUnit unitID: Int64? = nil, sort: PeopleSort = .employeeNumber,
        descending: Bool = false, page: PageRequest = PageRequest()
    ) async throws -> Page<DirectoryPerson> {
        let sql = try sql()
        let index = try await catalogIndex()
        var ctes: [SQLQueryString] = []
        var conditions: [SQLQueryString] = []
        if let unitID {
            ctes.append(
                """
                units(id) AS (SELECT \(bind: unitID) UNION SELECT u.id FROM org_units u JOIN units p ON u.parent_id = p.id)
                """)
            conditions.append("p.org_unit_id IN (SELECT id FROM units)")
        }
        func covered(by evaluator: Int64, includingSelf: Bool) {
            ctes.append(
                """
                covered(id) AS (
                    SELECT org_unit_id FROM evaluator_assignments
                    WHERE evaluator_id = \(bind: evaluator) AND revoked_at IS NULL AND org_unit_id IS NOT NULL
                    UNION SELECT u.id FROM org_units u JOIN covered c ON u.parent_id = c.id
                )
                """)
            let evaluated: SQLQueryString = """
                (p.org_unit_id IN (SELECT id FROM covered) OR p.id IN (
                    SELECT person_id FROM evaluator_assignments
                    WHERE evaluator_id = \(bind: evaluator) AND revoked_at IS NULL AND person_id IS NOT NULL))
                """
            conditions.append(
                includingSelf ? "(p.id = \(bind: evaluator) OR \(evaluated))" : "p.id <> \(bind: evaluator) AND \(evaluated)")
        }
        switch scope {
        case .everyone:
            break
        case let .readableBy(principal):
            switch principal.role {
            case .administrator, .hr: break
            case .evaluator: covered(by: principal.personID ?? -1, includingSelf: true)
            case .employee: conditions.append("p.id = \(bind: principal.personID ?? -1)")
            }
        case let .evaluatedBy(personID):
            covered(by: personID, includingSelf: false)
        }
        let units: SQLQueryString = ctes.isEmpty ? "" : "WITH RECURSIVE " + ctes.joined(separator: ", ")
        let filter: SQLQueryString = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let total =
            try await sql.raw("\(units) SELECT COUNT(*) AS total FROM people p \(filter)").first()?
            .decode(column: "total", as: Int.self) ?? 0
        let direction = descending ? "DESC" : "ASC"
        // NULLs (no unit, no joining date) sort last either way, the same on both databases.
        let order =
            "CASE WHEN \(sort.column) IS NULL THEN 1 ELSE 0 END, \(sort.column) \(direction), p.employee_number \(direction)"
        let rows = try await sql.raw(
            """
            \(units) SELECT p.id, p.employee_number, p.name, p.email, p.org_unit_id, p.active, p.joined_on,
                u.code AS unit_code, u.name AS unit_name
            FROM people p LEFT JOIN org_units u ON u.id = p.org_unit_id \(filter)
            ORDER BY \(unsafeRaw: order) LIMIT \(bind: page.perPage) OFFSET \(bind: page.offset)
            """
        ).all()
        var people = try rows.map { row in
            DirectoryPerson(
                person: try PeopleQueries.person(from: row, fields: []),
                orgUnitCode: try row.decode(column: "unit_code", as: String?.self),
                orgUnitName: try row.decode(column: "unit_name", as: String?.self))
        }
        if !people.isEmpty {
            let ids = SQLList(people.map { SQLBind($0.person.id) })
            var fields: [Int64: [FieldReference]] = [:]
            for row in try await sql.raw(
                "SELECT person_id, field_id FROM person_fields WHERE person_id IN (\(ids)) ORDER BY id"
            ).all() {
                if let field = index.field(id: try row.decode(column: "field_id", as: Int64.self)) {
                    fields[try row.decode(column: "person_id", as: Int64.self), default: []].append(field.reference)
                }
            }
            for position in people.indices {
                people[position].person.fields = fields[people[position].person.id] ?? []
            }
        }
        return Page(items: people, page: page.page, perPage: page.perPage, total: total)
    }

    /// A page of accounts ordered by `sort` (ties by login).
    /// - Throws: the database error.
    public func accounts(
        sortedBy sort: AccountSort, descending: Bool = false, page: PageRequest = PageRequest()
    ) async throws -> Page<Account> {
        let sql = try sql()
        let total = try await sql.raw("SELECT COUNT(*) AS n FROM accounts").first()?.decode(column: "n", as: Int.self) ?? 0
        let direction = descending ? "DESC" : "ASC"
        let order = "CASE WHEN \(sort.column) IS NULL THEN 1 ELSE 0 END, \(sort.column) \(direction), a.login \(direction)"
        let rows = try await sql.raw(
            """
            \(unsafeRaw: AccountRows.select) ORDER BY \(unsafeRaw: order)
            LIMIT \(bind: page.perPage) OFFSET \(bind: page.offset)
            """
        ).all()
        return Page(items: try rows.map(AccountRows.account(from:)), page: page.page, perPage: page.perPage, total: total)
    }

    /// A page of the current (not revoked) evaluator assignments, newest first or by evaluator.
    /// - Throws: the database error.
    public func evaluatorAssignments(
        byEvaluator: Bool = false, page: PageRequest = PageRequest()
    ) async throws -> Page<EvaluatorAssignmentEntry> {
        let sql = try sql()
        let total =
            try await sql.raw("SELECT COUNT(*) AS n FROM evaluator_assignments WHERE revoked_at IS NULL").first()?
            .decode(column: "n", as: Int.self) ?? 0
        let order = byEvaluator ? "e.employee_number, a.id" : "a.id DESC"
        let rows = try await sql.raw(
            """
            SELECT a.id, a.assigned_at, e.employee_number AS evaluator_number, e.name AS evaluator_name,
                u.code AS unit_code, u.name AS unit_name, p.employee_number AS person_number, p.name AS person_name
            FROM evaluator_assignments a
            JOIN people e ON e.id = a.evaluator_id
            LEFT JOIN org_units u ON u.id = a.org_unit_id
            LEFT JOIN people p ON p.id = a.person_id
            WHERE a.revoked_at IS NULL
            ORDER BY \(unsafeRaw: order) LIMIT \(bind: page.perPage) OFFSET \(bind: page.offset)
            """
        ).all()
        let entries = try rows.map { row in
            EvaluatorAssignmentEntry(
                id: try row.decode(column: "id", as: Int64.self),
                evaluatorNumber: try row.decode(column: "evaluator_number", as: String.self),
                evaluatorName: try row.decode(column: "evaluator_name", as: String.self),
                orgUnitCode: try row.decode(column: "unit_code", as: String?.self),
                orgUnitName: try row.decode(column: "unit_name", as: String?.self),
                personNumber: try row.decode(column: "person_number", as: String?.self),
                personName: try row.decode(column: "person_name", as: String?.self),
                assignedAt: try row.decode(column: "assigned_at", as: String.self))
        }
        return Page(items: entries, page: page.page, perPage: page.perPage, total: total)
    }
}
