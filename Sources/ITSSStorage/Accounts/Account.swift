import ITSSDomain

/// A sign-in account of the web application: a login, a role, and the person it is (none for a pure
/// administrator account).
public struct Account: Sendable, Hashable, Codable {
    public var id: Int64
    public var login: String
    public var role: AccessRole
    public var personID: Int64?
    /// The person's employee number and name, when the account is a person's.
    public var employeeNumber: String?
    public var personName: String?
    public var active: Bool
    /// Whether a password is set (an account signing in only through the proxy has none).
    public var hasPassword: Bool
    public var version: Int
    public var createdAt: String

    /// The principal the account acts as.
    public var principal: Principal {
        Principal(origin: .account(login: login), role: role, personID: personID, employeeNumber: employeeNumber)
    }
}

/// What an administrator may change on an account (each `nil` keeps the value).
public struct AccountChange: Sendable, Hashable {
    public var role: AccessRole?
    public var active: Bool?

    public init(role: AccessRole? = nil, active: Bool? = nil) {
        self.role = role
        self.active = active
    }
}

/// An API token as listed (the secret itself is shown once, at creation, and never stored).
public struct APIToken: Sendable, Hashable, Codable {
    public var id: Int64
    public var accountID: Int64
    public var name: String
    public var createdAt: String
    public var revokedAt: String?
}

/// A signed-in browser session: who, and the token its forms must carry.
public struct SignedInSession: Sendable, Hashable {
    public var account: Account
    /// Sent in every form (`_csrf`) and by scripts as `X-CSRF-Token`; compared on every unsafe request.
    public var csrfToken: String
    public var expiresAt: String
}
