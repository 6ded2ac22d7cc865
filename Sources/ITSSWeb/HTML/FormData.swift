import Foundation
import Hummingbird

/// The fields of a submitted `application/x-www-form-urlencoded` form, in order, with repeated names kept.
public struct FormData: Sendable {
    public private(set) var pairs: [(name: String, value: String)]

    /// Parses a form body.
    public init(urlEncoded body: String) {
        pairs = body.split(separator: "&", omittingEmptySubsequences: true).map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ part: Substring) -> String {
                String(part).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(part)
            }
            return (decode(parts[0]), parts.count > 1 ? decode(parts[1]) : "")
        }
    }

    /// The first value of `name`, trimmed; `nil` when absent or empty.
    public func string(_ name: String) -> String? {
        guard let value = pairs.first(where: { $0.name == name })?.value.trimmingCharacters(in: .whitespacesAndNewlines),
            !value.isEmpty
        else { return nil }
        return value
    }

    /// The first value of `name` exactly as sent (passwords keep their spaces).
    public func raw(_ name: String) -> String? {
        pairs.first(where: { $0.name == name })?.value
    }

    /// Every value of `name`.
    public func all(_ name: String) -> [String] {
        pairs.filter { $0.name == name }.map(\.value)
    }

    /// An optional whole number.
    /// - Throws: `Problem` 422 naming the field when present but not a number.
    public func integer(_ name: String) throws -> Int? {
        guard let text = string(name) else { return nil }
        guard let value = Int(text) else {
            throw Problem(status: .unprocessableContent, detail: "\"\(text.prefix(40))\" is not a whole number", field: name)
        }
        return value
    }
}

extension Request {
    /// The submitted form, after checking the session's CSRF token (`_csrf`) against the one the form was
    /// rendered with. Bearer-token requests carry no cookie and need no token.
    /// - Throws: `Problem` 401 when not signed in, 403 when the token is missing or wrong, 413 for a body over the
    ///   upload limit.
    func form(context: AppRequestContext) async throws -> FormData {
        let identity = try context.requireIdentity()
        let form = try await anonymousForm(context: context)
        if let expected = identity.csrfToken {
            guard let sent = form.raw("_csrf"), constantTimeEqual(sent, expected) else {
                throw Problem(
                    status: .forbidden, detail: "the form has expired or did not come from this site; reload the page and try again",
                    field: "_csrf")
            }
        }
        return form
    }

    /// A form that needs no session (the sign-in form itself).
    /// - Throws: `Problem` 413 for a body over the upload limit.
    func anonymousForm(context: AppRequestContext) async throws -> FormData {
        let buffer = try await body.collect(upTo: context.maxUploadSize)
        return FormData(urlEncoded: String(buffer: buffer))
    }
}

/// Compares secrets in time independent of where they differ.
func constantTimeEqual(_ lhs: String, _ rhs: String) -> Bool {
    let left = Array(lhs.utf8)
    let right = Array(rhs.utf8)
    guard left.count == right.count else { return false }
    var difference: UInt8 = 0
    for index in left.indices { difference |= left[index] ^ right[index] }
    return difference == 0
}
