import ITSSDomain
import ITSSImport
import SQLKit

/// An assessment import as its batches of rows arrive. Each batch's rows are checked against the catalog, the
/// people and the assessments already stored, grouped into assessments (person × field × cycle) and — while no
/// row anywhere has failed — written at once. Memory holds one batch of rows and a compact summary of every
/// assessment (its id, and per rating the item, both levels and whether a reason was given), never the file.
///
/// After a bad row nothing more is written, but every later row is still checked, so that one report lists every
/// bad row; the import's transaction then rolls back what was written.
struct AssessmentImportRun {
    struct Key: Hashable {
        var personID: Int64
        var fieldID: Int64
        var cycle: String
    }

    /// One rating, as the workflow rules and the level rule need it once the file is read. Levels are -1 when
    /// not given.
    struct Rating {
        var itemID: Int64
        var line: Int32
        var selfLevel: Int8
        var evaluatorLevel: Int8
        var reasonGiven: Bool
    }

    /// Rows of one person, field and cycle: one assessment.
    struct Group {
        var key: Key
        var employeeNumber: String
        /// Position of the field in `fields`.
        var field: Int
        var firstLine: Int
        /// Set once the assessment is written.
        var id: Int64?
        /// Refused as soon as it was seen (the evaluator may not approve it whatever its ratings), so never written.
        var refused = false
        var ratings: [Rating] = []
    }

    /// What the approval check and the level rule need of a field's items, by item id.
    struct FieldItems {
        /// The ids of the items an approved assessment rates; `nil` when item names and ids do not map one to
        /// one, so that only the workflow rules themselves can judge.
        let required: Set<Int64>?
        /// Item id → position in the compiled field's rating vector.
        let vectorPositions: [Int64: Int]
        let vectorLength: Int

        init(_ entry: CatalogIndex.FieldEntry) {
            var required = Set<Int64>()
            var oneToOne = Set(entry.itemNames.values).count == entry.itemNames.count
            for item in entry.effective.items {
                if let id = entry.itemIDs[item.name] { required.insert(id) } else { oneToOne = false }
            }
            self.required = oneToOne ? required : nil
            var positions: [Int64: Int] = [:]
            for (id, name) in entry.itemNames {
                if let position = entry.compiled.itemIndex(named: name) { positions[id] = position }
            }
            vectorPositions = positions
            vectorLength = entry.compiled.itemNames.count
        }
    }

    private struct ResolvedItem {
        var name: String
        var id: Int64
        var item: SkillItem
        var levels: Set<Int>
    }

    private(set) var directory: BulkDirectory
    let approved: Bool
    let evaluatorID: Int64?
    let stamp: String
    private(set) var groups: [Group] = []
    private(set) var errors: [RowError] = []
    /// Rows read without an error.
    private(set) var rowCount = 0
    /// The fields the rows name, each once.
    private(set) var fields: [CatalogIndex.FieldEntry] = []
    private var fieldPositions: [Int64: Int] = [:]
    private var positions: [Key: Int] = [:]
    private var fieldCache: BulkFieldCache
    /// Per field (by position in `fields`): items by spelling.
    private var itemCache: [[String: Result<ResolvedItem, RowError>]] = []
    /// Per field: what the approval check and the level rule need of its items.
    private var fieldItems: [FieldItems] = []
    /// The person, field and group of the previous row: files list an assessment's ratings together, so most rows
    /// reuse them without a lookup.
    private var previous: (employeeNumber: String, field: String, personID: Int64, fieldPosition: Int)?
    private var previousGroup: (key: Key, position: Int)?

    /// Who approves, and whom they evaluate; `nil` for drafts.
    let scope: BulkDirectory.EvaluatorScope?

    init(directory: BulkDirectory, index: CatalogIndex, approvedBy scope: BulkDirectory.EvaluatorScope?, at stamp: String) {
        self.directory = directory
        self.scope = scope
        evaluatorID = scope?.evaluatorID
        approved = scope != nil
        self.stamp = stamp
        fieldCache = BulkFieldCache(index: index)
    }

