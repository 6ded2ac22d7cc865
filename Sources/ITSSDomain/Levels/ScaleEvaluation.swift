/// Condition 2 of the level rule: a field's scale condition at one level against a person's records.
enum ScaleEvaluation {
    /// Checks the requirement against the records and picks the deciding record.
    ///
    /// The deciding record is the best one by `isRanked(_:above:)`; since that order is total, the result does
    /// not depend on the order of `records`.
    static func check(
        _ requirement: ScaleRequirement, condition: ScaleCondition, records: [ExperienceEvidence], basis: LevelBasis
    ) -> ScaleCheck {
        guard !requirement.isEmpty else {
            return ScaleCheck(condition: condition, decidingRecord: nil, outcome: .noRequirement)
        }
        var best: Candidate?
        for record in records {
            let candidate = Candidate(record, requirement)
            if let current = best, !isRanked(candidate, above: current) { continue }
            best = candidate
        }
        guard let best else {
            return ScaleCheck(
                condition: condition, decidingRecord: nil, outcome: basis == .approved ? .noVerifiedRecord : .noRecord)
        }
        let outcome: ScaleOutcome =
            switch (best.roleMet, best.minimumMet) {
            case (true, true): .met
            case (false, true): .roleTooLow
            case (true, false): .belowMinimum
            case (false, false): .roleTooLowAndBelowMinimum
            }
        return ScaleCheck(condition: condition, decidingRecord: best.record, outcome: outcome)
    }

    /// A record scored against a requirement.
    struct Candidate {
        var record: ExperienceEvidence
        var roleMet: Bool
        var minimumMet: Bool
        var ratio: Double

        init(_ record: ExperienceEvidence, _ requirement: ScaleRequirement) {
            self.record = record
            roleMet = requirement.roleMet(by: record)
            minimumMet = requirement.minimumMet(by: record)
            ratio = requirement.ratio(of: record)
        }

        var meets: Bool { roleMet && minimumMet }
    }

    /// The ranking of records: those meeting the condition, then those with the required role, then the one
    /// closest to a minimum (by ratio), then the more senior role; remaining ties are broken on the record's
    /// identity and facts so that the order is total.
    static func isRanked(_ a: Candidate, above b: Candidate) -> Bool {
        if a.meets != b.meets { return a.meets }
        if a.roleMet != b.roleMet { return a.roleMet }
        if a.ratio != b.ratio { return a.ratio > b.ratio }
        if a.record.role != b.record.role { return a.record.role > b.record.role }
        if a.record.recordID != b.record.recordID { return a.record.recordID < b.record.recordID }
        if let order = order(a.record.peakStaff.map(Int64.init), b.record.peakStaff.map(Int64.init)) { return order }
        if let order = order(a.record.annualContractYen, b.record.annualContractYen) { return order }
        return a.record.label < b.record.label
    }

    /// Larger figures first, a figure before none; `nil` when equal.
    private static func order(_ a: Int64?, _ b: Int64?) -> Bool? {
        switch (a, b) {
        case (nil, nil): nil
        case (nil, _?): false
        case (_?, nil): true
        case let (a?, b?): a == b ? nil : a > b
        }
    }
}
