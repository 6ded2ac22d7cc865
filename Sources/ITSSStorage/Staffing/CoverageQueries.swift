import ITSSDomain
import SQLKit

/// One skill item's coverage in a unit: how many people are rated at least each level.
public struct CoverageItem: Sendable, Hashable, Codable {
    public var item: String
    /// People rated at least L for L = 1…7 (`ratedAtLeast[L - 1]`), from their latest approved assessment.
    public var ratedAtLeast: [Int]

    /// People rated at least `level` (1–7).
    public func rated(atLeast level: Int) -> Int { ratedAtLeast.indices.contains(level - 1) ? ratedAtLeast[level - 1] : 0 }

    /// At most one person holds level 4 or above in the item.
    public var isSinglePointOfFailure: Bool { rated(atLeast: 4) <= 1 }
}

/// A field's coverage in a unit.
public struct FieldCoverage: Sendable, Hashable, Codable {
    public var field: FieldReference
    public var fieldID: Int64
    public var definedLevels: [Int]
    /// Active people of the unit with an approved assessment in the field.
    public var assessed: Int
    /// The field's items in catalog order.
    public var items: [CoverageItem]

    /// The items at most one person holds at level 4 or above, in catalog order.
    public var singlePointsOfFailure: [CoverageItem] { items.filter(\.isSinglePointOfFailure) }
}

/// Coverage of an org unit with its sub-units.
public struct CoverageReport: Sendable, Hashable {
    public var orgUnit: OrgUnit
    /// Active people in the unit and its sub-units.
    public var people: Int
    public var fields: [FieldCoverage]
}

/// Someone whose next level in a field is exactly one unmet condition away.
public struct NearCandidate: Sendable, Hashable, Codable {
    public var person: StaffingPersonReference
    /// Their official level (`nil`: below the field's first level).
    public var level: Int?
    public var nextLevel: Int
    /// The one condition the level rule finds missing.
    public var lack: UnmetCondition
}

/// A page of near candidates. The list is found by walking the unit's people in batches, so its total is not
/// known; `hasMore` says whether another page follows.
public struct NearCandidatePage: Sendable, Hashable, Codable {
    public var items: [NearCandidate]
    public var page: Int
    public var perPage: Int
    public var hasMore: Bool
}

