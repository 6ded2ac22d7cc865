import ITSSDomain
import SQLKit

extension AppDatabase {
    /// Starts a person's assessment in a field for a cycle, as a draft. Adds the field to the person's fields
    /// if missing. One transaction; audited.
    /// - Parameter profileID: A tailoring profile to assess under (its current version): the person rates the
    ///   tailored field — items the profile leaves out are not asked for, the company's own items are. The official
    ///   level stays the standard's, from the ITSS items rated; the level under the profile weighs every item.
    /// - Throws: `StorageError.alreadyExists` when the person has an assessment of that field and cycle;
    ///   `.notFound` for an unknown person, field or profile; `.refused` for an archived profile or one that does not
    ///   include the field; `.forbidden` unless the principal is the person, their evaluator, HR or an administrator.
    @discardableResult
    public func startAssessment(
        personID: Int64, fieldID: Int64, cycle: Cycle, profileID: Int64? = nil, by principal: Principal
    ) async throws -> AssessmentView {
        let field = try await catalogIndex().assessableField(id: fieldID)
        let profile = try await profileID.asyncMap { try await self.assessableProfile($0) }
        let scope = try await assessmentScope(field, profile: profile)
        let createdAt = timestamp()
        let id = try await transaction { sql in
            try await self.authorize(sql, principal, .assessmentStart, person: personID)
            let (id, number) = try await self.insertDraft(
                sql, personID: personID, field: field, cycle: cycle, principal: principal, at: createdAt,
                profile: scope.profile)
            try await self.audit(
                sql, principal, .assessmentStart, subject: "assessment \(id)",
                detail: "\(number) in \(field.reference) for \(cycle)"
                    + (profile.map { " under profile \"\($0.name)\" version \($0.version)" } ?? ""))
            // The pair is now assessed on the provisional basis (`person_levels.assessed_at`, M020).
            try await self.recomputeLevels(sql, personID: personID, field: field, cause: "assessment \(id) start")
            return id
        }
        return try await assessment(id)
    }

    /// The current version of a profile people can be assessed under.
    /// - Throws: `StorageError.notFound` for an unknown profile, `.refused` for an archived one.
    private func assessableProfile(_ id: Int64) async throws -> AssessmentProfile {
        let summary = try await profile(id: id)
        guard !summary.isArchived else {
            throw StorageError.refused(reason: "profile \"\(summary.name)\" is archived: assess under a profile in use")
        }
        return AssessmentProfile(id: summary.id, name: summary.name, version: summary.version)
    }

    /// Inserts a draft assessment (and its start event) inside the caller's transaction, after the caller's
    /// permission check; adds the field to the person's fields if missing.
    /// - Returns: The new assessment's id and the person's employee number.
    /// - Throws: `StorageError.alreadyExists` when the person has an assessment of that field and cycle.
    func insertDraft(
        _ sql: any SQLDatabase, personID: Int64, field: CatalogIndex.FieldEntry, cycle: Cycle, principal: Principal,
        at createdAt: String, profile: AssessmentProfile? = nil
    ) async throws -> (id: Int64, employeeNumber: String) {
        let number = try await PeopleQueries.employeeNumber(sql, personID: personID)
        if try await sql.raw(
            "SELECT id FROM assessments WHERE person_id = \(bind: personID) AND field_id = \(bind: field.id) AND cycle = \(bind: cycle.value)"
        ).first() != nil {
            throw StorageError.alreadyExists(what: "an assessment of \(number) in \(field.reference.field) for \(cycle)")
        }
        try await AssessmentRows.ensurePersonField(sql, personID: personID, fieldID: field.id, at: createdAt)
        guard
            let row = try await sql.raw(
                """
                INSERT INTO assessments (person_id, field_id, cycle, state, version, created_at, profile_id, profile_version)
                VALUES (\(bind: personID), \(bind: field.id), \(bind: cycle.value), 'draft', 1, \(bind: createdAt),
                    \(bind: profile?.id), \(bind: profile?.version)) RETURNING id
                """
            ).first()
        else { throw StorageError.corrupt(detail: "INSERT … RETURNING gave no row") }
        let id = try row.decode(column: "id", as: Int64.self)
        try await AssessmentRows.event(
            sql, id, at: createdAt, actorID: principal.personID, action: "start", from: nil, to: .draft, comment: nil)
        return (id, number)
    }

