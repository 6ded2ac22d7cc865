import ITSSDomain
import SQLKit

/// What the level rule needs for one person and field, gathered for many at once.
struct BulkLevelInputs {
    /// Rating vectors in the compiled field's item order (`CompiledField.ratingVector`); missing items count 0.
    struct Ratings {
        /// Evaluator ratings of the latest approved assessment.
        var approved: [Int] = []
        /// Self ratings of the latest assessment, whatever its state.
        var provisional: [Int] = []
    }

    var field: CatalogIndex.FieldEntry
    var ratings = Ratings()
    /// Every version of the person's records in the field.
    var records: [ExperienceRecord] = []
    /// When the first approved assessment was decided (`person_levels.assessed_at` of the official level).
    var firstApprovedAt: String?
    /// When the first assessment of any state was started (`assessed_at` of the provisional level).
    var firstAssessedAt: String?
}

/// Stores levels of many people and fields in one batched pass: a few set-based reads per field (people in
/// chunks of `peoplePerQuery`), the pure rule, then batched deletes and inserts. The results are those of
/// `AppDatabase.recomputeLevels` one person × field at a time, which costs five statements per pair.
enum BulkLevels {
    /// People per `IN (…)` list: keeps statements short while taking a few thousand rows per round trip.
    static let peoplePerQuery = 1_000
    /// People per lookup that returns a row or two per person (ids, existing assessments): fewer round trips,
    /// which cost most on a busy machine.
    static let peoplePerLookup = 5_000

    /// Adds each person's field to their fields where missing.
    static func addPersonFields(_ sql: any SQLDatabase, keys: Set<PersonFieldKey>, at stamp: String) async throws {
        var missing: [PersonFieldKey] = []
        for (fieldID, people) in peopleByField(keys) {
            try await forEachChunk(of: people) { chunk in
                var present = Set<Int64>()
                for row in try await sql.raw(
                    "SELECT person_id FROM person_fields WHERE field_id = \(bind: fieldID) AND person_id IN \(list: chunk)"
                ).all() {
                    present.insert(try row.decode(column: "person_id", as: Int64.self))
                }
                missing += chunk.filter { !present.contains($0) }.map { PersonFieldKey(personID: $0, fieldID: fieldID) }
            }
        }
        missing.sort { ($0.personID, $0.fieldID) < ($1.personID, $1.fieldID) }
        try await BatchInsert.run(
            sql, into: "person_fields", columns: ["person_id", "field_id", "added_at"],
            rows: missing.map { [.integer($0.personID), .integer($0.fieldID), .text(stamp)] })
    }

    /// Recomputes the official and provisional level of every given person × field from what is stored (latest
    /// approved and latest assessment, every record version), as `recomputeLevels` does for one.
    /// - Returns: How many person × field levels were stored.
    static func recompute(
        _ sql: any SQLDatabase, keys: Set<PersonFieldKey>, index: CatalogIndex, at stamp: String, cause: String
    ) async throws -> Int {
        var stored = 0
        for (fieldID, people) in peopleByField(keys) {
            guard let field = index.field(id: fieldID) else {
                throw StorageError.corrupt(detail: "field #\(fieldID) is not in the catalog")
            }
            try await forEachChunk(of: people) { chunk in
                let inputs = try await readInputs(sql, field: field, people: chunk)
                stored += try await write(sql, field: field, inputs: inputs, at: stamp, cause: cause)
            }
        }
        return stored
    }

    /// Stores levels computed from given ratings (an import's own assessments, approved at `stamp`) and the stored
    /// records.
    /// - Parameter ratings: person → rating vectors of the assessment that decides, for people of one field.
    /// - Returns: How many person × field levels were stored.
    static func store(
        _ sql: any SQLDatabase, field: CatalogIndex.FieldEntry, ratings: [Int64: BulkLevelInputs.Ratings], at stamp: String,
        cause: String
    ) async throws -> Int {
        let people = ratings.keys.sorted()
        var stored = 0
        try await forEachChunk(of: people) { chunk in
            let versions = try await recordVersions(sql, field: field, people: chunk)
            var inputs: [Int64: BulkLevelInputs] = [:]
            for person in chunk {
                inputs[person] = BulkLevelInputs(
                    field: field, ratings: ratings[person] ?? BulkLevelInputs.Ratings(), records: versions[person] ?? [],
                    firstApprovedAt: stamp, firstAssessedAt: stamp)
            }
            stored += try await write(sql, field: field, inputs: inputs, at: stamp, cause: cause)
        }
        return stored
    }

