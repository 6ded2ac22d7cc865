import ArgumentParser
import ITSSDomain
import ITSSImport

/// `itss catalog lint FILE`: the importer's diagnostics alone, nothing written.
struct CatalogLintCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Print the diagnostics of an ITSS document without importing it.",
        discussion: "Exits 1 when the document cannot be read, and with --strict also when there are warnings."
    )

    @OptionGroup var document: DocumentOptions

    @Option(help: "The lowest severity to print: info, warning or error.")
    var severity: Severity = .info

    @Flag(help: "Exit non-zero when there are warnings.")
    var strict = false

    @Flag(help: "Print JSON.")
    var json = false

    func run() async throws {
        try await reportingErrors {
            let (imported, _) = try document.read()
            let shown = imported.diagnostics.filter { $0.severity >= severity }
            if json {
                try Output.json(shown)
            } else {
                for diagnostic in shown { Output.line(diagnostic.formatted(file: document.file)) }
                let counts = Severity.allCases.reversed().map { level in
                    "\(imported.diagnostics.filter { $0.severity == level }.count) \(level.rawValue)"
                }
                Output.note("\(imported.standard.key): " + counts.joined(separator: ", "))
            }
            if strict, imported.diagnostics.contains(where: { $0.severity >= .warning }) { throw ExitCode(1) }
        }
    }
}

extension Severity: ExpressibleByArgument {}