    /// Sets a self rating (by the person) or an evaluator rating (by an evaluator of the person) of one ITSS item.
    /// - Throws: see `rate(assessment:item:level:asEvaluator:by:note:evidence:reason:expectedVersion:)`.
    @discardableResult
    public func rate(
        assessment id: Int64, item itemID: Int64, level: Int, asEvaluator: Bool, by principal: Principal,
        note: String? = nil, evidence: String? = nil, reason: String? = nil, expectedVersion: Int? = nil
    ) async throws -> AssessmentView {
        try await rate(
            assessment: id, item: .standard(itemID), level: level, asEvaluator: asEvaluator, by: principal, note: note,
            evidence: evidence, reason: reason, expectedVersion: expectedVersion)
    }

    /// Sets a self rating (by the person) or an evaluator rating (by an evaluator of the person) of one item.
    ///
    /// - Parameters:
    ///   - item: The item as resolved by `assessmentItem(_:inAssessment:)` or `AssessedField.itemID(named:)`: an
    ///     ITSS item of the assessment's effective field, or a company item of the profile it was made under.
    ///   - asEvaluator: Which side of the rating to set; the principal's person must be the assessed person for
    ///     the self side and an evaluator (not the person) for the evaluator side.
    ///   - expectedVersion: The version the caller saw; when another change came first, nothing is written.
    ///     `nil` means no check: the write waits for concurrent writes of the assessment and applies after them.
    /// - Throws: `AssessmentRuleError` for workflow violations and undefined levels (the message names the
    ///   item's levels), `StorageError.conflict` for a stale version, `.notFound` (also for an item the assessment
    ///   does not rate, such as one its profile leaves out), `.forbidden`, `InputError` for a note, evidence or
    ///   reason longer than `InputBounds.freeTextLength`.
    @discardableResult
    public func rate(
        assessment id: Int64, item itemID: AssessmentItemID, level: Int, asEvaluator: Bool, by principal: Principal,
        note: String? = nil, evidence: String? = nil, reason: String? = nil, expectedVersion: Int? = nil
    ) async throws -> AssessmentView {
        try InputBounds.freeText(note, field: "note")
        try InputBounds.freeText(evidence, field: "evidence")
        try InputBounds.freeText(reason, field: "reason")
        let scope = try await assessmentScope(assessmentID: id)
        let now = timestamp()
        try await transaction { sql in
            let current = try await AssessmentRows.header(sql, id: id, lock: true)
            try await self.authorize(
                sql, principal, asEvaluator ? .assessmentRateEvaluator : .assessmentRateSelf, person: current.personID)
            guard let item = scope.item(itemID) else {
                throw StorageError.notFound(what: "skill item \(itemID.description) in \(scope.entry.reference.field)")
            }
            let actor = try await AssessmentRows.actor(sql, principal, personID: current.personID)
            if asEvaluator {
                try AssessmentRules.checkEvaluatorRatingEdit(
                    level, item: item, state: current.state, personID: current.personID, actor: actor)
            } else {
                try AssessmentRules.checkSelfRatingEdit(
                    level, item: item, state: current.state, personID: current.personID, actor: actor)
            }
            let version = try await AssessmentRows.bumpVersion(
                sql, id: id, from: expectedVersion ?? current.version, actual: current.version)
            try await AssessmentRows.storeRating(
                sql, assessment: id, item: itemID, level: level, asEvaluator: asEvaluator, note: note, evidence: evidence,
                reason: reason)
            try await AssessmentRows.event(
                sql, id, at: now, actorID: actor.personID, action: asEvaluator ? "rate-evaluator" : "rate-self",
                from: current.state, to: current.state, comment: "\(item.name) = \(level)" + (reason.map { " (\($0))" } ?? ""))
            try await self.audit(
                sql, principal, asEvaluator ? .assessmentRateEvaluator : .assessmentRateSelf,
                subject: "assessment \(id)", detail: "\(item.name) = \(level); version \(version)")
            if !asEvaluator, case .standard = itemID {
                try await self.recomputeLevels(
                    sql, personID: current.personID, field: scope.entry, cause: "assessment \(id) self rating")
            }
        }
        return try await assessment(id)
    }

