import ITSSDomain
import SQLKit

extension AppDatabase {
    /// Which org unit a principal's skill map shows, checked against what the principal may see: administrators
    /// and HR any unit or the whole organisation (no code); an evaluator the units their assignments cover and
    /// their sub-units (without a code: the first unit assigned, by code); an employee none.
    /// - Throws: `StorageError.forbidden` for an employee (or an evaluator covering no unit);
    ///   `.notFound` — the same, without suggestions, for an unknown unit and for one the principal may not see.
    public func skillMapScope(orgUnit code: String?, for principal: Principal) async throws -> SkillMapScope {
        let units = try await orgUnits()
        let children = Dictionary(grouping: units.filter { $0.parentID != nil }, by: { $0.parentID ?? 0 })
        func subtree(_ root: Int64) -> [Int64] {
            var result: [Int64] = []
            var stack = [root]
            var seen = Set<Int64>()
            while let next = stack.popLast() {
                guard seen.insert(next).inserted else { continue }
                result.append(next)
                stack += (children[next] ?? []).map(\.id)
            }
            return result.sorted()
        }
        let whole = principal.role >= .hr
        var visible: Set<Int64>
        var assigned: [OrgUnit] = []
        if whole {
            visible = Set(units.map(\.id))
        } else {
            guard principal.role == .evaluator, let evaluator = principal.personID else {
                throw StorageError.forbidden(reason: "not allowed: the skill map needs the evaluator, hr or admin role")
            }
            let ids = try await sql().raw(
                """
                SELECT org_unit_id FROM evaluator_assignments
                WHERE evaluator_id = \(bind: evaluator) AND revoked_at IS NULL AND org_unit_id IS NOT NULL
                """
            ).all().map { try $0.decode(column: "org_unit_id", as: Int64.self) }
            visible = Set(ids.flatMap(subtree))
            assigned = units.filter { ids.contains($0.id) }
            guard !visible.isEmpty else {
                throw StorageError.forbidden(reason: "not allowed: no org unit is assigned to you as evaluator")
            }
        }
        let choices = units.filter { visible.contains($0.id) }
        let unit: OrgUnit?
        if let code = code?.trimmingCharacters(in: .whitespaces), !code.isEmpty {
            guard let found = choices.first(where: { $0.code == code }) else {
                throw StorageError.notFound(what: "org unit \"\(code)\"")
            }
            unit = found
        } else {
            unit = whole ? nil : assigned.first
        }
        return SkillMapScope(
            unit: unit, unitIDs: unit.map { subtree($0.id) }, choices: choices, wholeOrganisation: whole)
    }

    /// The ids of the fields a map shows: every specialty field of a standard (its name, its edition such as
    /// `V3 2008`, or the edition's first word such as `V3`), or the fields named (as `fieldID` resolves them).
    /// `nil` for every field.
    /// - Throws: `StorageError.notFound` for an unknown standard or field, `.refused` for an ambiguous field.
    public func skillMapFieldIDs(standard: String?, fields: [String]) async throws -> [Int64]? {
        let index = try await catalogIndex()
        var ids: [Int64]?
        if let standard = standard?.trimmingCharacters(in: .whitespaces).lowercased(), !standard.isEmpty {
            let matching = index.fields.filter { entry in
                let key = entry.reference.standard
                return entry.effective.kind == .specialty
                    && (key.name.lowercased() == standard || key.version.lowercased() == standard
                        || key.version.lowercased().split(separator: " ").first.map(String.init) == standard)
            }
            guard !matching.isEmpty else { throw StorageError.notFound(what: "standard \"\(standard)\"") }
            ids = matching.map(\.id)
        }
        if !fields.isEmpty {
            var named: [Int64] = []
            for field in fields { named.append(try index.resolveField(field).id) }
            ids = ids.map { within in named.filter(within.contains) } ?? named
        }
        return ids
    }

    /// The skill map: per specialty field, the people in scope at each level, below the field's first level and
    /// not assessed, plus how many people are counted and how many of them have no assessment. The counting
    /// happens in the database: today, and for the whole organisation as of a day, in the stored tally
    /// (`SkillMapTally`); for a unit as of a day, over the unit's person × field pairs.
    /// - Throws: `StorageError.refused` for provisional levels of a past date (self ratings are not historised).
    public func skillMap(_ scope: SkillMapScope, filter: SkillMapFilter = SkillMapFilter()) async throws -> SkillMap {
        try filter.checkLayer()
        let index = try await catalogIndex()
        let wanted = filter.fieldIDs.map(Set.init)
        var rows: [SkillMap.Row] = []
        var position: [Int64: Int] = [:]
        for entry in index.fields where entry.effective.kind == .specialty && (wanted?.contains(entry.id) ?? true) {
            position[entry.id] = rows.count
            rows.append(SkillMap.Row(fieldID: entry.id, field: entry.reference, definedLevels: entry.compiled.definedLevels))
        }
        let counts =
            filter.asOf != nil && scope.unitIDs != nil
            ? try await skillMapCountsFromPairs(scope, filter: filter) : try await skillMapCountsFromTally(scope, filter: filter)
        for (field, cells) in counts.cells {
            guard let at = position[field] else { continue }
            for (cell, count) in cells {
                switch cell {
                case let .level(level): rows[at].levels[level - 1] += count
                case .below: rows[at].below += count
                case .notAssessed: rows[at].notAssessed += count
                }
            }
        }
        return SkillMap(
            unit: scope.unit, asOf: filter.asOf, basis: filter.basis, includeInactive: filter.includeInactive, rows: rows,
            people: counts.people, withoutAssessment: counts.withoutAssessment)
    }