    /// Checks a batch of rows, groups them, and writes them unless a row (of this batch or an earlier one) failed.
    mutating func add(_ batch: ParsedRows<SpreadsheetRows.RatingRow>, _ sql: any SQLDatabase) async throws {
        errors += batch.errors
        rowCount += batch.rows.count
        try await directory.lookUp(batch.rows.map(\.employeeNumber), sql)
        let firstNew = groups.count
        // Ratings to write: the group, the item and the row.
        var pending: [(group: Int, itemID: Int64, row: Int)] = []
        pending.reserveCapacity(batch.rows.count)
        for (rowPosition, row) in batch.rows.enumerated() {
            guard let (personID, fieldPosition) = resolvePersonAndField(row) else { continue }
            guard let item = resolveItem(row, field: fieldPosition) else { continue }
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
            let at = group(
                Key(personID: personID, fieldID: fields[fieldPosition].id, cycle: row.cycle.value), row: row,
                fieldPosition: fieldPosition)
            // A group holds one rating per item of a field (a few dozen): a scan finds a repeated item without a
            // dictionary per group.
            if let first = groups[at].ratings.first(where: { $0.itemID == item.id }) {
                errors.append(
                    RowError(
                        line: row.line, column: "item",
                        message: "\"\(item.name)\" is rated again for this assessment (first at line \(first.line))"))
                continue
            }
            groups[at].ratings.append(
                Rating(
                    itemID: item.id, line: Int32(clamping: row.line), selfLevel: Int8(clamping: row.selfLevel ?? -1),
                    evaluatorLevel: Int8(clamping: row.evaluatorLevel ?? -1),
                    reasonGiven: !AssessmentRules.isBlank(row.evaluatorReason)))
            pending.append((at, item.id, rowPosition))
        }
        try await checkStored(groups: firstNew..<groups.count, sql)
        refuseUnapprovable(groups: firstNew..<groups.count)
        guard errors.isEmpty else { return }
        try await write(batch.rows, pending: pending, newGroups: firstNew..<groups.count, sql)
    }

    private mutating func resolvePersonAndField(_ row: SpreadsheetRows.RatingRow) -> (Int64, Int)? {
        if let previous, previous.employeeNumber == row.employeeNumber, previous.field == row.field {
            return (previous.personID, previous.fieldPosition)
        }
        let person = directory.person(row.employeeNumber, line: row.line)
        let field = fieldCache.resolve(row.field, line: row.line, column: "field", assessable: true)
        guard case let .success(personID) = person, case let .success(entry) = field else {
            if case let .failure(error) = person { errors.append(error) }
            if case let .failure(error) = field { errors.append(error) }
            return nil
        }
        let position: Int
        if let known = fieldPositions[entry.id] {
            position = known
        } else {
            position = fields.count
            fields.append(entry)
            fieldPositions[entry.id] = position
            itemCache.append([:])
            fieldItems.append(FieldItems(entry))
        }
        previous = (row.employeeNumber, row.field, personID, position)
        return (personID, position)
    }

    /// The item a row rates, resolved once per spelling and field.
    private mutating func resolveItem(_ row: SpreadsheetRows.RatingRow, field position: Int) -> ResolvedItem? {
        let resolved: Result<ResolvedItem, RowError>
        if let cached = itemCache[position][row.item] {
            resolved = cached
        } else {
            do {
                let found = try fields[position].resolveItem(row.item)
                resolved = .success(
                    ResolvedItem(name: found.item.name, id: found.id, item: found.item, levels: Set(found.item.definedLevels)))
            } catch {
                resolved = .failure(
                    RowError(line: row.line, column: "item", message: (error as? StorageError)?.errorDescription ?? "\(error)"))
            }
            itemCache[position][row.item] = resolved
        }
        switch resolved {
        case let .success(item): return item
        case let .failure(error):
            errors.append(RowError(line: row.line, column: "item", message: error.message))
            return nil
        }
    }

    /// The position of the row's group, made when it is the group's first row.
    private mutating func group(_ key: Key, row: SpreadsheetRows.RatingRow, fieldPosition: Int) -> Int {
        if let previousGroup, previousGroup.key == key { return previousGroup.position }
        let at: Int
        if let existing = positions[key] {
            at = existing
        } else {
            at = groups.count
            positions[key] = at
            groups.append(Group(key: key, employeeNumber: row.employeeNumber, field: fieldPosition, firstLine: row.line))
        }
        previousGroup = (key, at)
        return at
    }

