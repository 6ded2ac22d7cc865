/// Which inputs a level was computed from. Every level result carries it, so an official level and a
/// provisional one are never confused.
public enum LevelBasis: String, Codable, Sendable, Hashable, CaseIterable {
    /// The official level: evaluator ratings of approved assessments and verified experience records.
    case approved
    /// The provisional level: the person's self ratings and every experience record, verified or not.
    case provisional
}
