import ITSSDomain
import SQLKit

/// One submitted assessment waiting for an evaluator's decision.
public struct ReviewQueueEntry: Sendable, Codable, Hashable {
    public var assessmentID: Int64
    public var employeeNumber: String
    public var personName: String
    public var field: FieldReference
    public var cycle: String
    /// When the person submitted it (ISO 8601).
    public var submittedAt: String?
}

extension AppDatabase {
    /// The submitted assessments of the people an evaluator's assignments cover (directly, or through an org unit
    /// and its sub-units), oldest submission first, one page. Never the evaluator's own assessments.
    ///
    /// Two bounded queries (count and page) over the `assessments_state_submitted` index of migration
    /// `M011_ReviewQueueIndex`: the walk is over submitted assessments only, however many cycles the database
    /// holds.
    /// - Parameter evaluatorID: The evaluator's person id.
    /// - Throws: database errors.
    public func reviewQueue(evaluatorID: Int64, page: PageRequest = PageRequest()) async throws -> Page<ReviewQueueEntry> {
        let sql = try sql()
        let index = try await catalogIndex()
        let covered: SQLQueryString = """
            WITH RECURSIVE units(id) AS (
                SELECT org_unit_id FROM evaluator_assignments
                WHERE evaluator_id = \(bind: evaluatorID) AND revoked_at IS NULL AND org_unit_id IS NOT NULL
                UNION SELECT u.id FROM org_units u JOIN units c ON u.parent_id = c.id
            )
            """
        let condition: SQLQueryString = """
            a.state = 'submitted' AND a.person_id <> \(bind: evaluatorID)
              AND (p.org_unit_id IN (SELECT id FROM units)
                   OR a.person_id IN (SELECT person_id FROM evaluator_assignments
                                      WHERE evaluator_id = \(bind: evaluatorID) AND revoked_at IS NULL AND person_id IS NOT NULL))
            """
        let total =
            try await sql.raw(
                "\(covered) SELECT COUNT(*) AS total FROM assessments a JOIN people p ON p.id = a.person_id WHERE \(condition)"
            ).first()?.decode(column: "total", as: Int.self) ?? 0
        let rows = try await sql.raw(
            """
            \(covered) SELECT a.id, a.field_id, a.cycle, a.submitted_at, p.employee_number, p.name
            FROM assessments a JOIN people p ON p.id = a.person_id WHERE \(condition)
            ORDER BY a.submitted_at, a.id LIMIT \(bind: page.perPage) OFFSET \(bind: page.offset)
            """
        ).all()
        let entries = try rows.compactMap { row -> ReviewQueueEntry? in
            guard let field = index.field(id: try row.decode(column: "field_id", as: Int64.self)) else { return nil }
            return ReviewQueueEntry(
                assessmentID: try row.decode(column: "id", as: Int64.self),
                employeeNumber: try row.decode(column: "employee_number", as: String.self),
                personName: try row.decode(column: "name", as: String.self), field: field.reference,
                cycle: try row.decode(column: "cycle", as: String.self),
                submittedAt: try row.decode(column: "submitted_at", as: String?.self))
        }
        return Page(items: entries, page: page.page, perPage: page.perPage, total: total)
    }
}
