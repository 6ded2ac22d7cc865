import Foundation
import ITSSDomain
import SQLKit

extension AppDatabase {
    /// Recomputes and stores a person's official and provisional level in a field, inside the caller's
    /// transaction, with since when the person is assessed on each basis (M020: the first approved assessment's
    /// decision, the first assessment's start), and appends to the level history when the official level changes.
    func recomputeLevels(_ sql: any SQLDatabase, personID: Int64, field: CatalogIndex.FieldEntry, cause: String) async throws {
        let inputs = try await LevelInputs.read(sql, personID: personID, field: field, before: nil)
        let official = LevelRule.evaluate(
            field.compiled, ratings: inputs.approvedRatings, records: inputs.verifiedRecords, basis: .approved)
        let provisional = LevelRule.evaluate(
            field.compiled, ratings: inputs.selfRatings, records: inputs.allRecords, basis: .provisional)
        let computedAt = timestamp()
        let previous = try await sql.raw(
            """
            SELECT level FROM person_levels WHERE person_id = \(bind: personID) AND field_id = \(bind: field.id) AND basis = 'approved'
            """
        ).first()
        let bases = [
            ("approved", official, inputs.firstApprovedAt), ("provisional", provisional, inputs.firstAssessedAt),
        ]
        for (basis, breakdown, assessedAt) in bases {
            try await sql.raw(
                """
                INSERT INTO person_levels (person_id, field_id, basis, level, computed_at, assessed_at)
                VALUES (\(bind: personID), \(bind: field.id), \(bind: basis), \(bind: breakdown.attainedLevel), \(bind: computedAt),
                    \(bind: assessedAt))
                ON CONFLICT (person_id, field_id, basis) DO UPDATE
                    SET level = excluded.level, computed_at = excluded.computed_at, assessed_at = excluded.assessed_at
                """
            ).run()
        }
        let previousLevel = try previous?.decode(column: "level", as: Int?.self)
        if previous == nil ? official.attainedLevel != nil : previousLevel != official.attainedLevel {
            try await sql.raw(
                """
                INSERT INTO level_history (person_id, field_id, level, previous_level, effective_at, cause)
                VALUES (\(bind: personID), \(bind: field.id), \(bind: official.attainedLevel), \(bind: previousLevel),
                    \(bind: computedAt), \(bind: cause))
                """
            ).run()
        }
    }

    /// A person's levels in one field or all their fields, now (materialised) or as of a past day (computed
    /// from the history of approvals and verifications).
    /// - Throws: `StorageError.notFound` for an unknown person or field.
    public func levels(
        of employeeNumber: String, field fieldQuery: String? = nil, asOf day: Day? = nil
    ) async throws -> [PersonLevel] {
        let index = try await catalogIndex()
        let person = try await person(id: PeopleQueries.personID(sql(), employeeNumber: employeeNumber), index: index)
        let fields = try fieldQuery.map { [try index.resolveField($0)] } ?? person.fields.compactMap(index.field)
        return try await levels(of: person, in: fields, asOf: day)
    }

    /// The levels of a person already read, in all their fields: no lookup of the person (two queries).
    /// - Throws: database errors.
    public func levels(of person: Person, asOf day: Day? = nil) async throws -> [PersonLevel] {
        try await levels(of: person, in: person.fields.compactMap(catalogIndex().field), asOf: day)
    }

    private func levels(of person: Person, in fields: [CatalogIndex.FieldEntry], asOf day: Day?) async throws -> [PersonLevel] {
        // Any timestamp on `day` sorts below "YYYY-MM-DDT99".
        let inputs = try await LevelInputs.read(sql(), personID: person.id, fields: fields, before: day.map { "\($0)T99" })
        return fields.map { field in
            let input = inputs[field.id] ?? LevelInputs()
            let official = LevelRule.evaluate(
                field.compiled, ratings: input.approvedRatings, records: input.verifiedRecords, basis: .approved)
            let provisional =
                day == nil
                ? LevelRule.evaluate(field.compiled, ratings: input.selfRatings, records: input.allRecords, basis: .provisional)
                : nil
            return PersonLevel(
                employeeNumber: person.employeeNumber, field: field.reference, asOf: day, official: official,
                provisional: provisional)
        }
    }

    /// The official level changes of a person, oldest first.
    /// - Throws: `StorageError.notFound` for an unknown person.
    public func levelHistory(of employeeNumber: String) async throws -> [LevelChange] {
        try await levelHistory(personID: PeopleQueries.personID(sql(), employeeNumber: employeeNumber))
    }

    /// The official level changes of a person by id, oldest first (none for an unknown id). One query.
    /// - Throws: database errors.
    public func levelHistory(personID: Int64) async throws -> [LevelChange] {
        try await levelHistory(personID: personID, page: nil)
    }

    /// The official level changes of a person, oldest first or newest first (one page of them when `page` is given).
    func levelHistory(personID: Int64, page: PageRequest?, newestFirst: Bool = false) async throws -> [LevelChange] {
        let index = try await catalogIndex()
        return try await sql().raw(
            """
            SELECT field_id, level, previous_level, effective_at, cause FROM level_history WHERE person_id = \(bind: personID)
            ORDER BY id\(unsafeRaw: newestFirst ? " DESC" : "")\(PageRequest.limit(page))
            """
        ).all().compactMap { row in
            guard let field = index.field(id: try row.decode(column: "field_id", as: Int64.self)) else { return nil }
            return LevelChange(
                field: field.reference, level: try row.decode(column: "level", as: Int?.self),
                previousLevel: try row.decode(column: "previous_level", as: Int?.self),
                effectiveAt: try row.decode(column: "effective_at", as: String.self),
                cause: try row.decode(column: "cause", as: String.self))
        }
    }
}

/// One change of a person's official level.
public struct LevelChange: Sendable, Codable, Hashable {
    public var field: FieldReference
    public var level: Int?
    public var previousLevel: Int?
    public var effectiveAt: String
    public var cause: String
}
