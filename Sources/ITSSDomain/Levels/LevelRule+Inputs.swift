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

    /// The records that count for a basis, one per record in record order: for `.approved` the latest verified
    /// version of each record — a correction counts once it is verified itself, until then the verified version
    /// stays in force — and for `.provisional` the latest version, verified or not (a provisional level shows
    /// what the person would hold once their records are verified).
    ///
    /// Pass every version of the person's records in the field.
    public static func evidence(from records: [ExperienceRecord], basis: LevelBasis) -> [ExperienceEvidence] {
        var latest: [Int64: ExperienceRecord] = [:]
        for record in records where basis == .provisional || record.isVerified {
            if let current = latest[record.recordID], current.version > record.version { continue }
            latest[record.recordID] = record
        }
        return latest.keys.sorted().compactMap { latest[$0]?.evidence }
    }
}
