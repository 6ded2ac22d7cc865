import ITSSDomain
import SQLKit

/// A staffing requirement checked against an org unit (with its sub-units) as of a day.
public struct StaffingCheckReport: Sendable, Hashable, Encodable {
    public var requirement: StaffingRequirementView
    public var orgUnit: OrgUnit
    /// `nil` for today (stored levels); otherwise levels from the level history as of that day.
    public var asOf: Day?
    public var result: StaffingCheckResult
}

extension AppDatabase {
    /// Checks a staffing requirement against the active people of an org unit and its sub-units, now or as of a
    /// day (the latest level-history entry per person and field at or before it).
    ///
    /// Qualification is filtered in SQL (only people holding at least a line's level in its field come back);
    /// the matching (`StaffingCheck`) runs in Swift. For short lines, the people who may be one condition away are
    /// narrowed in SQL (`NearPrefilter`) and their breakdowns computed in batches.
    /// - Throws: `StorageError.notFound` for an unknown requirement or unit, database errors.
    public func checkStaffing(
        requirementID: Int64, orgUnitID: Int64, asOf day: Day? = nil, nearLimit: Int = StaffingCheck.defaultNearLimit
    ) async throws -> StaffingCheckReport {
        let sql = try sql()
        let index = try await catalogIndex()
        let requirement = try await staffingRequirement(requirementID)
        guard let unit = try await orgUnits(ids: [orgUnitID]).first else {
            throw StorageError.notFound(what: "org unit #\(orgUnitID)")
        }
        var fields: [FieldReference: CatalogIndex.FieldEntry] = [:]
        var minimum: [Int64: Int] = [:]
        for (line, fieldID) in zip(requirement.lines, requirement.fieldIDs) {
            guard let field = index.field(id: fieldID) else { continue }
            fields[line.field] = field
            minimum[fieldID] = min(minimum[fieldID] ?? 7, line.minimumLevel)
        }
        var people = try await StaffingQueries.qualifying(sql, unitID: orgUnitID, minimum: minimum, asOf: day, index: index)
        let roleFields = Set(requirement.lines.filter { $0.role != nil }.map(\.field))
        for reference in roleFields {
            guard let field = fields[reference] else { continue }
            let holders = people.values.filter { $0.levels[reference] != nil }.map(\.personID).sorted()
            for (person, role) in try await FieldBreakdowns.roles(sql, field: field, people: holders, asOf: day) {
                people[person]?.roles[reference] = role
            }
        }
        var result = StaffingCheck.evaluate(lines: requirement.lines, people: Array(people.values), nearLimit: nearLimit)
        // People given a breakdown per field, whose roles there are still to be read.
        var added: [FieldReference: [Int64]] = [:]
        for line in result.lines where line.shortfall > 0 {
            guard let field = fields[line.line.field],
                let target = NearPrefilter.target(atLeast: line.line.minimumLevel, in: field)
            else { continue }
            let reference = line.line.field
            let candidates = try await NearPrefilter.people(
                sql, unitID: orgUnitID, field: field, targets: [target], asOf: day
            ).filter {
                (people[$0.id]?.levels[reference] ?? 0) < line.line.minimumLevel && people[$0.id]?.breakdowns[reference] == nil
            }
            guard !candidates.isEmpty else { continue }
            let breakdowns = try await FieldBreakdowns.read(sql, field: field, people: candidates.map(\.id), asOf: day)
            for candidate in candidates {
                var person =
                    people[candidate.id]
                    ?? StaffingPerson(personID: candidate.id, employeeNumber: candidate.employeeNumber, name: candidate.name)
                person.breakdowns[reference] = breakdowns[candidate.id]
                people[candidate.id] = person
                if person.levels[reference] == nil { added[reference, default: []].append(candidate.id) }
            }
        }
        for (reference, ids) in added where roleFields.contains(reference) {
            guard let field = fields[reference] else { continue }
            for (person, role) in try await FieldBreakdowns.roles(sql, field: field, people: ids.sorted(), asOf: day) {
                people[person]?.roles[reference] = role
            }
        }
        if !added.isEmpty || result.lines.contains(where: { $0.shortfall > 0 }) {
            // The breakdowns and roles read here decide no qualification (everyone holding a line's level was read
            // first): the matching is the same, and the near candidates now include the people one condition away.
            result = StaffingCheck.evaluate(lines: requirement.lines, people: Array(people.values), nearLimit: nearLimit)
        }
        return StaffingCheckReport(requirement: requirement, orgUnit: unit, asOf: day, result: result)
    }
}

/// The SQL side of the staffing check.
enum StaffingQueries {
    /// The unit's active people (with sub-units) holding at least `minimum[field]` in any of the fields — now from
    /// the stored levels, as of a day from the latest level-history entry at or before it. One query.
    static func qualifying(
        _ sql: any SQLDatabase, unitID: Int64, minimum: [Int64: Int], asOf day: Day?, index: CatalogIndex
    ) async throws -> [Int64: StaffingPerson] {
        guard !minimum.isEmpty else { return [:] }
        let fieldIDs = minimum.keys.sorted()
        let wanted = fieldIDs.map { id -> SQLQueryString in
            "(l.field_id = \(bind: id) AND l.level >= \(bind: minimum[id] ?? 1))"
        }.joined(separator: " OR ")
        let rows: [any SQLRow]
        if let day {
            rows = try await sql.raw(
                """
                WITH RECURSIVE \(OrgSubtree.expression(unitID)),
                latest AS (
                    SELECT h.person_id, h.field_id, h.level,
                        ROW_NUMBER() OVER (PARTITION BY h.person_id, h.field_id ORDER BY h.effective_at DESC, h.id DESC) AS rn
                    FROM level_history h JOIN people p ON p.id = h.person_id
                    WHERE h.field_id IN \(list: fieldIDs) AND h.effective_at < \(bind: FieldBreakdowns.cutoff(day))
                      AND \(OrgSubtree.activeMember())
                )
                SELECT l.person_id, l.field_id, l.level, p.employee_number, p.name FROM latest l
                JOIN people p ON p.id = l.person_id
                WHERE l.rn = 1 AND (\(wanted))
                """
            ).all()
        } else {
            rows = try await sql.raw(
                """
                WITH RECURSIVE \(OrgSubtree.expression(unitID))
                SELECT l.person_id, l.field_id, l.level, p.employee_number, p.name FROM person_levels l
                JOIN people p ON p.id = l.person_id
                WHERE l.basis = 'approved' AND (\(wanted)) AND \(OrgSubtree.activeMember())
                """
            ).all()
        }
        var people: [Int64: StaffingPerson] = [:]
        for row in rows {
            let id = try row.decode(column: "person_id", as: Int64.self)
            guard let field = index.field(id: try row.decode(column: "field_id", as: Int64.self)) else { continue }
            var person: StaffingPerson
            if let known = people[id] {
                person = known
            } else {
                person = StaffingPerson(
                    personID: id, employeeNumber: try row.decode(column: "employee_number", as: String.self),
                    name: try row.decode(column: "name", as: String.self))
            }
            person.levels[field.reference] = try row.decode(column: "level", as: Int.self)
            people[id] = person
        }
        return people
    }
}
