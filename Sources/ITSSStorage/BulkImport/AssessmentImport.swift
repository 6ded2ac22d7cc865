import ITSSDomain
import ITSSImport
import SQLKit

extension AppDatabase {
    /// Imports assessments (one row per rating), all or nothing. With `approvedBy` (a person id), every assessment is approved
    /// by that evaluator — who must be assigned to each person and may not be the person — and the levels are
    /// stored in the same transaction; otherwise they are drafts. Fields are added to the people's fields.
    /// - Throws: `BulkImportError` listing every bad row with its line (the file's and the database checks').
    @discardableResult
    public func importAssessments(
        _ parsed: ParsedRows<SpreadsheetRows.RatingRow>, approvedBy: Int64?, by principal: Principal
    ) async throws -> BulkImportSummary {
        let index = try await catalogIndex()
        let stamp = timestamp()
        return try await transaction { sql in
            let directory = try await BulkDirectory.read(sql)
            var errors = parsed.errors
            var evaluatorID: Int64?
            var evaluees = Set<Int64>()
            try await self.authorize(sql, principal, .importAssessments, person: nil)
            var approverNumber: String?
            if let approvedBy {
                approverNumber = try await PeopleQueries.employeeNumber(sql, personID: approvedBy)
                evaluatorID = approvedBy
                evaluees = try await directory.evaluees(of: approvedBy, sql)
            }
            let rows = parsed.rows
            let groups = try await AssessmentImportGroups.build(
                rows, directory: directory, index: index, sql: sql, errors: &errors)
            if let evaluatorID {
                for group in groups {
                    let actor = AssessmentActor(personID: evaluatorID, isEvaluator: evaluees.contains(group.key.personID))
                    do {
                        _ = try AssessmentRules.approve(
                            state: .submitted, personID: group.key.personID, actor: actor, ratings: group.ratings(rows),
                            items: group.field.effective.items)
                    } catch {
                        errors.append(
                            RowError(
                                line: group.firstLine,
                                message:
                                    "\(group.employeeNumber) in \(group.field.reference.field) \(group.key.cycle): \(error.localizedDescription)"
                            ))
                    }
                }
            }
            guard errors.isEmpty else { throw BulkImportError(rows: errors) }
            let approved = evaluatorID != nil
            // Written a chunk of assessments at a time, so that memory holds one chunk's rating rows, not the file's.
            var start = 0
            while start < groups.count {
                let end = min(start + AssessmentImportGroups.assessmentsPerChunk, groups.count)
                try await AssessmentImportGroups.write(
                    sql, groups[start..<end], rows: rows, approved: approved, evaluatorID: evaluatorID, at: stamp)
                start = end
            }
            try await BulkLevels.addPersonFields(
                sql, keys: Set(groups.map { PersonFieldKey(personID: $0.key.personID, fieldID: $0.field.id) }), at: stamp)
            var levels = 0
            if approved {
                // Several cycles of one person and field may come in one file: the latest cycle decides.
                var latest: [PersonFieldKey: Int] = [:]
                for (position, group) in groups.enumerated() {
                    let key = PersonFieldKey(personID: group.key.personID, fieldID: group.field.id)
                    if let current = latest[key], groups[current].key.cycle >= group.key.cycle { continue }
                    latest[key] = position
                }
                var byField: [Int64: [Int64: Int]] = [:]
                for (key, position) in latest { byField[key.fieldID, default: [:]][key.personID] = position }
                for fieldID in byField.keys.sorted() {
                    guard let people = byField[fieldID], let field = index.field(id: fieldID) else { continue }
                    let sorted = people.keys.sorted()
                    var from = 0
                    while from < sorted.count {
                        let to = min(from + AssessmentImportGroups.assessmentsPerChunk, sorted.count)
                        var ratings: [Int64: [SkillRating]] = [:]
                        for person in sorted[from..<to] {
                            if let position = people[person] { ratings[person] = groups[position].ratings(rows) }
                        }
                        levels += try await BulkLevels.store(
                            sql, field: field, ratings: ratings, at: stamp, cause: "assessment import")
                        from = to
                    }
                }
            }
            try await self.audit(
                sql, principal, .importAssessments, subject: "\(groups.count) assessments",
                detail: "\(rows.count) ratings; " + (approverNumber.map { "approved by \($0)" } ?? "drafts"))
            return BulkImportSummary(rows: rows.count, created: groups.count, levelsComputed: levels)
        }
    }
}

