import ITSSDomain
import SQLKit

/// One person × field of the levels export.
public struct LevelExportRow: Sendable, Hashable, Codable {
    public var employeeNumber: String
    public var name: String
    public var orgUnitCode: String?
    public var active: Bool
    public var field: FieldReference
    /// The official (or provisional) level; `nil` with `cell` telling below or not assessed.
    public var level: Int?
    public var cell: SkillMapCell
}

/// One rating of the latest approved assessment of a person in a field.
public struct RatingExportRow: Sendable, Hashable, Codable {
    public var employeeNumber: String
    public var name: String
    public var orgUnitCode: String?
    public var field: FieldReference
    public var cycle: String
    public var decidedAt: String
    public var item: String
    public var selfLevel: Int?
    public var evaluatorLevel: Int?
}

/// Where the next batch of an export starts: after this row's keys (keyset paging, so each batch is one indexed
/// range read however far into the export it is).
public struct ExportCursor: Sendable, Hashable {
    var person: Int64
    var field: Int64
    var item: Int64

    /// The cursor as the API hands it out: `PERSON.FIELD.ITEM` (ids).
    public var token: String { "\(person).\(field).\(item)" }

    /// Reads a `token`; `nil` for anything else.
    public init?(token: String) {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, token.count <= 60, let person = Int64(parts[0]), let field = Int64(parts[1]),
            let item = Int64(parts[2]), person >= 0, field >= 0, item >= 0
        else { return nil }
        self.init(person: person, field: field, item: item)
    }

    init(person: Int64, field: Int64, item: Int64) {
        self.person = person
        self.field = field
        self.item = item
    }
}

/// A batch of an export and the cursor of the next one (`nil` after the last).
public struct ExportBatch<Row: Sendable>: Sendable {
    public var rows: [Row]
    public var next: ExportCursor?
}

extension AppDatabase {
    /// A batch of the people × field levels of a map's scope, in person and field order: the same pairs and levels
    /// the map counts. Read batch after batch (streamed), never the whole table at once.
    /// - Throws: `StorageError.refused` for provisional levels of a past date.
    public func levelExport(
        _ scope: SkillMapScope, filter: SkillMapFilter = SkillMapFilter(), after cursor: ExportCursor? = nil,
        limit: Int = 1_000
    ) async throws -> ExportBatch<LevelExportRow> {
        try filter.checkLayer()
        let sql = try sql()
        let index = try await catalogIndex()
        let query = SkillMapSQL(scope: scope, filter: filter)
        let after: SQLQueryString =
            cursor.map { "AND (p.id > \(bind: $0.person) OR (p.id = \(bind: $0.person) AND pf.field_id > \(bind: $0.field)))" }
            ?? ""
        let rows = try await sql.raw(
            """
            SELECT p.id, p.employee_number, p.name, p.active, u.code AS unit_code, pf.field_id, \(query.level) AS level,
                CASE WHEN \(query.level) IS NULL AND \(query.assessed) THEN 1 ELSE 0 END AS assessed
            \(query.pairs) \(after)
            ORDER BY p.id, pf.field_id LIMIT \(bind: max(1, limit))
            """
        ).all()
        var result: [LevelExportRow] = []
        var last: ExportCursor?
        for row in rows {
            let fieldID = try row.decode(column: "field_id", as: Int64.self)
            last = ExportCursor(person: try row.decode(column: "id", as: Int64.self), field: fieldID, item: 0)
            guard let field = index.field(id: fieldID) else { continue }
            let level = try row.decode(column: "level", as: Int?.self)
            let assessed = try row.decode(column: "assessed", as: Int.self) == 1
            result.append(
                LevelExportRow(
                    employeeNumber: try row.decode(column: "employee_number", as: String.self),
                    name: try row.decode(column: "name", as: String.self),
                    orgUnitCode: try row.decode(column: "unit_code", as: String?.self),
                    active: try row.decode(column: "active", as: Bool.self), field: field.reference, level: level,
                    cell: level.map(SkillMapCell.level) ?? (assessed ? .below : .notAssessed)))
        }
        return ExportBatch(rows: result, next: rows.count < max(1, limit) ? nil : last)
    }

    /// A batch of the ratings of each person's latest approved assessment per field (latest by decision time,
    /// then cycle, then id — the assessment the official level comes from), in person, field and item order.
    /// - Throws: database errors.
    public func ratingExport(
        _ scope: SkillMapScope, fieldIDs: [Int64]? = nil, includeInactive: Bool = false, after cursor: ExportCursor? = nil,
        limit: Int = 1_000
    ) async throws -> ExportBatch<RatingExportRow> {
        let sql = try sql()
        let index = try await catalogIndex()
        let query = SkillMapSQL(scope: scope, filter: SkillMapFilter(fieldIDs: fieldIDs, includeInactive: includeInactive))
        let fields: SQLQueryString = fieldIDs.map { $0.isEmpty ? "AND 1 = 0" : "AND a.field_id IN \(list: $0)" } ?? ""
        let after: SQLQueryString =
            cursor.map {
                """
                AND (p.id > \(bind: $0.person) OR (p.id = \(bind: $0.person) AND (a.field_id > \(bind: $0.field)
                    OR (a.field_id = \(bind: $0.field) AND r.item_id > \(bind: $0.item)))))
                """
            } ?? ""
        let rows = try await sql.raw(
            """
            SELECT p.id, p.employee_number, p.name, u.code AS unit_code, a.field_id, a.cycle, a.decided_at, r.item_id,
                r.self_level, r.evaluator_level
            FROM people p JOIN assessments a ON a.person_id = p.id AND a.state = 'approved'
            JOIN assessment_ratings r ON r.assessment_id = a.id
            LEFT JOIN org_units u ON u.id = p.org_unit_id
            WHERE \(query.people) \(fields) \(after) AND NOT EXISTS (
                SELECT 1 FROM assessments b
                WHERE b.person_id = a.person_id AND b.field_id = a.field_id AND b.state = 'approved'
                  AND (b.decided_at > a.decided_at OR (b.decided_at = a.decided_at
                      AND (b.cycle > a.cycle OR (b.cycle = a.cycle AND b.id > a.id)))))
            ORDER BY p.id, a.field_id, r.item_id LIMIT \(bind: max(1, limit))
            """
        ).all()
        var result: [RatingExportRow] = []
        var last: ExportCursor?
        for row in rows {
            let fieldID = try row.decode(column: "field_id", as: Int64.self)
            let itemID = try row.decode(column: "item_id", as: Int64.self)
            last = ExportCursor(person: try row.decode(column: "id", as: Int64.self), field: fieldID, item: itemID)
            guard let field = index.field(id: fieldID), let item = field.itemNames[itemID] else { continue }
            result.append(
                RatingExportRow(
                    employeeNumber: try row.decode(column: "employee_number", as: String.self),
                    name: try row.decode(column: "name", as: String.self),
                    orgUnitCode: try row.decode(column: "unit_code", as: String?.self), field: field.reference,
                    cycle: try row.decode(column: "cycle", as: String.self),
                    decidedAt: try row.decode(column: "decided_at", as: String.self), item: item,
                    selfLevel: try row.decode(column: "self_level", as: Int?.self),
                    evaluatorLevel: try row.decode(column: "evaluator_level", as: Int?.self)))
        }
        return ExportBatch(rows: result, next: rows.count < max(1, limit) ? nil : last)
    }
}