    /// Submits an assessment for review (by the person; every item needs a self rating).
    /// - Throws: `AssessmentRuleError`, `StorageError.conflict` for a stale version, `.forbidden`.
    @discardableResult
    public func submitAssessment(
        _ id: Int64, by principal: Principal, expectedVersion: Int? = nil
    ) async throws
        -> AssessmentView
    {
        try await transition(id, by: principal, expectedVersion: expectedVersion, action: .assessmentSubmit) {
            current, actor, ratings, scope in
            try AssessmentRules.submit(
                state: current.state, personID: current.personID, actor: actor, ratings: ratings, items: scope.items)
        }
    }

    /// Approves a submitted assessment (by an evaluator of the person, never the person) and stores the
    /// person's new level in the same transaction. The assessment is immutable afterwards.
    /// - Throws: `AssessmentRuleError` (self-approval, missing evaluator ratings or reasons, wrong state),
    ///   `StorageError.conflict` for a stale version, `.forbidden`.
    @discardableResult
    public func approveAssessment(
        _ id: Int64, by principal: Principal, expectedVersion: Int? = nil
    ) async throws
        -> AssessmentView
    {
        try await transition(id, by: principal, expectedVersion: expectedVersion, action: .assessmentApprove) {
            current, actor, ratings, scope in
            try AssessmentRules.approve(
                state: current.state, personID: current.personID, actor: actor, ratings: ratings, items: scope.items)
        }
    }

    /// Returns a submitted assessment to the person with a comment (by an evaluator).
    /// - Throws: `AssessmentRuleError` (no comment, own assessment, wrong state), `StorageError.conflict`,
    ///   `.forbidden`.
    @discardableResult
    public func returnAssessment(
        _ id: Int64, by principal: Principal, comment: String, expectedVersion: Int? = nil
    ) async throws -> AssessmentView {
        try await transition(
            id, by: principal, expectedVersion: expectedVersion, action: .assessmentReturn, comment: comment
        ) {
            current, actor, _, _ in
            try AssessmentRules.returnForRevision(
                state: current.state, personID: current.personID, actor: actor, comment: comment)
        }
    }

    private func transition(
        _ id: Int64, by principal: Principal, expectedVersion: Int?, action: AuditAction, comment: String? = nil,
        rule:
            @escaping @Sendable (AssessmentRows.Header, AssessmentActor, [SkillRating], AssessmentScope) throws ->
            AssessmentState
    ) async throws -> AssessmentView {
        let scope = try await assessmentScope(assessmentID: id)
        let field = scope.entry
        let now = timestamp()
        let verb = String(action.rawValue.dropFirst("assessment.".count))
        try await transaction { sql in
            let current = try await AssessmentRows.header(sql, id: id, lock: true)
            try await self.authorize(sql, principal, action, person: current.personID)
            let actor = try await AssessmentRows.actor(sql, principal, personID: current.personID)
            let ratings = try await AssessmentRows.ratings(sql, id: id, scope: scope)
            let next = try rule(current, actor, ratings.filter { $0.selfLevel != nil || $0.evaluatorLevel != nil }, scope)
            let version = try await AssessmentRows.bumpVersion(
                sql, id: id, from: expectedVersion ?? current.version, actual: current.version)
            switch next {
            case .submitted:
                try await sql.raw(
                    "UPDATE assessments SET state = 'submitted', submitted_at = \(bind: now) WHERE id = \(bind: id)"
                ).run()
            case .approved, .returned:
                try await sql.raw(
                    """
                    UPDATE assessments SET state = \(bind: next.rawValue), decided_at = \(bind: now), decided_by = \(bind: actor.personID),
                        return_comment = \(bind: comment) WHERE id = \(bind: id)
                    """
                ).run()
            case .draft:
                try await sql.raw("UPDATE assessments SET state = 'draft' WHERE id = \(bind: id)").run()
            }
            try await AssessmentRows.event(
                sql, id, at: now, actorID: actor.personID, action: verb, from: current.state, to: next, comment: comment)
            try await self.audit(
                sql, principal, action, subject: "assessment \(id)",
                detail: "\(current.state.rawValue) → \(next.rawValue); version \(version)" + (comment.map { "; \($0)" } ?? ""))
            if next == .approved || next == .submitted {
                try await self.recomputeLevels(sql, personID: current.personID, field: field, cause: "assessment \(id) \(verb)")
            }
        }
        return try await assessment(id)
    }

