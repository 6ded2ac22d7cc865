import Foundation

/// The responsibility a level text requires, ordered from least to most senior.
///
/// ITSS level texts say "as a member of …", "as a leader of …" or "as a person responsible for …".
public enum Role: String, Codable, Sendable, Hashable, Comparable, CaseIterable {
    case member
    case leader
    case responsiblePerson = "responsible_person"

    /// Seniority: member 1, leader 2, responsible person 3.
    public var rank: Int {
        switch self {
        case .member: 1
        case .leader: 2
        case .responsiblePerson: 3
        }
    }

    public static func < (lhs: Role, rhs: Role) -> Bool { lhs.rank < rhs.rank }

    /// The English label used in documents, exports and the CLI.
    public var label: String {
        switch self {
        case .member: "member"
        case .leader: "leader"
        case .responsiblePerson: "responsible person"
        }
    }

    /// Parses a label such as `member`, `leader`, `responsible` or `responsible-person`.
    public init?(label: String) {
        switch label.lowercased().replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "_", with: " ") {
        case "member": self = .member
        case "leader": self = .leader
        case "responsible person", "responsible", "person responsible": self = .responsiblePerson
        default: return nil
        }
    }
}