    /// Evaluates and writes the levels of people of one field: both bases replaced, a history entry where the
    /// official level changed. Since when each basis is assessed is the earlier of what was stored and what the
    /// inputs say (an import's inputs know only its own assessments).
    private static func write(
        _ sql: any SQLDatabase, field: CatalogIndex.FieldEntry, inputs: [Int64: BulkLevelInputs], at stamp: String,
        cause: String
    ) async throws -> Int {
        let people = inputs.keys.sorted()
        guard !people.isEmpty else { return 0 }
        var previous: [Int64: Int?] = [:]
        var previousApprovedAt: [Int64: String] = [:]
        var previousAssessedAt: [Int64: String] = [:]
        for row in try await sql.raw(
            """
            SELECT person_id, basis, level, assessed_at FROM person_levels
            WHERE field_id = \(bind: field.id) AND person_id IN \(list: people)
            """
        ).all() {
            let person = try row.decode(column: "person_id", as: Int64.self)
            let assessedAt = try row.decode(column: "assessed_at", as: String?.self)
            if try row.decode(column: "basis", as: String.self) == "approved" {
                previous[person] = try row.decode(column: "level", as: Int?.self)
                previousApprovedAt[person] = assessedAt
            } else {
                previousAssessedAt[person] = assessedAt
            }
        }
        // The earlier of two optional times (ISO-8601 text sorts by time).
        func earliest(_ first: String?, _ second: String?) -> String? {
            guard let first, let second else { return first ?? second }
            return min(first, second)
        }
        var levelRows: [[BatchValue]] = []
        levelRows.reserveCapacity(people.count * 2)
        var historyRows: [[BatchValue]] = []
        for person in people {
            guard let input = inputs[person] else { continue }
            let approved = LevelRule.evaluate(
                field.compiled, ratingVector: input.ratings.approved,
                records: LevelRule.evidence(from: input.records, basis: .approved), basis: .approved)
            let provisional = LevelRule.evaluate(
                field.compiled, ratingVector: input.ratings.provisional,
                records: LevelRule.evidence(from: input.records, basis: .provisional), basis: .provisional)
            levelRows.append([
                .integer(person), .integer(field.id), .text("approved"), .int(approved.attainedLevel), .text(stamp),
                .text(earliest(previousApprovedAt[person], input.firstApprovedAt)),
            ])
            levelRows.append([
                .integer(person), .integer(field.id), .text("provisional"), .int(provisional.attainedLevel), .text(stamp),
                .text(earliest(previousAssessedAt[person], input.firstAssessedAt)),
            ])
            let before = previous[person] ?? nil
            if previous[person] == nil ? approved.attainedLevel != nil : before != approved.attainedLevel {
                historyRows.append([
                    .integer(person), .integer(field.id), .int(approved.attainedLevel), .int(before), .text(stamp),
                    .text(cause),
                ])
            }
        }
        try await sql.raw("DELETE FROM person_levels WHERE field_id = \(bind: field.id) AND person_id IN \(list: people)").run()
        try await BatchInsert.run(
            sql, into: "person_levels", columns: ["person_id", "field_id", "basis", "level", "computed_at", "assessed_at"],
            rows: levelRows)
        try await BatchInsert.run(
            sql, into: "level_history", columns: ["person_id", "field_id", "level", "previous_level", "effective_at", "cause"],
            rows: historyRows)
        return people.count
    }

