/// What a principal may do in general; person-bound rules (only the person rates themselves, only an assigned
/// evaluator approves) apply on top, whatever the role.
public enum AccessRole: String, Codable, Sendable, Hashable, CaseIterable, Comparable {
    /// Everything, including accounts and catalog imports.
    case administrator = "admin"
    /// All people, org units, evaluator assignments, imports and reports.
    case hr
    /// Their own data, and the people their evaluator assignments cover.
    case evaluator
    /// Their own data only.
    case employee

    /// How much the role may do, for ordering (administrator highest).
    private var rank: Int {
        switch self {
        case .administrator: 3
        case .hr: 2
        case .evaluator: 1
        case .employee: 0
        }
    }

    public static func < (lhs: AccessRole, rhs: AccessRole) -> Bool { lhs.rank < rhs.rank }
}
