/// The rows of a bulk-import file read `rowsPerBatch` records at a time: each batch's records are checked as
/// `SpreadsheetRows` checks a whole file, with the same errors at the same lines.
public struct CSVRowBatches<Row: Sendable>: ParsedRowBatches {
    private var reader: CSVReader
    private let rowsPerBatch: Int
    private let read: (CSVTable, CSVTable.Row) -> (Row?, [RowError])

    /// Opens `input` and checks its header against `columns`.
    /// - Parameter read: Reads one record of a batch into a row, or reports its errors.
    /// - Throws: `BulkImportError` for a file that cannot be read or a header without the required columns, with
    ///   unknown ones, or with one twice.
    init(
        _ input: CSVInput, columns: (required: [String], optional: [String]), rowsPerBatch: Int,
        read: @escaping (CSVTable, CSVTable.Row) -> (Row?, [RowError])
    ) throws(BulkImportError) {
        do throws(RowError) {
            reader = try CSVReader(input)
            try CSVTable(columns: reader.columns, rows: [], values: []).requireColumns(
                columns.required, optional: columns.optional)
        } catch {
            throw BulkImportError(rows: [error])
        }
        self.rowsPerBatch = max(rowsPerBatch, 1)
        self.read = read
    }

    public mutating func next() throws(BulkImportError) -> ParsedRows<Row>? {
        let table: CSVTable
        do throws(RowError) {
            guard let batch = try reader.next(maxRecords: rowsPerBatch) else { return nil }
            table = batch
        } catch {
            throw BulkImportError(rows: [error])
        }
        return SpreadsheetRows.readRows(table, read)
    }
}
