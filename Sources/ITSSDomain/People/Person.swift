/// An IT professional whose skills are assessed.
public struct Person: Codable, Sendable, Hashable {
    public var id: Int64
    /// Unique within the organisation, e.g. `E1001`.
    public var employeeNumber: String
    public var name: String
    public var email: String?
    public var orgUnitID: Int64?
    public var active: Bool
    public var joinedOn: Day?
    /// The specialty fields the person works in (across standards).
    public var fields: [FieldReference]

    public init(
        id: Int64, employeeNumber: String, name: String, email: String?, orgUnitID: Int64?, active: Bool,
        joinedOn: Day?, fields: [FieldReference]
    ) {
        self.id = id
        self.employeeNumber = employeeNumber
        self.name = name
        self.email = email
        self.orgUnitID = orgUnitID
        self.active = active
        self.joinedOn = joinedOn
        self.fields = fields
    }
}
