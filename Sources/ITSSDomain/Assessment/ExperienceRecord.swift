/// A piece of track record in a specialty field: the role held and the scale of the work.
///
/// Verified records are immutable; a correction is a new version of the same record (same `recordID`).
public struct ExperienceRecord: Codable, Sendable, Hashable {
    /// Identifies this version.
    public var id: Int64
    /// Identifies the record across its versions.
    public var recordID: Int64
    public var version: Int
    public var personID: Int64
    public var field: FieldReference
    public var role: Role
    public var from: Day
    public var to: Day?
    public var peakStaff: Int?
    public var annualContractYen: Int64?
    public var customer: String?
    public var description: String?
    /// The evaluator who verified it (a person id), if verified.
    public var verifiedBy: Int64?
    public var verifiedOn: Day?

    public init(
        id: Int64, recordID: Int64, version: Int, personID: Int64, field: FieldReference, role: Role, from: Day, to: Day?,
        peakStaff: Int?, annualContractYen: Int64?, customer: String?, description: String?, verifiedBy: Int64?,
        verifiedOn: Day?
    ) {
        self.id = id
        self.recordID = recordID
        self.version = version
        self.personID = personID
        self.field = field
        self.role = role
        self.from = from
        self.to = to
        self.peakStaff = peakStaff
        self.annualContractYen = annualContractYen
        self.customer = customer
        self.description = description
        self.verifiedBy = verifiedBy
        self.verifiedOn = verifiedOn
    }

    public var isVerified: Bool { verifiedBy != nil }

    /// What the level rule needs of this record.
    public var evidence: ExperienceEvidence {
        ExperienceEvidence(
            recordID: recordID, role: role, peakStaff: peakStaff, annualContractYen: annualContractYen,
            label: "#\(recordID)" + (customer.map { " \($0)" } ?? "") + " \(from)…\(to.map(String.init(describing:)) ?? "")")
    }
}

/// The facts of one experience record the level rule weighs.
public struct ExperienceEvidence: Codable, Sendable, Hashable {
    public var recordID: Int64
    public var role: Role
    public var peakStaff: Int?
    public var annualContractYen: Int64?
    /// A short human label ("#12 ACME service desk 2024-04-01…2025-03-31").
    public var label: String

    public init(recordID: Int64, role: Role, peakStaff: Int?, annualContractYen: Int64?, label: String) {
        self.recordID = recordID
        self.role = role
        self.peakStaff = peakStaff
        self.annualContractYen = annualContractYen
        self.label = label
    }
}
