import ITSSDomain
import SQLKit

/// The skill map's stored counts (M021), so that a map of the whole organisation, or of a unit today, reads a few
/// hundred summed rows instead of seeking each person × field pair.
///
/// `skill_map_tally` holds, per basis, unit, active state, field and cell, how many pairs (and, under
/// `peopleField`, how many people) count there now (`day = 'now'`), and by how much the official counts change
/// on each day (`day = 'YYYY-MM-DD'`, for the whole organisation only): the map as of a day sums the changes up to
/// it. The whole organisation's rows (`everyUnit`) are kept besides each unit's, so that its map reads a few
/// hundred rows however many units there are. Each person's own share is kept in `skill_map_shares`
/// (`SkillMapShare`), so that when their data changes the difference is added.
///
/// Triggers on `people`, `person_fields`, `person_levels` and `level_history` mark a changed person in
/// `skill_map_dirty`, whatever path wrote; a write transaction refreshes the marked people before it commits
/// (`AppDatabase.transaction`), so the tally is not behind a committed write. A bulk change (more than
/// `refreshedInline` people, or a write outside a transaction such as a migration) is left marked and caught up
/// after it, in short transactions (`AppDatabase.refreshSkillMapTally`); a map read catches up first, so no map
/// is ever counted from a tally behind the data.
enum SkillMapTally {
    static let now = "now"
    static let approved = "approved"
    static let provisional = "provisional"
    /// The `org_unit_id` of the counts of the whole organisation (everyone, also people in no unit).
    static let everyUnit: Int64 = -1
    /// The `field_id` of the people totals.
    static let peopleField: Int64 = 0
    /// The people totals' cells: people counted, and of them those without an assessment.
    static let counted = 1
    static let withoutAssessment = -1
    /// People refreshed per round: the size of the `IN` lists the inputs are read with.
    static let peoplePerRound = 2_000
    /// The most changed people a write transaction refreshes before it commits (a few seconds' work at most).
    static let refreshedInline = 5_000
    /// The PostgreSQL advisory lock that serialises refreshes, so that concurrent transactions add to the same
    /// counts one after the other (and never deadlock on them).
    static let lockKey: Int64 = 0x6974_7373_6D61_70

    /// The stored code of a cell: its level, `0` below the first level, `-1` not assessed.
    static func code(of cell: SkillMapCell) -> Int {
        switch cell {
        case let .level(level): level
        case .below: 0
        case .notAssessed: -1
        }
    }

    /// The cell of a stored code (`nil` for an unknown one).
    static func cell(code: Int) -> SkillMapCell? {
        switch code {
        case 1...7: .level(code)
        case 0: .below
        case -1: .notAssessed
        default: nil
        }
    }

    /// Refreshes the share of every person marked as changed, inside the caller's write transaction, when they are
    /// at most `refreshedInline`; more are left marked for `AppDatabase.refreshSkillMapTally`, so that a bulk import
    /// is not held up by the counts (readers refresh first, so they never see them behind).
    /// - Throws: the driver's error; `StorageError.corrupt` for a stored timestamp that is not a date.
    static func refreshIfFew(_ sql: any SQLDatabase) async throws {
        let marked =
            try await sql.raw(
                """
                SELECT COUNT(*) AS n FROM (SELECT id FROM skill_map_dirty LIMIT \(bind: refreshedInline + 1)) marks
                """
            ).first()?.decode(column: "n", as: Int.self) ?? 0
        guard marked > 0, marked <= refreshedInline else { return }
        while try await refreshRound(sql) > 0 {}
    }

    /// Refreshes up to `peoplePerRound` marked people inside the caller's write transaction.
    /// - Returns: How many people were refreshed; 0 when none is marked.
    /// - Throws: the driver's error; `StorageError.corrupt` for a stored timestamp that is not a date.
    static func refreshRound(_ sql: any SQLDatabase) async throws -> Int {
        guard try await sql.raw("SELECT id FROM skill_map_dirty LIMIT 1").first() != nil else { return 0 }
        if sql.dialect.name == "postgresql" {
            // Marks committed before the lock was granted are read under it.
            try await sql.raw("SELECT pg_advisory_xact_lock(\(bind: lockKey))").run()
        }
        let marks = try await sql.raw(
            "SELECT id, person_id FROM skill_map_dirty ORDER BY person_id LIMIT \(bind: peoplePerRound)"
        ).all()
        var markIDs: [Int64] = []
        var people = Set<Int64>()
        for mark in marks {
            markIDs.append(try mark.decode(column: "id", as: Int64.self))
            people.insert(try mark.decode(column: "person_id", as: Int64.self))
        }
        guard !people.isEmpty else { return 0 }
        try await refresh(sql, people: people.sorted())
        try await sql.raw("DELETE FROM skill_map_dirty WHERE id IN \(list: markIDs)").run()
        return people.count
    }

