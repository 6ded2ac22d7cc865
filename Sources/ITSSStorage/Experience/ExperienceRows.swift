import ITSSDomain
import SQLKit

/// Rows of `experience_records`.
enum ExperienceRows {
    /// The column of each measure: its raw value (`peak_staff`, `installation_sites`, …), one per
    /// `ScaleMeasure` case (M005, M013).
    static func column(_ measure: ScaleMeasure) -> String { measure.rawValue }

    /// Every measure column, comma-separated, in `ScaleMeasure.allCases` order.
    static let measureColumns = ScaleMeasure.allCases.map(column).joined(separator: ", ")

    /// The bound values of `measureColumns`, `NULL` where the record states no figure.
    static func measureValues(_ measures: [ScaleMeasure: Int64]) -> [SQLBind] {
        ScaleMeasure.allCases.map { SQLBind(measures[$0]) }
    }

    /// The figures of a row, by measure.
    static func measures(from row: any SQLRow) throws -> [ScaleMeasure: Int64] {
        var measures: [ScaleMeasure: Int64] = [:]
        for measure in ScaleMeasure.allCases {
            measures[measure] = try row.decode(column: column(measure), as: Int64?.self)
        }
        return measures
    }

    static func insert(
        _ sql: any SQLDatabase, _ new: NewExperience, recordID: Int64?, version: Int, createdAt: String, actor: String
    ) async throws -> Int64 {
        guard
            let row = try await sql.raw(
                """
                INSERT INTO experience_records (record_id, version, person_id, field_id, role, from_on, to_on,
                    \(unsafeRaw: measureColumns), customer, description, created_at, created_by)
                VALUES (\(bind: recordID), \(bind: version), \(bind: new.personID), \(bind: new.fieldID), \(bind: new.role.rawValue),
                    \(bind: new.from.description), \(bind: new.to?.description), \(SQLList(measureValues(new.measures))),
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
        guard let role = Role(rawValue: try row.decode(column: "role", as: String.self)) else {
            throw StorageError.corrupt(detail: "experience_records.role is not a role")
        }
        return ExperienceRecord(
            id: try row.decode(column: "id", as: Int64.self),
            recordID: try row.decode(column: "record_id", as: Int64.self),
            version: try row.decode(column: "version", as: Int.self),
            personID: try row.decode(column: "person_id", as: Int64.self),
            field: field,
            role: role,
            from: from,
            to: try row.decode(column: "to_on", as: String?.self).flatMap(Day.init),
            measures: try measures(from: row),
            customer: try row.decode(column: "customer", as: String?.self),
            description: try row.decode(column: "description", as: String?.self),
            verifiedBy: try row.decode(column: "verified_by", as: Int64?.self),
            verifiedOn: try row.decode(column: "verified_on", as: String?.self).flatMap(Day.init),
            linkedFromRecordID: try row.decode(column: "linked_from_record_id", as: Int64?.self))
    }

    /// Every version of one person's records in the given fields, by field, in record and version order. One
    /// query on the person's index. A verification recorded at or after `verifiedBefore` is left out.
    static func versions(
        _ sql: any SQLDatabase, personID: Int64, fields: [Int64: CatalogIndex.FieldEntry], verifiedBefore cutoff: String?
    ) async throws -> [Int64: [ExperienceRecord]] {
        var result: [Int64: [ExperienceRecord]] = [:]
        for row in try await sql.raw(
            "SELECT * FROM experience_records WHERE person_id = \(bind: personID) ORDER BY record_id, version"
        ).all() {
            let fieldID = try row.decode(column: "field_id", as: Int64.self)
            guard let field = fields[fieldID] else { continue }
            var record = try ExperienceRows.record(from: row, field: field.reference)
            if let cutoff, let verifiedAt = try row.decode(column: "verified_at", as: String?.self), verifiedAt >= cutoff {
                record.verifiedBy = nil
                record.verifiedOn = nil
            }
            result[fieldID, default: []].append(record)
        }
        return result
    }

    /// Every version of the records of one field (of one person, or of everyone), in record and version order.
    /// A verification recorded at or after `verifiedBefore` (ISO-8601 text) is left out, for levels as of a date.
    static func versions(
        _ sql: any SQLDatabase, field: CatalogIndex.FieldEntry, personID: Int64? = nil, verifiedBefore cutoff: String? = nil
    ) async throws -> [ExperienceRecord] {
        let person: SQLQueryString = personID.map { "AND person_id = \(bind: $0)" } ?? ""
        return try await sql.raw(
            "SELECT * FROM experience_records WHERE field_id = \(bind: field.id) \(person) ORDER BY record_id, version"
        ).all().map { row in
            var record = try ExperienceRows.record(from: row, field: field.reference)
            if let cutoff, let verifiedAt = try row.decode(column: "verified_at", as: String?.self), verifiedAt >= cutoff {
                record.verifiedBy = nil
                record.verifiedOn = nil
            }
            return record
        }
    }
}
