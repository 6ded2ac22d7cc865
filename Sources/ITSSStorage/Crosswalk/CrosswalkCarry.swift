import ITSSDomain
import ITSSImport
import SQLKit

/// What carrying a person across editions did.
public struct CarrySummary: Sendable, Hashable, Codable {
    /// The new draft in the newer edition's field, with the prefilled self ratings.
    public var assessment: AssessmentView
    /// The approved assessment of the older edition the ratings came from.
    public var sourceAssessmentID: Int64
    /// How many items were prefilled.
    public var carried: Int
}

extension AppDatabase {
    /// The crosswalk's pairs against the stored catalog.
    /// - Throws: `CrosswalkError` when the shipped crosswalk names something the catalog lacks, or the
    ///   database error.
    public func crosswalkPairs() async throws -> [Crosswalk.Pair] {
        try Crosswalk.builtIn().pairs(in: try await catalogIndex().catalog)
    }

    /// Carries a person across editions: starts a draft assessment in `toFieldID` for `cycle`, prefilled from
    /// the evaluator ratings of the person's latest approved assessment in `fromFieldID`, through the crosswalk's
    /// item pairs of kind same, narrower or broader (merely related pairs are not carried). Each prefilled self
    /// rating records where it came from (`SkillRating.carriedFrom`, and the source assessment's id). A rating
    /// becomes the highest level the newer item defines up to the older rating (0 if none); when several older
    /// items pair with one newer item, the lowest counts. The draft is an ordinary one: nothing is official until
    /// the person submits it and an evaluator approves it. One transaction; audited (`crosswalk.carry`); the
    /// provisional level is recomputed, the official one does not change.
    /// - Throws: `StorageError.refused` when the person has no approved assessment in the older field or the
    ///   crosswalk pairs no item of the two fields; `.alreadyExists` for an assessment of that field and cycle;
    ///   `.notFound`; `.forbidden` unless the principal is the person, their evaluator, HR or an administrator.
    @discardableResult
    public func carryAcrossEditions(
        personID: Int64, fromFieldID: Int64, toFieldID: Int64, cycle: Cycle, by principal: Principal
    ) async throws -> CarrySummary {
        let index = try await catalogIndex()
        let source = try index.assessableField(id: fromFieldID)
        let target = try index.assessableField(id: toFieldID)
        let pairs = try Crosswalk.builtIn().pairs(in: index.catalog).filter { pair in
            pair.fromField == source.reference && pair.toField == target.reference && pair.fromItem != nil
                && pair.toItem != nil && pair.kind.carriesRatings
        }
        guard !pairs.isEmpty else {
            throw StorageError.refused(
                reason: "the crosswalk pairs no item of \(source.reference) with \(target.reference); "
                    + "carry from a field to its counterpart (`itss crosswalk export`)")
        }
        let createdAt = timestamp()
        let (id, sourceID, carried) = try await transaction { sql in
            try await self.authorize(sql, principal, .crosswalkCarry, person: personID)
            guard
                let approved = try await sql.raw(
                    """
                    SELECT id, cycle FROM assessments
                    WHERE person_id = \(bind: personID) AND field_id = \(bind: source.id) AND state = 'approved'
                    ORDER BY decided_at DESC, cycle DESC, id DESC LIMIT 1
                    """
                ).first()
            else {
                let number = try await PeopleQueries.employeeNumber(sql, personID: personID)
                throw StorageError.refused(
                    reason: "\(number) has no approved assessment in \(source.reference) to carry")
            }
            let sourceID = try approved.decode(column: "id", as: Int64.self)
            let sourceCycle = try approved.decode(column: "cycle", as: String.self)
            var older: [String: Int] = [:]
            for row in try await AssessmentRows.ratingRows(sql, ids: [sourceID])[sourceID] ?? [] {
                if let name = source.itemNames[row.itemID], let level = row.rating.evaluatorLevel { older[name] = level }
            }
            let (id, number) = try await self.insertDraft(
                sql, personID: personID, field: target, cycle: cycle, principal: principal, at: createdAt)
            var carried = 0
            for item in target.effective.items {
                let sources = pairs.filter { $0.toItem == item.name }.compactMap { pair -> (Crosswalk.Pair, Int)? in
                    guard let fromItem = pair.fromItem, let level = older[fromItem] else { return nil }
                    return (pair, level)
                }
                guard let lowest = sources.min(by: { $0.1 < $1.1 }), let itemID = target.itemIDs[item.name] else {
                    continue
                }
                let level = item.definedLevels.last { $0 <= lowest.1 } ?? 0
                let provenance =
                    "\(source.reference.standard.version) \(source.reference.field) / \(lowest.0.fromItem ?? ""): "
                    + "approved \(lowest.1) in assessment \(sourceID) (\(sourceCycle)); crosswalk \(lowest.0.kind.rawValue)"
                    + (level == lowest.1 ? "" : "; highest level of this item up to \(lowest.1) is \(level)")
                try await sql.raw(
                    """
                    INSERT INTO assessment_ratings (assessment_id, item_id, self_level, carried_from, carried_from_assessment_id)
                    VALUES (\(bind: id), \(bind: itemID), \(bind: level), \(bind: provenance), \(bind: sourceID))
                    """
                ).run()
                carried += 1
            }
            try await AssessmentRows.event(
                sql, id, at: createdAt, actorID: principal.personID, action: "carry", from: .draft, to: .draft,
                comment: "\(carried) rating(s) from assessment \(sourceID) (\(source.reference))")
            try await self.audit(
                sql, principal, .crosswalkCarry, subject: "assessment \(id)",
                detail: "\(number): \(source.reference) assessment \(sourceID) → \(target.reference) for \(cycle), "
                    + "\(carried) rating(s) prefilled")
            try await self.recomputeLevels(
                sql, personID: personID, field: target, cause: "assessment \(id) carried from assessment \(sourceID)")
            return (id, sourceID, carried)
        }
        return CarrySummary(assessment: try await assessment(id), sourceAssessmentID: sourceID, carried: carried)
    }

