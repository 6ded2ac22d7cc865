import ITSSDomain
import SQLKit

/// Whom an evaluator assignment covers.
public enum EvaluatorScope: Sendable, Hashable {
    /// Everyone in the org unit and its sub-units.
    case orgUnit(Int64)
    /// One person.
    case person(Int64)
}

extension AppDatabase {
    /// Creates an org unit under `parentID` (or at the top). One transaction; audited.
    /// - Throws: `StorageError.alreadyExists` for a taken code, `.notFound` for an unknown parent, `.forbidden`,
    ///   `InputError` for an empty or overlong code or name.
    @discardableResult
    public func createOrgUnit(code: String, name: String, parentID: Int64?, by principal: Principal) async throws -> OrgUnit {
        let code = code.trimmingCharacters(in: .whitespaces)
        let name = name.trimmingCharacters(in: .whitespaces)
        try InputBounds.identifier(code, field: "code")
        try InputBounds.name(name)
        let createdAt = timestamp()
        return try await transaction { sql in
            try await self.authorize(sql, principal, .orgCreate, person: nil)
            if try await sql.raw("SELECT id FROM org_units WHERE code = \(bind: code)").first() != nil {
                throw StorageError.alreadyExists(what: "org unit \"\(code)\"")
            }
            var parentCode: String?
            if let parentID {
                guard let parent = try await sql.raw("SELECT code FROM org_units WHERE id = \(bind: parentID)").first() else {
                    throw StorageError.notFound(what: "org unit #\(parentID)")
                }
                parentCode = try parent.decode(column: "code", as: String.self)
            }
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
                sql, principal, .orgCreate, subject: "org unit \(code)",
                detail: "name \(name)" + (parentCode.map { ", parent \($0)" } ?? ""))
            return unit
        }
    }

    /// Adds a person with the fields they work in. One transaction; audited.
    /// - Throws: `StorageError.alreadyExists` for a taken employee number, `.notFound` for an unknown org unit or
    ///   field, `.forbidden`, `InputError` for values out of bounds (`NewPerson.validate(today:)`).
    @discardableResult
    public func addPerson(_ new: NewPerson, by principal: Principal) async throws -> Person {
        let number = new.employeeNumber.trimmingCharacters(in: .whitespaces)
        let name = new.name.trimmingCharacters(in: .whitespaces)
        try new.validate(today: today())
        let index = try await catalogIndex()
        let fields = try new.fieldIDs.map { id in
            guard let field = index.field(id: id) else { throw StorageError.notFound(what: "specialty field #\(id)") }
            return field
        }
        let createdAt = timestamp()
        return try await transaction { sql in
            try await self.authorize(sql, principal, .personAdd, person: nil)
            if try await sql.raw("SELECT id FROM people WHERE employee_number = \(bind: number)").first() != nil {
                throw StorageError.alreadyExists(what: "employee number \"\(number)\"")
            }
            if let unit = new.orgUnitID, try await sql.raw("SELECT id FROM org_units WHERE id = \(bind: unit)").first() == nil {
                throw StorageError.notFound(what: "org unit #\(unit)")
            }
            guard
                let row = try await sql.raw(
                    """
                    INSERT INTO people (employee_number, name, email, org_unit_id, active, joined_on, created_at, updated_at)
                    VALUES (\(bind: number), \(bind: name), \(bind: new.email), \(bind: new.orgUnitID), \(bind: new.active),
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
                sql, principal, .personAdd, subject: "person \(number)",
                detail: "\(name); fields: \(fields.map(\.reference.description).joined(separator: ", "))")
            return Person(
                id: id, employeeNumber: number, name: name, email: new.email, orgUnitID: new.orgUnitID, active: new.active,
                joinedOn: new.joinedOn, fields: fields.map(\.reference))
        }
    }

    /// Adds a specialty field to a person's fields (no-op when present). Audited.
    /// - Throws: `StorageError.notFound` for an unknown person or field, `.forbidden`.
    public func addField(_ fieldID: Int64, toPerson personID: Int64, by principal: Principal) async throws {
        guard let field = try await catalogIndex().field(id: fieldID) else {
            throw StorageError.notFound(what: "specialty field #\(fieldID)")
        }
        let addedAt = timestamp()
        try await transaction { sql in
            try await self.authorize(sql, principal, .personAddField, person: personID)
            let number = try await PeopleQueries.employeeNumber(sql, personID: personID)
            if try await sql.raw(
                "SELECT id FROM person_fields WHERE person_id = \(bind: personID) AND field_id = \(bind: field.id)"
            ).first() != nil {
                return
            }
            try await sql.raw(
                "INSERT INTO person_fields (person_id, field_id, added_at) VALUES (\(bind: personID), \(bind: field.id), \(bind: addedAt))"
            ).run()
            try await self.audit(
                sql, principal, .personAddField, subject: "person \(number)", detail: field.reference.description)
        }
    }

    /// Assigns an evaluator to an org unit (everyone in it and its sub-units) or directly to a person. Audited.
    /// - Throws: `StorageError.refused` when the evaluator would evaluate themselves, `.notFound` for unknown ids,
    ///   `.forbidden` unless the principal is HR or an administrator.
    public func assignEvaluator(_ evaluatorID: Int64, to scope: EvaluatorScope, by principal: Principal) async throws {
        let assignedAt = timestamp()
        try await transaction { sql in
            try await self.authorize(sql, principal, .evaluatorAssign, person: nil)
            let evaluatorNumber = try await PeopleQueries.employeeNumber(sql, personID: evaluatorID)
            let unitID: Int64?
            let personID: Int64?
            let target: String
            switch scope {
            case let .orgUnit(id):
                guard let unit = try await sql.raw("SELECT code FROM org_units WHERE id = \(bind: id)").first() else {
                    throw StorageError.notFound(what: "org unit #\(id)")
                }
                (unitID, personID) = (id, nil)
                target = "org unit " + (try unit.decode(column: "code", as: String.self))
            case let .person(id):
                if id == evaluatorID {
                    throw StorageError.refused(reason: "\(evaluatorNumber) cannot evaluate themselves")
                }
                (unitID, personID) = (nil, id)
                target = "person " + (try await PeopleQueries.employeeNumber(sql, personID: id))
            }
            try await sql.raw(
                """
                INSERT INTO evaluator_assignments (evaluator_id, org_unit_id, person_id, assigned_at)
                VALUES (\(bind: evaluatorID), \(bind: unitID), \(bind: personID), \(bind: assignedAt))
                """
            ).run()
            try await self.audit(sql, principal, .evaluatorAssign, subject: "evaluator \(evaluatorNumber)", detail: target)
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
