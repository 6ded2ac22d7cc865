import ITSSDomain
import SQLKit

extension AppDatabase {
    /// Records a piece of track record, unverified. One transaction; audited; provisional level recomputed.
    /// - Throws: `StorageError.notFound` for an unknown person or field, `InputError` for values out of bounds,
    ///   `.forbidden`.
    @discardableResult
    public func addExperience(_ new: NewExperience, by principal: Principal) async throws -> ExperienceRecord {
        try new.validate(today: today())
        let field = try await catalogIndex().assessableField(id: new.fieldID)
        let createdAt = timestamp()
        return try await transaction { sql in
            try await self.authorize(sql, principal, .experienceAdd, person: new.personID)
            let number = try await PeopleQueries.employeeNumber(sql, personID: new.personID)
            let id = try await ExperienceRows.insert(
                sql, new, recordID: nil, version: 1, createdAt: createdAt, actor: principal.auditName)
            try await self.audit(
                sql, principal, .experienceAdd, subject: "experience \(id)",
                detail: "\(number) in \(field.reference): \(new.role.label) \(new.from)…\(new.to?.description ?? "")")
            try await self.recomputeLevels(sql, personID: new.personID, field: field, cause: "experience \(id) added")
            return try await ExperienceRows.record(sql, id: id, field: field.reference)
        }
    }

    /// Records a correction of a record as its next version (unverified). The verified version stays in force
    /// for the official level until the correction is verified. One transaction; audited.
    /// - Throws: `StorageError.notFound` for an unknown record, `.refused` when the person differs, `.forbidden`.
    @discardableResult
    public func correctExperience(
        recordID: Int64, with new: NewExperience, by principal: Principal
    ) async throws
        -> ExperienceRecord
    {
        try new.validate(today: today())
        let field = try await catalogIndex().assessableField(id: new.fieldID)
        let createdAt = timestamp()
        return try await transaction { sql in
            guard
                let latest = try await sql.raw(
                    """
                    SELECT version, person_id FROM experience_records WHERE record_id = \(bind: recordID)
                    ORDER BY version DESC LIMIT 1\(SQLLocking.forUpdate(sql))
                    """
                ).first()
            else { throw StorageError.notFound(what: "experience record \(recordID)") }
            guard try latest.decode(column: "person_id", as: Int64.self) == new.personID else {
                throw StorageError.refused(reason: "experience record \(recordID) belongs to another person")
            }
            try await self.authorize(sql, principal, .experienceCorrect, person: new.personID)
            let version = try latest.decode(column: "version", as: Int.self) + 1
            let id = try await ExperienceRows.insert(
                sql, new, recordID: recordID, version: version, createdAt: createdAt, actor: principal.auditName)
            try await self.audit(
                sql, principal, .experienceCorrect, subject: "experience \(recordID)", detail: "version \(version)")
            try await self.recomputeLevels(sql, personID: new.personID, field: field, cause: "experience \(recordID) corrected")
            return try await ExperienceRows.record(sql, id: id, field: field.reference)
        }
    }

    /// Verifies the latest version of a record. Only an evaluator assigned to the person may (the principal's
    /// person); nobody verifies their own record; a verified version is immutable. One transaction; audited;
    /// levels recomputed.
    /// - Throws: `StorageError.refused` for self-verification, a non-evaluator or an already verified version;
    ///   `.forbidden`; `InputError` for a verification date before the record's start or after today.
    @discardableResult
    public func verifyExperience(
        recordID: Int64, by principal: Principal, on day: Day? = nil
    ) async throws
        -> ExperienceRecord
    {
        let index = try await catalogIndex()
        let verifiedAt = timestamp()
        let verifiedOn = day?.description ?? String(verifiedAt.prefix(10))
        let today = try AppDatabase.day(of: verifiedAt)
        return try await transaction { sql in
            guard
                let latest = try await sql.raw(
                    """
                    SELECT id, person_id, field_id, verified_by, from_on FROM experience_records WHERE record_id = \(bind: recordID)
                    ORDER BY version DESC LIMIT 1\(SQLLocking.forUpdate(sql))
                    """
                ).first()
            else { throw StorageError.notFound(what: "experience record \(recordID)") }
            let id = try latest.decode(column: "id", as: Int64.self)
            let personID = try latest.decode(column: "person_id", as: Int64.self)
            guard let field = index.field(id: try latest.decode(column: "field_id", as: Int64.self)) else {
                throw StorageError.corrupt(detail: "experience record \(recordID) refers to a retired field")
            }
            guard let evaluatorID = principal.personID else {
                throw StorageError.refused(reason: "records are verified by an evaluator: act as one (--as EMPLOYEE_NUMBER)")
            }
            let evaluatorNumber = principal.employeeNumber ?? "#\(evaluatorID)"
            if evaluatorID == personID {
                throw StorageError.refused(reason: "\(evaluatorNumber) cannot verify their own experience record")
            }
            try await self.authorize(sql, principal, .experienceVerify, person: personID)
            guard try await PeopleQueries.isEvaluator(sql, evaluatorID: evaluatorID, of: personID) else {
                throw StorageError.refused(reason: "\(evaluatorNumber) is not an evaluator of the record's person")
            }
            if try latest.decode(column: "verified_by", as: Int64?.self) != nil {
                throw StorageError.refused(
                    reason: "experience record \(recordID) is already verified; record a correction instead")
            }
            if let from = Day(try latest.decode(column: "from_on", as: String.self)) {
                try InputBounds.verifiedOn(day ?? today, recordFrom: from, today: today)
            }
            try await sql.raw(
                """
                UPDATE experience_records SET verified_by = \(bind: evaluatorID), verified_at = \(bind: verifiedAt),
                    verified_on = \(bind: verifiedOn)
                WHERE id = \(bind: id) AND verified_by IS NULL
                """
            ).run()
            try await self.audit(
                sql, principal, .experienceVerify, subject: "experience \(recordID)", detail: "version id \(id)")
            try await self.recomputeLevels(sql, personID: personID, field: field, cause: "experience \(recordID) verified")
            return try await ExperienceRows.record(sql, id: id, field: field.reference)
        }
    }

    /// The latest version of every record of a person, optionally in one field.
    /// - Throws: `StorageError.notFound` for an unknown person.
    public func experience(of employeeNumber: String) async throws -> [ExperienceRecord] {
        let sql = try sql()
        return try await experience(personID: PeopleQueries.personID(sql, employeeNumber: employeeNumber), page: nil)
    }

    /// The latest version of a person's records, oldest first (one page of them when `page` is given).
    func experience(personID: Int64, page: PageRequest?) async throws -> [ExperienceRecord] {
        let index = try await catalogIndex()
        let rows = try await sql().raw(
            """
            SELECT e.* FROM experience_records e
            WHERE e.person_id = \(bind: personID)
              AND e.version = (SELECT MAX(v.version) FROM experience_records v WHERE v.record_id = e.record_id)
            ORDER BY e.from_on, e.record_id\(PageRequest.limit(page))
            """
        ).all()
        return try rows.compactMap { row in
            guard let field = index.field(id: try row.decode(column: "field_id", as: Int64.self)) else { return nil }
            return try ExperienceRows.record(from: row, field: field.reference)
        }
    }
}
