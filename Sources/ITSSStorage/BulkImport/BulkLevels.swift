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
        let (verified, all) = try await records(sql, for: Set(latest.keys))
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
            var official: [String: Int] = [:]
            var own: [String: Int] = [:]
            for rating in group.ratings {
                official[rating.item] = rating.evaluatorLevel
                own[rating.item] = rating.selfLevel
            }
            let approved = LevelRule.evaluate(
                group.field.compiled, ratings: official, records: verified[key] ?? [], basis: .approved)
            let provisional = LevelRule.evaluate(group.field.compiled, ratings: own, records: all[key] ?? [], basis: .provisional)
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

    /// The verified and all records of the given people and fields, latest version per record.
    private static func records(
        _ sql: any SQLDatabase, for keys: Set<PersonFieldKey>
    ) async throws -> (verified: [PersonFieldKey: [ExperienceEvidence]], all: [PersonFieldKey: [ExperienceEvidence]]) {
        var verified: [PersonFieldKey: [Int64: ExperienceEvidence]] = [:]
        var all: [PersonFieldKey: [Int64: ExperienceEvidence]] = [:]
        for fieldID in Set(keys.map(\.fieldID)) {
            for row in try await sql.raw(
                """
                SELECT record_id, person_id, role, peak_staff, annual_contract_yen, verified_at FROM experience_records
                WHERE field_id = \(bind: fieldID) ORDER BY record_id, version
                """
            ).all() {
                let key = PersonFieldKey(personID: try row.decode(column: "person_id", as: Int64.self), fieldID: fieldID)
                guard keys.contains(key) else { continue }
                let recordID = try row.decode(column: "record_id", as: Int64.self)
                let evidence = ExperienceEvidence(
                    recordID: recordID, role: ExperienceRows.role(try row.decode(column: "role", as: String.self)),
                    peakStaff: try row.decode(column: "peak_staff", as: Int?.self),
                    annualContractYen: try row.decode(column: "annual_contract_yen", as: Int64?.self), label: "#\(recordID)")
                // Later versions replace earlier ones of the same record.
                all[key, default: [:]][recordID] = evidence
                if try row.decode(column: "verified_at", as: String?.self) != nil {
                    verified[key, default: [:]][recordID] = evidence
                }
            }
        }
        return (verified.mapValues { Array($0.values) }, all.mapValues { Array($0.values) })
    }
}
