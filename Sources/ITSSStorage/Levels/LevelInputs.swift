import ITSSDomain
import SQLKit

/// Reads what the level rule needs for one person and field, now or as of a past day.
struct LevelInputs {
    var approvedRatings: [String: Int] = [:]
    var selfRatings: [String: Int] = [:]
    var verifiedRecords: [ExperienceEvidence] = []
    var allRecords: [ExperienceEvidence] = []

    /// - Parameter cutoff: only approvals and verifications with a timestamp before it count (ISO-8601 text);
    ///   `nil` means now.
    static func read(
        _ sql: any SQLDatabase, personID: Int64, field: CatalogIndex.FieldEntry, before cutoff: String?
    ) async throws -> LevelInputs {
        var inputs = LevelInputs()
        let names = field.itemNames
        let limit = cutoff ?? "9999"
        if let approved = try await sql.raw(
            """
            SELECT id FROM assessments WHERE person_id = \(bind: personID) AND field_id = \(bind: field.id)
              AND state = 'approved' AND decided_at < \(bind: limit)
            ORDER BY decided_at DESC, cycle DESC, id DESC LIMIT 1
            """
        ).first() {
            inputs.approvedRatings = try await ratings(
                sql, assessmentID: approved.decode(column: "id", as: Int64.self), column: "evaluator_level", names: names)
        }
        if cutoff == nil,
            let latest = try await sql.raw(
                """
                SELECT id FROM assessments WHERE person_id = \(bind: personID) AND field_id = \(bind: field.id)
                ORDER BY cycle DESC, id DESC LIMIT 1
                """
            ).first()
        {
            inputs.selfRatings = try await ratings(
                sql, assessmentID: latest.decode(column: "id", as: Int64.self), column: "self_level", names: names)
        }
        let versions = try await ExperienceRows.versions(sql, field: field, personID: personID, verifiedBefore: cutoff)
        inputs.verifiedRecords = LevelRule.evidence(from: versions, basis: .approved)
        inputs.allRecords = LevelRule.evidence(from: versions, basis: .provisional)
        return inputs
    }

    private static func ratings(
        _ sql: any SQLDatabase, assessmentID: Int64, column: String, names: [Int64: String]
    ) async throws -> [String: Int] {
        var result: [String: Int] = [:]
        for row in try await sql.raw(
            "SELECT item_id, \(unsafeRaw: column) AS rating FROM assessment_ratings WHERE assessment_id = \(bind: assessmentID)"
        ).all() {
            guard let name = names[try row.decode(column: "item_id", as: Int64.self)],
                let rating = try row.decode(column: "rating", as: Int?.self)
            else { continue }
            result[name] = rating
        }
        return result
    }
}
