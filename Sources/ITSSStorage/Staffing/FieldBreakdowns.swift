import ITSSDomain
import SQLKit

/// Official breakdowns of many people in one field, now or as of a day, read in batches: per batch one query for
/// the assessments, one for the ratings of the ones that count and one for the record versions — however many
/// people.
enum FieldBreakdowns {
    /// People per batch.
    static let batchSize = 500

    /// The cutoff text for levels as of `day` (any timestamp on `day` sorts below it), or now.
    static func cutoff(_ day: Day?) -> String { day.map { "\($0)T99" } ?? "9999" }

    /// The official breakdown of each person in `field`: evaluator ratings of their latest assessment approved
    /// before the cutoff, and the records verified before it.
    static func read(
        _ sql: any SQLDatabase, field: CatalogIndex.FieldEntry, people: [Int64], asOf day: Day?
    ) async throws -> [Int64: LevelBreakdown] {
        let cutoff = cutoff(day)
        var result: [Int64: LevelBreakdown] = [:]
        try await BulkLevels.forEachChunk(of: people, size: batchSize) { chunk in
            var latest: [Int64: (key: (String, String, Int64), id: Int64)] = [:]
            for row in try await sql.raw(
                """
                SELECT id, person_id, cycle, decided_at FROM assessments
                WHERE field_id = \(bind: field.id) AND state = 'approved' AND decided_at < \(bind: cutoff)
                  AND person_id IN \(list: chunk)
                """
            ).all() {
                let id = try row.decode(column: "id", as: Int64.self)
                let key = (
                    try row.decode(column: "decided_at", as: String?.self) ?? "",
                    try row.decode(column: "cycle", as: String.self),
                    id
                )
                let person = try row.decode(column: "person_id", as: Int64.self)
                if latest[person].map({ $0.key < key }) ?? true { latest[person] = (key, id) }
            }
            var ratings: [Int64: [String: Int]] = [:]
            let assessments = latest.values.map(\.id).sorted()
            if !assessments.isEmpty {
                for row in try await sql.raw(
                    """
                    SELECT assessment_id, item_id, evaluator_level FROM assessment_ratings
                    WHERE assessment_id IN \(list: assessments) AND evaluator_level IS NOT NULL
                    """
                ).all() {
                    guard let item = field.itemNames[try row.decode(column: "item_id", as: Int64.self)] else { continue }
                    ratings[try row.decode(column: "assessment_id", as: Int64.self), default: [:]][item] =
                        try row.decode(column: "evaluator_level", as: Int.self)
                }
            }
            let records = try await verifiedRecords(sql, field: field, people: chunk, before: cutoff)
            for person in chunk {
                result[person] = LevelRule.evaluate(
                    field.compiled, ratings: latest[person].flatMap { ratings[$0.id] } ?? [:],
                    records: LevelRule.evidence(from: records[person] ?? [], basis: .approved), basis: .approved)
            }
        }
        return result
    }

    /// The most senior role of each person's verified records in `field` (latest verified version of each
    /// record, as the level rule counts them), verified before the cutoff.
    static func roles(
        _ sql: any SQLDatabase, field: CatalogIndex.FieldEntry, people: [Int64], asOf day: Day?
    ) async throws -> [Int64: Role] {
        let cutoff = cutoff(day)
        var result: [Int64: Role] = [:]
        try await BulkLevels.forEachChunk(of: people, size: BulkLevels.peoplePerQuery) { chunk in
            for (person, records) in try await verifiedRecords(sql, field: field, people: chunk, before: cutoff) {
                if let role = LevelRule.evidence(from: records, basis: .approved).map(\.role).max() { result[person] = role }
            }
        }
        return result
    }

    /// The record versions of some people in `field` verified before the cutoff, by person, in record and version
    /// order.
    private static func verifiedRecords(
        _ sql: any SQLDatabase, field: CatalogIndex.FieldEntry, people: [Int64], before cutoff: String
    ) async throws -> [Int64: [ExperienceRecord]] {
        var result: [Int64: [ExperienceRecord]] = [:]
        for row in try await sql.raw(
            """
            SELECT * FROM experience_records WHERE field_id = \(bind: field.id) AND person_id IN \(list: people)
              AND verified_at IS NOT NULL AND verified_at < \(bind: cutoff)
            ORDER BY record_id, version
            """
        ).all() {
            let record = try ExperienceRows.record(from: row, field: field.reference)
            result[record.personID, default: []].append(record)
        }
        return result
    }
}
