import Foundation

/// One thing wrong with a profile, at the place it is: a JSON path into the document (`fields[0].items[2].item`)
/// and a message that names the field or item (`unknown skill item "Foo" in "Service Desk"`).
public struct TailoringIssue: Codable, Sendable, Hashable, CustomStringConvertible {
    /// Where in the document: `name`, `standard`, `fields[1].thresholds[0].minimum`.
    public var path: String
    public var message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    /// `fields[0].field: unknown specialty field "Servce Desk" …`.
    public var description: String { "\(path): \(message)" }
}

/// A profile that cannot be applied: every issue found, each naming its place. Nothing is saved.
public struct TailoringError: LocalizedError, Sendable, Hashable {
    public var issues: [TailoringIssue]

    public init(_ issues: [TailoringIssue]) { self.issues = issues }

    public init(path: String, message: String) { self.init([TailoringIssue(path: path, message: message)]) }

    /// One issue per line.
    public var errorDescription: String? {
        issues.map(\.description).joined(separator: "\n")
    }

    /// The first issue's path: the place a form or an API problem points at.
    public var firstPath: String { issues.first?.path ?? "profile" }

    /// The issues as one input error: the first place as the field, every issue in the message.
    public var inputError: InputError {
        InputError(
            field: firstPath,
            message: issues.count == 1 ? issues[0].message : issues.map(\.description).joined(separator: "; "))
    }
}
