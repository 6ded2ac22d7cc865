import ArgumentParser
import Foundation
import ITSSImport
import ITSSStorage

/// `itss import people|experience|assessments FILE.csv`: all-or-nothing bulk migration from spreadsheets.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Bulk-import people, experience or assessments from CSV (docs/bulk-import.md).",
        discussion: "All or nothing: every bad row is reported with its line number and nothing is written.",
        subcommands: [People.self, Experience.self, Assessments.self])

    static func read(_ file: String) throws -> [UInt8] {
        do {
            return [UInt8](try Data(contentsOf: URL(fileURLWithPath: file)))
        } catch {
            throw CLIError("\(file): cannot read the file (\(error.localizedDescription))")
        }
    }

    /// Opens a file to be read a chunk at a time.
    static func open(_ file: String) throws -> CSVInput {
        do {
            return try CSVInput(contentsOfFile: file)
        } catch {
            throw CLIError("\(file): cannot read the file (\(error.localizedDescription))")
        }
    }

    /// Prints every bad row on standard error, then fails with a one-line summary.
    static func reporting<T>(_ file: String, _ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as BulkImportError {
            // Line 0 is not a row of the file but an option (`--approved-by`): say so instead of "FILE:0".
            if !error.rows.isEmpty, error.rows.allSatisfy({ $0.line == 0 }) {
                throw CLIError(error.rows.map { ($0.column.map { "\($0): " } ?? "") + $0.message }.joined(separator: "; "))
            }
            for row in error.rows { Output.note("\(file):\(row.line): \(row.column.map { "\($0): " } ?? "")\(row.message)") }
            throw CLIError("\(file): \(error.rows.count) bad row(s); nothing was imported")
        }
    }

    struct People: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Import people.")
        @Argument(completion: .file()) var file: String

        func run() async throws {
            try await reportingErrors {
                let summary = try await ImportCommand.reporting(file) {
                    let rows = try SpreadsheetRows.people(ImportCommand.read(file))
                    Output.note("Importing \(rows.count) people…")
                    return try await DatabaseSession.with {
                        let summary = try await $0.importPeople(rows, by: try await DatabaseSession.principal($0))
                        try await $0.refreshSkillMapTallyReporting()
                        return summary
                    }
                }
                Output.line("Imported \(summary.created) people.")
            }
        }
    }

    struct Experience: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import experience records (verified where verified_by is given).")
        @Argument(completion: .file()) var file: String

        func run() async throws {
            try await reportingErrors {
                let summary = try await ImportCommand.reporting(file) {
                    let rows = try SpreadsheetRows.experience(ImportCommand.read(file))
                    Output.note("Importing \(rows.count) experience records…")
                    return try await DatabaseSession.with {
                        let summary = try await $0.importExperience(rows, by: try await DatabaseSession.principal($0))
                        try await $0.refreshSkillMapTallyReporting()
                        return summary
                    }
                }
                Output.line("Imported \(summary.created) experience records; \(summary.levelsComputed) level(s) recomputed.")
            }
        }
    }

    struct Assessments: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Import assessments, one rating per row.")
        @Argument(completion: .file()) var file: String
        @Option(help: "Import them approved by this evaluator (employee number).") var approvedBy: String?

        func run() async throws {
            try await reportingErrors {
                let start = Date()
                let summary = try await ImportCommand.reporting(file) {
                    // Read a batch at a time (memory holds a batch, not the file); the header is checked up front.
                    let path = file
                    _ = try SpreadsheetRows.ratingBatches(ImportCommand.open(path))
                    Output.note("Importing ratings from \(path)…")
                    return try await DatabaseSession.with {
                        let database = $0
                        var approverID: Int64?
                        if let approvedBy {
                            do {
                                approverID = try await database.personID(approvedBy)
                            } catch {
                                throw CLIError("--approved-by: " + CLIError(error).message)
                            }
                        }
                        let summary = try await database.importAssessments(
                            batches: { try SpreadsheetRows.ratingBatches(ImportCommand.open(path)) }, approvedBy: approverID,
                            by: try await DatabaseSession.principal(database))
                        try await database.refreshSkillMapTallyReporting()
                        return summary
                    }
                }
                let seconds = Date().timeIntervalSince(start)
                Output.line(
                    "Imported \(summary.created) assessments (\(summary.rows) ratings"
                        + (approvedBy == nil ? ", drafts" : ", approved")
                        + String(format: ") in %.1f s", seconds)
                        + (summary.levelsComputed > 0 ? "; \(summary.levelsComputed) levels stored." : "."))
            }
        }
    }
}
