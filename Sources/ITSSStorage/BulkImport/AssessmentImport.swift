import ITSSDomain
import ITSSImport
import SQLKit

extension AppDatabase {
    /// Imports assessments (one row per rating), all or nothing. With `approvedBy`, every assessment is approved
    /// by that evaluator — who must be assigned to each person and may not be the person — and the levels are
    /// stored in the same transaction; otherwise they are drafts.
    /// - Throws: `BulkImportError` listing every bad row with its line.
    @discardableResult
    public func importAssessments(_ rows: [SpreadsheetRows.RatingRow], approvedBy: String?, actor: String) async throws -> BulkImportSummary {
        let index = try await catalogIndex()
        let stamp = timestamp()
        return try await transaction { sql in
            let directory = try await BulkDirectory.read(sql)
            var errors: [RowError] = []
            var evaluatorID: Int64?
            var evaluees = Set<Int64>()
            if let approvedBy {
                switch directory.person(approvedBy, line: 0, column: "--approved-by") {
                case let .success(id):
                    evaluatorID = id
                    evaluees = try await directory.evaluees(of: id, sql)
                case let .failure(error):
                    throw BulkImportError(rows: [error])
                }
            }
            let groups = try await AssessmentImportGroups.build(rows, directory: directory, index: index, sql: sql, errors: &errors)
            if let evaluatorID {
                for group in groups {
                    let actor = AssessmentActor(personID: evaluatorID, isEvaluator: evaluees.contains(group.personID))
                    do {
                        _ = try AssessmentRules.approve(
                            state: .submitted, personID: group.personID, actor: actor, ratings: group.ratings, items: group.field.effective.items)
                    } catch {
                        errors.append(RowError(line: group.firstLine, message: "\(group.employeeNumber) in \(group.field.reference.field) \(group.cycle): \(error.localizedDescription)"))
                    }
                }
            }
            guard errors.isEmpty else { throw BulkImportError(rows: errors) }
            let state = evaluatorID == nil ? "draft" : "approved"
            try await BatchInsert.run(
                sql, into: "assessments",
                columns: ["person_id", "field_id", "cycle", "state", "version", "created_at", "submitted_at", "decided_at", "decided_by"],
                rows: groups.map { group in
                    [group.personID, group.field.id, group.cycle.value, state, 1, stamp, evaluatorID == nil ? nil : stamp,
                        evaluatorID == nil ? nil : stamp, evaluatorID] as [any Encodable & Sendable]
                })
            var assessmentIDs: [String: Int64] = [:]
            for row in try await sql.raw("SELECT id, person_id, field_id, cycle FROM assessments WHERE created_at = \(bind: stamp)").all() {
                let key = "\(try row.decode(column: "person_id", as: Int64.self)):\(try row.decode(column: "field_id", as: Int64.self)):\(try row.decode(column: "cycle", as: String.self))"
                assessmentIDs[key] = try row.decode(column: "id", as: Int64.self)
            }
            var ratingRows: [[any Encodable & Sendable]] = []
            ratingRows.reserveCapacity(rows.count)
            var eventRows: [[any Encodable & Sendable]] = []
            for group in groups {
                guard let id = assessmentIDs[group.key] else { throw StorageError.corrupt(detail: "an imported assessment was not found again") }
                for (rating, itemID) in zip(group.ratings, group.itemIDs) {
                    ratingRows.append([id, itemID, rating.selfLevel, rating.evaluatorLevel, rating.note, rating.evidence, rating.evaluatorReason])
                }
                eventRows.append([id, stamp, evaluatorID, "import", nil as String?, state, "bulk import"])
            }
            try await BatchInsert.run(
                sql, into: "assessment_ratings",
                columns: ["assessment_id", "item_id", "self_level", "evaluator_level", "note", "evidence", "evaluator_reason"], rows: ratingRows)
            try await BatchInsert.run(
                sql, into: "assessment_events",
                columns: ["assessment_id", "occurred_at", "actor_id", "action", "from_state", "to_state", "comment"], rows: eventRows)
            var levels = 0
            if evaluatorID != nil {
                levels = try await BulkLevels.store(sql, groups: groups, at: stamp, cause: "assessment import")
            }
            try await self.audit(sql, actor: actor, action: "import.assessments", subject: "\(groups.count) assessments",
                detail: "\(rows.count) ratings; " + (approvedBy.map { "approved by \($0)" } ?? "drafts"))
            return BulkImportSummary(rows: rows.count, created: groups.count, levelsComputed: levels)
        }
    }
}

