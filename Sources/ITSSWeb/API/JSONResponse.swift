import Foundation
import Hummingbird

/// JSON in and out of the API: snake_case keys, ISO 8601 dates, stable key order.
enum APIJSON {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }()

    static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }()
}

extension Response {
    /// A JSON body, with an `ETag` when the resource has a version.
    /// - Throws: the encoder's error (a bug: read models always encode).
    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok, etag: Int? = nil) throws -> Response {
        var headers: HTTPFields = [.contentType: "application/json"]
        if let etag { headers[.eTag] = "\"\(etag)\"" }
        return Response(
            status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: try APIJSON.encoder.encode(value)))
        )
    }
}

extension Request {
    /// The JSON body as `T`.
    /// - Throws: `Problem` 400 naming the field that is missing or of the wrong type, 415 for another content type.
    func decodeJSON<T: Decodable>(_ type: T.Type, context: AppRequestContext) async throws -> T {
        try APIJSON.decoder.decode(T.self, from: try await jsonBody(context: context))
    }

    /// The bytes of a JSON body, for bodies that may have more than one shape.
    /// - Throws: `Problem` 415 for another content type.
    func jsonBody(context: AppRequestContext) async throws -> Data {
        if let contentType = headers[.contentType], !contentType.lowercased().hasPrefix("application/json") {
            throw Problem(status: .unsupportedMediaType, detail: "send the body as application/json", field: "Content-Type")
        }
        return Data(buffer: try await body.collect(upTo: context.maxUploadSize))
    }

    /// The version an `If-Match` header names (`"3"` or `W/"3"`), or `nil` without one.
    /// - Throws: `Problem` 400 for an `If-Match` that is not one of our ETags.
    func ifMatchVersion() throws -> Int? {
        guard let value = headers[.ifMatch] else { return nil }
        let trimmed = value.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "W/", with: "")
            .trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        guard let version = Int(trimmed) else {
            throw Problem.badRequest("expected an ETag this API sent, such as \"3\"", field: "If-Match")
        }
        return version
    }
}
