import ArgumentParser
import Foundation
import ITSSImport

/// Options shared by `catalog import` and `catalog lint`.
struct DocumentOptions: ParsableArguments {
    @Argument(help: "An ITSS skill-proficiency document (text extracted from the PDF).", completion: .file())
    var file: String

    @Option(help: "The edition, e.g. \"V3 2008\" (default: from the file name or the document's footer).")
    var edition: String?

    @Flag(help: "Read the document exactly as published, without our errata.")
    var noErrata = false

    /// Reads and imports the document, printing progress to standard error.
    func read() throws -> (document: ImportedDocument, bytes: [UInt8]) {
        let (document, bytes, isPackage) = try readDocumentOrPackage()
        if isPackage { throw CLIError("\(file): a CASE package, not an ITSS document (`itss catalog import` reads it)") }
        return (document, bytes)
    }

    /// Reads an ITSS document, or a CASE 1.1 package when the file is JSON (its first character is `{`).
    /// - Throws: `CLIError` naming the file and every problem of a package with its place.
    func readDocumentOrPackage() throws -> (document: ImportedDocument, bytes: [UInt8], isPackage: Bool) {
        let url = URL(fileURLWithPath: file)
        let data: Data
        do {
            // Never more than one byte beyond the importer's limit: a huge file is refused without reading it all.
            let handle = try FileHandle(forReadingFrom: url)
            defer { try? handle.close() }
            data = try handle.read(upToCount: DocumentImporter.maximumDocumentBytes + 1) ?? Data()
        } catch {
            throw CLIError(
                "\(file): cannot read the file (\((error as NSError).localizedFailureReason ?? error.localizedDescription))")
        }
        let bytes = [UInt8](data)
        if CASEImport.looksLikeJSON(bytes) {
            if edition != nil || noErrata {
                throw CLIError("\(file): --edition and --no-errata apply to ITSS documents, not to CASE packages")
            }
            do {
                return (try CASEImport.read(bytes, fileName: url.lastPathComponent), bytes, true)
            } catch {
                throw CLIError("\(file): \(error.errorDescription ?? "\(error)")")
            }
        }
        let errata = noErrata ? Errata.none : try Errata.builtIn()
        do {
            return (try DocumentImporter.read(bytes, fileName: url.lastPathComponent, edition: edition, errata: errata), bytes, false)
        } catch {
            throw CLIError("\(file):\(error.errorDescription ?? "\(error)")")
        }
    }
}
