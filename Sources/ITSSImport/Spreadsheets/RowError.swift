import Foundation
import ITSSDomain

/// A problem with one row of a bulk-import file: its line, the column if known, and what was expected.
public struct RowError: LocalizedError, Sendable, Hashable {
    public var line: Int
    public var column: String?
    public var message: String

    public init(line: Int, column: String? = nil, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    /// A value out of `InputBounds` in a row: the error's field is the column.
    public init(line: Int, _ error: InputError) {
        self.init(line: line, column: error.field, message: error.message)
    }

    public var errorDescription: String? {
        "line \(line)" + (column.map { ", column \($0)" } ?? "") + ": " + message
    }
}

/// Every bad row of a bulk import; nothing was written.
public struct BulkImportError: LocalizedError, Sendable {
    public var rows: [RowError]

    public init(rows: [RowError]) { self.rows = rows.sorted { $0.line < $1.line } }

    public var errorDescription: String? {
        "\(rows.count) bad row(s), nothing was imported; first: " + (rows.first?.errorDescription ?? "")
    }
}
