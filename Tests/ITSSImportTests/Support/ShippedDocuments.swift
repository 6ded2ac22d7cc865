import Foundation
import ITSSDomain

@testable import ITSSImport

/// The two documents shipped in `Resources/standards`, as bytes, text and imported standard.
enum ShippedDocuments {
    static let v3 = "itss-v3-2008-it-service-management.txt"
    static let v2 = "itss-v2-2006-operations.txt"

    /// The shipped file names, in `BuiltInStandards` order.
    static var fileNames: [String] { BuiltInStandards.fileNames }

    /// The bytes of one shipped document.
    static func bytes(_ fileName: String) throws -> [UInt8] {
        let documents = try BuiltInStandards.documents()
        guard let document = documents.first(where: { $0.fileName == fileName }) else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: fileName])
        }
        return document.bytes
    }

    /// The document's lines as stored (untrimmed); index 0 is line 1.
    static func lines(_ fileName: String) throws -> [String] {
        let text = String(decoding: try bytes(fileName), as: UTF8.self)
        return text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// Imports one shipped document under its own file name.
    static func imported(_ fileName: String, errata: Errata = .none) throws -> ImportedDocument {
        try DocumentImporter.read(try bytes(fileName), fileName: fileName, errata: errata)
    }
}
