import ITSSStorage

/// The signed-in account, as `GET /api/v1/me` returns it.
struct APIAccount: Codable, Sendable, Hashable {
    var login: String
    var role: String
    var employeeNumber: String?
    var name: String?

    init(_ account: Account) {
        login = account.login
        role = account.role.rawValue
        employeeNumber = account.employeeNumber
        name = account.personName
    }
}