    /// The map's counts from the stored tally: one grouped read of a few rows per unit, field and cell. As of a
    /// day only for the whole organisation (the changes by day are kept for it alone).
    /// - Throws: `StorageError.refused` for a unit as of a day.
    func skillMapCountsFromTally(_ scope: SkillMapScope, filter: SkillMapFilter) async throws -> SkillMapCounts {
        try await refreshSkillMapTally()
        var conditions: [SQLQueryString] = ["basis = \(bind: filter.basis.column)"]
        if let day = filter.asOf {
            guard scope.unitIDs == nil else {
                throw StorageError.refused(reason: "the stored tally counts a unit for today only")
            }
            conditions.append("day <> \(bind: SkillMapTally.now) AND day <= \(bind: day.description)")
        } else {
            conditions.append("day = \(bind: SkillMapTally.now)")
        }
        if let ids = scope.unitIDs {
            conditions.append(ids.isEmpty ? "1 = 0" : "org_unit_id IN \(list: ids)")
        } else {
            conditions.append("org_unit_id = \(bind: SkillMapTally.everyUnit)")
        }
        if !filter.includeInactive { conditions.append("active = \(bind: true)") }
        if let ids = filter.fieldIDs {
            let fields = [SkillMapTally.peopleField] + ids
            conditions.append("field_id IN \(list: fields)")
        }
        var counts = SkillMapCounts()
        for row in try await sql().raw(
            """
            SELECT field_id, cell, CAST(SUM(n) AS BIGINT) AS n FROM skill_map_tally
            WHERE \(conditions.joined(separator: " AND "))
            GROUP BY field_id, cell
            """
        ).all() {
            let field = try row.decode(column: "field_id", as: Int64.self)
            let code = try row.decode(column: "cell", as: Int.self)
            let count = try row.decode(column: "n", as: Int.self)
            if field == SkillMapTally.peopleField {
                if code == SkillMapTally.counted { counts.people += count }
                if code == SkillMapTally.withoutAssessment { counts.withoutAssessment += count }
            } else if let cell = SkillMapTally.cell(code: code) {
                counts.add(count, field: field, cell: cell)
            }
        }
        return counts
    }

    /// The map's counts over the person × field pairs in scope: one seek per pair (`SkillMapSQL`).
    func skillMapCountsFromPairs(_ scope: SkillMapScope, filter: SkillMapFilter) async throws -> SkillMapCounts {
        let sql = try sql()
        let query = SkillMapSQL(scope: scope, filter: filter)
        var counts = SkillMapCounts()
        for row in try await sql.raw(
            """
            SELECT pf.field_id, \(query.level) AS level, COUNT(*) AS n,
                SUM(CASE WHEN \(query.level) IS NULL AND \(query.assessed) THEN 1 ELSE 0 END) AS assessed
            \(query.pairs)
            GROUP BY pf.field_id, \(query.level)
            """
        ).all() {
            let field = try row.decode(column: "field_id", as: Int64.self)
            let count = try row.decode(column: "n", as: Int.self)
            if let level = try row.decode(column: "level", as: Int?.self), (1...7).contains(level) {
                counts.add(count, field: field, cell: .level(level))
            } else {
                let assessed = try row.decode(column: "assessed", as: Int?.self) ?? 0
                counts.add(assessed, field: field, cell: .below)
                counts.add(count - assessed, field: field, cell: .notAssessed)
            }
        }
        let totals = try await sql.raw(
            """
            SELECT COUNT(*) AS people, SUM(CASE WHEN \(query.personAssessed) THEN 0 ELSE 1 END) AS unassessed
            FROM people p WHERE \(query.people)
            """
        ).first()
        counts.people = try totals?.decode(column: "people", as: Int.self) ?? 0
        counts.withoutAssessment = try totals?.decode(column: "unassessed", as: Int?.self) ?? 0
        return counts
    }

    /// The people of one cell of the map, a page at a time, ordered by `sort` (ties by employee number).
    /// - Throws: `StorageError.refused` for provisional levels of a past date.
    public func skillMapPeople(
        _ scope: SkillMapScope, filter: SkillMapFilter = SkillMapFilter(), fieldID: Int64, cell: SkillMapCell,
        sort: SkillMapPeopleSort = .employeeNumber, descending: Bool = false, page: PageRequest = PageRequest()
    ) async throws -> Page<SkillMapPerson> {
        try filter.checkLayer()
        var filter = filter
        filter.fieldIDs = [fieldID]
        let sql = try sql()
        let query = SkillMapSQL(scope: scope, filter: filter)
        let selection: SQLQueryString = "\(query.pairs) AND \(query.condition(cell))"
        let total =
            try await sql.raw("SELECT COUNT(*) AS n \(selection)").first()?.decode(column: "n", as: Int.self) ?? 0
        let direction = descending ? "DESC" : "ASC"
        let order =
            "CASE WHEN \(sort.column) IS NULL THEN 1 ELSE 0 END, \(sort.column) \(direction), p.employee_number \(direction)"
        let people = try await sql.raw(
            """
            SELECT p.employee_number, p.name, p.active, u.code AS unit_code, u.name AS unit_name, \(query.level) AS level
            \(selection)
            ORDER BY \(unsafeRaw: order) LIMIT \(bind: page.perPage) OFFSET \(bind: page.offset)
            """
        ).all().map { row in
            SkillMapPerson(
                employeeNumber: try row.decode(column: "employee_number", as: String.self),
                name: try row.decode(column: "name", as: String.self),
                orgUnitCode: try row.decode(column: "unit_code", as: String?.self),
                orgUnitName: try row.decode(column: "unit_name", as: String?.self),
                active: try row.decode(column: "active", as: Bool.self),
                level: try row.decode(column: "level", as: Int?.self))
        }
        return Page(items: people, page: page.page, perPage: page.perPage, total: total)
    }
}
