/// One cell of the grid: a level, "below the field's first level" (assessed, no level reached) or "not assessed"
/// (works in the field, no approved assessment — for the provisional layer: no assessment at all).
public enum SkillMapCell: Sendable, Hashable, Codable, CustomStringConvertible, LosslessStringConvertible {
    case level(Int)
    case below
    case notAssessed

    /// `1`…`7`, `below`, `none`.
    public init?(_ text: String) {
        switch text {
        case "below": self = .below
        case "none": self = .notAssessed
        default:
            guard let level = Int(text), (1...7).contains(level) else { return nil }
            self = .level(level)
        }
    }

    public var description: String {
        switch self {
        case let .level(level): String(level)
        case .below: "below"
        case .notAssessed: "none"
        }
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let cell = SkillMapCell(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a cell: \(text)"))
        }
        self = cell
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
