import ITSSDomain
import SQLKit

extension AppDatabase {
    /// Creates a development plan towards a target level. Without `actions`, the plan gets the actions the gap
    /// suggests (one per knowledge item to learn and per role to take on). One transaction; audited; the
    /// first version is kept in the plan history.
    /// - Throws: `GapError.targetNotDefined`, `StorageError.notFound` for unknown ids, `.forbidden`, `InputError`
    ///   for an action out of bounds (`PlanAction.validate(today:)`).
    @discardableResult
    public func createPlan(
        personID: Int64, fieldID: Int64, target: Int, actions: [PlanAction]? = nil, by principal: Principal
    ) async throws -> PlanView {
        guard let field = try await catalogIndex().field(id: fieldID) else {
            throw StorageError.notFound(what: "specialty field #\(fieldID)")
        }
        let gap = try await gap(personID: personID, fieldID: fieldID, target: target)
        let planned = actions ?? DevelopmentPlan.suggestedActions(from: gap)
        let today = try today()
        for action in planned { try action.validate(today: today) }
        let createdAt = timestamp()
        let actor = principal.auditName
        let id = try await transaction { sql in
            try await self.authorize(sql, principal, .planCreate, person: personID)
            let employeeNumber = try await PeopleQueries.employeeNumber(sql, personID: personID)
            guard
                let row = try await sql.raw(
                    """
                    INSERT INTO development_plans (person_id, field_id, target_level, version, created_at, created_by)
                    VALUES (\(bind: personID), \(bind: field.id), \(bind: target), 1, \(bind: createdAt), \(bind: actor)) RETURNING id
                    """
                ).first()
            else { throw StorageError.corrupt(detail: "INSERT … RETURNING gave no row") }
            let id = try row.decode(column: "id", as: Int64.self)
            try await PlanRows.writeActions(sql, planID: id, actions: planned)
            try await PlanRows.snapshot(sql, planID: id, version: 1, at: createdAt, actor: actor, actions: planned)
            try await self.audit(
                sql, principal, .planCreate, subject: "plan \(id)",
                detail: "\(employeeNumber) → \(field.reference.field) level \(target); \(planned.count) action(s)")
            return id
        }
        return try await plan(id)
    }

    /// Changes one action (1-based `position`) or appends one (`append`). Version-checked; audited; the new
    /// state is kept in the plan history.
    /// - Throws: `StorageError.conflict` for a stale version, `.notFound` for an unknown plan or position,
    ///   `.forbidden`, `InputError` for a title, owner or due date out of bounds (checked before the database is
    ///   touched).
    @discardableResult
    public func updatePlan(
        _ id: Int64, action position: Int? = nil, change: PlanActionChange = PlanActionChange(), append: PlanAction? = nil,
        expectedVersion: Int? = nil, by principal: Principal
    ) async throws -> PlanView {
        let now = timestamp()
        let actor = principal.auditName
        let today = try AppDatabase.day(of: now)
        try change.validate(today: today)
        try append?.validate(today: today)
        try await transaction { sql in
            guard
                let row = try await sql.raw(
                    "SELECT version, person_id FROM development_plans WHERE id = \(bind: id)\(SQLLocking.forUpdate(sql))"
                ).first()
            else {
                throw StorageError.notFound(what: "plan \(id)")
            }
            try await self.authorize(
                sql, principal, .planUpdate, person: try row.decode(column: "person_id", as: Int64.self))
            let current = try row.decode(column: "version", as: Int.self)
            let expected = expectedVersion ?? current
            guard expected == current,
                let bumped = try await sql.raw(
                    "UPDATE development_plans SET version = version + 1 WHERE id = \(bind: id) AND version = \(bind: expected) RETURNING version"
                ).first()
            else {
                throw StorageError.conflict(what: "plan \(id)", expectedVersion: expected, actualVersion: current)
            }
            let version = try bumped.decode(column: "version", as: Int.self)
            var actions = try await PlanRows.actions(sql, planID: id)
            var detail: [String] = []
            if let position {
                guard actions.indices.contains(position - 1) else {
                    throw StorageError.notFound(what: "action \(position) of plan \(id) (it has \(actions.count))")
                }
                var action = actions[position - 1]
                if let status = change.status { action.status = status }
                if let dueOn = change.dueOn { action.dueOn = dueOn }
                if let owner = change.owner { action.owner = owner }
                if let title = change.title { action.title = title }
                actions[position - 1] = action
                detail.append("action \(position): \(action.status.rawValue)")
            }
            if let append {
                actions.append(append)
                detail.append("added \"\(append.title)\"")
            }
            try await sql.raw("DELETE FROM plan_actions WHERE plan_id = \(bind: id)").run()
            try await PlanRows.writeActions(sql, planID: id, actions: actions)
            try await PlanRows.snapshot(sql, planID: id, version: version, at: now, actor: actor, actions: actions)
            try await self.audit(
                sql, principal, .planUpdate, subject: "plan \(id)",
                detail: "version \(version); " + detail.joined(separator: "; "))
        }
        return try await plan(id)
    }

    /// One plan with its actions and progress.
    /// - Throws: `StorageError.notFound` for an unknown id.
    public func plan(_ id: Int64) async throws -> PlanView {
        guard let plan = try await planViews(where: "d.id = \(bind: id)").first else {
            throw StorageError.notFound(what: "plan \(id)")
        }
        return plan
    }