    /// One assessment with the ratings of every item of its field.
    /// - Throws: `StorageError.notFound` for an unknown id.
    public func assessment(_ id: Int64) async throws -> AssessmentView {
        guard let view = try await assessmentViews(where: "a.id = \(bind: id)").first else {
            throw StorageError.notFound(what: "assessment \(id)")
        }
        return view
    }

    /// The assessments of a person, newest cycle first. Two queries however many there are.
    /// - Throws: `StorageError.notFound` for an unknown person.
    public func assessments(of employeeNumber: String) async throws -> [AssessmentView] {
        try await assessments(personID: PeopleQueries.personID(sql(), employeeNumber: employeeNumber))
    }

    /// A person's assessments by id, newest first, with their ratings (none for an unknown id).
    /// - Throws: database errors.
    public func assessments(personID: Int64) async throws -> [AssessmentView] {
        try await assessmentViews(where: "a.person_id = \(bind: personID)")
    }

    /// The assessments matching `condition` (on alias `a`), newest cycle first (one page of them when `page` is
    /// given), with their ratings: one query
    /// for the assessments and one for all their ratings (one more for company items when any was made under a
    /// profile, and one per profile version involved).
    func assessmentViews(where condition: SQLQueryString, page: PageRequest? = nil) async throws -> [AssessmentView] {
        let sql = try sql()
        let index = try await catalogIndex()
        let rows = try await sql.raw(
            """
            SELECT a.*, p.employee_number, p.name, d.employee_number AS decided_by_number, t.name AS profile_name
            FROM assessments a JOIN people p ON p.id = a.person_id LEFT JOIN people d ON d.id = a.decided_by
            LEFT JOIN tailoring_profiles t ON t.id = a.profile_id
            WHERE \(condition) ORDER BY a.cycle DESC, a.id DESC\(PageRequest.limit(page))
            """
        ).all()
        guard !rows.isEmpty else { return [] }
        let ids = try rows.map { try $0.decode(column: "id", as: Int64.self) }
        let ratings = try await AssessmentRows.ratingRows(sql, ids: ids)
        let profiles = try rows.map(AssessmentRows.profile(from:))
        let company = profiles.contains { $0 != nil } ? try await AssessmentRows.companyRatings(sql, ids: ids) : [:]
        var views: [AssessmentView] = []
        for (row, profile) in zip(rows, profiles) {
            let id = try row.decode(column: "id", as: Int64.self)
            guard let field = index.field(id: try row.decode(column: "field_id", as: Int64.self)) else {
                throw StorageError.corrupt(detail: "assessment \(id) refers to a retired field")
            }
            let scope = try await viewScope(field, profile: profile)
            views.append(
                AssessmentView(
                    id: id, employeeNumber: try row.decode(column: "employee_number", as: String.self),
                    personName: try row.decode(column: "name", as: String.self), field: field.reference,
                    cycle: try row.decode(column: "cycle", as: String.self),
                    state: AssessmentState(rawValue: try row.decode(column: "state", as: String.self)) ?? .draft,
                    version: try row.decode(column: "version", as: Int.self),
                    ratings: AssessmentRows.ratings(ratings[id] ?? [], company: company[id] ?? [], scope: scope),
                    submittedAt: try row.decode(column: "submitted_at", as: String?.self),
                    decidedAt: try row.decode(column: "decided_at", as: String?.self),
                    decidedBy: try row.decode(column: "decided_by_number", as: String?.self),
                    returnComment: try row.decode(column: "return_comment", as: String?.self), profile: profile,
                    companyItems: scope.companyItems))
        }
        return views
    }

    /// The scope to show an assessment in: under its profile, or — when the profile version no longer applies to
    /// the catalog — the field as published, so that a catalog change never hides a person's assessments.
    private func viewScope(_ field: CatalogIndex.FieldEntry, profile: AssessmentProfile?) async throws -> AssessmentScope {
        do {
            return try await assessmentScope(field, profile: profile)
        } catch StorageError.refused {
            return try await assessmentScope(field, profile: nil)
        }
    }
}
