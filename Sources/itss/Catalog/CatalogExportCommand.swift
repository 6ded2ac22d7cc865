import ArgumentParser
import Foundation
import ITSSDomain
import ITSSImport
import ITSSStorage

/// `itss catalog export --format json|csv|case`: the whole catalog in a stable, documented format
/// (docs/catalog-export.md), or one CASE 1.1 package per standard (docs/case.md).
struct CatalogExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export the whole catalog as JSON or CSV, or as CASE 1.1 packages (docs/catalog-export.md, docs/case.md)."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json
        case csv
        case `case`
    }

    @Option(help: "json, csv or case (one CFPackage JSON file per standard).")
    var format: Format = .json

    @Option(help: "With --format case: the directory to write the packages to (default: the current one).", completion: .directory)
    var out: String?

    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.", completion: .file())
    var output: String?

    func run() async throws {
        try await reportingErrors {
            if format == .case { return try await exportCASE() }
            if out != nil { throw CLIError("--out is for --format case; use --output FILE for json and csv") }
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
            case .case: return
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

    /// Writes one package per standard into `--out` (crosswalk links included where both standards are stored).
    private func exportCASE() async throws {
        if output != nil { throw CLIError("--output is for json and csv; use --out DIR for --format case") }
        let packages = try await DatabaseSession.with { database in try await database.casePackages() }
        let directory = URL(fileURLWithPath: out ?? ".", isDirectory: true)
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw CLIError("\(directory.path): cannot create the directory (\(error.localizedDescription))")
        }
        for (key, package) in packages {
            let file = directory.appendingPathComponent(CASEExport.fileName(key))
            let data = try CASEExport.json(package)
            do {
                try data.write(to: file)
            } catch {
                throw CLIError("\(file.path): cannot write the package (\(error.localizedDescription))")
            }
            Output.line("Wrote \(key) to \(file.path) (\(package.CFItems.count) items, \(package.CFAssociations.count) associations).")
        }
    }
}