    /// The plans of a person, newest first. Two queries however many there are.
    /// - Throws: `StorageError.notFound` for an unknown person.
    public func plans(of employeeNumber: String) async throws -> [PlanView] {
        try await plans(personID: PeopleQueries.personID(sql(), employeeNumber: employeeNumber))
    }

    /// A person's plans by id (none for an unknown id).
    /// - Throws: database errors.
    public func plans(personID: Int64) async throws -> [PlanView] {
        try await planViews(where: "d.person_id = \(bind: personID)")
    }

    /// The plans matching `condition` (on alias `d`), newest first (one page of them when `page` is given), with
    /// their actions.
    func planViews(where condition: SQLQueryString, page: PageRequest? = nil) async throws -> [PlanView] {
        let sql = try sql()
        let index = try await catalogIndex()
        let rows = try await sql.raw(
            """
            SELECT d.*, p.employee_number FROM development_plans d JOIN people p ON p.id = d.person_id
            WHERE \(condition) ORDER BY d.id DESC\(PageRequest.limit(page))
            """
        ).all()
        guard !rows.isEmpty else { return [] }
        let actions = try await PlanRows.actions(sql, planIDs: try rows.map { try $0.decode(column: "id", as: Int64.self) })
        return try rows.map { row in
            let id = try row.decode(column: "id", as: Int64.self)
            guard let field = index.field(id: try row.decode(column: "field_id", as: Int64.self)) else {
                throw StorageError.corrupt(detail: "plan \(id) refers to a retired field")
            }
            let target = try row.decode(column: "target_level", as: Int.self)
            let planned = actions[id] ?? []
            return PlanView(
                id: id, employeeNumber: try row.decode(column: "employee_number", as: String.self), field: field.reference,
                targetLevel: target, version: try row.decode(column: "version", as: Int.self), actions: planned,
                progressPercentage: DevelopmentPlan(personID: 0, field: field.reference, targetLevel: target, actions: planned)
                    .progressPercentage,
                createdAt: try row.decode(column: "created_at", as: String.self),
                createdBy: try row.decode(column: "created_by", as: String.self))
        }
    }

    /// Every version of a plan, oldest first.
    /// - Throws: `StorageError.notFound` for an unknown plan.
    public func planHistory(_ id: Int64) async throws -> [PlanRevision] {
        let rows = try await sql().raw(
            "SELECT version, occurred_at, actor, plan_json FROM plan_history WHERE plan_id = \(bind: id) ORDER BY version"
        ).all()
        guard !rows.isEmpty else { throw StorageError.notFound(what: "plan \(id)") }
        return try rows.map { row in
            PlanRevision(
                version: try row.decode(column: "version", as: Int.self),
                occurredAt: try row.decode(column: "occurred_at", as: String.self),
                actor: try row.decode(column: "actor", as: String.self),
                actions: try CatalogRowCoding.decode(
                    [PlanAction].self, from: try row.decode(column: "plan_json", as: String.self),
                    column: "plan_history.plan_json"))
        }
    }
}

/// Rows of `plan_actions` and `plan_history`.
enum PlanRows {
    static func writeActions(_ sql: any SQLDatabase, planID: Int64, actions: [PlanAction]) async throws {
        for (position, action) in actions.enumerated() {
            try await sql.raw(
                """
                INSERT INTO plan_actions (plan_id, position, kind, title, due_on, owner, status)
                VALUES (\(bind: planID), \(bind: position + 1), \(bind: action.kind.rawValue), \(bind: action.title),
                    \(bind: action.dueOn?.description), \(bind: action.owner), \(bind: action.status.rawValue))
                """
            ).run()
        }
    }

    static func actions(_ sql: any SQLDatabase, planID: Int64) async throws -> [PlanAction] {
        try await actions(sql, planIDs: [planID])[planID] ?? []
    }

    /// The actions of several plans, by plan, in position order; one query.
    static func actions(_ sql: any SQLDatabase, planIDs: [Int64]) async throws -> [Int64: [PlanAction]] {
        var result: [Int64: [PlanAction]] = [:]
        for row in try await sql.raw(
            """
            SELECT plan_id, kind, title, due_on, owner, status FROM plan_actions
            WHERE plan_id IN (\(SQLList(planIDs.map { SQLBind($0) }))) ORDER BY plan_id, position
            """
        ).all() {
            result[try row.decode(column: "plan_id", as: Int64.self), default: []].append(try action(from: row))
        }
        return result
    }

    private static func action(from row: any SQLRow) throws -> PlanAction {
        PlanAction(
            kind: PlanActionKind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .training,
            title: try row.decode(column: "title", as: String.self),
            dueOn: try row.decode(column: "due_on", as: String?.self).flatMap(Day.init),
            owner: try row.decode(column: "owner", as: String?.self),
            status: PlanActionStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .open)
    }

    static func snapshot(
        _ sql: any SQLDatabase, planID: Int64, version: Int, at: String, actor: String, actions: [PlanAction]
    ) async throws {
        try await sql.raw(
            """
            INSERT INTO plan_history (plan_id, version, occurred_at, actor, plan_json)
            VALUES (\(bind: planID), \(bind: version), \(bind: at), \(bind: actor), \(bind: try CatalogRowCoding.json(actions)))
            """
        ).run()
    }
}
