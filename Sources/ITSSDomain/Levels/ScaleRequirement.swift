/// What the level rule asks of an experience record under a scale condition, precomputed for speed.
///
/// Only the role and the two minimums experience records carry count: peak staff and annual contract value.
/// Minimum installation sites and inquiries are not requirements (records do not carry them), and upper bounds
/// ("less than 10 persons") are descriptive only.
struct ScaleRequirement: Sendable, Hashable {
    /// The least role a record must have held, or `nil` when the condition names none.
    var role: Role?
    var minimumStaff: Int64?
    var minimumContractYen: Int64?

    init(_ condition: ScaleCondition) {
        role = condition.role
        minimumStaff = condition.minimumStaff
        minimumContractYen = condition.minimumContractYen
    }

    /// Whether the condition asks anything at all; a condition that names nothing is met without a record.
    var isEmpty: Bool { role == nil && !namesMinimum }

    /// Whether the condition names a staff or contract minimum.
    var namesMinimum: Bool { minimumStaff != nil || minimumContractYen != nil }

    /// Whether the record's role is at least the required one (always, when no role is required).
    func roleMet(by record: ExperienceEvidence) -> Bool {
        guard let role else { return true }
        return record.role >= role
    }

    /// Whether the record reaches one of the named minimums (always, when none is named): the thresholds are
    /// alternatives ("75 or more staff or … 750 million yen or more").
    func minimumMet(by record: ExperienceEvidence) -> Bool {
        guard namesMinimum else { return true }
        if let minimumStaff, let staff = record.peakStaff, Int64(staff) >= minimumStaff { return true }
        if let minimumContractYen, let yen = record.annualContractYen, yen >= minimumContractYen { return true }
        return false
    }

    /// How close the record comes to a named minimum: the larger of value ÷ minimum over the named measures
    /// (0 when the record lacks the figure). Used only to rank records, never to decide.
    func ratio(of record: ExperienceEvidence) -> Double {
        guard namesMinimum else { return 1 }
        var best = 0.0
        if let minimumStaff, let staff = record.peakStaff {
            best = max(best, Self.ratio(Int64(staff), minimumStaff))
        }
        if let minimumContractYen, let yen = record.annualContractYen {
            best = max(best, Self.ratio(yen, minimumContractYen))
        }
        return best
    }

    private static func ratio(_ value: Int64, _ minimum: Int64) -> Double {
        minimum <= 0 ? (value >= minimum ? .infinity : 0) : Double(value) / Double(minimum)
    }
}

extension ScaleCondition {
    /// Whether the level rule asks anything of an experience record under this condition: a role, a minimum
    /// peak staff or a minimum annual contract value. Conditions that name nothing else (no role, only
    /// installation sites, inquiries or descriptive upper bounds) are met without a record.
    public var namesRecordRequirement: Bool { !ScaleRequirement(self).isEmpty }

    /// Whether one experience record satisfies the condition as the level rule reads it: its role is at least
    /// the required role (if one is named) and, if a staff or contract minimum is named, it reaches at least
    /// one of them.
    public func isMet(by record: ExperienceEvidence) -> Bool {
        let requirement = ScaleRequirement(self)
        return requirement.roleMet(by: record) && requirement.minimumMet(by: record)
    }

    /// What the condition asks of a record in words, e.g. `responsible person with ≥ 75 staff or
    /// ≥ ¥750,000,000/year`, `leader`, or `no requirement`.
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
        var parts: [String] = []
        if let minimumStaff { parts.append("≥ " + ScaleCondition.format(minimumStaff, .peakStaff)) }
        if let minimumContractYen { parts.append("≥ " + ScaleCondition.format(minimumContractYen, .annualContractYen)) }
        return parts.isEmpty ? nil : parts.joined(separator: " or ")
    }
}
