/// The rows of a bulk insert in one flat list, row after row: millions of rows without an array each.
struct BatchRows {
    /// Values per row.
    let columns: Int
    private(set) var values: [BatchValue] = []

    init(columns: Int, capacity: Int = 0) {
        self.columns = max(columns, 1)
        values.reserveCapacity(capacity * self.columns)
    }

    /// Rows already built one array each.
    init(columns: Int, rows: ArraySlice<[BatchValue]>) {
        self.init(columns: columns, capacity: rows.count)
        for row in rows { values += row }
    }

    var count: Int { values.count / columns }
    var isEmpty: Bool { values.isEmpty }

    /// Appends one row: one value per column.
    @inline(__always)
    mutating func append(_ row: BatchValue...) {
        values += row
    }

    /// The values of rows `range`, row after row.
    func values(ofRows range: Range<Int>) -> ArraySlice<BatchValue> {
        values[(range.lowerBound * columns)..<(range.upperBound * columns)]
    }
}