    /// Refuses groups new in this batch whose person, field and cycle already have an assessment. Only the file's
    /// people are looked at; groups of earlier batches were checked then (and this import's own assessments are
    /// in the table by now).
    private mutating func checkStored(groups new: Range<Int>, _ sql: any SQLDatabase) async throws {
        guard !new.isEmpty else { return }
        let people = Set(groups[new].map(\.key.personID)).sorted()
        try await BulkLevels.forEachChunk(of: people, size: BulkLevels.peoplePerLookup) { chunk in
            for row in try await sql.raw(
                "SELECT person_id, field_id, cycle FROM assessments WHERE person_id IN \(list: chunk)"
            ).all() {
                let key = Key(
                    personID: try row.decode(column: "person_id", as: Int64.self),
                    fieldID: try row.decode(column: "field_id", as: Int64.self),
                    cycle: try row.decode(column: "cycle", as: String.self))
                guard let at = positions[key], new.contains(at) else { continue }
                let group = groups[at]
                errors.append(
                    RowError(
                        line: group.firstLine,
                        message:
                            "\(group.employeeNumber) already has an assessment in \(fields[group.field].reference.field) for \(key.cycle)"
                    ))
            }
        }
    }

    /// Writes the batch's new assessments, reads their ids back (by person, field and cycle, for the batch's
    /// people only), then writes the batch's ratings and the new assessments' events.
    private mutating func write(
        _ rows: [SpreadsheetRows.RatingRow], pending: [(group: Int, itemID: Int64, row: Int)], newGroups: Range<Int>,
        _ sql: any SQLDatabase
    ) async throws {
        let state = approved ? "approved" : "draft"
        var assessments = BatchRows(columns: 9, capacity: newGroups.count)
        for group in groups[newGroups] {
            assessments.append(
                .integer(group.key.personID), .integer(group.key.fieldID), .text(group.key.cycle), .text(state), .integer(1),
                .text(stamp), .text(approved ? stamp : nil), .text(approved ? stamp : nil), .integer(evaluatorID))
        }
        try await BatchInsert.run(
            sql, into: "assessments",
            columns: [
                "person_id", "field_id", "cycle", "state", "version", "created_at", "submitted_at", "decided_at", "decided_by",
            ], rows: assessments)
        try await BulkLevels.forEachChunk(
            of: Set(groups[newGroups].map(\.key.personID)).sorted(), size: BulkLevels.peoplePerLookup
        ) { people in
            for row in try await sql.raw(
                """
                SELECT id, person_id, field_id, cycle FROM assessments
                WHERE person_id IN \(list: people) AND created_at = \(bind: stamp)
                """
            ).all() {
                let key = Key(
                    personID: try row.decode(column: "person_id", as: Int64.self),
                    fieldID: try row.decode(column: "field_id", as: Int64.self),
                    cycle: try row.decode(column: "cycle", as: String.self))
                if let at = positions[key], newGroups.contains(at) {
                    groups[at].id = try row.decode(column: "id", as: Int64.self)
                }
            }
        }
        var ratings = BatchRows(columns: 7, capacity: pending.count)
        for (group, itemID, position) in pending {
            guard let id = groups[group].id else {
                throw StorageError.corrupt(detail: "an imported assessment was not found again")
            }
            let rating = rows[position]
            ratings.append(
                .integer(id), .integer(itemID), .int(rating.selfLevel), .int(rating.evaluatorLevel), .text(rating.note),
                .text(rating.evidence), .text(rating.evaluatorReason))
        }
        try await BatchInsert.run(
            sql, into: "assessment_ratings",
            columns: ["assessment_id", "item_id", "self_level", "evaluator_level", "note", "evidence", "evaluator_reason"],
            rows: ratings, omittable: ["note", "evidence", "evaluator_reason"])
        var events = BatchRows(columns: 7, capacity: newGroups.count)
        for group in groups[newGroups] {
            guard let id = group.id else { throw StorageError.corrupt(detail: "an imported assessment was not found again") }
            events.append(
                .integer(id), .text(stamp), .integer(evaluatorID), .text("import"), .text(nil), .text(state), .text("bulk import")
            )
        }
        try await BatchInsert.run(
            sql, into: "assessment_events",
            columns: ["assessment_id", "occurred_at", "actor_id", "action", "from_state", "to_state", "comment"],
            rows: events)
    }

