import ArgumentParser
import Foundation
import ITSSDomain
import ITSSImport
import ITSSStorage

/// `itss profile create|import|export|show|list|archive|levels`: company tailoring profiles (docs/tailoring.md).
struct ProfileCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "profile", abstract: "Company tailoring profiles on top of a standard, versioned.",
        discussion: """
            A profile includes or excludes fields and items, gives company display names, adds company items and
            knowledge items, and adjusts scale thresholds — every change with a reason. Each saved change is a new
            immutable version. Edit a profile by exporting it, changing the JSON and importing it again.
            """,
        subcommands: [Create.self, Import.self, Export.self, Show.self, List.self, Archive.self, Levels.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create an empty profile (version 1) on a standard.")
        @Argument(help: "The profile's name.") var name: String
        @Option(help: "The standard: an edition prefix (V3, V2) or a job category name.") var standard: String
        @Option(help: "What the profile is for.") var purpose: String?
        @Option(help: "Why this version is saved.") var note: String?

        func run() async throws {
            try await reportingErrors {
                let saved = try await DatabaseSession.with { database in
                    let key = try ProfileCommand.standardKey(standard, in: try await database.catalog())
                    return try await database.createProfile(
                        TailoringProfile(name: name, standard: key, purpose: purpose, note: note),
                        by: try await DatabaseSession.principal(database))
                }
                Output.line(
                    "Created profile #\(saved.profileID) \"\(saved.profile.name)\" on \(saved.profile.standard), version 1.")
            }
        }
    }

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Create a profile from a JSON file or a derived CASE package, or save it as the next version of the profile of its name.",
            discussion: """
                A file exported with `itss profile export` (JSON or `--format case`) carries the version it was
                exported from; the import is refused when the profile changed since (export again and reapply your
                change). A CASE package is recognised by its `CFDocument` (docs/case.md).
                """)
        @Argument(help: "The profile as JSON or as a CASE package (`-` for standard input).") var file: String
        @Option(help: "Why this version is saved (overrides the file's note).") var note: String?

        func run() async throws {
            try await reportingErrors {
                let bytes = try ProfileCommand.read(file)
                let (saved, created) = try await DatabaseSession.with { database in
                    var document = try await database.profileDocument(from: bytes)
                    if let note { document.note = note }
                    let principal = try await DatabaseSession.principal(database)
                    let existing: Int64?
                    do {
                        existing = try await database.profileID(named: document.name)
                    } catch StorageError.notFound {
                        existing = nil
                    }
                    guard let existing else { return (try await database.createProfile(document, by: principal), true) }
                    return (
                        try await database.saveProfileVersion(
                            existing, document, expectedVersion: document.version, by: principal), false
                    )
                }
                Output.line(
                    (created ? "Created profile #\(saved.profileID)" : "Saved profile #\(saved.profileID)")
                        + " \"\(saved.profile.name)\" version \(saved.version): \(saved.changeCount) change(s).")
            }
        }
    }

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a profile version as JSON, or as a derived CASE 1.1 package (--format case).",
            discussion: """
                The CASE package is a CFDocument of its own whose items point at the standard's (those of
                `itss catalog export --format case`) with ext:isDerivedFrom associations; docs/case.md.
                """)
        @Argument(help: "The profile's name.") var name: String
        @Option(help: "json (the profile document) or case (a derived CASE package).") var format: String = "json"
        @Option(help: "The version (default: the current one).") var version: Int?
        @Option(help: "Write to this file instead of standard output.", completion: .file()) var out: String?

        func run() async throws {
            try await reportingErrors {
                guard format == "json" || format == "case" else {
                    throw InputError(field: "--format", message: "expected json or case, got \"\(format)\"")
                }
                let data = try await DatabaseSession.with { database in
                    let id = try await database.profileID(named: name)
                    if format == "case" { return try await database.profileCASEPackage(id, version: version).json }
                    let stored = try await database.profileVersion(id, version: version)
                    var document = stored.profile
                    document.version = stored.version
                    return Data((try TailoringJSON.text(document) + "\n").utf8)
                }
                guard let out else { return FileHandle.standardOutput.write(data) }
                do {
                    try data.write(to: URL(fileURLWithPath: out))
                } catch {
                    throw CLIError("\(out): cannot write the export (\(error.localizedDescription))")
                }
                Output.note("Wrote \(data.count) bytes to \(out).")
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a profile, its versions and (--diff) its changes.")
        @Argument(help: "The profile's name.") var name: String
        @Option(help: "The version (default: the current one).") var version: Int?
        @Flag(help: "List every change against the standard, with its reason.") var diff = false
        @Flag(help: "Print JSON.") var json = false

        func run() async throws {
            try await reportingErrors {
                let (summary, stored, tailored, history) = try await DatabaseSession.with { database in
                    let id = try await database.profileID(named: name)
                    let stored = try await database.profileVersion(id, version: version)
                    return (
                        try await database.profile(id: id), stored, try await database.tailoredCatalog(stored),
                        try await database.profileVersions(id, page: PageRequest(perPage: 20))
                    )
                }
                if json { return try Output.json(ShowJSON(profile: summary, version: stored.version, diff: tailored.diff)) }
                let archived = summary.archivedAt.map { " — archived \($0)" } ?? ""
                Output.line("Profile #\(summary.id) \"\(summary.name)\" on \(summary.standard)\(archived)")
                Output.line(
                    "  Version \(stored.version) of \(summary.version), saved \(stored.createdAt) by \(stored.createdBy): \(stored.note)"
                )
                if let purpose = stored.profile.purpose { Output.line("  Purpose: \(purpose)") }
                Output.line("  \(stored.changeCount) change(s) against the standard as published.")
                if diff {
                    for change in tailored.diff { Output.line("    - " + change.summary) }
                }
                Output.line("  Versions (newest first, \(history.total) in all):")
                for entry in history.items {
                    Output.line(
                        "    \(entry.version)  \(entry.createdAt)  \(entry.createdBy)  \(entry.changeCount) change(s)  \(entry.note)"
                    )
                }
            }
        }

        struct ShowJSON: Encodable {
            var profile: ProfileSummary
            var version: Int
            var diff: [TailoringChange]
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List profiles (paged).")
        @Flag(help: "Include archived profiles.") var all = false
        @Option(help: "Page, from 1.") var page: Int = 1
        @Option(help: "Profiles per page.") var perPage: Int = 50
        @Flag(help: "Print JSON (the page with its total).") var json = false

        func run() async throws {
            try await reportingErrors {
                let profiles = try await DatabaseSession.with { database in
                    try await database.profiles(includeArchived: all, page: PageRequest(page: page, perPage: perPage))
                }
                if json { return try Output.json(profiles) }
                guard profiles.total > 0 else {
                    return Output.line("No profiles yet: `itss profile create NAME --standard V3` or `itss profile import FILE`.")
                }
                for profile in profiles.items {
                    let archived = profile.isArchived ? "  (archived)" : ""
                    Output.line(
                        "#\(profile.id)  \(profile.name)  \(profile.standard)  version \(profile.version)  \(profile.changeCount) change(s)\(archived)"
                    )
                }
                Output.line("Page \(profiles.page) of \(profiles.pageCount) (\(profiles.total) in all)")
            }
        }
    }

    struct Archive: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Archive a profile (kept with its history).")
        @Argument(help: "The profile's name.") var name: String

        func run() async throws {
            try await reportingErrors {
                let summary = try await DatabaseSession.with { database in
                    try await database.archiveProfile(
                        try await database.profileID(named: name), by: try await DatabaseSession.principal(database))
                }
                Output.line("Archived profile #\(summary.id) \"\(summary.name)\" at version \(summary.version).")
            }
        }
    }

    struct Levels: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "A person's levels under a profile beside the levels under the standard as published.")
        @Argument(help: "The profile's name.") var name: String
        @Argument(help: "The person's employee number.") var employeeNumber: String
        @Option(help: "The profile version (default: the current one).") var version: Int?
        @Flag(help: "Print JSON.") var json = false

        func run() async throws {
            try await reportingErrors {
                let levels = try await DatabaseSession.with { database in
                    try await database.levels(
                        of: employeeNumber, underProfile: try await database.profileID(named: name), version: version)
                }
                if json { return try Output.json(ProfileLevelsJSON(levels)) }
                Output.line("\(levels.employeeNumber) under profile \"\(levels.profile.name)\" version \(levels.profileVersion)")
                for field in levels.fields {
                    Output.line("  \(field.standard.field)")
                    Output.line("    Standard as published: \(field.standard.official.levelSummary)")
                    switch field.absence {
                    case .otherStandard?: Output.line("    Under the profile: — (the profile tailors another standard)")
                    case .fieldExcluded?: Output.line("    Under the profile: — (the profile excludes this field)")
                    case nil:
                        let shown = field.displayName.map { " as \"\($0)\"" } ?? ""
                        Output.line("    Under the profile\(shown): \(field.tailoredOfficial?.levelSummary ?? "—")")
                        for change in field.adjustments { Output.line("      adjusted: " + change.summary) }
                        if !field.unassessedCompanyItems.isEmpty {
                            Output.line(
                                "      not weighed (company items; the approved assessment was not made under this profile): "
                                    + field.unassessedCompanyItems.joined(separator: ", "))
                        }
                    }
                }
            }
        }
    }

    /// The standard a user named: an edition prefix (`V3`) or a job category name, which must match exactly one.
    /// - Throws: `InputError` naming `--standard`.
    static func standardKey(_ query: String, in catalog: Catalog) throws -> StandardKey {
        let lowered = query.trimmingCharacters(in: .whitespaces).lowercased()
        let matches = catalog.standards.filter {
            $0.key.version.lowercased().hasPrefix(lowered) || $0.key.name.lowercased() == lowered
        }
        guard matches.count == 1 else {
            let known = catalog.standards.map { "\($0.key.version) (\($0.key.name))" }.joined(separator: ", ")
            throw InputError(
                field: "--standard",
                message: (matches.isEmpty ? "no standard matches \"\(query)\"" : "\"\(query)\" matches several standards")
                    + "; the catalog has \(known)")
        }
        return matches[0].key
    }

    /// Reads a profile file (`-` for standard input), at most as many bytes as a CASE package may have, plus one
    /// (so that a larger file is refused by the reader without being read whole).
    /// - Throws: `InputError` for a file that cannot be read.
    static func read(_ path: String) throws -> [UInt8] {
        let handle: FileHandle
        if path == "-" {
            handle = FileHandle.standardInput
        } else {
            guard let file = FileHandle(forReadingAtPath: path) else {
                throw InputError(field: path, message: "the file cannot be read")
            }
            handle = file
        }
        defer { if path != "-" { try? handle.close() } }
        do {
            return [UInt8](try handle.read(upToCount: CASEImport.maximumBytes + 1) ?? Data())
        } catch {
            throw InputError(field: path, message: "the file cannot be read (\(error.localizedDescription))")
        }
    }
}

/// `itss profile levels --json`: both levels per field with the profile and version they were computed under.
struct ProfileLevelsJSON: Encodable {
    struct Field: Encodable {
        var field: FieldReference
        var standard: LevelBreakdown
        var underProfile: LevelBreakdown?
        var displayName: String?
        var absence: String?
        var unassessedCompanyItems: [String]
    }

    var employeeNumber: String
    var profile: String
    var profileID: Int64
    var profileVersion: Int
    var fields: [Field]

    init(_ levels: ProfileLevels) {
        employeeNumber = levels.employeeNumber
        profile = levels.profile.name
        profileID = levels.profile.id
        profileVersion = levels.profileVersion
        fields = levels.fields.map {
            Field(
                field: $0.standard.field, standard: $0.standard.official, underProfile: $0.tailoredOfficial,
                displayName: $0.displayName, absence: $0.absence?.rawValue, unassessedCompanyItems: $0.unassessedCompanyItems)
        }
    }
}
