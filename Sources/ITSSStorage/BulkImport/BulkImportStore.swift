import ITSSDomain
import ITSSImport
import SQLKit

extension AppDatabase {
    /// Imports people, all or nothing: every bad row is reported, and nothing is written unless all are good.
    /// - Throws: `BulkImportError` listing every bad row with its line.
    @discardableResult
    public func importPeople(
        _ parsed: ParsedRows<SpreadsheetRows.PersonRow>, by principal: Principal
    ) async throws
        -> BulkImportSummary
    {
        let rows = parsed.rows
        let index = try await catalogIndex()
        let createdAt = timestamp()
        let today = try AppDatabase.day(of: createdAt)
        return try await transaction { sql in
            try await self.authorize(sql, principal, .importPeople, person: nil)
            var directory = try await BulkDirectory.read(sql)
            try await directory.lookUp(rows.map(\.employeeNumber), sql)
            var errors = parsed.errors
            var seen: [String: Int] = [:]
            var people: [[BatchValue]] = []
            var fieldsByNumber: [String: [Int64]] = [:]
            var fieldCache = BulkFieldCache(index: index)
            for row in rows {
                if let first = seen[row.employeeNumber] {
                    errors.append(
                        RowError(
                            line: row.line, column: "employee_number",
                            message: "\"\(row.employeeNumber)\" appears again (first at line \(first))"))
                    continue
                }
                seen[row.employeeNumber] = row.line
                // The file was read without a clock (SpreadsheetRows); the bounds relative to today are checked here.
                do throws(InputError) {
                    if let joinedOn = row.joinedOn { try InputBounds.joinedOn(joinedOn, today: today) }
                } catch {
                    errors.append(RowError(line: row.line, error))
                }
                if directory.exists(row.employeeNumber) {
                    errors.append(
                        RowError(line: row.line, column: "employee_number", message: "\"\(row.employeeNumber)\" already exists"))
                }
                var unitID: Int64?
                if let unit = row.orgUnit {
                    unitID = directory.orgUnitIDs[unit]
                    if unitID == nil {
                        errors.append(
                            RowError(
                                line: row.line, column: "org_unit",
                                message: "unknown org unit \"\(unit)\""
                                    + suggestionText(Suggestions.closest(to: unit, among: Array(directory.orgUnitIDs.keys)))))
                    }
                }
                var fieldIDs: [Int64] = []
                for query in row.fields {
                    switch fieldCache.resolve(query, line: row.line, column: "fields", assessable: true) {
                    case let .success(field): if !fieldIDs.contains(field.id) { fieldIDs.append(field.id) }
                    case let .failure(error): errors.append(error)
                    }
                }
                fieldsByNumber[row.employeeNumber] = fieldIDs
                people.append([
                    .text(row.employeeNumber), .text(row.name), .text(row.email), .integer(unitID), .boolean(row.active),
                    .text(row.joinedOn?.description), .text(createdAt), .text(createdAt),
                ])
            }
            guard errors.isEmpty else { throw BulkImportError(rows: errors) }
            try await BatchInsert.run(
                sql, into: "people",
                columns: ["employee_number", "name", "email", "org_unit_id", "active", "joined_on", "created_at", "updated_at"],
                rows: people)
            var inserted = try await BulkDirectory.read(sql)
            try await inserted.lookUp(rows.map(\.employeeNumber), sql)
            var links: [[BatchValue]] = []
            for row in rows {
                guard case let .success(id) = inserted.person(row.employeeNumber, line: row.line) else { continue }
                for field in fieldsByNumber[row.employeeNumber] ?? [] {
                    links.append([.integer(id), .integer(field), .text(createdAt)])
                }
            }
            try await BatchInsert.run(sql, into: "person_fields", columns: ["person_id", "field_id", "added_at"], rows: links)
            try await self.audit(
                sql, principal, .importPeople, subject: "\(rows.count) people", detail: "bulk import")
            return BulkImportSummary(rows: rows.count, created: rows.count, levelsComputed: 0)
        }
    }