extension AppDatabase {
    /// Per skill item of each field (one field, or every field the unit's people have approved assessments in):
    /// how many active people of the unit and its sub-units are rated at least each level, from their latest
    /// approved assessment. Two queries per field, plus one for the fields and one for the head count.
    /// - Throws: `StorageError.notFound` for an unknown unit or field, database errors.
    public func coverage(orgUnitID: Int64, fieldID: Int64? = nil) async throws -> CoverageReport {
        let sql = try sql()
        let index = try await catalogIndex()
        guard let unit = try await orgUnits(ids: [orgUnitID]).first else {
            throw StorageError.notFound(what: "org unit #\(orgUnitID)")
        }
        let people =
            try await sql.raw(
                "WITH RECURSIVE \(OrgSubtree.expression(orgUnitID)) SELECT COUNT(*) AS n FROM people p WHERE \(OrgSubtree.activeMember())"
            ).first()?.decode(column: "n", as: Int.self) ?? 0
        var fieldIDs: [Int64]
        if let fieldID {
            fieldIDs = [try index.assessableField(id: fieldID).id]
        } else {
            fieldIDs = try await sql.raw(
                """
                WITH RECURSIVE \(OrgSubtree.expression(orgUnitID))
                SELECT DISTINCT a.field_id FROM assessments a JOIN people p ON p.id = a.person_id
                WHERE a.state = 'approved' AND \(OrgSubtree.activeMember())
                """
            ).all().map { try $0.decode(column: "field_id", as: Int64.self) }
            let order = Dictionary(index.fields.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
            fieldIDs.sort { (order[$0] ?? .max) < (order[$1] ?? .max) }
        }
        var fields: [FieldCoverage] = []
        for id in fieldIDs {
            guard let field = index.field(id: id) else { continue }
            fields.append(try await Self.coverage(sql, unitID: orgUnitID, field: field))
        }
        return CoverageReport(orgUnit: unit, people: people, fields: fields)
    }

    private static func coverage(
        _ sql: any SQLDatabase, unitID: Int64, field: CatalogIndex.FieldEntry
    ) async throws -> FieldCoverage {
        let latest: SQLQueryString =
            "WITH RECURSIVE \(OrgSubtree.expression(unitID)), \(NearPrefilter.latestApproved(fieldID: field.id, asOf: nil))"
        let assessed =
            try await sql.raw("\(latest) SELECT COUNT(*) AS n FROM ranked WHERE rn = 1").first()?.decode(
                column: "n", as: Int.self) ?? 0
        var counts: [String: [Int]] = [:]
        for row in try await sql.raw(
            """
            \(latest)
            SELECT ar.item_id, ar.evaluator_level, COUNT(*) AS n FROM ranked r
            JOIN assessment_ratings ar ON ar.assessment_id = r.id
            WHERE r.rn = 1 AND ar.evaluator_level IS NOT NULL
            GROUP BY ar.item_id, ar.evaluator_level
            """
        ).all() {
            guard let item = field.itemNames[try row.decode(column: "item_id", as: Int64.self)] else { continue }
            let level = try row.decode(column: "evaluator_level", as: Int.self)
            let n = try row.decode(column: "n", as: Int.self)
            var atLeast = counts[item] ?? [Int](repeating: 0, count: 7)
            for reached in 1...7 where level >= reached { atLeast[reached - 1] += n }
            counts[item] = atLeast
        }
        let items = field.compiled.itemNames.map {
            CoverageItem(item: $0, ratedAtLeast: counts[$0] ?? [Int](repeating: 0, count: 7))
        }
        return FieldCoverage(
            field: field.reference, fieldID: field.id, definedLevels: field.compiled.definedLevels, assessed: assessed,
            items: items)
    }

    /// A page of the unit's active people (with sub-units) whose next official level in the field is exactly one
    /// unmet condition away, in employee-number order, each with that condition. SQL narrows the people first
    /// (`NearPrefilter`); their breakdowns are computed in batches only until the page is full.
    /// - Throws: `StorageError.notFound` / `.refused` for an unknown or shared-levels field, database errors.
    public func nearCandidates(orgUnitID: Int64, fieldID: Int64, page: PageRequest) async throws -> NearCandidatePage {
        let sql = try sql()
        let field = try await catalogIndex().assessableField(id: fieldID)
        let prefiltered = try await NearPrefilter.people(
            sql, unitID: orgUnitID, field: field, targets: NearPrefilter.everyLevel(of: field), asOf: nil)
        let wanted = page.offset + page.perPage + 1
        var found: [NearCandidate] = []
        var start = 0
        while start < prefiltered.count, found.count < wanted {
            let batch = Array(prefiltered[start..<min(start + FieldBreakdowns.batchSize, prefiltered.count)])
            start += batch.count
            let breakdowns = try await FieldBreakdowns.read(sql, field: field, people: batch.map(\.id), asOf: nil)
            for person in batch {
                guard let breakdown = breakdowns[person.id], let next = breakdown.nextLevel,
                    let lack = NearCandidacy.nextLevelLack(breakdown)
                else { continue }
                found.append(
                    NearCandidate(
                        person: StaffingPersonReference(
                            personID: person.id, employeeNumber: person.employeeNumber, name: person.name),
                        level: breakdown.attainedLevel, nextLevel: next, lack: lack))
            }
        }
        let items = Array(found.dropFirst(page.offset).prefix(page.perPage))
        return NearCandidatePage(
            items: items, page: page.page, perPage: page.perPage, hasMore: found.count > page.offset + page.perPage)
    }
}
