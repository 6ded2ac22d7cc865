import ITSSDomain
import SQLKit

extension AppDatabase {
    /// Creates an org unit under `parentCode` (or at the top). One transaction; audited.
    /// - Throws: `StorageError.alreadyExists` for a taken code, `.notFound` for an unknown parent, `InputError`
    ///   for an empty or overlong code or name.
    @discardableResult
    public func createOrgUnit(code: String, name: String, parentCode: String?, actor: String) async throws -> OrgUnit {
        let code = code.trimmingCharacters(in: .whitespaces)
        let name = name.trimmingCharacters(in: .whitespaces)
        try InputBounds.identifier(code, field: "code")
        try InputBounds.name(name)
        let createdAt = timestamp()
        return try await transaction { sql in
            if try await sql.raw("SELECT id FROM org_units WHERE code = \(bind: code)").first() != nil {
                throw StorageError.alreadyExists(what: "org unit \"\(code)\"")
            }
            let parentID = try await parentCode.asyncMap { try await PeopleQueries.orgUnitID(sql, code: $0) }
            guard
                let row = try await sql.raw(
                    """
                    INSERT INTO org_units (code, name, parent_id, created_at)
                    VALUES (\(bind: code), \(bind: name), \(bind: parentID), \(bind: createdAt)) RETURNING id
                    """
                ).first()
            else { throw StorageError.corrupt(detail: "INSERT … RETURNING gave no row") }
            let unit = OrgUnit(id: try row.decode(column: "id", as: Int64.self), code: code, name: name, parentID: parentID)
            try await self.audit(
                sql, actor: actor, action: "org.create", subject: "org unit \(code)",
                detail: "name \(name)" + (parentCode.map { ", parent \($0)" } ?? ""))
            return unit
        }
    }

    /// Adds a person with the fields they work in. One transaction; audited.
    /// - Throws: `StorageError.alreadyExists` for a taken employee number, `.notFound` for an unknown org unit or
    ///   field (with suggestions), `InputError` for values out of bounds (`NewPerson.validate(today:)`).
    @discardableResult
    public func addPerson(_ new: NewPerson, actor: String) async throws -> Person {
        let number = new.employeeNumber.trimmingCharacters(in: .whitespaces)
        let name = new.name.trimmingCharacters(in: .whitespaces)
        try new.validate(today: today())
        let index = try await catalogIndex()
        let fields = try new.fields.map { try index.resolveField($0) }
        let createdAt = timestamp()
        return try await transaction { sql in
            if try await sql.raw("SELECT id FROM people WHERE employee_number = \(bind: number)").first() != nil {
                throw StorageError.alreadyExists(what: "employee number \"\(number)\"")
            }
            let orgUnitID = try await new.orgUnitCode.asyncMap { try await PeopleQueries.orgUnitID(sql, code: $0) }
            guard
                let row = try await sql.raw(
                    """
                    INSERT INTO people (employee_number, name, email, org_unit_id, active, joined_on, created_at, updated_at)
                    VALUES (\(bind: number), \(bind: name), \(bind: new.email), \(bind: orgUnitID), \(bind: new.active),
                        \(bind: new.joinedOn?.description), \(bind: createdAt), \(bind: createdAt))
                    RETURNING id
                    """
                ).first()
            else { throw StorageError.corrupt(detail: "INSERT … RETURNING gave no row") }
            let id = try row.decode(column: "id", as: Int64.self)
            for field in fields {
                try await sql.raw(
                    "INSERT INTO person_fields (person_id, field_id, added_at) VALUES (\(bind: id), \(bind: field.id), \(bind: createdAt))"
                ).run()
            }
            try await self.audit(
                sql, actor: actor, action: "person.add", subject: "person \(number)",
                detail: "\(name); fields: \(fields.map(\.reference.description).joined(separator: ", "))")
            return Person(
                id: id, employeeNumber: number, name: name, email: new.email, orgUnitID: orgUnitID, active: new.active,
                joinedOn: new.joinedOn, fields: fields.map(\.reference))
        }
    }

    /// Adds a specialty field to a person's fields (no-op when present). Audited.
    /// - Throws: `StorageError.notFound` for an unknown person or field.
    public func addField(_ fieldQuery: String, toPerson employeeNumber: String, actor: String) async throws {
        let field = try await catalogIndex().resolveField(fieldQuery)
        let addedAt = timestamp()
        try await transaction { sql in
            let person = try await PeopleQueries.personID(sql, employeeNumber: employeeNumber)
            if try await sql.raw(
                "SELECT id FROM person_fields WHERE person_id = \(bind: person) AND field_id = \(bind: field.id)"
            ).first() != nil {
                return
            }
            try await sql.raw(
                "INSERT INTO person_fields (person_id, field_id, added_at) VALUES (\(bind: person), \(bind: field.id), \(bind: addedAt))"
            ).run()
            try await self.audit(
                sql, actor: actor, action: "person.add-field", subject: "person \(employeeNumber)",
                detail: field.reference.description)
        }
    }

    /// Assigns an evaluator to an org unit (everyone in it and its sub-units) or directly to a person. Audited.
    /// - Throws: `StorageError.refused` when the evaluator would evaluate themselves, `.notFound` for unknown names.
    public func assignEvaluator(
        _ evaluatorNumber: String, toOrgUnit unitCode: String? = nil, toPerson personNumber: String? = nil, actor: String
    ) async throws {
        guard (unitCode == nil) != (personNumber == nil) else {
            throw StorageError.refused(reason: "assign the evaluator either to an org unit or to a person")
        }
        let assignedAt = timestamp()
        try await transaction { sql in
            let evaluator = try await PeopleQueries.personID(sql, employeeNumber: evaluatorNumber)
            let unit = try await unitCode.asyncMap { try await PeopleQueries.orgUnitID(sql, code: $0) }
            let person = try await personNumber.asyncMap { try await PeopleQueries.personID(sql, employeeNumber: $0) }
            if person == evaluator {
                throw StorageError.refused(reason: "\(evaluatorNumber) cannot evaluate themselves")
            }
            try await sql.raw(
                """
                INSERT INTO evaluator_assignments (evaluator_id, org_unit_id, person_id, assigned_at)
                VALUES (\(bind: evaluator), \(bind: unit), \(bind: person), \(bind: assignedAt))
                """
            ).run()
            try await self.audit(
                sql, actor: actor, action: "evaluator.assign", subject: "evaluator \(evaluatorNumber)",
                detail: unitCode.map { "org unit \($0)" } ?? "person \(personNumber ?? "")")
        }
    }
}

extension Optional {
    /// `map` with an async throwing transform.
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
