import ITSSDomain
import SQLKit

/// What `recomputeLevels(naming:reason:by:)` did.
public struct LevelRecomputeSummary: Sendable, Hashable, Codable {
    /// The fields whose conditions name one of the measures.
    public var fields: [FieldReference]
    /// Person × field pairs whose levels were recomputed.
    public var pairs: Int
    /// Official levels that rose (each has a `level_history` row and an audit entry).
    public var raised: Int
}

extension AppDatabase {
    /// Recomputes the stored levels of everyone with experience in a field whose scale conditions name a minimum
    /// of one of `measures`, after the level rule changed how it reads them (M013: installation sites and
    /// answered inquiries became alternatives). A level changes only where the new rule decides differently;
    /// each official level that changes gets a `level_history` row with `reason` as its cause and an audit
    /// entry (`level.recompute`) saying why. People are taken 500 at a time, one transaction each.
    /// - Throws: `StorageError.forbidden` unless the principal is an administrator (the operator, the system).
    @discardableResult
    public func recomputeLevels(
        naming measures: Set<ScaleMeasure>, reason: String, by principal: Principal
    ) async throws -> LevelRecomputeSummary {
        let index = try await catalogIndex()
        let fields = index.fields.filter { entry in
            entry.compiled.conditions.contains { condition in
                condition.thresholds.contains { measures.contains($0.measure) && $0.minimum != nil }
            }
        }
        var summary = LevelRecomputeSummary(fields: fields.map(\.reference), pairs: 0, raised: 0)
        for field in fields {
            var after: Int64 = 0
            while true {
                let cursor = after
                let page = try await transaction { sql in
                    try await self.authorize(sql, principal, .levelRecompute, person: nil)
                    let people = try await sql.raw(
                        """
                        SELECT DISTINCT person_id FROM experience_records
                        WHERE field_id = \(bind: field.id) AND person_id > \(bind: cursor) ORDER BY person_id LIMIT 500
                        """
                    ).all().map { try $0.decode(column: "person_id", as: Int64.self) }
                    var raised = 0
                    for personID in people {
                        let before = try await Self.officialLevel(sql, personID: personID, fieldID: field.id)
                        try await self.recomputeLevels(sql, personID: personID, field: field, cause: reason)
                        let now = try await Self.officialLevel(sql, personID: personID, fieldID: field.id)
                        guard before != now else { continue }
                        if (now ?? 0) > (before ?? 0) { raised += 1 }
                        let number = try await PeopleQueries.employeeNumber(sql, personID: personID)
                        try await self.audit(
                            sql, principal, .levelRecompute, subject: "level \(number) \(field.reference)",
                            detail: "\(before.map(String.init) ?? "none") → \(now.map(String.init) ?? "none"): \(reason)")
                    }
                    return (people, raised)
                }
                summary.pairs += page.0.count
                summary.raised += page.1
                guard let last = page.0.last else { break }
                after = last
            }
        }
        return summary
    }

    private static func officialLevel(_ sql: any SQLDatabase, personID: Int64, fieldID: Int64) async throws -> Int? {
        try await sql.raw(
            """
            SELECT level FROM person_levels
            WHERE person_id = \(bind: personID) AND field_id = \(bind: fieldID) AND basis = 'approved'
            """
        ).first()?.decode(column: "level", as: Int?.self)
    }
}
