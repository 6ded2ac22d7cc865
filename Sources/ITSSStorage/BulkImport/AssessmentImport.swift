import ITSSDomain
import ITSSImport
import SQLKit

extension AppDatabase {
    /// Rows checked and written at a time: a batch larger than this (rows built in memory) is taken in slices.
    static let assessmentRowsPerSlice = 50_000

    /// Imports assessments (one row per rating) held in memory, all or nothing; see
    /// `importAssessments(batches:approvedBy:by:)`.
    /// - Throws: `BulkImportError` listing every bad row with its line (the file's and the database checks').
    @discardableResult
    public func importAssessments(
        _ parsed: ParsedRows<SpreadsheetRows.RatingRow>, approvedBy: Int64?, by principal: Principal
    ) async throws -> BulkImportSummary {
        try await importAssessments(batches: { ParsedRowBatchList([parsed]) }, approvedBy: approvedBy, by: principal)
    }

    /// Imports assessments (one row per rating), all or nothing, from batches of rows — a file read a chunk at a
    /// time (`SpreadsheetRows.ratingBatches`) — so that memory holds a batch, not the file. With `approvedBy` (a
    /// person id), every assessment is approved by that evaluator — who must be assigned to each person and may
    /// not be the person — and the levels are stored in the same transaction; otherwise they are drafts (and the
    /// provisional levels are stored). Fields are added to the people's fields.
    ///
    /// One transaction: each batch is checked and, while every row so far is good, written; a bad row anywhere
    /// (or a file that cannot be read to its end) rolls everything back, after every later row was still checked.
    /// - Parameter batches: Opens the rows from their start; opened again if the transaction is retried.
    /// - Throws: `BulkImportError` listing every bad row with its line (the file's and the database checks').
    @discardableResult
    public func importAssessments(
        batches open: @escaping @Sendable () throws -> any ParsedRowBatches<SpreadsheetRows.RatingRow>,
        approvedBy: Int64?, by principal: Principal
    ) async throws -> BulkImportSummary {
        let index = try await catalogIndex()
        let stamp = timestamp()
        return try await transaction { sql in
            let directory = try await BulkDirectory.read(sql)
            try await self.authorize(sql, principal, .importAssessments, person: nil)
            var approverNumber: String?
            var scope: BulkDirectory.EvaluatorScope?
            if let approvedBy {
                approverNumber = try await PeopleQueries.employeeNumber(sql, personID: approvedBy)
                scope = try await directory.scope(of: approvedBy, sql)
            }
            var run = AssessmentImportRun(directory: directory, index: index, approvedBy: scope, at: stamp)
            // The next batch is read (its CSV parsed, its cells checked) on another thread while this one is
            // checked against the database and written.
            let source = BatchPrefetch(try open())
            var reading = Task { try source.next() }
            while let batch = try await reading.value {
                reading = Task { try source.next() }
                guard batch.rows.count > Self.assessmentRowsPerSlice else {
                    try await run.add(batch, sql)
                    continue
                }
                // Rows built in memory may come as one large batch: take it in slices, each checked and written.
                var start = 0
                repeat {
                    let end = min(start + Self.assessmentRowsPerSlice, batch.rows.count)
                    try await run.add(
                        ParsedRows(rows: Array(batch.rows[start..<end]), errors: start == 0 ? batch.errors : []), sql)
                    start = end
                } while start < batch.rows.count
            }
            run.checkApproval()
            guard run.errors.isEmpty else { throw BulkImportError(rows: run.errors) }
            let groups = run.groups
            try await BulkLevels.addPersonFields(
                sql, keys: Set(groups.map { PersonFieldKey(personID: $0.key.personID, fieldID: $0.key.fieldID) }), at: stamp)
            var levels = 0
            if run.approved {
                // Several cycles of one person and field may come in one file: the latest cycle decides.
                var latest: [PersonFieldKey: Int] = [:]
                for (position, group) in groups.enumerated() {
                    let key = PersonFieldKey(personID: group.key.personID, fieldID: group.key.fieldID)
                    if let current = latest[key], groups[current].key.cycle >= group.key.cycle { continue }
                    latest[key] = position
                }
                var byField: [Int64: [Int64: Int]] = [:]
                for (key, position) in latest { byField[key.fieldID, default: [:]][key.personID] = position }
                for fieldID in byField.keys.sorted() {
                    guard let people = byField[fieldID], let field = index.field(id: fieldID) else { continue }
                    let sorted = people.keys.sorted()
                    var from = 0
                    while from < sorted.count {
                        let to = min(from + BulkLevels.peoplePerQuery * 5, sorted.count)
                        var ratings: [Int64: BulkLevelInputs.Ratings] = [:]
                        for person in sorted[from..<to] {
                            if let position = people[person] { ratings[person] = run.ratingVectors(of: groups[position]) }
                        }
                        levels += try await BulkLevels.store(
                            sql, field: field, ratings: ratings, at: stamp, cause: "assessment import")
                        from = to
                    }
                }
            } else {
                // Drafts leave the official levels as they were; the provisional ones (self ratings) and since
                // when each pair is assessed change, as when a draft is started and self-rated one at a time.
                levels = try await BulkLevels.recompute(
                    sql, keys: Set(groups.map { PersonFieldKey(personID: $0.key.personID, fieldID: $0.key.fieldID) }),
                    index: index, at: stamp, cause: "assessment import")
            }
            try await self.audit(
                sql, principal, .importAssessments, subject: "\(groups.count) assessments",
                detail: "\(run.rowCount) ratings; " + (approverNumber.map { "approved by \($0)" } ?? "drafts"))
            return BulkImportSummary(rows: run.rowCount, created: groups.count, levelsComputed: levels)
        }
    }
}

/// Batches read one at a time by whichever task asks: each read starts after the previous one finished (the
/// importer waits for a batch before it asks for the next), so the batches are never read concurrently.
private final class BatchPrefetch: @unchecked Sendable {
    private var batches: any ParsedRowBatches<SpreadsheetRows.RatingRow>

    init(_ batches: any ParsedRowBatches<SpreadsheetRows.RatingRow>) { self.batches = batches }

    func next() throws(BulkImportError) -> ParsedRows<SpreadsheetRows.RatingRow>? { try batches.next() }
}
