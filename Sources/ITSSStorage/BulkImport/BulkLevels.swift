import ITSSDomain
import SQLKit

/// Stores the levels of freshly approved imported assessments, in batches.
enum BulkLevels {
    /// Adds each imported assessment's field to its person's fields where missing.
    static func addPersonFields(_ sql: any SQLDatabase, groups: [AssessmentImportGroup], at stamp: String) async throws {
        let wanted = Set(groups.map { PersonFieldKey(personID: $0.key.personID, fieldID: $0.field.id) })
        var present = Set<PersonFieldKey>()
        for fieldID in Set(wanted.map(\.fieldID)) {
            for row in try await sql.raw("SELECT person_id FROM person_fields WHERE field_id = \(bind: fieldID)").all() {
                present.insert(PersonFieldKey(personID: try row.decode(column: "person_id", as: Int64.self), fieldID: fieldID))
            }
        }
        let missing = wanted.subtracting(present).sorted { ($0.personID, $0.fieldID) < ($1.personID, $1.fieldID) }
        try await BatchInsert.run(
            sql, into: "person_fields", columns: ["person_id", "field_id", "added_at"],
            rows: missing.map { [.integer($0.personID), .integer($0.fieldID), .text(stamp)] })
    }

    /// Computes the official and provisional level of every person and field the groups touch — from the
    /// latest cycle among them — and stores them with a history entry where the official level changed.
    /// - Returns: How many person × field levels were stored.
    static func store(
        _ sql: any SQLDatabase, groups: [AssessmentImportGroup], at stamp: String, cause: String
    ) async throws -> Int {
        // Several cycles of one person and field may come in one file: the latest cycle decides.
        var latest: [PersonFieldKey: AssessmentImportGroup] = [:]
        for group in groups {
            let key = PersonFieldKey(personID: group.key.personID, fieldID: group.field.id)
            if let current = latest[key], current.key.cycle >= group.key.cycle { continue }
            latest[key] = group
        }
        let versions = try await recordVersions(sql, for: Set(latest.keys), fields: groups.map(\.field))
        var previous: [PersonFieldKey: Int?] = [:]
        for fieldID in Set(latest.keys.map(\.fieldID)) {
            for row in try await sql.raw(
                "SELECT person_id, level FROM person_levels WHERE field_id = \(bind: fieldID) AND basis = 'approved'"
            ).all() {
                let key = PersonFieldKey(personID: try row.decode(column: "person_id", as: Int64.self), fieldID: fieldID)
                if latest[key] != nil { previous[key] = try row.decode(column: "level", as: Int?.self) }
            }
        }
        var levelRows: [[BatchValue]] = []
        var historyRows: [[BatchValue]] = []
        let keys = latest.keys.sorted { ($0.personID, $0.fieldID) < ($1.personID, $1.fieldID) }
        for key in keys {
            guard let group = latest[key] else { continue }
            let records = versions[key] ?? []
            let approved = LevelRule.evaluate(
                group.field.compiled, ratings: LevelRule.ratings(from: group.ratings, basis: .approved),
                records: LevelRule.evidence(from: records, basis: .approved), basis: .approved)
            let provisional = LevelRule.evaluate(
                group.field.compiled, ratings: LevelRule.ratings(from: group.ratings, basis: .provisional),
                records: LevelRule.evidence(from: records, basis: .provisional), basis: .provisional)
            levelRows.append([
                .integer(key.personID), .integer(key.fieldID), .text("approved"), .int(approved.attainedLevel), .text(stamp),
            ])
            levelRows.append([
                .integer(key.personID), .integer(key.fieldID), .text("provisional"), .int(provisional.attainedLevel),
                .text(stamp),
            ])
            let before = previous[key] ?? nil
            if previous[key] == nil ? approved.attainedLevel != nil : before != approved.attainedLevel {
                historyRows.append([
                    .integer(key.personID), .integer(key.fieldID), .int(approved.attainedLevel), .int(before), .text(stamp),
                    .text(cause),
                ])
            }
        }
        for fieldID in Set(keys.map(\.fieldID)) {
            let people = keys.filter { $0.fieldID == fieldID }.map(\.personID)
            var start = 0
            while start < people.count {
                let chunk = people[start..<min(start + 500, people.count)]
                try await sql.raw(
                    "DELETE FROM person_levels WHERE field_id = \(bind: fieldID) AND person_id IN (\(unsafeRaw: chunk.map(String.init).joined(separator: ",")))"
                ).run()
                start += 500
            }
        }
        try await BatchInsert.run(
            sql, into: "person_levels", columns: ["person_id", "field_id", "basis", "level", "computed_at"], rows: levelRows)
        try await BatchInsert.run(
            sql, into: "level_history", columns: ["person_id", "field_id", "level", "previous_level", "effective_at", "cause"],
            rows: historyRows)
        return keys.count
    }

    /// Every version of the records of the given people and fields.
    private static func recordVersions(
        _ sql: any SQLDatabase, for keys: Set<PersonFieldKey>, fields: [CatalogIndex.FieldEntry]
    ) async throws -> [PersonFieldKey: [ExperienceRecord]] {
        var result: [PersonFieldKey: [ExperienceRecord]] = [:]
        var seen = Set<Int64>()
        for field in fields where seen.insert(field.id).inserted {
            for record in try await ExperienceRows.versions(sql, field: field) {
                let key = PersonFieldKey(personID: record.personID, fieldID: field.id)
                if keys.contains(key) { result[key, default: []].append(record) }
            }
        }
        return result
    }
}