/// Rows of one person, field and cycle: one assessment.
struct AssessmentImportGroup {
    var key: String
    var employeeNumber: String
    var personID: Int64
    var field: CatalogIndex.FieldEntry
    var cycle: Cycle
    var firstLine: Int
    var ratings: [SkillRating] = []
    var itemIDs: [Int64] = []
}

enum AssessmentImportGroups {
    static func build(
        _ rows: [SpreadsheetRows.RatingRow], directory: BulkDirectory, index: CatalogIndex, sql: any SQLDatabase, errors: inout [RowError]
    ) async throws -> [AssessmentImportGroup] {
        var fieldCache = BulkFieldCache(index: index)
        var groups: [AssessmentImportGroup] = []
        var position: [String: Int] = [:]
        var itemCache: [String: Result<(SkillItem, Int64), RowError>] = [:]
        var seenItems: [String: Int] = [:]
        for row in rows {
            let person = directory.person(row.employeeNumber, line: row.line)
            let field = fieldCache.resolve(row.field, line: row.line, column: "field")
            guard case let .success(personID) = person, case let .success(entry) = field else {
                if case let .failure(error) = person { errors.append(error) }
                if case let .failure(error) = field { errors.append(error) }
                continue
            }
            let itemKey = "\(entry.id)|\(row.item)"
            let resolved: Result<(SkillItem, Int64), RowError>
            if let cached = itemCache[itemKey] {
                resolved = cached
            } else {
                do {
                    let found = try entry.resolveItem(row.item)
                    resolved = .success((found.item, found.id))
                } catch {
                    resolved = .failure(RowError(line: row.line, column: "item", message: (error as? StorageError)?.errorDescription ?? "\(error)"))
                }
                itemCache[itemKey] = resolved
            }
            guard case let .success((item, itemID)) = resolved else {
                if case let .failure(error) = resolved { errors.append(RowError(line: row.line, column: "item", message: error.message)) }
                continue
            }
            for (column, level) in [("self_level", row.selfLevel), ("evaluator_level", row.evaluatorLevel)] {
                guard let level else { continue }
                do {
                    try AssessmentRules.validateRating(level, for: item)
                } catch {
                    errors.append(RowError(line: row.line, column: column, message: error.localizedDescription))
                }
            }
            let key = "\(personID):\(entry.id):\(row.cycle.value)"
            let duplicateKey = key + "|" + item.name
            if let first = seenItems[duplicateKey] {
                errors.append(RowError(line: row.line, column: "item", message: "\"\(item.name)\" is rated again for this assessment (first at line \(first))"))
                continue
            }
            seenItems[duplicateKey] = row.line
            if position[key] == nil {
                position[key] = groups.count
                groups.append(AssessmentImportGroup(
                    key: key, employeeNumber: row.employeeNumber, personID: personID, field: entry, cycle: row.cycle, firstLine: row.line))
            }
            guard let at = position[key] else { continue }
            groups[at].ratings.append(SkillRating(
                item: item.name, selfLevel: row.selfLevel, evaluatorLevel: row.evaluatorLevel, note: row.note, evidence: row.evidence,
                evaluatorReason: row.evaluatorReason))
            groups[at].itemIDs.append(itemID)
        }
        // An assessment of the same person, field and cycle may exist already.
        let cycles = Set(groups.map(\.cycle.value))
        for cycle in cycles {
            for row in try await sql.raw("SELECT person_id, field_id FROM assessments WHERE cycle = \(bind: cycle)").all() {
                let key = "\(try row.decode(column: "person_id", as: Int64.self)):\(try row.decode(column: "field_id", as: Int64.self)):\(cycle)"
                if let at = position[key] {
                    let group = groups[at]
                    errors.append(RowError(line: group.firstLine, message: "\(group.employeeNumber) already has an assessment in \(group.field.reference.field) for \(cycle)"))
                }
            }
        }
        return groups
    }
}