/// A person and a field, as a dictionary key.
struct PersonFieldKey: Hashable {
    var personID: Int64
    var fieldID: Int64
}

/// Rows of one person, field and cycle: one assessment. It refers to its rows by position in the parsed file
/// instead of copying them, so that millions of ratings are held once.
struct AssessmentImportGroup {
    struct Key: Hashable {
        var personID: Int64
        var fieldID: Int64
        var cycle: String
    }

    /// One rating: the row it came from and the item it resolved to.
    struct Entry {
        var row: Int32
        var itemID: Int64
    }

    var key: Key
    var employeeNumber: String
    var field: CatalogIndex.FieldEntry
    var firstLine: Int
    var entries: [Entry] = []

    /// The ratings as the workflow rules and the level rule take them, under the items' catalog names.
    func ratings(_ rows: [SpreadsheetRows.RatingRow]) -> [SkillRating] {
        entries.map { entry in
            let row = rows[Int(entry.row)]
            return SkillRating(
                item: field.itemNames[entry.itemID] ?? row.item, selfLevel: row.selfLevel, evaluatorLevel: row.evaluatorLevel,
                note: row.note, evidence: row.evidence, evaluatorReason: row.evaluatorReason)
        }
    }
}

enum AssessmentImportGroups {
    /// Assessments written per chunk: about 85,000 rating rows for a field of 17 items.
    static let assessmentsPerChunk = 5_000

    /// Writes a chunk of assessments with their ratings and events: the assessments first, then their ids read back
    /// by person, field and cycle (for this chunk's people only), then the ratings and events that refer to them.
    static func write(
        _ sql: any SQLDatabase, _ groups: ArraySlice<AssessmentImportGroup>, rows: [SpreadsheetRows.RatingRow],
        approved: Bool, evaluatorID: Int64?, at stamp: String
    ) async throws {
        try await BatchInsert.run(
            sql, into: "assessments",
            columns: [
                "person_id", "field_id", "cycle", "state", "version", "created_at", "submitted_at", "decided_at", "decided_by",
            ],
            rows: groups.map { group in
                [
                    .integer(group.key.personID), .integer(group.field.id), .text(group.key.cycle),
                    .text(approved ? "approved" : "draft"),
                    .integer(1), .text(stamp), .text(approved ? stamp : nil), .text(approved ? stamp : nil),
                    .integer(evaluatorID),
                ]
            })
        var assessmentIDs: [AssessmentImportGroup.Key: Int64] = [:]
        try await BulkLevels.forEachChunk(of: Array(Set(groups.map(\.key.personID))).sorted()) { people in
            for row in try await sql.raw(
                """
                SELECT id, person_id, field_id, cycle FROM assessments
                WHERE person_id IN \(list: people) AND created_at = \(bind: stamp)
                """
            ).all() {
                let key = AssessmentImportGroup.Key(
                    personID: try row.decode(column: "person_id", as: Int64.self),
                    fieldID: try row.decode(column: "field_id", as: Int64.self),
                    cycle: try row.decode(column: "cycle", as: String.self))
                assessmentIDs[key] = try row.decode(column: "id", as: Int64.self)
            }
        }
        var ratingRows: [[BatchValue]] = []
        ratingRows.reserveCapacity(groups.reduce(0) { $0 + $1.entries.count })
        var eventRows: [[BatchValue]] = []
        eventRows.reserveCapacity(groups.count)
        for group in groups {
            guard let id = assessmentIDs[group.key] else {
                throw StorageError.corrupt(detail: "an imported assessment was not found again")
            }
            for entry in group.entries {
                let rating = rows[Int(entry.row)]
                ratingRows.append([
                    .integer(id), .integer(entry.itemID), .int(rating.selfLevel), .int(rating.evaluatorLevel), .text(rating.note),
                    .text(rating.evidence), .text(rating.evaluatorReason),
                ])
            }
            eventRows.append([
                .integer(id), .text(stamp), .integer(evaluatorID), .text("import"), .text(nil),
                .text(approved ? "approved" : "draft"), .text("bulk import"),
            ])
        }
        try await BatchInsert.run(
            sql, into: "assessment_ratings",
            columns: ["assessment_id", "item_id", "self_level", "evaluator_level", "note", "evidence", "evaluator_reason"],
            rows: ratingRows)
        try await BatchInsert.run(
            sql, into: "assessment_events",
            columns: ["assessment_id", "occurred_at", "actor_id", "action", "from_state", "to_state", "comment"],
            rows: eventRows)
    }