    /// Reads, for people of one field, what `LevelInputs.read` reads for one: the latest approved assessment's
    /// evaluator ratings (by decision time, then cycle, then id), the latest assessment's self ratings (by cycle,
    /// then id) and every record version.
    private static func readInputs(
        _ sql: any SQLDatabase, field: CatalogIndex.FieldEntry, people: [Int64]
    ) async throws -> [Int64: BulkLevelInputs] {
        struct Header {
            var id: Int64
            var cycle: String
            var decidedAt: String
        }
        var latestApproved: [Int64: Header] = [:]
        var latest: [Int64: Header] = [:]
        var firstApproved: [Int64: String] = [:]
        var firstAssessed: [Int64: String] = [:]
        for row in try await sql.raw(
            """
            SELECT id, person_id, cycle, state, decided_at, created_at FROM assessments
            WHERE field_id = \(bind: field.id) AND person_id IN \(list: people)
            """
        ).all() {
            let person = try row.decode(column: "person_id", as: Int64.self)
            let header = Header(
                id: try row.decode(column: "id", as: Int64.self), cycle: try row.decode(column: "cycle", as: String.self),
                decidedAt: try row.decode(column: "decided_at", as: String?.self) ?? "")
            if let current = latest[person], (current.cycle, current.id) > (header.cycle, header.id) {
            } else {
                latest[person] = header
            }
            let createdAt = try row.decode(column: "created_at", as: String.self)
            if firstAssessed[person].map({ createdAt < $0 }) ?? true { firstAssessed[person] = createdAt }
            guard try row.decode(column: "state", as: String.self) == "approved" else { continue }
            if firstApproved[person].map({ header.decidedAt < $0 }) ?? true { firstApproved[person] = header.decidedAt }
            if let current = latestApproved[person],
                (current.decidedAt, current.cycle, current.id) > (header.decidedAt, header.cycle, header.id)
            {
                continue
            }
            latestApproved[person] = header
        }
        var evaluatorRatings: [Int64: [String: Int]] = [:]
        var selfRatings: [Int64: [String: Int]] = [:]
        let wanted = Set(latestApproved.values.map(\.id)).union(latest.values.map(\.id)).sorted()
        try await forEachChunk(of: wanted) { chunk in
            for row in try await sql.raw(
                """
                SELECT assessment_id, item_id, self_level, evaluator_level FROM assessment_ratings
                WHERE assessment_id IN \(list: chunk)
                """
            ).all() {
                let id = try row.decode(column: "assessment_id", as: Int64.self)
                guard let name = field.itemNames[try row.decode(column: "item_id", as: Int64.self)] else { continue }
                if let level = try row.decode(column: "evaluator_level", as: Int?.self) {
                    evaluatorRatings[id, default: [:]][name] = level
                }
                if let level = try row.decode(column: "self_level", as: Int?.self) { selfRatings[id, default: [:]][name] = level }
            }
        }
        let versions = try await recordVersions(sql, field: field, people: people)
        var inputs: [Int64: BulkLevelInputs] = [:]
        for person in people {
            var input = BulkLevelInputs(
                field: field, records: versions[person] ?? [], firstApprovedAt: firstApproved[person],
                firstAssessedAt: firstAssessed[person])
            if let approved = latestApproved[person] {
                input.ratings.approved = field.compiled.ratingVector(evaluatorRatings[approved.id] ?? [:])
            }
            if let newest = latest[person] {
                input.ratings.provisional = field.compiled.ratingVector(selfRatings[newest.id] ?? [:])
            }
            inputs[person] = input
        }
        return inputs
    }

    /// Every version of the records of some people in one field, in record and version order.
    static func recordVersions(
        _ sql: any SQLDatabase, field: CatalogIndex.FieldEntry, people: [Int64]
    ) async throws -> [Int64: [ExperienceRecord]] {
        var result: [Int64: [ExperienceRecord]] = [:]
        for row in try await sql.raw(
            """
            SELECT * FROM experience_records WHERE field_id = \(bind: field.id) AND person_id IN \(list: people)
            ORDER BY record_id, version
            """
        ).all() {
            let record = try ExperienceRows.record(from: row, field: field.reference)
            result[record.personID, default: []].append(record)
        }
        return result
    }

    /// The people of each field, sorted, fields in id order (so that runs write in a stable order).
    static func peopleByField(_ keys: Set<PersonFieldKey>) -> [(Int64, [Int64])] {
        var byField: [Int64: [Int64]] = [:]
        for key in keys { byField[key.fieldID, default: []].append(key.personID) }
        return byField.keys.sorted().map { ($0, byField[$0, default: []].sorted()) }
    }

    /// Runs `body` on consecutive slices of at most `size` ids.
    static func forEachChunk(
        of ids: [Int64], size: Int = peoplePerQuery, _ body: ([Int64]) async throws -> Void
    ) async throws {
        var start = 0
        while start < ids.count {
            let end = min(start + max(size, 1), ids.count)
            try await body(Array(ids[start..<end]))
            start = end
        }
    }
}

extension SQLQueryString {
    /// Appends `(1,2,3)`: ids are integers, so they are written literally (bind limits would cap the list).
    mutating func appendInterpolation(list ids: [Int64]) {
        appendInterpolation(unsafeRaw: "(" + ids.map(String.init).joined(separator: ",") + ")")
    }
}
