/// What the level rule asks of an experience record under a scale condition, precomputed for speed.
///
/// Every minimum the condition names counts, whatever its measure (peak staff, annual contract value,
/// installation sites, answered inquiries, …): the texts join them with "or", so a record that reaches any one
/// of them meets the size part. Upper bounds ("less than 10 persons") are descriptive only.
struct ScaleRequirement: Sendable, Hashable {
    /// The least role a record must have held, or `nil` when the condition names none.
    var role: Role?
    /// The named minimums, in the order of `ScaleMeasure.order`; alternatives.
    var minimums: [Minimum]

    /// One named minimum ("100 or more installation sites").
    struct Minimum: Sendable, Hashable {
        var measure: ScaleMeasure
        var value: Int64
    }

    init(_ condition: ScaleCondition) {
        role = condition.role
        minimums = condition.thresholds.compactMap { threshold in
            threshold.minimum.map { Minimum(measure: threshold.measure, value: $0) }
        }
    }

    /// Whether the condition asks anything at all; a condition that names nothing is met without a record.
    var isEmpty: Bool { role == nil && !namesMinimum }

    /// Whether the condition names a minimum of any measure.
    var namesMinimum: Bool { !minimums.isEmpty }

    /// Whether the record's role is at least the required one (always, when no role is required).
    func roleMet(by record: ExperienceEvidence) -> Bool {
        guard let role else { return true }
        return record.role >= role
    }

    /// Whether the record reaches one of the named minimums (always, when none is named): the thresholds are
    /// alternatives ("10 persons or more … or 100 or more installation sites").
    func minimumMet(by record: ExperienceEvidence) -> Bool {
        guard namesMinimum else { return true }
        for minimum in minimums {
            if let value = record.measures[minimum.measure], value >= minimum.value { return true }
        }
        return false
    }

    /// How close the record comes to a named minimum: the larger of value ÷ minimum over the named measures
    /// (0 when the record lacks every figure). Used only to rank records, never to decide.
    func ratio(of record: ExperienceEvidence) -> Double {
        guard namesMinimum else { return 1 }
        var best = 0.0
        for minimum in minimums {
            if let value = record.measures[minimum.measure] { best = max(best, Self.ratio(value, minimum.value)) }
        }
        return best
    }

    private static func ratio(_ value: Int64, _ minimum: Int64) -> Double {
        minimum <= 0 ? (value >= minimum ? .infinity : 0) : Double(value) / Double(minimum)
    }
}

extension ScaleCondition {
    /// Whether the level rule asks anything of an experience record under this condition: a role or a minimum
    /// of any measure. Conditions that name neither (only descriptive upper bounds) are met without a record.
    public var namesRecordRequirement: Bool { !ScaleRequirement(self).isEmpty }

    /// Whether one experience record satisfies the condition as the level rule reads it: its role is at least
    /// the required role (if one is named) and, if minimums are named, it reaches at least one of them.
    public func isMet(by record: ExperienceEvidence) -> Bool {
        let requirement = ScaleRequirement(self)
        return requirement.roleMet(by: record) && requirement.minimumMet(by: record)
    }

    /// What the condition asks of a record in words, e.g. `responsible person with ≥ 10 staff or
    /// ≥ ¥100,000,000/year or ≥ 100 installation sites`, `leader`, or `no requirement`.
    public var requirementSummary: String {
        let requirement = ScaleRequirement(self)
        let minimums = requirement.minimumsSummary
        switch (role, minimums) {
        case (nil, nil): return "no requirement"
        case let (role?, nil): return role.label
        case let (nil, minimums?): return minimums
        case let (role?, minimums?): return "\(role.label) with \(minimums)"
        }
    }
}

extension ScaleRequirement {
    /// `≥ 75 staff or ≥ ¥750,000,000/year`, or `nil` when no minimum is named.
    var minimumsSummary: String? {
        let parts = minimums.map { "≥ " + ScaleCondition.format($0.value, $0.measure) }
        return parts.isEmpty ? nil : parts.joined(separator: " or ")
    }
}
