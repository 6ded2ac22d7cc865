import Foundation
import ITSSDomain
import ITSSImport
import Testing

/// Keeps `docs/catalog/itss-catalog.{json,csv}` in step with the importer.
///
/// Run `ITSS_UPDATE_ARTEFACTS=1 swift test --filter GeneratedArtefact` to regenerate them.
@Suite
struct GeneratedArtefactTests {
    /// The package root: this file is `<root>/Tests/ITSSImportTests/GeneratedArtefactTests.swift`.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let updateCommand = "ITSS_UPDATE_ARTEFACTS=1 swift test --filter GeneratedArtefact"

    /// The built-in catalog with the shipped errata, and each document's diagnostics.
    static func builtIn() throws -> (catalog: Catalog, diagnostics: [StandardKey: [Diagnostic]]) {
        let imported = try BuiltInStandards.imported(errata: Errata.builtIn())
        let catalog = Catalog(standards: imported.map(\.standard))
        let diagnostics = Dictionary(imported.map { ($0.standard.key, $0.diagnostics) }, uniquingKeysWith: +)
        return (catalog, diagnostics)
    }

    /// The artefacts as they should be committed, by path relative to the package root.
    static func expectedArtefacts() throws -> [(path: String, contents: Data)] {
        let (catalog, diagnostics) = try builtIn()
        return [
            ("docs/catalog/itss-catalog.json", try CatalogExport.json(catalog, diagnostics: diagnostics)),
            ("docs/catalog/itss-catalog.csv", Data(CatalogExport.csv(catalog).utf8)),
        ]
    }

    @Test("the committed exports of the built-in catalog are up to date")
    func committedArtefactsAreUpToDate() throws {
        let update = ProcessInfo.processInfo.environment["ITSS_UPDATE_ARTEFACTS"] == "1"
        for artefact in try Self.expectedArtefacts() {
            let url = Self.packageRoot.appendingPathComponent(artefact.path)
            if update {
                try FileManager.default.createDirectory(
                    at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                // Only rewrite what changed, so the files' modification times mean something.
                if (try? Data(contentsOf: url)) != artefact.contents {
                    try artefact.contents.write(to: url, options: .atomic)
                }
                continue
            }
            let committed = try? Data(contentsOf: url)
            #expect(
                committed == artefact.contents,
                "\(artefact.path) is out of date; run `\(Self.updateCommand)`")
        }
    }

    @Test("the artefacts export the same catalog as BuiltInStandards.catalog()")
    func sameCatalogAsBuiltIn() throws {
        #expect(try Self.builtIn().catalog == BuiltInStandards.catalog())
    }
}
