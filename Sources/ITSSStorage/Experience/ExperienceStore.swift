import ITSSDomain
import SQLKit

extension AppDatabase {
    /// Records a piece of track record, unverified. One transaction; audited; provisional level recomputed.
    /// - Throws: `StorageError.notFound` for an unknown person or field, `InputError` for values out of bounds.
    @discardableResult
    public func addExperience(_ new: NewExperience, actor: String) async throws -> ExperienceRecord {
        try new.validate(today: today())
        let field = try await catalogIndex().resolveField(new.field)
        let createdAt = timestamp()
        return try await transaction { sql in
            let personID = try await PeopleQueries.personID(sql, employeeNumber: new.employeeNumber)
            let id = try await ExperienceRows.insert(
                sql, new, personID: personID, fieldID: field.id, recordID: nil, version: 1,
                createdAt: createdAt, actor: actor)
            try await self.audit(
                sql, actor: actor, action: "experience.add", subject: "experience \(id)",
                detail: "\(new.employeeNumber) in \(field.reference): \(new.role.label) \(new.from)…\(new.to?.description ?? "")")
            try await self.recomputeLevels(sql, personID: personID, field: field, cause: "experience \(id) added")
            return try await ExperienceRows.record(sql, id: id, field: field.reference)
        }
    }

    /// Records a correction of a record as its next version (unverified). The verified version stays in force
    /// for the official level until the correction is verified. One transaction; audited.
    /// - Throws: `StorageError.notFound` for an unknown record, `.refused` when the person or field differs.
    @discardableResult
    public func correctExperience(recordID: Int64, with new: NewExperience, actor: String) async throws -> ExperienceRecord {
        try new.validate(today: today())
        let field = try await catalogIndex().resolveField(new.field)
        let createdAt = timestamp()
        return try await transaction { sql in
            guard
                let latest = try await sql.raw(
                    "SELECT version, person_id FROM experience_records WHERE record_id = \(bind: recordID) ORDER BY version DESC LIMIT 1"
                ).first()
            else { throw StorageError.notFound(what: "experience record \(recordID)") }
            let personID = try await PeopleQueries.personID(sql, employeeNumber: new.employeeNumber)
            guard try latest.decode(column: "person_id", as: Int64.self) == personID else {
                throw StorageError.refused(reason: "experience record \(recordID) belongs to another person")
            }
            let version = try latest.decode(column: "version", as: Int.self) + 1
            let id = try await ExperienceRows.insert(
                sql, new, personID: personID, fieldID: field.id, recordID: recordID,
                version: version, createdAt: createdAt, actor: actor)
            try await self.audit(
                sql, actor: actor, action: "experience.correct", subject: "experience \(recordID)",
                detail: "version \(version)")
            try await self.recomputeLevels(sql, personID: personID, field: field, cause: "experience \(recordID) corrected")
            return try await ExperienceRows.record(sql, id: id, field: field.reference)
        }
    }

    /// Verifies the latest version of a record. Only an evaluator assigned to the person may; nobody verifies
    /// their own record; a verified version is immutable. One transaction; audited; levels recomputed.
    /// - Throws: `StorageError.refused` for self-verification, a non-evaluator or an already verified version;
    ///   `InputError` for a verification date before the record's start or after today.
    @discardableResult
    public func verifyExperience(recordID: Int64, by evaluatorNumber: String, on day: Day? = nil) async throws -> ExperienceRecord
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
                    ORDER BY version DESC LIMIT 1
                    """
                ).first()
            else { throw StorageError.notFound(what: "experience record \(recordID)") }
            let id = try latest.decode(column: "id", as: Int64.self)
            let personID = try latest.decode(column: "person_id", as: Int64.self)
            guard let field = index.field(id: try latest.decode(column: "field_id", as: Int64.self)) else {
                throw StorageError.corrupt(detail: "experience record \(recordID) refers to a retired field")
            }
            let evaluatorID = try await PeopleQueries.personID(sql, employeeNumber: evaluatorNumber)
            if evaluatorID == personID {
                throw StorageError.refused(reason: "\(evaluatorNumber) cannot verify their own experience record")
            }
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
                sql, actor: evaluatorNumber, action: "experience.verify", subject: "experience \(recordID)",
                detail: "version id \(id)")
            try await self.recomputeLevels(sql, personID: personID, field: field, cause: "experience \(recordID) verified")
            return try await ExperienceRows.record(sql, id: id, field: field.reference)
        }
    }

    /// The latest version of every record of a person, optionally in one field.
    /// - Throws: `StorageError.notFound` for an unknown person.
    public func experience(of employeeNumber: String) async throws -> [ExperienceRecord] {
        let sql = try sql()
        let index = try await catalogIndex()
        let personID = try await PeopleQueries.personID(sql, employeeNumber: employeeNumber)
        let rows = try await sql.raw(
            """
            SELECT e.* FROM experience_records e
            WHERE e.person_id = \(bind: personID)
              AND e.version = (SELECT MAX(v.version) FROM experience_records v WHERE v.record_id = e.record_id)
            ORDER BY e.from_on, e.record_id
            """
        ).all()
        return try rows.compactMap { row in
            guard let field = index.field(id: try row.decode(column: "field_id", as: Int64.self)) else { return nil }
            return try ExperienceRows.record(from: row, field: field.reference)
        }
    }
}
