import ITSSDomain

/// A piece of track record as typed (CLI options, a web form), before the lookup turns names into ids.
public struct ExperienceForm: Sendable, Hashable {
    public var employeeNumber: String
    /// The specialty field as typed.
    public var field: String
    public var role: Role
    public var from: Day
    public var to: Day?
    /// The figures the record states, by measure (see `ScaleMeasure`).
    public var measures: [ScaleMeasure: Int64]
    public var customer: String?
    public var description: String?

    public init(
        employeeNumber: String, field: String, role: Role, from: Day, to: Day? = nil,
        measures: [ScaleMeasure: Int64] = [:], customer: String? = nil, description: String? = nil
    ) {
        self.employeeNumber = employeeNumber
        self.field = field
        self.role = role
        self.from = from
        self.to = to
        self.measures = measures
        self.customer = customer
        self.description = description
    }
}
