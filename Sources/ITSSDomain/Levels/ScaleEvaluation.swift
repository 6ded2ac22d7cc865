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
        for index in records.indices {
            let candidate = Candidate(index, records[index], requirement)
            if let current = best, !isRanked(candidate, above: current, in: records) { continue }
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
        return ScaleCheck(condition: condition, decidingRecord: records[best.index], outcome: outcome)
    }

    /// A record (by its index) scored against a requirement; records are not copied while ranking.
    struct Candidate {
        var index: Int
        var roleMet: Bool
        var minimumMet: Bool
        var ratio: Double

        init(_ index: Int, _ record: ExperienceEvidence, _ requirement: ScaleRequirement) {
            self.index = index
            roleMet = requirement.roleMet(by: record)
            minimumMet = requirement.minimumMet(by: record)
            ratio = requirement.ratio(of: record)
        }

        var meets: Bool { roleMet && minimumMet }
    }

    /// The ranking of records: those meeting the condition, then those with the required role, then the one
    /// closest to a minimum (by ratio), then the more senior role; remaining ties are broken on the record's
    /// identity and facts so that the order is total.
    static func isRanked(_ a: Candidate, above b: Candidate, in records: [ExperienceEvidence]) -> Bool {
        if a.meets != b.meets { return a.meets }
        if a.roleMet != b.roleMet { return a.roleMet }
        if a.ratio != b.ratio { return a.ratio > b.ratio }
        return isRanked(records[a.index], above: records[b.index])
    }

    /// Ties on the score: the more senior role, then record id, figures and label, so that the order is total.
    static func isRanked(_ a: ExperienceEvidence, above b: ExperienceEvidence) -> Bool {
        if a.role != b.role { return a.role > b.role }
        if a.recordID != b.recordID { return a.recordID < b.recordID }
        for measure in ScaleMeasure.allCases {
            if let order = order(a.measures[measure], b.measures[measure]) { return order }
        }
        return a.label < b.label
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
