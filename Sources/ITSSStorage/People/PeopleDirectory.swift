import ITSSDomain
import SQLKit

/// How a people list is ordered.
public enum PeopleOrder: String, Sendable, Hashable, CaseIterable, Codable {
    case employeeNumber = "number"
    case name
}

/// One row of a people list: who, and where in the organisation.
public struct PersonListing: Sendable, Hashable, Codable {
    public var employeeNumber: String
    public var name: String
    public var orgUnitCode: String?
    public var orgUnitName: String?
    public var active: Bool
}

extension AppDatabase {
    /// A page of people, ordered by employee number or name, optionally only those in one org unit and its
    /// sub-units, and — for an evaluator — only the people their assignments cover (never themselves).
    /// Filtering, ordering, counting and paging happen in SQL: two queries however large the organisation.
    /// - Parameters:
    ///   - evaluatorID: Restrict to the people this evaluator (a person id) evaluates; `nil` for everyone.
    ///   - unitID: Restrict to this org unit and its sub-units.
    /// - Throws: database errors.
    public func peopleListing(
        coveredBy evaluatorID: Int64? = nil, inOrgUnit unitID: Int64? = nil, order: PeopleOrder = .employeeNumber,
        page: PageRequest = PageRequest()
    ) async throws -> Page<PersonListing> {
        let sql = try sql()
        var ctes: [SQLQueryString] = []
        var conditions: [SQLQueryString] = []
        if let unitID {
            ctes.append(
                """
                units(id) AS (SELECT \(bind: unitID) UNION SELECT u.id FROM org_units u JOIN units p ON u.parent_id = p.id)
                """)
            conditions.append("p.org_unit_id IN (SELECT id FROM units)")
        }
        if let evaluatorID {
            ctes.append(
                """
                covered(id) AS (
                    SELECT org_unit_id FROM evaluator_assignments
                    WHERE evaluator_id = \(bind: evaluatorID) AND revoked_at IS NULL AND org_unit_id IS NOT NULL
                    UNION SELECT u.id FROM org_units u JOIN covered c ON u.parent_id = c.id
                )
                """)
            conditions.append(
                """
                p.id <> \(bind: evaluatorID) AND (p.org_unit_id IN (SELECT id FROM covered)
                  OR p.id IN (SELECT person_id FROM evaluator_assignments
                              WHERE evaluator_id = \(bind: evaluatorID) AND revoked_at IS NULL AND person_id IS NOT NULL))
                """)
        }
        let with: SQLQueryString = ctes.isEmpty ? "" : "WITH RECURSIVE " + ctes.joined(separator: ", ")
        let filter: SQLQueryString = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let ordering: SQLQueryString =
            order == .name ? "p.name, p.employee_number" : "p.employee_number"
        let total =
            try await sql.raw("\(with) SELECT COUNT(*) AS total FROM people p \(filter)").first()?
            .decode(column: "total", as: Int.self) ?? 0
        let rows = try await sql.raw(
            """
            \(with) SELECT p.employee_number, p.name, p.active, o.code AS unit_code, o.name AS unit_name
            FROM people p LEFT JOIN org_units o ON o.id = p.org_unit_id \(filter)
            ORDER BY \(ordering) LIMIT \(bind: page.perPage) OFFSET \(bind: page.offset)
            """
        ).all()
        let items = try rows.map { row in
            PersonListing(
                employeeNumber: try row.decode(column: "employee_number", as: String.self),
                name: try row.decode(column: "name", as: String.self),
                orgUnitCode: try row.decode(column: "unit_code", as: String?.self),
                orgUnitName: try row.decode(column: "unit_name", as: String?.self),
                active: try row.decode(column: "active", as: Bool.self))
        }
        return Page(items: items, page: page.page, perPage: page.perPage, total: total)
    }
}
