import Foundation
import ITSSDomain

/// JSON spellings of catalog values stored in text columns.
enum CatalogRowCoding {
    /// Deterministic JSON (sorted keys), so equal content gives equal text and digest.
    static func json<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// - Throws: `StorageError.corrupt` when the stored text is not what this version writes.
    static func decode<T: Decodable>(_ type: T.Type, from text: String, column: String) throws -> T {
        do {
            return try JSONDecoder().decode(type, from: Data(text.utf8))
        } catch {
            throw StorageError.corrupt(detail: "column \(column) holds unreadable JSON")
        }
    }
}
