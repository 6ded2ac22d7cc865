import ITSSDomain

/// What is needed to add a person.
public struct NewPerson: Sendable, Hashable {
    public var employeeNumber: String
    public var name: String
    public var email: String?
    /// The org unit's code, if the person belongs to one.
    public var orgUnitCode: String?
    public var active: Bool
    public var joinedOn: Day?
    /// Specialty field names as typed (resolved like `itss catalog show`).
    public var fields: [String]

    public init(
        employeeNumber: String, name: String, email: String? = nil, orgUnitCode: String? = nil, active: Bool = true,
        joinedOn: Day? = nil, fields: [String] = []
    ) {
        self.employeeNumber = employeeNumber
        self.name = name
        self.email = email
        self.orgUnitCode = orgUnitCode
        self.active = active
        self.joinedOn = joinedOn
        self.fields = fields
    }

    /// Checks the values against `InputBounds`, the bounds the CSV import and the API apply too: employee
    /// number and name (trimmed, as they are stored), e-mail syntax, and a joining date at most a year after
    /// `today`.
    /// - Throws: `InputError` naming the first field out of bounds.
    public func validate(today: Day) throws(InputError) {
        try InputBounds.identifier(employeeNumber.trimmingCharacters(in: .whitespaces), field: "employee_number")
        try InputBounds.name(name.trimmingCharacters(in: .whitespaces))
        if let email { try InputBounds.email(email) }
        if let joinedOn { try InputBounds.joinedOn(joinedOn, today: today) }
    }
}
