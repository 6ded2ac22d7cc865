/// Rows of a bulk import handed over a batch at a time — a file read in chunks (`CSVRowBatches`) or rows already
/// in memory (`ParsedRowBatchList`) — so that an import holds one batch, not the file.
public protocol ParsedRowBatches<Row> {
    associatedtype Row: Sendable

    /// The next batch: its good rows and an error for each bad one; `nil` when every row was handed over.
    /// - Throws: `BulkImportError` when the file itself cannot be read further (binary data, an unterminated
    ///   quote, text that is not UTF-8, a read error).
    mutating func next() throws(BulkImportError) -> ParsedRows<Row>?
}

/// Batches already in memory, handed over in order.
public struct ParsedRowBatchList<Row: Sendable>: ParsedRowBatches, Sendable {
    private var batches: [ParsedRows<Row>]
    private var position = 0

    public init(_ batches: [ParsedRows<Row>]) { self.batches = batches }

    public mutating func next() throws(BulkImportError) -> ParsedRows<Row>? {
        guard position < batches.count else { return nil }
        defer {
            // Handed over: the list no longer holds it.
            batches[position] = ParsedRows(rows: [])
            position += 1
        }
        return batches[position]
    }
}
