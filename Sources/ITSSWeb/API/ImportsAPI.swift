import Hummingbird
import ITSSDomain
import ITSSImport
import ITSSStorage

/// Bulk imports from CSV (HR and administrators), all or nothing: a refused file answers 422 with every bad
/// row and its line, and nothing is written. The same use cases as `itss import`; the skill map's counts are
/// brought up to date before answering.
struct ImportsAPI {
    let handlers: APIHandlers

    func add(to api: RouterGroup<AppRequestContext>) {
        let database = handlers.database
        api.post("/imports/people") { request, context in
            let identity = try context.require(.hr)
            let rows = try SpreadsheetRows.people(try await request.text(contentType: "text/csv", context: context))
            let summary = try await database.importPeople(rows, by: identity.principal)
            try await database.refreshSkillMapTally()
            return try Response.json(APIImportSummary(summary), status: .created)
        }
        api.post("/imports/experience") { request, context in
            let identity = try context.require(.hr)
            let rows = try SpreadsheetRows.experience(try await request.text(contentType: "text/csv", context: context))
            let summary = try await database.importExperience(rows, by: identity.principal)
            try await database.refreshSkillMapTally()
            return try Response.json(APIImportSummary(summary), status: .created)
        }
        api.post("/imports/assessments") { request, context in
            let identity = try context.require(.hr)
            var approverID: Int64?
            if let approvedBy = try request.query("approved_by") {
                do {
                    approverID = try await database.personID(approvedBy)
                } catch StorageError.notFound {
                    // Line 0 stands for the query parameter, as the CLI reports its option.
                    throw BulkImportError(
                        rows: [RowError(line: 0, column: "approved_by", message: "no person has this employee number")])
                }
            }
            let rows = try SpreadsheetRows.ratings(try await request.text(contentType: "text/csv", context: context))
            let summary = try await database.importAssessments(rows, approvedBy: approverID, by: identity.principal)
            try await database.refreshSkillMapTally()
            return try Response.json(APIImportSummary(summary), status: .created)
        }
    }
}