    /// Imports experience records, all or nothing. Rows with `verified_by` are imported verified by that
    /// evaluator (who must be assigned to the person), and the levels they change are stored.
    /// - Throws: `BulkImportError` listing every bad row with its line.
    @discardableResult
    public func importExperience(
        _ parsed: ParsedRows<SpreadsheetRows.ExperienceRow>, by principal: Principal
    ) async throws -> BulkImportSummary {
        let rows = parsed.rows
        let index = try await catalogIndex()
        let createdAt = timestamp()
        let verifiedOn = String(createdAt.prefix(10))
        let actor = principal.auditName
        let today = try AppDatabase.day(of: createdAt)
        return try await transaction { sql in
            try await self.authorize(sql, principal, .importExperience, person: nil)
            var directory = try await BulkDirectory.read(sql)
            try await directory.lookUp(rows.map(\.employeeNumber) + rows.compactMap(\.verifiedBy), sql)
            var errors = parsed.errors
            var fieldCache = BulkFieldCache(index: index)
            var scopes: [Int64: BulkDirectory.EvaluatorScope] = [:]
            var records: [[BatchValue]] = []
            var touched = Set<PersonFieldKey>()
            for row in rows {
                // The file was read without a clock (SpreadsheetRows); the bounds relative to today are checked here.
                do throws(InputError) {
                    try InputBounds.experiencePeriod(from: row.from, to: row.to, today: today)
                } catch {
                    errors.append(RowError(line: row.line, error))
                }
                let person = directory.person(row.employeeNumber, line: row.line)
                let field = fieldCache.resolve(row.field, line: row.line, column: "field", assessable: true)
                var verifierID: Int64?
                if let verifier = row.verifiedBy {
                    switch directory.person(verifier, line: row.line, column: "verified_by") {
                    case let .success(id):
                        verifierID = id
                        let scope: BulkDirectory.EvaluatorScope
                        if let known = scopes[id] {
                            scope = known
                        } else {
                            scope = try await directory.scope(of: id, sql)
                            scopes[id] = scope
                        }
                        if case let .success(personID) = person, !directory.evaluates(scope, personID) {
                            errors.append(
                                RowError(
                                    line: row.line, column: "verified_by",
                                    message: personID == id
                                        ? "\(verifier) cannot verify their own record"
                                        : "\(verifier) is not an evaluator of \(row.employeeNumber)"))
                        }
                    case let .failure(error): errors.append(error)
                    }
                }
                guard case let .success(personID) = person, case let .success(fieldEntry) = field else {
                    if case let .failure(error) = person { errors.append(error) }
                    if case let .failure(error) = field { errors.append(error) }
                    continue
                }
                touched.insert(PersonFieldKey(personID: personID, fieldID: fieldEntry.id))
                records.append([
                    .integer(1), .integer(personID), .integer(fieldEntry.id), .text(row.role.rawValue),
                    .text(row.from.description), .text(row.to?.description),
                ] + ScaleMeasure.allCases.map { .integer(row.measures[$0]) } + [
                    .text(row.customer), .text(row.description), .integer(verifierID), .text(verifierID == nil ? nil : createdAt),
                    .text(verifierID == nil ? nil : verifiedOn), .text(createdAt), .text(actor),
                ])
            }
            guard errors.isEmpty else { throw BulkImportError(rows: errors) }
            // New records are their own first version: set `record_id` on the rows just inserted only (ids above
            // the highest before), not by scanning the whole table for it.
            let highest =
                try await sql.raw("SELECT COALESCE(MAX(id), 0) AS top FROM experience_records").first()?
                .decode(column: "top", as: Int64.self) ?? 0
            try await BatchInsert.run(
                sql, into: "experience_records",
                columns: [
                    "version", "person_id", "field_id", "role", "from_on", "to_on",
                ] + ScaleMeasure.allCases.map(ExperienceRows.column) + [
                    "customer",
                    "description", "verified_by", "verified_at", "verified_on", "created_at", "created_by",
                ], rows: records)
            try await sql.raw(
                "UPDATE experience_records SET record_id = id WHERE id > \(bind: highest) AND record_id IS NULL"
            ).run()
            // One batched pass over every person × field the file touches (a few set-based reads per field and
            // chunk of people), not five statements per pair.
            try await BulkLevels.addPersonFields(sql, keys: touched, at: createdAt)
            let levels = try await BulkLevels.recompute(
                sql, keys: touched, index: index, at: createdAt, cause: "experience import")
            try await self.audit(
                sql, principal, .importExperience, subject: "\(rows.count) records", detail: "bulk import")
            return BulkImportSummary(rows: rows.count, created: rows.count, levelsComputed: levels)
        }
    }
}

/// Resolves field names once per distinct spelling, turning failures into row errors.
struct BulkFieldCache {
    let index: CatalogIndex
    private var cache: [String: Result<CatalogIndex.FieldEntry, StorageError>] = [:]

    init(index: CatalogIndex) { self.index = index }

    mutating func resolve(
        _ query: String, line: Int, column: String, assessable: Bool = false
    ) -> Result<CatalogIndex.FieldEntry, RowError> {
        let result: Result<CatalogIndex.FieldEntry, StorageError>
        if let cached = cache[query] {
            result = cached
        } else {
            do {
                result = .success(try index.resolveField(query, assessable: assessable))
            } catch let error as StorageError {
                result = .failure(error)
            } catch {
                result = .failure(.refused(reason: "\(error)"))
            }
            cache[query] = result
        }
        return result.mapError { RowError(line: line, column: column, message: $0.errorDescription ?? "\($0)") }
    }
}
