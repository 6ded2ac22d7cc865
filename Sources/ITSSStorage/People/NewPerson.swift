import ITSSDomain

/// What is needed to add a person, with ids (see `PersonForm` and `AppDatabase.resolve(_:)` for what people type).
public struct NewPerson: Sendable, Hashable {
    public var employeeNumber: String
    public var name: String
    public var email: String?
    /// The org unit, if the person belongs to one.
    public var orgUnitID: Int64?
    public var active: Bool
    public var joinedOn: Day?
    /// The specialty fields the person works in.
    public var fieldIDs: [Int64]

    public init(
        employeeNumber: String, name: String, email: String? = nil, orgUnitID: Int64? = nil, active: Bool = true,
        joinedOn: Day? = nil, fieldIDs: [Int64] = []
    ) {
        self.employeeNumber = employeeNumber
        self.name = name
        self.email = email
        self.orgUnitID = orgUnitID
        self.active = active
        self.joinedOn = joinedOn
        self.fieldIDs = fieldIDs
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
