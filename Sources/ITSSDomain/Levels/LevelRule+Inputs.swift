extension LevelRule {
    /// The ratings the rule weighs for a basis: evaluator ratings for `.approved`, self ratings for
    /// `.provisional`. Items without that rating are left out, so they count as 0.
    ///
    /// For the official level pass the ratings of the person's approved assessment of the field only.
    public static func ratings(from ratings: [SkillRating], basis: LevelBasis) -> [String: Int] {
        var result: [String: Int] = [:]
        for rating in ratings {
            let level = basis == .approved ? rating.evaluatorLevel : rating.selfLevel
            if let level { result[rating.item] = level }
        }
        return result
    }

    /// The records that count for a basis: verified ones for `.approved`, every record for `.provisional`
    /// (a provisional level shows what the person would hold once their records are verified).
    ///
    /// Pass the current version of each record of the person in the field.
    public static func evidence(from records: [ExperienceRecord], basis: LevelBasis) -> [ExperienceEvidence] {
        records.filter { basis == .provisional || $0.isVerified }.map(\.evidence)
    }
}
