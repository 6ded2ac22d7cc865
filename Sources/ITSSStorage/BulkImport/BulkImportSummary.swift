/// What a bulk import wrote.
public struct BulkImportSummary: Sendable, Hashable, Codable {
    public var rows: Int
    /// People, records or assessments created.
    public var created: Int
    /// Levels stored (approved imports only).
    public var levelsComputed: Int
}
