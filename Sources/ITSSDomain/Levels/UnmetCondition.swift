/// One condition of a level that a person does not meet, with what it takes to meet it.
public enum UnmetCondition: Codable, Sendable, Hashable {
    /// An item rated below the level: its name, the rating used, the level needed and that level's text.
    case item(name: String, rating: Int, needed: Int, text: String)
    /// The field's scale condition at `level` is not met: the condition, the best record against it (`nil` when
    /// there is none) and why it falls short.
    case scale(level: Int, condition: ScaleCondition, best: ExperienceEvidence?, reason: String)

    /// One line for terminals and reports, e.g. `Leadership: rated 3, needs 4` or
    /// `scale at level 5 (responsible person with ≥ 75 staff …): no verified experience record in the field`.
    public var summary: String {
        switch self {
        case let .item(name, rating, needed, _):
            "\(name): rated \(rating), needs \(needed)"
        case let .scale(level, condition, _, reason):
            "scale condition of level \(level) (\(condition.requirementSummary)): \(reason)"
        }
    }
}
