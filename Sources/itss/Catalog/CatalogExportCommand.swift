import ArgumentParser
import Foundation
import ITSSDomain
import ITSSImport
import ITSSStorage

/// `itss catalog export --format json|csv`: the whole catalog in a stable, documented format (docs/catalog-export.md).
struct CatalogExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export the whole catalog as JSON or CSV (see docs/catalog-export.md)."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json
        case csv
    }

    @Option(help: "json or csv.")
    var format: Format = .json

    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.", completion: .file())
    var output: String?

    func run() async throws {
        try await reportingErrors {
            let (catalog, diagnostics) = try await DatabaseSession.with { database in
                let catalog = try await database.catalog()
                var diagnostics: [StandardKey: [Diagnostic]] = [:]
                for standard in catalog.standards {
                    diagnostics[standard.key] = try await database.importDiagnostics(of: standard.key)
                }
                return (catalog, diagnostics)
            }
            let data: Data
            switch format {
            case .json: data = try CatalogExport.json(catalog, diagnostics: diagnostics)
            case .csv: data = Data(CatalogExport.csv(catalog).utf8)
            }
            if let output {
                do {
                    try data.write(to: URL(fileURLWithPath: output))
                } catch {
                    throw CLIError("\(output): cannot write the export (\(error.localizedDescription))")
                }
                Output.note("Wrote \(data.count) bytes to \(output).")
            } else {
                FileHandle.standardOutput.write(data)
            }
        }
    }
}