    /// Replaces the share of `people` (deleted people lose theirs): the difference between their stored shares and
    /// their shares now is added to the tally, then the new shares are stored.
    private static func refresh(_ sql: any SQLDatabase, people: [Int64]) async throws {
        let inputs = try await loadInputs(sql, people: people)
        var change: [SkillMapTallyKey: Int] = [:]
        for row in try await sql.raw(
            "SELECT share FROM skill_map_shares WHERE person_id IN \(list: people)"
        ).all() {
            for (key, count) in try SkillMapShare.decode(row.decode(column: "share", as: String.self)) {
                change[key, default: 0] -= count
            }
        }
        var shares = BatchRows(columns: 2, capacity: inputs.count)
        for (person, input) in inputs {
            let counts = input.contributions()
            for (key, count) in counts { change[key, default: 0] += count }
            shares.append(.integer(person), .text(SkillMapShare.encode(counts)))
        }
        try await add(sql, change.filter { $0.value != 0 })
        try await sql.raw("DELETE FROM skill_map_shares WHERE person_id IN \(list: people)").run()
        try await BatchInsert.run(sql, into: "skill_map_shares", columns: ["person_id", "share"], rows: shares)
    }

    /// Adds `change` to the tally, a few hundred keys per statement.
    private static func add(_ sql: any SQLDatabase, _ change: [SkillMapTallyKey: Int]) async throws {
        let entries = Array(change)
        var start = 0
        while start < entries.count {
            let end = min(start + 500, entries.count)
            let values: [SQLQueryString] = entries[start..<end].map { key, count in
                """
                (\(bind: key.basis), \(bind: key.day), \(bind: key.orgUnitID), \(bind: key.active), \(bind: key.fieldID), \(bind: key.cell), \(bind: count))
                """
            }
            try await sql.raw(
                """
                INSERT INTO skill_map_tally (basis, day, org_unit_id, active, field_id, cell, n)
                VALUES \(values.joined(separator: ", "))
                ON CONFLICT (basis, day, org_unit_id, active, field_id, cell) DO UPDATE SET n = skill_map_tally.n + excluded.n
                """
            ).run()
            start = end
        }
    }

    /// The inputs of `people` that still exist, by person id: four reads whatever their number.
    private static func loadInputs(_ sql: any SQLDatabase, people: [Int64]) async throws -> [Int64: SkillMapPersonInputs] {
        var inputs: [Int64: SkillMapPersonInputs] = [:]
        for row in try await sql.raw(
            "SELECT id, org_unit_id, active, created_at FROM people WHERE id IN \(list: people)"
        ).all() {
            inputs[try row.decode(column: "id", as: Int64.self)] = SkillMapPersonInputs(
                orgUnitID: try row.decode(column: "org_unit_id", as: Int64?.self),
                active: try row.decode(column: "active", as: Bool.self),
                created: try day(of: row.decode(column: "created_at", as: String.self)))
        }
        var pairIndex: [PersonFieldKey: Int] = [:]
        for row in try await sql.raw(
            "SELECT person_id, field_id, added_at FROM person_fields WHERE person_id IN \(list: people)"
        ).all() {
            let person = try row.decode(column: "person_id", as: Int64.self)
            let field = try row.decode(column: "field_id", as: Int64.self)
            guard inputs[person] != nil else { continue }
            pairIndex[PersonFieldKey(personID: person, fieldID: field)] = inputs[person]?.pairs.count
            inputs[person]?.pairs.append(
                .init(fieldID: field, added: try day(of: row.decode(column: "added_at", as: String.self))))
        }
        for row in try await sql.raw(
            """
            SELECT person_id, field_id, basis, level, assessed_at FROM person_levels WHERE person_id IN \(list: people)
            """
        ).all() {
            let person = try row.decode(column: "person_id", as: Int64.self)
            guard inputs[person] != nil else { continue }
            let assessed = try row.decode(column: "assessed_at", as: String?.self)
            inputs[person]?.levels[try row.decode(column: "field_id", as: Int64.self), default: [:]][
                try row.decode(column: "basis", as: String.self)] = .init(
                    level: try row.decode(column: "level", as: Int?.self), assessed: try assessed.map(day(of:)))
        }
        for row in try await sql.raw(
            """
            SELECT person_id, field_id, effective_at, level FROM level_history WHERE person_id IN \(list: people)
            ORDER BY person_id, field_id, effective_at, id
            """
        ).all() {
            let key = PersonFieldKey(
                personID: try row.decode(column: "person_id", as: Int64.self),
                fieldID: try row.decode(column: "field_id", as: Int64.self))
            guard let pair = pairIndex[key] else { continue }
            inputs[key.personID]?.pairs[pair].history.append(
                .init(
                    day: try day(of: row.decode(column: "effective_at", as: String.self)),
                    level: try row.decode(column: "level", as: Int?.self)))
        }
        return inputs
    }

    /// The day of a stored timestamp (`YYYY-MM-DDT…`).
    /// - Throws: `StorageError.corrupt` when it does not start with a date.
    private static func day(of timestamp: String) throws -> Day {
        guard let day = Day(String(timestamp.prefix(10))) else {
            throw StorageError.corrupt(detail: "a stored time is not a date: \(timestamp)")
        }
        return day
    }
}

extension AppDatabase {
    /// Brings the skill map's counts up to date after a bulk change (an import, the demo, a migration): the marked
    /// people a round at a time, each round its own short transaction. Nothing to do costs one indexed probe.
    /// - Parameter progress: Called after each round with the people refreshed so far.
    /// - Throws: the driver's error.
    public func refreshSkillMapTally(progress: (@Sendable (Int) -> Void)? = nil) async throws {
        guard try await sql().raw("SELECT id FROM skill_map_dirty LIMIT 1").first() != nil else { return }
        var refreshed = 0
        while true {
            let round = try await transaction { sql in try await SkillMapTally.refreshRound(sql) }
            guard round > 0 else { return }
            refreshed += round
            progress?(refreshed)
        }
    }
}
