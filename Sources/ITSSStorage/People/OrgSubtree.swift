import ITSSDomain
import SQLKit

/// "An org unit including its sub-units" as SQL, and whether a principal may see the people of a unit.
enum OrgSubtree {
    /// A recursive common table expression `subtree(id)`: the unit and every unit below it. Start the statement
    /// with `WITH RECURSIVE` and this (more expressions may follow, comma-separated).
    static func expression(_ unitID: Int64) -> SQLQueryString {
        """
        subtree(id) AS (
            SELECT \(bind: unitID) UNION SELECT u.id FROM org_units u JOIN subtree s ON u.parent_id = s.id
        )
        """
    }

    /// The condition "person `alias` is active and in the subtree" (needs `expression`).
    static func activeMember(_ alias: String = "p") -> SQLQueryString {
        "\(unsafeRaw: alias).active = \(bind: true) AND \(unsafeRaw: alias).org_unit_id IN (SELECT id FROM subtree)"
    }
}

extension AppDatabase {
    /// Whether `principal` may see the people of an org unit including its sub-units: administrators and HR
    /// every unit; an evaluator a unit an assignment of theirs names, or one below it; an employee none. One
    /// indexed query.
    /// - Throws: database errors.
    public func mayReadOrgUnit(_ unitID: Int64, principal: Principal) async throws -> Bool {
        switch principal.role {
        case .administrator, .hr: return true
        case .employee: return false
        case .evaluator:
            guard let evaluator = principal.personID else { return false }
            return try await sql().raw(
                """
                WITH RECURSIVE chain(id) AS (
                    SELECT id FROM org_units WHERE id = \(bind: unitID)
                    UNION SELECT u.parent_id FROM org_units u JOIN chain c ON u.id = c.id WHERE u.parent_id IS NOT NULL
                )
                SELECT 1 AS found FROM evaluator_assignments a
                WHERE a.evaluator_id = \(bind: evaluator) AND a.revoked_at IS NULL AND a.org_unit_id IN (SELECT id FROM chain)
                LIMIT 1
                """
            ).first() != nil
        }
    }

    /// The org unit with this code, when `principal` may see its people (`mayReadOrgUnit`).
    /// - Throws: `StorageError.notFound` (with suggestions: unit codes are open to everyone) for an unknown code,
    ///   `.forbidden` for a unit outside the principal's reach.
    public func readableOrgUnit(_ code: String, principal: Principal) async throws -> OrgUnit {
        let id = try await orgUnitID(code)
        guard try await mayReadOrgUnit(id, principal: principal) else {
            throw StorageError.forbidden(reason: "not allowed: you may not see the people of org unit \"\(code)\"")
        }
        guard let unit = try await orgUnits(ids: [id]).first else { throw StorageError.notFound(what: "org unit \"\(code)\"") }
        return unit
    }

    /// The org units whose people `principal` may see (`mayReadOrgUnit`), ordered by code: every unit for
    /// administrators and HR, the assigned units and those below them for an evaluator, none for an employee.
    /// One query.
    /// - Throws: database errors.
    public func readableOrgUnits(principal: Principal) async throws -> [OrgUnit] {
        switch principal.role {
        case .administrator, .hr: return try await orgUnits()
        case .employee: return []
        case .evaluator:
            guard let evaluator = principal.personID else { return [] }
            return try await sql().raw(
                """
                WITH RECURSIVE covered(id) AS (
                    SELECT org_unit_id FROM evaluator_assignments
                    WHERE evaluator_id = \(bind: evaluator) AND revoked_at IS NULL AND org_unit_id IS NOT NULL
                    UNION SELECT u.id FROM org_units u JOIN covered c ON u.parent_id = c.id
                )
                SELECT id, code, name, parent_id FROM org_units WHERE id IN (SELECT id FROM covered) ORDER BY code
                """
            ).all().map(Self.orgUnit(from:))
        }
    }

    static func orgUnit(from row: any SQLRow) throws -> OrgUnit {
        OrgUnit(
            id: try row.decode(column: "id", as: Int64.self), code: try row.decode(column: "code", as: String.self),
            name: try row.decode(column: "name", as: String.self),
            parentID: try row.decode(column: "parent_id", as: Int64?.self))
    }

    /// Some org units by id, in id order (one query on the primary key).
    /// - Throws: database errors.
    func orgUnits(ids: [Int64]) async throws -> [OrgUnit] {
        guard !ids.isEmpty else { return [] }
        return try await sql().raw(
            "SELECT id, code, name, parent_id FROM org_units WHERE id IN \(list: ids.sorted()) ORDER BY id"
        ).all().map(Self.orgUnit(from:))
    }
}
