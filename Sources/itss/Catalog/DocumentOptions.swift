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
        let errata = noErrata ? Errata.none : try Errata.builtIn()
        do {
            let bytes = [UInt8](data)
            return (try DocumentImporter.read(bytes, fileName: url.lastPathComponent, edition: edition, errata: errata), bytes)
        } catch {
            throw CLIError("\(file):\(error.errorDescription ?? "\(error)")")
        }
    }
}