    private struct ItemKey: Hashable {
        var fieldID: Int64
        var item: String
    }

    private struct ResolvedItem {
        var name: String
        var id: Int64
        var item: SkillItem
        var levels: Set<Int>
    }

    static func build(
        _ rows: [SpreadsheetRows.RatingRow], directory: BulkDirectory, index: CatalogIndex, sql: any SQLDatabase,
        errors: inout [RowError]
    ) async throws -> [AssessmentImportGroup] {
        var fieldCache = BulkFieldCache(index: index)
        var groups: [AssessmentImportGroup] = []
        var position: [AssessmentImportGroup.Key: Int] = [:]
        var itemCache: [ItemKey: Result<ResolvedItem, RowError>] = [:]
        for (rowPosition, row) in rows.enumerated() {
            let person = directory.person(row.employeeNumber, line: row.line)
            let field = fieldCache.resolve(row.field, line: row.line, column: "field", assessable: true)
            guard case let .success(personID) = person, case let .success(entry) = field else {
                if case let .failure(error) = person { errors.append(error) }
                if case let .failure(error) = field { errors.append(error) }
                continue
            }
            let itemKey = ItemKey(fieldID: entry.id, item: row.item)
            let resolved: Result<ResolvedItem, RowError>
            if let cached = itemCache[itemKey] {
                resolved = cached
            } else {
                do {
                    let found = try entry.resolveItem(row.item)
                    resolved = .success(
                        ResolvedItem(name: found.item.name, id: found.id, item: found.item, levels: Set(found.item.definedLevels))
                    )
                } catch {
                    resolved = .failure(
                        RowError(
                            line: row.line, column: "item", message: (error as? StorageError)?.errorDescription ?? "\(error)"))
                }
                itemCache[itemKey] = resolved
            }
            let item: ResolvedItem
            switch resolved {
            case let .success(found): item = found
            case let .failure(error):
                errors.append(RowError(line: row.line, column: "item", message: error.message))
                continue
            }
            var valid = true
            for (column, level) in [("self_level", row.selfLevel), ("evaluator_level", row.evaluatorLevel)] {
                guard let level, level != 0, !item.levels.contains(level) else { continue }
                do {
                    try AssessmentRules.validateRating(level, for: item.item)
                } catch {
                    errors.append(RowError(line: row.line, column: column, message: error.localizedDescription))
                    valid = false
                }
            }
            guard valid else { continue }
            let key = AssessmentImportGroup.Key(personID: personID, fieldID: entry.id, cycle: row.cycle.value)
            let at: Int
            if let existing = position[key] {
                at = existing
            } else {
                at = groups.count
                position[key] = at
                groups.append(
                    AssessmentImportGroup(key: key, employeeNumber: row.employeeNumber, field: entry, firstLine: row.line))
            }
            // A group holds one entry per item of a field (a few dozen): a scan finds a repeated item without a
            // dictionary per group.
            if let first = groups[at].entries.first(where: { $0.itemID == item.id }) {
                errors.append(
                    RowError(
                        line: row.line, column: "item",
                        message:
                            "\"\(item.name)\" is rated again for this assessment (first at line \(rows[Int(first.row)].line))"))
                continue
            }
            groups[at].entries.append(AssessmentImportGroup.Entry(row: Int32(rowPosition), itemID: item.id))
        }
        // An assessment of the same person, field and cycle may exist already: look only at the file's people.
        try await BulkLevels.forEachChunk(of: Array(Set(groups.map(\.key.personID))).sorted()) { people in
            for row in try await sql.raw(
                "SELECT person_id, field_id, cycle FROM assessments WHERE person_id IN \(list: people)"
            ).all() {
                let key = AssessmentImportGroup.Key(
                    personID: try row.decode(column: "person_id", as: Int64.self),
                    fieldID: try row.decode(column: "field_id", as: Int64.self),
                    cycle: try row.decode(column: "cycle", as: String.self))
                if let at = position[key] {
                    let group = groups[at]
                    errors.append(
                        RowError(
                            line: group.firstLine,
                            message:
                                "\(group.employeeNumber) already has an assessment in \(group.field.reference.field) for \(key.cycle)"
                        ))
                }
            }
        }
        return groups
    }
}
