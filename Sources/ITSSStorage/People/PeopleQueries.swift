import ITSSDomain
import SQLKit

/// Lookups by the names people type, with "did you mean" suggestions.
enum PeopleQueries {
    static func orgUnitID(_ sql: any SQLDatabase, code: String) async throws -> Int64 {
        if let row = try await sql.raw("SELECT id FROM org_units WHERE code = \(bind: code)").first() {
            return try row.decode(column: "id", as: Int64.self)
        }
        let codes = try await sql.raw("SELECT code FROM org_units").all().map { try $0.decode(column: "code", as: String.self) }
        throw StorageError.notFound(what: "org unit \"\(code)\"", suggestions: Suggestions.closest(to: code, among: codes))
    }

    static func personID(_ sql: any SQLDatabase, employeeNumber: String) async throws -> Int64 {
        if let row = try await sql.raw("SELECT id FROM people WHERE employee_number = \(bind: employeeNumber)").first() {
            return try row.decode(column: "id", as: Int64.self)
        }
        let numbers = try await sql.raw("SELECT employee_number FROM people").all().map {
            try $0.decode(column: "employee_number", as: String.self)
        }
        throw StorageError.notFound(
            what: "person \"\(employeeNumber)\"", suggestions: Suggestions.closest(to: employeeNumber, among: numbers))
    }

    /// Whether `evaluatorID` is assigned to evaluate `personID`: directly, or via the person's org unit or an
    /// ancestor of it. Nobody evaluates themselves.
    static func isEvaluator(_ sql: any SQLDatabase, evaluatorID: Int64, of personID: Int64) async throws -> Bool {
        guard evaluatorID != personID else { return false }
        let assignments = try await sql.raw(
            "SELECT org_unit_id, person_id FROM evaluator_assignments WHERE evaluator_id = \(bind: evaluatorID) AND revoked_at IS NULL"
        ).all()
        if try assignments.contains(where: { try $0.decode(column: "person_id", as: Int64?.self) == personID }) { return true }
        let units = Set(try assignments.compactMap { try $0.decode(column: "org_unit_id", as: Int64?.self) })
        guard !units.isEmpty else { return false }
        var unit = try await sql.raw("SELECT org_unit_id FROM people WHERE id = \(bind: personID)").first()?
            .decode(column: "org_unit_id", as: Int64?.self)
        var visited = Set<Int64>()
        while let current = unit, visited.insert(current).inserted {
            if units.contains(current) { return true }
            unit = try await sql.raw("SELECT parent_id FROM org_units WHERE id = \(bind: current)").first()?
                .decode(column: "parent_id", as: Int64?.self)
        }
        return false
    }

    static func person(from row: any SQLRow, fields: [FieldReference]) throws -> Person {
        Person(
            id: try row.decode(column: "id", as: Int64.self),
            employeeNumber: try row.decode(column: "employee_number", as: String.self),
            name: try row.decode(column: "name", as: String.self),
            email: try row.decode(column: "email", as: String?.self),
            orgUnitID: try row.decode(column: "org_unit_id", as: Int64?.self),
            active: try row.decode(column: "active", as: Bool.self),
            joinedOn: try row.decode(column: "joined_on", as: String?.self).flatMap(Day.init),
            fields: fields)
    }
}

extension AppDatabase {
    /// All org units, ordered by code.
    /// - Throws: database errors.
    public func orgUnits() async throws -> [OrgUnit] {
        try await sql().raw("SELECT id, code, name, parent_id FROM org_units ORDER BY code").all().map { row in
            OrgUnit(
                id: try row.decode(column: "id", as: Int64.self), code: try row.decode(column: "code", as: String.self),
                name: try row.decode(column: "name", as: String.self),
                parentID: try row.decode(column: "parent_id", as: Int64?.self))
        }
    }

    /// People, ordered by employee number; optionally only those in one org unit (and its sub-units).
    /// - Throws: `StorageError.notFound` for an unknown org unit.
    public func people(inOrgUnit unitCode: String? = nil, includeInactive: Bool = true) async throws -> [Person] {
        let sql = try sql()
        let index = try await catalogIndex()
        var fieldsByPerson: [Int64: [FieldReference]] = [:]
        for row in try await sql.raw("SELECT person_id, field_id FROM person_fields ORDER BY id").all() {
            if let field = index.field(id: try row.decode(column: "field_id", as: Int64.self)) {
                fieldsByPerson[try row.decode(column: "person_id", as: Int64.self), default: []].append(field.reference)
            }
        }
        var units: Set<Int64>?
        if let unitCode {
            let root = try await PeopleQueries.orgUnitID(sql, code: unitCode)
            let all = try await orgUnits()
            var included: Set<Int64> = [root]
            var grew = true
            while grew {
                grew = false
                for unit in all where !included.contains(unit.id) && unit.parentID.map(included.contains) == true {
                    included.insert(unit.id)
                    grew = true
                }
            }
            units = included
        }
        return try await sql.raw(
            "SELECT id, employee_number, name, email, org_unit_id, active, joined_on FROM people ORDER BY employee_number"
        ).all().compactMap { row in
            let person = try PeopleQueries.person(from: row, fields: [])
            if !includeInactive, !person.active { return nil }
            if let units, !(person.orgUnitID.map(units.contains) ?? false) { return nil }
            var withFields = person
            withFields.fields = fieldsByPerson[person.id] ?? []
            return withFields
        }
    }

    /// One person by employee number.
    /// - Throws: `StorageError.notFound` with the closest employee numbers.
    public func person(_ employeeNumber: String) async throws -> Person {
        let sql = try sql()
        let id = try await PeopleQueries.personID(sql, employeeNumber: employeeNumber)
        let index = try await catalogIndex()
        let fields = try await sql.raw("SELECT field_id FROM person_fields WHERE person_id = \(bind: id) ORDER BY id").all()
            .compactMap {
                index.field(id: try $0.decode(column: "field_id", as: Int64.self))?.reference
            }
        guard
            let row = try await sql.raw(
                "SELECT id, employee_number, name, email, org_unit_id, active, joined_on FROM people WHERE id = \(bind: id)"
            ).first()
        else { throw StorageError.notFound(what: "person \"\(employeeNumber)\"") }
        return try PeopleQueries.person(from: row, fields: fields)
    }

    /// The people assigned to evaluate a person (directly or via their org units), by employee number.
    /// - Throws: database errors.
    public func evaluators(of employeeNumber: String) async throws -> [Person] {
        let sql = try sql()
        let personID = try await PeopleQueries.personID(sql, employeeNumber: employeeNumber)
        var result: [Person] = []
        for candidate in try await people()
        where try await PeopleQueries.isEvaluator(sql, evaluatorID: candidate.id, of: personID) {
            result.append(candidate)
        }
        return result
    }
}