/// Computes and stores the levels of freshly approved imported assessments in batches.
enum BulkLevels {
    static func store(_ sql: any SQLDatabase, groups: [AssessmentImportGroup], at stamp: String, cause: String) async throws -> Int {
        let personIDs = Set(groups.map(\.personID))
        let fieldIDs = Set(groups.map(\.field.id))
        var verified: [String: [ExperienceEvidence]] = [:]
        var all: [String: [ExperienceEvidence]] = [:]
        for fieldID in fieldIDs {
            for row in try await sql.raw(
                """
                SELECT record_id, version, person_id, role, peak_staff, annual_contract_yen, verified_at FROM experience_records
                WHERE field_id = \(bind: fieldID) ORDER BY record_id, version
                """
            ).all() {
                let personID = try row.decode(column: "person_id", as: Int64.self)
                guard personIDs.contains(personID) else { continue }
                let evidence = ExperienceEvidence(
                    recordID: try row.decode(column: "record_id", as: Int64.self), role: ExperienceRows.role(try row.decode(column: "role", as: String.self)),
                    peakStaff: try row.decode(column: "peak_staff", as: Int?.self),
                    annualContractYen: try row.decode(column: "annual_contract_yen", as: Int64?.self), label: "record")
                let key = "\(personID):\(fieldID)"
                // Later versions replace earlier ones of the same record.
                all[key, default: []].removeAll { $0.recordID == evidence.recordID }
                all[key, default: []].append(evidence)
                if try row.decode(column: "verified_at", as: String?.self) != nil {
                    verified[key, default: []].removeAll { $0.recordID == evidence.recordID }
                    verified[key, default: []].append(evidence)
                }
            }
        }
        var levelRows: [[any Encodable & Sendable]] = []
        var historyRows: [[any Encodable & Sendable]] = []
        for group in groups {
            let key = "\(group.personID):\(group.field.id)"
            var official: [String: Int] = [:]
            var own: [String: Int] = [:]
            for rating in group.ratings {
                official[rating.item] = rating.evaluatorLevel
                own[rating.item] = rating.selfLevel
            }
            let approved = LevelRule.evaluate(group.field.compiled, ratings: official, records: verified[key] ?? [], basis: .approved)
            let provisional = LevelRule.evaluate(group.field.compiled, ratings: own, records: all[key] ?? [], basis: .provisional)
            levelRows.append([group.personID, group.field.id, "approved", approved.attainedLevel, stamp])
            levelRows.append([group.personID, group.field.id, "provisional", provisional.attainedLevel, stamp])
            if let level = approved.attainedLevel {
                historyRows.append([group.personID, group.field.id, level, nil as Int?, stamp, cause])
            }
        }
        // Imported people may have had levels in the field already: replace them.
        for group in groups {
            try await sql.raw("DELETE FROM person_levels WHERE person_id = \(bind: group.personID) AND field_id = \(bind: group.field.id)").run()
        }
        try await BatchInsert.run(sql, into: "person_levels", columns: ["person_id", "field_id", "basis", "level", "computed_at"], rows: levelRows)
        try await BatchInsert.run(
            sql, into: "level_history", columns: ["person_id", "field_id", "level", "previous_level", "effective_at", "cause"], rows: historyRows)
        return groups.count
    }
}
