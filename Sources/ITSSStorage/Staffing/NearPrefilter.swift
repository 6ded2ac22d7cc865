import ITSSDomain
import SQLKit

/// Narrows "who might be one condition short of a level" in SQL before the level rule decides: people of a unit
/// whose latest approved assessment in the field rates all but at most one of the level's items at the level
/// (and, for today, whose stored level is the one just below). A superset of the near candidates, usually a small
/// part of the unit, so the rule runs on few breakdowns.
enum NearPrefilter {
    /// A level to be near to: `target` (a defined level of the field) and the level a person holds just below it
    /// (`nil` when `target` is the field's first level).
    struct Target: Sendable, Hashable {
        var level: Int
        var below: Int?
    }

    /// A person the prefilter keeps.
    struct Person: Sendable, Hashable {
        var id: Int64
        var employeeNumber: String
        var name: String
    }

    /// The targets for "the next level is one condition away": every defined level of the field.
    static func everyLevel(of field: CatalogIndex.FieldEntry) -> [Target] {
        let levels = field.compiled.definedLevels
        return levels.indices.map { Target(level: levels[$0], below: $0 == 0 ? nil : levels[$0 - 1]) }
    }

    /// The target for "at least `minimum`": the lowest defined level at or above it, if the field has one.
    static func target(atLeast minimum: Int, in field: CatalogIndex.FieldEntry) -> Target? {
        guard case let .some(below) = NearCandidacy.levelBelow(minimum, definedLevels: field.compiled.definedLevels),
            let level = field.compiled.definedLevels.first(where: { $0 >= minimum })
        else { return nil }
        return Target(level: level, below: below)
    }

    /// The unit's active people (with sub-units) the prefilter keeps for any of `targets`, in employee-number
    /// order. One query.
    /// - Parameter day: As of this day (approvals before its end; the stored level is not consulted), or now.
    static func people(
        _ sql: any SQLDatabase, unitID: Int64, field: CatalogIndex.FieldEntry, targets: [Target], asOf day: Day?
    ) async throws -> [Person] {
        var conditions: [SQLQueryString] = []
        for target in targets {
            let items = field.effective.items.filter { $0.description(atLevel: target.level) != nil }.compactMap {
                field.itemIDs[$0.name]
            }
            guard !items.isEmpty else { continue }
            let rated: SQLQueryString = """
                SUM(CASE WHEN ar.item_id IN \(list: items) AND ar.evaluator_level >= \(bind: target.level) THEN 1 ELSE 0 END) \
                >= \(bind: items.count - 1)
                """
            if day != nil {
                conditions.append("(\(rated))")
            } else if let below = target.below {
                conditions.append("(pl.level = \(bind: below) AND \(rated))")
            } else {
                conditions.append("(pl.level IS NULL AND \(rated))")
            }
        }
        guard !conditions.isEmpty else { return [] }
        return try await sql.raw(
            """
            WITH RECURSIVE \(OrgSubtree.expression(unitID)), \(latestApproved(fieldID: field.id, asOf: day))
            SELECT r.person_id, pe.employee_number, pe.name FROM ranked r
            JOIN people pe ON pe.id = r.person_id
            LEFT JOIN person_levels pl ON pl.person_id = r.person_id AND pl.field_id = \(bind: field.id) AND pl.basis = 'approved'
            JOIN assessment_ratings ar ON ar.assessment_id = r.id
            WHERE r.rn = 1
            GROUP BY r.person_id, pe.employee_number, pe.name, pl.level
            HAVING \(conditions.joined(separator: " OR "))
            ORDER BY pe.employee_number
            """
        ).all().map { row in
            Person(
                id: try row.decode(column: "person_id", as: Int64.self),
                employeeNumber: try row.decode(column: "employee_number", as: String.self),
                name: try row.decode(column: "name", as: String.self))
        }
    }

    /// A common table expression `ranked(id, person_id, rn)` over the approved assessments in a field of the
    /// active people of `subtree` (needs `OrgSubtree.expression`): `rn = 1` marks each person's latest one decided
    /// before the cutoff (by decision time, then cycle, then id — as the level rule's inputs are read).
    static func latestApproved(fieldID: Int64, asOf day: Day?) -> SQLQueryString {
        """
        ranked AS (
            SELECT a.id, a.person_id,
                ROW_NUMBER() OVER (PARTITION BY a.person_id ORDER BY a.decided_at DESC, a.cycle DESC, a.id DESC) AS rn
            FROM assessments a JOIN people p ON p.id = a.person_id
            WHERE a.field_id = \(bind: fieldID) AND a.state = 'approved'
              AND a.decided_at < \(bind: FieldBreakdowns.cutoff(day)) AND \(OrgSubtree.activeMember())
        )
        """
    }
}
