import ArgumentParser
import ITSSDomain
import ITSSImport
import ITSSStorage

/// `itss catalog import FILE`: store a document's standard; the same text again is a no-op.
struct CatalogImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import an ITSS document (any job category of this layout) or a CASE 1.1 package into the database.",
        discussion: """
            A file whose first character is `{` is read as a CASE 1.1 package (CFPackage JSON) of the shape
            `itss catalog export --format case` writes; its texts are taken as given (no errata).
            Re-importing the same text is a no-op. A different text of the same standard and edition is refused
            unless --replace; replacing keeps every revision and retires, never deletes, items people refer to.
            """
    )

    @OptionGroup var document: DocumentOptions

    @Flag(help: "Replace a stored standard of the same name and edition whose text differs.")
    var replace = false

    func run() async throws {
        try await reportingErrors {
            Output.note("Reading \(document.file)…")
            let (imported, bytes, isPackage) = try document.readDocumentOrPackage()
            let standard = imported.standard
            let warnings = imported.diagnostics.filter { $0.severity >= .warning }.count
            Output.note(
                "  \(standard.key): \(standard.fields.count) fields, "
                    + "\(standard.fields.reduce(0) { $0 + $1.items.count }) skill items, "
                    + "\(imported.diagnostics.count) diagnostics (\(warnings) warnings; see `itss catalog lint`)")
            // A package brings its own standard: the shipped ones are not loaded first into an empty database,
            // so that a package of a shipped standard can be imported there (the CASE round trip).
            let outcome = try await DatabaseSession.with(loadBuiltIns: !isPackage) { database in
                try await database.importStandard(
                    imported, sourceText: String(decoding: bytes, as: UTF8.self), replace: replace,
                    errataApplied: !isPackage && !document.noErrata, by: try await DatabaseSession.principal(database))
            }
            switch outcome {
            case let .created(key):
                Output.line("Imported \(key) as revision 1.")
            case let .unchanged(key, revision):
                Output.line("\(key) is already imported from this text (revision \(revision)); nothing changed.")
            case let .replaced(key, revision, retired):
                Output.line(
                    "Replaced \(key): now revision \(revision)"
                        + (retired > 0
                            ? "; \(retired) skill item(s) no longer in the text were retired (kept for history)." : "."))
            }
        }
    }
}
