import ITSSDomain
import SQLKit

/// Rows of `assessments`, `assessment_ratings` and `assessment_events`.
enum AssessmentRows {
    struct Header: Sendable {
        var personID: Int64
        var fieldID: Int64
        var state: AssessmentState
        var version: Int
    }

    /// - Parameter lock: Lock the row until the transaction ends (PostgreSQL; SQLite's write transactions hold the
    ///   database lock already), so that writes which did not ask for a version check queue instead of conflicting.
    static func header(_ sql: any SQLDatabase, id: Int64, lock: Bool = false) async throws -> Header {
        guard
            let row = try await sql.raw(
                "SELECT person_id, field_id, state, version FROM assessments WHERE id = \(bind: id)\(SQLLocking.forUpdate(sql, lock))"
            ).first()
        else {
            throw StorageError.notFound(what: "assessment \(id)")
        }
        guard let state = AssessmentState(rawValue: try row.decode(column: "state", as: String.self)) else {
            throw StorageError.corrupt(detail: "assessment \(id) has an unknown state")
        }
        return Header(
            personID: try row.decode(column: "person_id", as: Int64.self),
            fieldID: try row.decode(column: "field_id", as: Int64.self),
            state: state, version: try row.decode(column: "version", as: Int.self))
    }

    /// The person the principal is (or acts for) and whether they are an evaluator of the assessed person.
    /// - Throws: `StorageError.refused` when the principal acts for no person: assessments are rated, submitted and
    ///   decided by people.
    static func actor(_ sql: any SQLDatabase, _ principal: Principal, personID: Int64) async throws -> AssessmentActor {
        guard let actorID = principal.personID else {
            throw StorageError.refused(reason: "assessments are rated and decided by people: act as one (--as EMPLOYEE_NUMBER)")
        }
        return AssessmentActor(
            personID: actorID, isEvaluator: try await PeopleQueries.isEvaluator(sql, evaluatorID: actorID, of: personID))
    }

    /// Moves the version on by one if it still is `expected`; otherwise nothing is written.
    /// - Throws: `StorageError.conflict` when someone else changed the assessment first.
    static func bumpVersion(_ sql: any SQLDatabase, id: Int64, from expected: Int, actual: Int) async throws -> Int {
        guard expected == actual else {
            throw StorageError.conflict(what: "assessment \(id)", expectedVersion: expected, actualVersion: actual)
        }
        guard
            let row = try await sql.raw(
                "UPDATE assessments SET version = version + 1 WHERE id = \(bind: id) AND version = \(bind: expected) RETURNING version"
            ).first()
        else {
            let now = try await header(sql, id: id).version
            throw StorageError.conflict(what: "assessment \(id)", expectedVersion: expected, actualVersion: now)
        }
        return try row.decode(column: "version", as: Int.self)
    }

    /// A stored rating row, keyed by item id.
    struct RatingRow: Sendable {
        var itemID: Int64
        var rating: SkillRating
    }

    /// The ratings of every item the assessment rates, in order (the company's own items too, under a profile).
    static func ratings(_ sql: any SQLDatabase, id: Int64, scope: AssessmentScope) async throws -> [SkillRating] {
        let company = scope.companyItems.isEmpty ? [] : try await companyRatings(sql, ids: [id])[id] ?? []
        return ratings(try await ratingRows(sql, ids: [id])[id] ?? [], company: company, scope: scope)
    }

    /// The profile an assessment row (with `profile_id`, `profile_version` and `profile_name`) was made under.
    static func profile(from row: any SQLRow) throws -> AssessmentProfile? {
        guard let id = try row.decode(column: "profile_id", as: Int64?.self),
            let version = try row.decode(column: "profile_version", as: Int?.self)
        else { return nil }
        return AssessmentProfile(
            id: id, name: try row.decode(column: "profile_name", as: String?.self) ?? "profile \(id)", version: version)
    }

    /// The ratings of the company's own items of several assessments, by assessment id, in one query.
    static func companyRatings(_ sql: any SQLDatabase, ids: [Int64]) async throws -> [Int64: [SkillRating]] {
        var result: [Int64: [SkillRating]] = [:]
        for row in try await sql.raw(
            """
            SELECT assessment_id, item_name, self_level, evaluator_level, note, evidence, evaluator_reason
            FROM company_item_ratings WHERE assessment_id IN (\(SQLList(ids.map { SQLBind($0) })))
            """
        ).all() {
            result[try row.decode(column: "assessment_id", as: Int64.self), default: []].append(
                SkillRating(
                    item: try row.decode(column: "item_name", as: String.self),
                    selfLevel: try row.decode(column: "self_level", as: Int?.self),
                    evaluatorLevel: try row.decode(column: "evaluator_level", as: Int?.self),
                    note: try row.decode(column: "note", as: String?.self),
                    evidence: try row.decode(column: "evidence", as: String?.self),
                    evaluatorReason: try row.decode(column: "evaluator_reason", as: String?.self)))
        }
        return result
    }

