import ITSSDomain
import SQLKit

/// Rows of `experience_records`.
enum ExperienceRows {
    static func insert(
        _ sql: any SQLDatabase, _ new: NewExperience, personID: Int64, fieldID: Int64, recordID: Int64?, version: Int,
        createdAt: String, actor: String
    ) async throws -> Int64 {
        guard
            let row = try await sql.raw(
                """
                INSERT INTO experience_records (record_id, version, person_id, field_id, role, from_on, to_on, peak_staff,
                    annual_contract_yen, customer, description, created_at, created_by)
                VALUES (\(bind: recordID), \(bind: version), \(bind: personID), \(bind: fieldID), \(bind: roleColumn(new.role)),
                    \(bind: new.from.description), \(bind: new.to?.description), \(bind: new.peakStaff), \(bind: new.annualContractYen),
                    \(bind: new.customer), \(bind: new.description), \(bind: createdAt), \(bind: actor))
                RETURNING id
                """
            ).first()
        else { throw StorageError.corrupt(detail: "INSERT … RETURNING gave no row") }
        let id = try row.decode(column: "id", as: Int64.self)
        if recordID == nil {
            // A new record is identified by its first version's id.
            try await sql.raw("UPDATE experience_records SET record_id = \(bind: id) WHERE id = \(bind: id)").run()
        }
        return id
    }

    static func record(_ sql: any SQLDatabase, id: Int64, field: FieldReference) async throws -> ExperienceRecord {
        guard let row = try await sql.raw("SELECT * FROM experience_records WHERE id = \(bind: id)").first() else {
            throw StorageError.notFound(what: "experience record version \(id)")
        }
        return try record(from: row, field: field)
    }

    static func record(from row: any SQLRow, field: FieldReference) throws -> ExperienceRecord {
        guard let from = Day(try row.decode(column: "from_on", as: String.self)) else {
            throw StorageError.corrupt(detail: "experience_records.from_on is not a date")
        }
        return ExperienceRecord(
            id: try row.decode(column: "id", as: Int64.self),
            recordID: try row.decode(column: "record_id", as: Int64.self),
            version: try row.decode(column: "version", as: Int.self),
            personID: try row.decode(column: "person_id", as: Int64.self),
            field: field,
            role: role(try row.decode(column: "role", as: String.self)),
            from: from,
            to: try row.decode(column: "to_on", as: String?.self).flatMap(Day.init),
            peakStaff: try row.decode(column: "peak_staff", as: Int?.self),
            annualContractYen: try row.decode(column: "annual_contract_yen", as: Int64?.self),
            customer: try row.decode(column: "customer", as: String?.self),
            description: try row.decode(column: "description", as: String?.self),
            verifiedBy: try row.decode(column: "verified_by", as: Int64?.self),
            verifiedOn: try row.decode(column: "verified_on", as: String?.self).flatMap(Day.init))
    }

    static func roleColumn(_ role: Role) -> String {
        CatalogRowCoding.roleColumn(role) ?? "member"
    }

    static func role(_ column: String) -> Role {
        switch column {
        case "leader": .leader
        case "responsible_person": .responsiblePerson
        default: .member
        }
    }
}
