import Foundation

/// The JSON form of a profile, as `itss profile export` writes it and `itss profile import`, the web form and
/// the API read it: snake_case keys, sorted, pretty-printed.
public enum TailoringJSON {
    /// The largest profile document accepted, in bytes.
    public static let maximumBytes = 2_000_000

    /// The document as JSON.
    /// - Throws: the encoder's error (a bug: profiles always encode).
    public static func encode(_ profile: TailoringProfile, pretty: Bool = true) throws -> Data {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys]
        return try encoder.encode(profile)
    }

    /// The document as JSON text.
    /// - Throws: the encoder's error.
    public static func text(_ profile: TailoringProfile, pretty: Bool = true) throws -> String {
        String(decoding: try encode(profile, pretty: pretty), as: UTF8.self)
    }

    /// Reads a profile document.
    /// - Throws: `TailoringError` naming the place (`fields[0].items[1].item: is required`) for JSON that is not a
    ///   profile; an empty or oversized document.
    public static func decode(_ data: Data) throws(TailoringError) -> TailoringProfile {
        guard data.count <= maximumBytes else {
            throw TailoringError(path: "profile", message: "the document is larger than \(maximumBytes) bytes")
        }
        guard !data.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) else {
            throw TailoringError(path: "profile", message: "the document is empty; give a profile as JSON")
        }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        do {
            return try decoder.decode(TailoringProfile.self, from: data)
        } catch let error as DecodingError {
            throw issue(error)
        } catch {
            throw TailoringError(path: "profile", message: "the document cannot be read: \(error)")
        }
    }

    /// Reads a profile document from text.
    /// - Throws: `TailoringError` naming the place.
    public static func decode(_ text: String) throws(TailoringError) -> TailoringProfile {
        try decode(Data(text.utf8))
    }

    /// The place and message of a decoding error, with the document's own (snake_case) key names.
    static func issue(_ error: DecodingError) -> TailoringError {
        func path(_ keys: [any CodingKey]) -> String {
            var result = ""
            for key in keys {
                if let index = key.intValue {
                    result += "[\(index)]"
                } else {
                    result += (result.isEmpty ? "" : ".") + snakeCase(key.stringValue)
                }
            }
            return result.isEmpty ? "profile" : result
        }
        switch error {
        case let .keyNotFound(key, context):
            return TailoringError(path: path(context.codingPath + [key]), message: "is required")
        case let .typeMismatch(type, context):
            return TailoringError(path: path(context.codingPath), message: "expected \(describe(type))")
        case let .valueNotFound(type, context):
            return TailoringError(path: path(context.codingPath), message: "expected \(describe(type)), got null")
        case let .dataCorrupted(context):
            return TailoringError(
                path: path(context.codingPath),
                message: context.codingPath.isEmpty ? "the document is not valid JSON" : context.debugDescription)
        @unknown default:
            return TailoringError(path: "profile", message: "the document cannot be read")
        }
    }

    static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "text"
        case is Int.Type, is Int64.Type: "a whole number"
        case is Bool.Type: "true or false"
        default: String(describing: type).hasPrefix("Array") ? "a list" : "an object"
        }
    }

    /// `displayName` → `display_name`: a Swift property name as the JSON documents spell it.
    public static func snakeCase(_ name: String) -> String {
        var result = ""
        for character in name {
            if character.isUppercase {
                result += "_" + character.lowercased()
            } else {
                result.append(character)
            }
        }
        return result
    }
}
