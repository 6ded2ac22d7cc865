import Foundation
import HTTPTypes
import HummingbirdTesting
import ITSSTestSupport
import Testing

/// JSON bodies read loosely, so the tests check the wire format (snake_case keys, strings for ids) itself.
typealias JSONObject = [String: Any]

extension TestResponse {
    /// The body as a JSON object.
    func object(sourceLocation: SourceLocation = #_sourceLocation) throws -> JSONObject {
        guard let object = try JSONSerialization.jsonObject(with: Data(buffer: body)) as? JSONObject else {
            throw WebTestError("not a JSON object: \(text)")
        }
        return object
    }

    /// `items` of a list or page body.
    func items() throws -> [JSONObject] {
        try object()["items"] as? [JSONObject] ?? []
    }

    /// The `ETag` as a version number.
    var etagVersion: Int? {
        headers[.eTag].flatMap { Int($0.trimmingCharacters(in: CharacterSet(charactersIn: "\""))) }
    }

    /// The problem's `field`, for error bodies.
    var problemField: String? { (try? object())?["field"] as? String }
}

extension WebFixture {
    /// A bearer token for each seeded login.
    func tokens() async throws -> [String: String] {
        var tokens: [String: String] = [:]
        for (login, _, _) in WebFixture.accounts { tokens[login] = try await token(for: login) }
        return tokens
    }

    /// The id of V3 Service Desk, as the catalog endpoint lists it.
    func serviceDeskFieldID() async throws -> Int64 {
        try await database.fieldID(Fixtures.serviceDesk)
    }
}

/// A JSON text from a dictionary literal (keys in any order).
func json(_ value: [String: Any]) -> String {
    (try? JSONSerialization.data(withJSONObject: value)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
}
