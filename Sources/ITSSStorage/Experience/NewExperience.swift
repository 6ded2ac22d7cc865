import ITSSDomain

/// What is needed to record a piece of track record (or a correction of one), with ids (see `ExperienceForm`).
public struct NewExperience: Sendable, Hashable {
    public var personID: Int64
    public var fieldID: Int64
    public var role: Role
    public var from: Day
    public var to: Day?
    /// The figures the record states, by measure (see `ScaleMeasure`).
    public var measures: [ScaleMeasure: Int64]
    public var customer: String?
    public var description: String?

    public init(
        personID: Int64, fieldID: Int64, role: Role, from: Day, to: Day? = nil,
        measures: [ScaleMeasure: Int64] = [:], customer: String? = nil, description: String? = nil
    ) {
        self.personID = personID
        self.fieldID = fieldID
        self.role = role
        self.from = from
        self.to = to
        self.measures = measures
        self.customer = customer
        self.description = description
    }

    /// Checks the values against `InputBounds`, the bounds the CSV import and the API apply too: the period
    /// (`from` not after `today`, `to` not before `from`), the range of each measure, and text lengths.
    /// - Throws: `InputError` naming the first field out of bounds.
    public func validate(today: Day) throws(InputError) {
        try InputBounds.experiencePeriod(from: from, to: to, today: today)
        for (measure, value) in measures.sorted(by: { $0.key.order < $1.key.order }) {
            try InputBounds.measure(value, measure)
        }
        try InputBounds.optionalName(customer, field: "customer")
        try InputBounds.freeText(description, field: "description")
    }
}
