import Foundation

/// One line of a staffing requirement: `count` people holding at least `minimumLevel` in `field`, optionally with
/// verified track record in that field in at least `role` (e.g. responsible person).
public struct StaffingLine: Codable, Sendable, Hashable {
    public var field: FieldReference
    public var minimumLevel: Int
    public var count: Int
    /// The role a verified experience record in the field must show (or a more senior one); `nil` for none.
    public var role: Role?

    public init(field: FieldReference, minimumLevel: Int, count: Int, role: Role? = nil) {
        self.field = field
        self.minimumLevel = minimumLevel
        self.count = count
        self.role = role
    }

    /// `Service Desk ≥ 4 × 2 (responsible person)`.
    public var summary: String {
        "\(field.field) ≥ \(minimumLevel) × \(count)" + (role.map { " (\($0.label))" } ?? "")
    }
}

/// A staffing line as typed (`Service Desk:4:1`, `V3:Service Desk:3:2:responsible`): the field still a name.
public struct StaffingLineSpec: Codable, Sendable, Hashable {
    /// The field as typed; the lookup layer resolves it.
    public var field: String
    public var minimumLevel: Int
    public var count: Int
    public var role: Role?

    /// The largest number of people one line may ask for.
    public static let maximumCount = 1_000
    /// The most lines one requirement may have.
    public static let maximumLines = 50

    public init(field: String, minimumLevel: Int, count: Int, role: Role? = nil) {
        self.field = field
        self.minimumLevel = minimumLevel
        self.count = count
        self.role = role
    }

    /// Parses `FIELD:LEVEL:COUNT[:ROLE]`; the field may itself contain colons (`V3:Service Desk`).
    /// - Throws: `InputError` naming `field` (e.g. `--line`) with what is expected.
    public init(parsing text: String, field name: String = "line") throws(InputError) {
        var parts = text.split(separator: ":", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        var role: Role?
        if let last = parts.last, Int(last) == nil, parts.count >= 4 {
            guard let parsed = Role(label: last) else {
                throw InputError(
                    field: name, message: "\"\(last)\" is not a role: use member, leader or responsible (got \"\(text)\")")
            }
            role = parsed
            parts.removeLast()
        }
        guard parts.count >= 3, let count = Int(parts[parts.count - 1]), let level = Int(parts[parts.count - 2]) else {
            throw InputError(
                field: name, message: "expected FIELD:LEVEL:COUNT[:ROLE], e.g. \"Service Desk:4:1\" (got \"\(text)\")")
        }
        let fieldText = parts.dropLast(2).joined(separator: ":")
        self.init(field: fieldText, minimumLevel: level, count: count, role: role)
        try validate(field: name)
    }

    /// Checks the bounds: a field named, a level from 1 to 7, a count from 1 to `maximumCount`.
    /// - Throws: `InputError` naming `field`.
    public func validate(field name: String = "line") throws(InputError) {
        guard !field.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw InputError(field: name, message: "name a specialty field")
        }
        try InputBounds.name(field, field: name)
        guard (1...7).contains(minimumLevel) else {
            throw InputError(field: name, message: "the level must be from 1 to 7 (got \(minimumLevel))")
        }
        guard (1...Self.maximumCount).contains(count) else {
            throw InputError(field: name, message: "the count must be from 1 to \(Self.maximumCount) (got \(count))")
        }
    }

    /// Checks a requirement's name and lines.
    /// - Throws: `InputError` naming `name` or `lines`.
    public static func validate(name: String, lines: [StaffingLineSpec]) throws(InputError) {
        try InputBounds.name(name, field: "name")
        guard !lines.isEmpty else { throw InputError(field: "lines", message: "give at least one line") }
        guard lines.count <= maximumLines else {
            throw InputError(field: "lines", message: "at most \(maximumLines) lines (got \(lines.count))")
        }
        for line in lines { try line.validate(field: "lines") }
    }

    /// `Service Desk:4:1` or `Service Desk:3:2:responsible_person`: the form `init(parsing:)` reads.
    public var text: String {
        "\(field):\(minimumLevel):\(count)" + (role.map { ":\($0.rawValue)" } ?? "")
    }
}
