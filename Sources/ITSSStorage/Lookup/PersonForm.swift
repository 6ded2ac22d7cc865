import ITSSDomain

/// A person as typed (CLI arguments, a web form): names and codes, before the lookup turns them into ids.
public struct PersonForm: Sendable, Hashable {
    public var employeeNumber: String
    public var name: String
    public var email: String?
    /// The org unit's code.
    public var orgUnit: String?
    public var active: Bool
    public var joinedOn: Day?
    /// Specialty field names as typed (resolved like `itss catalog show`).
    public var fields: [String]

    public init(
        employeeNumber: String, name: String, email: String? = nil, orgUnit: String? = nil, active: Bool = true,
        joinedOn: Day? = nil, fields: [String] = []
    ) {
        self.employeeNumber = employeeNumber
        self.name = name
        self.email = email
        self.orgUnit = orgUnit
        self.active = active
        self.joinedOn = joinedOn
        self.fields = fields
    }
}
