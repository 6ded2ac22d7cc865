/// A unit of the organisation (company, division, department, team); units form a tree.
public struct OrgUnit: Codable, Sendable, Hashable {
    public var id: Int64
    /// A short unique code, e.g. `OPS-1`.
    public var code: String
    public var name: String
    public var parentID: Int64?

    public init(id: Int64, code: String, name: String, parentID: Int64?) {
        self.id = id
        self.code = code
        self.name = name
        self.parentID = parentID
    }
}
