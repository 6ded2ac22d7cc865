/// Who performs a write, and in which role: the one input every write use case takes, used both for the
/// permission check and for the audit entry.
public struct Principal: Codable, Sendable, Hashable {
    /// How the principal came to act.
    public enum Origin: Codable, Sendable, Hashable {
        /// The command-line operator: whoever has the CLI and the database. Acts with administrator rights,
        /// optionally on behalf of a person (`--as`), whose person-bound rules then apply.
        case `operator`(systemUser: String)
        /// A signed-in account.
        case account(login: String)
        /// The product itself (loading the built-in standards, migrations).
        case system(purpose: String)
    }

    public var origin: Origin
    public var role: AccessRole
    /// The person the principal is, or acts for; `nil` for an operator or the system acting for nobody.
    public var personID: Int64?
    /// That person's employee number, for the audit entry.
    public var employeeNumber: String?

    public init(origin: Origin, role: AccessRole, personID: Int64? = nil, employeeNumber: String? = nil) {
        self.origin = origin
        self.role = role
        self.personID = personID
        self.employeeNumber = employeeNumber
    }

    /// The CLI operator (administrator rights), acting for a person or for nobody.
    public static func `operator`(
        systemUser: String, actingFor personID: Int64? = nil, employeeNumber: String? = nil
    )
        -> Principal
    {
        Principal(
            origin: .operator(systemUser: systemUser), role: .administrator, personID: personID, employeeNumber: employeeNumber)
    }

    /// The product acting on its own (built-in standards, migrations).
    public static func system(_ purpose: String) -> Principal {
        Principal(origin: .system(purpose: purpose), role: .administrator)
    }

    /// How the audit log names the principal: `operator alice for M001`, `account hanako (employee) E1001`,
    /// `system (built-in standards)`.
    public var auditName: String {
        let person = employeeNumber.map { " \($0)" } ?? ""
        switch origin {
        case let .operator(user): return "operator \(user)" + (employeeNumber.map { " for \($0)" } ?? "")
        case let .account(login): return "account \(login) (\(role.rawValue))" + person
        case let .system(purpose): return "system (\(purpose))"
        }
    }
}