    /// Refuses new groups the evaluator may not approve whatever their ratings (their own, or of someone they do
    /// not evaluate) before they are written: the database would refuse an assessment approved by its own person
    /// with a less helpful message. The same rules word the error as once the file is read.
    private mutating func refuseUnapprovable(groups new: Range<Int>) {
        guard let scope else { return }
        for at in new where groups[at].key.personID == scope.evaluatorID || !directory.evaluates(scope, groups[at].key.personID) {
            groups[at].refused = true
            refuse(groups[at], scope)
        }
    }

    /// Checks, once every row is read, that each assessment may be approved by the evaluator (the workflow rules:
    /// an evaluator of the person, every item rated, a reason where the ratings differ).
    mutating func checkApproval() {
        guard let scope else { return }
        for group in groups where !group.refused && !certainlyApprovable(group, scope) { refuse(group, scope) }
    }

    /// Reports a group with the error the workflow rules give for approving it.
    private mutating func refuse(_ group: Group, _ scope: BulkDirectory.EvaluatorScope) {
        let actor = AssessmentActor(personID: scope.evaluatorID, isEvaluator: directory.evaluates(scope, group.key.personID))
        let field = fields[group.field]
        do {
            _ = try AssessmentRules.approve(
                state: .submitted, personID: group.key.personID, actor: actor, ratings: ratings(of: group),
                items: field.effective.items)
        } catch {
            errors.append(
                RowError(
                    line: group.firstLine,
                    message:
                        "\(group.employeeNumber) in \(field.reference.field) \(group.key.cycle): \(error.localizedDescription)"
                ))
        }
    }

    /// Whether `AssessmentRules.approve` accepts a group, decided on item ids without building its ratings: the
    /// evaluator is not the person and evaluates them, every rating is of an item of the field (each once: the
    /// rows were checked for that, and their levels against their items), every item has an evaluator rating,
    /// and every evaluator rating that differs from the self rating has a reason. When this says no, the rules
    /// themselves decide and word the error.
    private func certainlyApprovable(_ group: Group, _ scope: BulkDirectory.EvaluatorScope) -> Bool {
        guard scope.evaluatorID != group.key.personID, directory.evaluates(scope, group.key.personID),
            let required = fieldItems[group.field].required
        else { return false }
        var rated = 0
        for rating in group.ratings {
            guard required.contains(rating.itemID) else { return false }
            if rating.evaluatorLevel >= 0 { rated += 1 }
            if rating.evaluatorLevel != rating.selfLevel, !rating.reasonGiven { return false }
        }
        return rated == required.count
    }

    /// A group's ratings as the workflow rules take them, under the items' catalog names. Notes and evidence are
    /// not kept (no rule reads them); a given reason stands for itself.
    func ratings(of group: Group) -> [SkillRating] {
        let names = fields[group.field].itemNames
        return group.ratings.map { rating in
            SkillRating(
                item: names[rating.itemID] ?? "", selfLevel: rating.selfLevel < 0 ? nil : Int(rating.selfLevel),
                evaluatorLevel: rating.evaluatorLevel < 0 ? nil : Int(rating.evaluatorLevel),
                evaluatorReason: rating.reasonGiven ? "given" : nil)
        }
    }

    /// A group's ratings as the level rule takes them: vectors in the compiled field's item order, evaluator
    /// ratings for the official level and self ratings for the provisional one; items without a rating count 0.
    func ratingVectors(of group: Group) -> BulkLevelInputs.Ratings {
        let items = fieldItems[group.field]
        var vectors = BulkLevelInputs.Ratings(
            approved: [Int](repeating: 0, count: items.vectorLength), provisional: [Int](repeating: 0, count: items.vectorLength))
        for rating in group.ratings {
            guard let position = items.vectorPositions[rating.itemID] else { continue }
            if rating.evaluatorLevel >= 0 { vectors.approved[position] = Int(rating.evaluatorLevel) }
            if rating.selfLevel >= 0 { vectors.provisional[position] = Int(rating.selfLevel) }
        }
        return vectors
    }
}
