/// How condition 2 of the level rule (the field's scale condition) came out at one level.
public enum ScaleOutcome: String, Codable, Sendable, Hashable, CaseIterable {
    /// The condition names no role and no minimum, so it holds without a record.
    case noRequirement
    /// A record meets the condition (`ScaleCheck.decidingRecord`).
    case met
    /// No record was given, and the level is the official one (only verified records count).
    case noVerifiedRecord
    /// No record was given, and the level is provisional.
    case noRecord
    /// The best record reaches a named minimum but not the required role.
    case roleTooLow
    /// The best record has the required role but reaches none of the named minimums.
    case belowMinimum
    /// No record has the required role, and the best one also reaches none of the named minimums.
    case roleTooLowAndBelowMinimum

    /// Whether the outcome satisfies the condition.
    public var isMet: Bool { self == .met || self == .noRequirement }
}

/// Condition 2 of the level rule at one level (3 and above): the field's scale condition against the records.
///
/// The reason is derived from the outcome on demand rather than stored, so evaluating a level builds no text;
/// it is included when a check is encoded.
public struct ScaleCheck: Sendable, Hashable {
    /// The field's scale condition at the level (the majority of its items, see `SpecialtyField.scaleConditions`);
    /// `ScaleCondition.none` when the field states none.
    public var condition: ScaleCondition
    /// Whether the condition holds.
    public var met: Bool { outcome.isMet }
    /// The record that decided: the one that meets the condition, or when none does, the best one against it
    /// (records with the required role first, then the one closest to a minimum by ratio). `nil` when no
    /// record was given or the condition names nothing.
    public var decidingRecord: ExperienceEvidence?
    /// Why the condition holds or not.
    public var outcome: ScaleOutcome

    public init(condition: ScaleCondition, decidingRecord: ExperienceEvidence?, outcome: ScaleOutcome) {
        self.condition = condition
        self.decidingRecord = decidingRecord
        self.outcome = outcome
    }

    /// One line saying why the condition holds or falls short, naming the deciding record.
    public var reason: String {
        let requirement = ScaleRequirement(condition)
        let needs = condition.requirementSummary
        guard let record = decidingRecord else {
            switch outcome {
            case .noRequirement: return "the condition names no role and no minimum"
            case .noRecord: return "no experience record in the field"
            default: return "no verified experience record in the field"
            }
        }
        let facts = Self.facts(of: record, against: requirement)
        switch outcome {
        case .noRequirement: return "the condition names no role and no minimum"
        case .met: return "met by \(record.label) (\(facts))"
        case .noVerifiedRecord, .noRecord: return "no record meets \(needs)"
        case .roleTooLow:
            return "best record \(record.label) (\(facts)): \(Self.roleShortfall(record, requirement))"
        case .belowMinimum:
            return "best record \(record.label) (\(facts)): below \(requirement.minimumsSummary ?? needs)"
        case .roleTooLowAndBelowMinimum:
            return "best record \(record.label) (\(facts)): \(Self.roleShortfall(record, requirement)), and below "
                + (requirement.minimumsSummary ?? needs)
        }
    }

    /// `the role leader is below the required responsible person`.
    static func roleShortfall(_ record: ExperienceEvidence, _ requirement: ScaleRequirement) -> String {
        "the role \(record.role.label) is below the required \(requirement.role?.label ?? "role")"
    }

    /// `responsible person, 60 staff, ¥500,000,000/year`: the record's role and the figures of the measures the
    /// condition names (or that it lacks them).
    static func facts(of record: ExperienceEvidence, against requirement: ScaleRequirement) -> String {
        var parts = [record.role.label]
        for minimum in requirement.minimums {
            parts.append(
                record.measures[minimum.measure].map { ScaleCondition.format($0, minimum.measure) }
                    ?? "no \(minimum.measure.missingLabel)")
        }
        return parts.joined(separator: ", ")
    }
}

extension ScaleCheck: Codable {
    private enum CodingKeys: String, CodingKey {
        case condition, met, decidingRecord, outcome, reason
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        condition = try container.decode(ScaleCondition.self, forKey: .condition)
        decidingRecord = try container.decodeIfPresent(ExperienceEvidence.self, forKey: .decidingRecord)
        outcome = try container.decode(ScaleOutcome.self, forKey: .outcome)
    }

    /// Encodes the check with `met` and `reason` spelt out, for stored breakdowns and JSON output.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(condition, forKey: .condition)
        try container.encode(met, forKey: .met)
        try container.encodeIfPresent(decidingRecord, forKey: .decidingRecord)
        try container.encode(outcome, forKey: .outcome)
        try container.encode(reason, forKey: .reason)
    }
}