    /// Links an experience record to the crosswalk counterpart of its field: a copy of its latest version (role,
    /// period, figures, customer, description) in `toFieldID`, unverified, recording the record it was linked
    /// from. The original stays as it is; the copy counts once an evaluator verifies it. One transaction; audited
    /// (`experience.link`).
    /// - Throws: `StorageError.refused` when the crosswalk does not pair the two fields, `.alreadyExists` when the
    ///   record is already linked to that field, `.notFound`, `.forbidden`.
    @discardableResult
    public func linkExperience(recordID: Int64, toFieldID: Int64, by principal: Principal) async throws -> ExperienceRecord {
        let index = try await catalogIndex()
        let target = try index.assessableField(id: toFieldID)
        let pairs = try Crosswalk.builtIn().pairs(in: index.catalog)
        let createdAt = timestamp()
        let today = try today()
        return try await transaction { sql in
            guard
                let latest = try await sql.raw(
                    """
                    SELECT id, field_id, person_id FROM experience_records WHERE record_id = \(bind: recordID)
                    ORDER BY version DESC LIMIT 1
                    """
                ).first()
            else { throw StorageError.notFound(what: "experience record \(recordID)") }
            let personID = try latest.decode(column: "person_id", as: Int64.self)
            try await self.authorize(sql, principal, .experienceLink, person: personID)
            guard let source = index.field(id: try latest.decode(column: "field_id", as: Int64.self)) else {
                throw StorageError.corrupt(detail: "experience record \(recordID) refers to a retired field")
            }
            guard
                pairs.contains(where: { pair in
                    pair.fromItem == nil
                        && ((pair.fromField == source.reference && pair.toField == target.reference)
                            || (pair.toField == source.reference && pair.fromField == target.reference))
                })
            else {
                throw StorageError.refused(
                    reason: "the crosswalk does not pair \(source.reference) with \(target.reference)")
            }
            if try await sql.raw(
                """
                SELECT id FROM experience_records
                WHERE linked_from_record_id = \(bind: recordID) AND field_id = \(bind: target.id) LIMIT 1
                """
            ).first() != nil {
                throw StorageError.alreadyExists(what: "a link of experience record \(recordID) to \(target.reference.field)")
            }
            let original = try await ExperienceRows.record(
                sql, id: try latest.decode(column: "id", as: Int64.self), field: source.reference)
            let copy = NewExperience(
                personID: personID, fieldID: target.id, role: original.role, from: original.from, to: original.to,
                measures: original.measures, customer: original.customer, description: original.description)
            try copy.validate(today: today)
            let id = try await ExperienceRows.insert(
                sql, copy, recordID: nil, version: 1, createdAt: createdAt, actor: principal.auditName)
            try await sql.raw(
                "UPDATE experience_records SET linked_from_record_id = \(bind: recordID) WHERE id = \(bind: id)"
            ).run()
            try await AssessmentRows.ensurePersonField(sql, personID: personID, fieldID: target.id, at: createdAt)
            let number = try await PeopleQueries.employeeNumber(sql, personID: personID)
            try await self.audit(
                sql, principal, .experienceLink, subject: "experience \(id)",
                detail: "\(number): linked from experience \(recordID) (\(source.reference)) to \(target.reference)")
            try await self.recomputeLevels(
                sql, personID: personID, field: target, cause: "experience \(id) linked from experience \(recordID)")
            return try await ExperienceRows.record(sql, id: id, field: target.reference)
        }
    }
}
