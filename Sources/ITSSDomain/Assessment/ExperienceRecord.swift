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
    /// The scale of the work, one figure per measure the record states (peak staff, annual contract value,
    /// installation sites, answered inquiries per year, …); a measure the record does not state is absent.
    public var measures: [ScaleMeasure: Int64]
    public var customer: String?
    public var description: String?
    /// The evaluator who verified it (a person id), if verified.
    public var verifiedBy: Int64?
    public var verifiedOn: Day?
    /// The record (its `recordID`) this one was linked from when carried across editions, if it was.
    public var linkedFromRecordID: Int64?

    public init(
        id: Int64, recordID: Int64, version: Int, personID: Int64, field: FieldReference, role: Role, from: Day, to: Day?,
        measures: [ScaleMeasure: Int64], customer: String?, description: String?, verifiedBy: Int64?, verifiedOn: Day?,
        linkedFromRecordID: Int64? = nil
    ) {
        self.linkedFromRecordID = linkedFromRecordID
        self.id = id
        self.recordID = recordID
        self.version = version
        self.personID = personID
        self.field = field
        self.role = role
        self.from = from
        self.to = to
        self.measures = measures
        self.customer = customer
        self.description = description
        self.verifiedBy = verifiedBy
        self.verifiedOn = verifiedOn
    }

    public var isVerified: Bool { verifiedBy != nil }

    /// What the level rule needs of this record.
    public var evidence: ExperienceEvidence {
        ExperienceEvidence(
            recordID: recordID, role: role, measures: measures,
            label: "#\(recordID)" + (customer.map { " \($0)" } ?? "") + " \(from)…\(to.map(String.init(describing:)) ?? "")")
    }
}

/// The facts of one experience record the level rule weighs.
public struct ExperienceEvidence: Codable, Sendable, Hashable {
    public var recordID: Int64
    public var role: Role
    /// The figures the record states, by measure; the rule compares each minimum a condition names with the
    /// figure of the same measure.
    public var measures: [ScaleMeasure: Int64]
    /// A short human label ("#12 ACME service desk 2024-04-01…2025-03-31").
    public var label: String

    public init(recordID: Int64, role: Role, measures: [ScaleMeasure: Int64], label: String) {
        self.recordID = recordID
        self.role = role
        self.measures = measures
        self.label = label
    }

    /// A record stating at most staff and contract value (the two measures most texts name).
    public init(recordID: Int64, role: Role, peakStaff: Int?, annualContractYen: Int64?, label: String) {
        var measures: [ScaleMeasure: Int64] = [:]
        measures[.peakStaff] = peakStaff.map(Int64.init)
        measures[.annualContractYen] = annualContractYen
        self.init(recordID: recordID, role: role, measures: measures, label: label)
    }

    /// The record's figure for a measure, if it states one.
    public subscript(measure: ScaleMeasure) -> Int64? { measures[measure] }
}