    /// The stored rating rows of several assessments, by assessment id, in one query.
    static func ratingRows(_ sql: any SQLDatabase, ids: [Int64]) async throws -> [Int64: [RatingRow]] {
        var result: [Int64: [RatingRow]] = [:]
        for row in try await sql.raw(
            """
            SELECT assessment_id, item_id, self_level, evaluator_level, note, evidence, evaluator_reason, carried_from
            FROM assessment_ratings WHERE assessment_id IN (\(SQLList(ids.map { SQLBind($0) })))
            """
        ).all() {
            result[try row.decode(column: "assessment_id", as: Int64.self), default: []].append(
                RatingRow(
                    itemID: try row.decode(column: "item_id", as: Int64.self),
                    rating: SkillRating(
                        item: "", selfLevel: try row.decode(column: "self_level", as: Int?.self),
                        evaluatorLevel: try row.decode(column: "evaluator_level", as: Int?.self),
                        note: try row.decode(column: "note", as: String?.self),
                        evidence: try row.decode(column: "evidence", as: String?.self),
                        evaluatorReason: try row.decode(column: "evaluator_reason", as: String?.self),
                        carriedFrom: try row.decode(column: "carried_from", as: String?.self))))
        }
        return result
    }

    /// Stored rows as the ratings of every item the assessment rates, in order (unrated items empty).
    static func ratings(_ rows: [RatingRow], company: [SkillRating], scope: AssessmentScope) -> [SkillRating] {
        var byName: [String: SkillRating] = [:]
        for row in rows {
            guard let name = scope.entry.itemNames[row.itemID] else { continue }
            var rating = row.rating
            rating.item = name
            byName[name] = rating
        }
        for rating in company where scope.companyItems.contains(rating.item) { byName[rating.item] = rating }
        return scope.items.map { byName[$0.name] ?? SkillRating(item: $0.name) }
    }

    /// Writes one side of an item's rating (the self side with its note and evidence, or the evaluator side with
    /// its reason), creating the rating row on first use.
    static func storeRating(
        _ sql: any SQLDatabase, assessment id: Int64, item: AssessmentItemID, level: Int, asEvaluator: Bool,
        note: String?, evidence: String?, reason: String?
    ) async throws {
        let table: String
        let key: String
        let keyValue: any Encodable & Sendable
        switch item {
        case let .standard(itemID): (table, key, keyValue) = ("assessment_ratings", "item_id", itemID)
        case let .company(name): (table, key, keyValue) = ("company_item_ratings", "item_name", name)
        }
        if try await sql.raw("SELECT id FROM \(ident: table) WHERE assessment_id = \(bind: id) AND \(ident: key) = \(bind: keyValue)")
            .first() == nil
        {
            try await sql.raw("INSERT INTO \(ident: table) (assessment_id, \(ident: key)) VALUES (\(bind: id), \(bind: keyValue))").run()
        }
        let column: SQLQueryString = asEvaluator ? "evaluator_level" : "self_level"
        try await sql.raw(
            """
            UPDATE \(ident: table) SET \(column) = \(bind: level),
                note = COALESCE(\(bind: asEvaluator ? nil : note), note),
                evidence = COALESCE(\(bind: asEvaluator ? nil : evidence), evidence),
                evaluator_reason = COALESCE(\(bind: asEvaluator ? reason : nil), evaluator_reason)
            WHERE assessment_id = \(bind: id) AND \(ident: key) = \(bind: keyValue)
            """
        ).run()
    }

    static func event(
        _ sql: any SQLDatabase, _ id: Int64, at: String, actorID: Int64?, action: String, from: AssessmentState?,
        to: AssessmentState?,
        comment: String?
    ) async throws {
        try await sql.raw(
            """
            INSERT INTO assessment_events (assessment_id, occurred_at, actor_id, action, from_state, to_state, comment)
            VALUES (\(bind: id), \(bind: at), \(bind: actorID), \(bind: action), \(bind: from?.rawValue), \(bind: to?.rawValue), \(bind: comment))
            """
        ).run()
    }

    static func ensurePersonField(_ sql: any SQLDatabase, personID: Int64, fieldID: Int64, at: String) async throws {
        if try await sql.raw("SELECT id FROM person_fields WHERE person_id = \(bind: personID) AND field_id = \(bind: fieldID)")
            .first() == nil
        {
            try await sql.raw(
                "INSERT INTO person_fields (person_id, field_id, added_at) VALUES (\(bind: personID), \(bind: fieldID), \(bind: at))"
            ).run()
        }
    }
}
