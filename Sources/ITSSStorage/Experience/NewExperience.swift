import ITSSDomain

/// What is needed to record a piece of track record (or a correction of one), with ids (see `ExperienceForm`).
public struct NewExperience: Sendable, Hashable {
    public var personID: Int64
    public var fieldID: Int64
    public var role: Role
    public var from: Day
    public var to: Day?
    public var peakStaff: Int?
    public var annualContractYen: Int64?
    public var customer: String?
    public var description: String?

    public init(
        personID: Int64, fieldID: Int64, role: Role, from: Day, to: Day? = nil, peakStaff: Int? = nil,
        annualContractYen: Int64? = nil, customer: String? = nil, description: String? = nil
    ) {
        self.personID = personID
        self.fieldID = fieldID
        self.role = role
        self.from = from
        self.to = to
        self.peakStaff = peakStaff
        self.annualContractYen = annualContractYen
        self.customer = customer
        self.description = description
    }

    /// - Throws: `StorageError.refused` naming the field when a value is out of range.
    func validate() throws {
        if let to, to < from { throw StorageError.refused(reason: "to (\(to)) is before from (\(from))") }
        if let peakStaff, peakStaff < 0 { throw StorageError.refused(reason: "peak staff must not be negative") }
        if let annualContractYen, annualContractYen < 0 {
            throw StorageError.refused(reason: "annual contract value must not be negative")
        }
    }
}
