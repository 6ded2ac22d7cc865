import Foundation
import ITSSDomain

/// The two ITSS documents shipped with the product, imported by the same importer as any other document.
public enum BuiltInStandards {
    /// File names of the shipped documents (in `Resources/standards`).
    public static let fileNames = [
        "itss-v3-2008-it-service-management.txt",
        "itss-v2-2006-operations.txt",
    ]

    /// The shipped documents' bytes with their file names.
    /// - Throws: `CocoaError` if a resource is missing (a packaging defect).
    public static func documents() throws -> [(fileName: String, bytes: [UInt8])] {
        try fileNames.map { name in
            let url = try resourceURL(name)
            return (name, [UInt8](try Data(contentsOf: url)))
        }
    }

    /// The URL of a shipped document.
    /// - Throws: `CocoaError(.fileNoSuchFile)` if it is not in the bundle.
    public static func resourceURL(_ fileName: String) throws -> URL {
        let base = (fileName as NSString).deletingPathExtension
        guard let url = Bundle.module.url(forResource: base, withExtension: "txt", subdirectory: "standards") else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: fileName])
        }
        return url
    }

    /// Imports both shipped documents.
    /// - Throws: `DocumentError` if a shipped document no longer parses (caught by the tests).
    public static func imported(errata: Errata) throws -> [ImportedDocument] {
        try documents().map { document in
            try DocumentImporter.read(document.bytes, fileName: document.fileName, errata: errata)
        }
    }

    /// The built-in catalog with the shipped errata applied.
    /// - Throws: as `imported(errata:)` and `Errata.builtIn()`.
    public static func catalog(applyingErrata: Bool = true) throws -> Catalog {
        let errata = applyingErrata ? try Errata.builtIn() : .none
        return Catalog(standards: try imported(errata: errata).map(\.standard))
    }
}
