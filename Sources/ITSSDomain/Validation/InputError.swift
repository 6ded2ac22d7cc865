import Foundation

/// A value outside the bounds of `InputBounds`: the field it was given in and what is allowed.
///
/// The field is named the way the caller named it — a CSV column or JSON key (`joined_on`) or a command-line
/// option (`--staff`) — so the message points at what the user typed.
public struct InputError: LocalizedError, Sendable, Hashable {
    /// The field as the user knows it: `joined_on`, `peak_staff`, `--contract`, …
    public var field: String
    /// What is wrong and what is allowed, without the field: `negative numbers are not allowed (got -5)`.
    public var message: String

    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }

    /// One line: `field: message`.
    public var errorDescription: String? { "\(field): \(message)" }
}
