import ITSSDomain
import SQLKit

/// Reads what the level rule needs for one person and field, now or as of a past day.
struct LevelInputs {
    var approvedRatings: [String: Int] = [:]
    var selfRatings: [String: Int] = [:]
    var verifiedRecords: [ExperienceEvidence] = []
    var allRecords: [ExperienceEvidence] = []
    /// The approved assessment whose evaluator ratings count, if any.
    var approvedAssessment: Int64?
    /// The latest assessment, whose self ratings count for the provisional level (now only).
    var latestAssessment: Int64?
    /// When the first approved assessment (before the cutoff) was decided: the person is assessed officially.
    var firstApprovedAt: String?
    /// When the first assessment of any state was started: the person is assessed provisionally (now only).
    var firstAssessedAt: String?

    /// - Parameter cutoff: only approvals and verifications with a timestamp before it count (ISO-8601 text);
    ///   `nil` means now.
    static func read(
        _ sql: any SQLDatabase, personID: Int64, field: CatalogIndex.FieldEntry, before cutoff: String?
    ) async throws -> LevelInputs {
        try await read(sql, personID: personID, fields: [field], before: cutoff)[field.id] ?? LevelInputs()
    }

    /// The inputs of several fields of one person in three queries, however many fields and however large the
    /// organisation: the person's assessments, the ratings of the ones that count, and the person's record
    /// versions (all through indexes on `person_id`).
    /// - Parameter cutoff: only approvals and verifications with a timestamp before it count; `nil` means now
    ///   (and the self ratings of the latest assessment count for the provisional level).
    static func read(
        _ sql: any SQLDatabase, personID: Int64, fields: [CatalogIndex.FieldEntry], before cutoff: String?
    ) async throws -> [Int64: LevelInputs] {
        let wanted = Dictionary(fields.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var approved: [Int64: (id: Int64, key: (String, String, Int64))] = [:]
        var latest: [Int64: (id: Int64, key: (String, Int64))] = [:]
        var firstApproved: [Int64: String] = [:]
        var firstAssessed: [Int64: String] = [:]
        let limit = cutoff ?? "9999"
        for row in try await sql.raw(
            "SELECT id, field_id, state, decided_at, cycle, created_at FROM assessments WHERE person_id = \(bind: personID)"
        ).all() {
            let fieldID = try row.decode(column: "field_id", as: Int64.self)
            guard wanted[fieldID] != nil else { continue }
            let id = try row.decode(column: "id", as: Int64.self)
            let cycle = try row.decode(column: "cycle", as: String.self)
            if try row.decode(column: "state", as: String.self) == AssessmentState.approved.rawValue,
                let decidedAt = try row.decode(column: "decided_at", as: String?.self), decidedAt < limit
            {
                // The latest decision counts: decided_at, then cycle, then id, as the single-field query ordered.
                let key = (decidedAt, cycle, id)
                if approved[fieldID].map({ $0.key < key }) ?? true { approved[fieldID] = (id, key) }
                if firstApproved[fieldID].map({ decidedAt < $0 }) ?? true { firstApproved[fieldID] = decidedAt }
            }
            if cutoff == nil {
                let key = (cycle, id)
                if latest[fieldID].map({ $0.key < key }) ?? true { latest[fieldID] = (id, key) }
                let createdAt = try row.decode(column: "created_at", as: String.self)
                if firstAssessed[fieldID].map({ createdAt < $0 }) ?? true { firstAssessed[fieldID] = createdAt }
            }
        }
        let assessmentIDs = Set(approved.values.map(\.id)).union(latest.values.map(\.id))
        var ratings: [Int64: [(item: Int64, selfLevel: Int?, evaluatorLevel: Int?)]] = [:]
        if !assessmentIDs.isEmpty {
            for row in try await sql.raw(
                """
                SELECT assessment_id, item_id, self_level, evaluator_level FROM assessment_ratings
                WHERE assessment_id IN (\(SQLList(assessmentIDs.sorted().map { SQLBind($0) })))
                """
            ).all() {
                ratings[try row.decode(column: "assessment_id", as: Int64.self), default: []].append(
                    (
                        try row.decode(column: "item_id", as: Int64.self), try row.decode(column: "self_level", as: Int?.self),
                        try row.decode(column: "evaluator_level", as: Int?.self)
                    ))
            }
        }
        let versions = try await ExperienceRows.versions(sql, personID: personID, fields: wanted, verifiedBefore: cutoff)
        var result: [Int64: LevelInputs] = [:]
        for (fieldID, field) in wanted {
            var inputs = LevelInputs()
            inputs.approvedAssessment = approved[fieldID]?.id
            inputs.latestAssessment = latest[fieldID]?.id
            inputs.firstApprovedAt = firstApproved[fieldID]
            inputs.firstAssessedAt = firstAssessed[fieldID]
            if let id = approved[fieldID]?.id {
                for rating in ratings[id] ?? [] {
                    if let name = field.itemNames[rating.item], let level = rating.evaluatorLevel {
                        inputs.approvedRatings[name] = level
                    }
                }
            }
            if let id = latest[fieldID]?.id {
                for rating in ratings[id] ?? [] {
                    if let name = field.itemNames[rating.item], let level = rating.selfLevel { inputs.selfRatings[name] = level }
                }
            }
            let records = versions[fieldID] ?? []
            inputs.verifiedRecords = LevelRule.evidence(from: records, basis: .approved)
            inputs.allRecords = LevelRule.evidence(from: records, basis: .provisional)
            result[fieldID] = inputs
        }
        return result
    }
}
