import Foundation

/// Why a gap analysis cannot be made.
public enum GapError: LocalizedError, Sendable, Hashable {
    /// The target level is not one the field defines.
    case targetNotDefined(target: Int, field: String, definedLevels: [Int])

    /// One line, e.g. `level 6 is not defined in Service Desk; its levels are 3, 4`.
    public var errorDescription: String? {
        switch self {
        case let .targetNotDefined(target, field, definedLevels):
            definedLevels.isEmpty
                ? "level \(target) is not defined in \(field); it defines no level"
                : "level \(target) is not defined in \(field); its levels are "
                    + definedLevels.map(String.init).joined(separator: ", ")
        }
    }
}
