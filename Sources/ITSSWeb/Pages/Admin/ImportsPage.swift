import Foundation
import ITSSDomain
import ITSSImport
import ITSSStorage

/// `/admin/imports`: bulk migration from CSV through a form — the same reading (`SpreadsheetRows`) and use cases
/// (`importPeople`, `importAssessments`, `importExperience`) as `itss import`. All or nothing: a refused import
/// lists every bad row with its line and writes nothing.
struct ImportsPage: Sendable {
    enum Kind: String, Sendable, CaseIterable {
        case people
        case assessments
        case experience

        var label: Localized {
            switch self {
            case .people: AdminText.kindPeople
            case .assessments: AdminText.kindAssessments
            case .experience: AdminText.kindExperience
            }
        }
    }

    struct Form: Sendable, Hashable {
        var kind = Kind.people
        var csv = ""
        var approvedBy = ""
    }

    /// What the last import did.
    enum Outcome: Sendable {
        case imported(BulkImportSummary)
        case refused([RowError])
    }

    var form = Form()
    var outcome: Outcome?
    var refusal: FormRefusal?
    var csrfToken: String?

    /// Runs the import the form describes.
    /// - Throws: `FieldError` for an empty text or an unknown approver; 403 and database failures as they are.
    static func run(_ form: Form, database: AppDatabase, principal: Principal, language: Language) async throws -> Outcome {
        guard !form.csv.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw FieldError(
                field: "csv", underlying: Problem(status: .unprocessableContent, detail: AdminText.emptyCSV(language)))
        }
        let bytes = Array(form.csv.utf8)
        do {
            let summary: BulkImportSummary
            switch form.kind {
            case .people:
                summary = try await database.importPeople(try SpreadsheetRows.people(bytes), by: principal)
            case .experience:
                summary = try await database.importExperience(try SpreadsheetRows.experience(bytes), by: principal)
            case .assessments:
                let approver = form.approvedBy.trimmingCharacters(in: .whitespaces)
                let approverID: Int64? =
                    approver.isEmpty ? nil : try await attributing("approved_by") { try await database.personID(approver) }
                summary = try await database.importAssessments(
                    try SpreadsheetRows.ratings(bytes), approvedBy: approverID, by: principal)
            }
            try await database.refreshSkillMapTally()
            return .imported(summary)
        } catch let error as BulkImportError {
            return .refused(error.rows)
        }
    }

    /// View.
    func render(layout: Layout) -> HTML {
        let language = layout.language
        let report: HTML
        switch outcome {
        case nil:
            report = .empty
        case let .imported(summary):
            let text = AdminText.importDone(language).replacingOccurrences(of: "{n}", with: String(summary.created))
                .replacingOccurrences(of: "{rows}", with: String(summary.rows))
                .replacingOccurrences(of: "{levels}", with: String(summary.levelsComputed))
            report = "<p class=\"ok notice\" role=\"status\">\(text)</p>"
        case let .refused(rows):
            let body = rows.map { row -> HTML in
                "<tr><td class=\"num\">line \(row.line)</td><td>\(row.column ?? "—")</td><td>\(row.message)</td></tr>"
            }
            report = """
                <section class="card report" role="alert">
                <p class="error">\(AdminText.importRefused(language).replacingOccurrences(of: "{n}", with: String(rows.count)))</p>
                <table>
                <thead><tr><th class="num">\(AdminText.lineColumn(language))</th><th>\(AdminText.column(language))</th><th>\(AdminText.problem(language))</th></tr></thead>
                <tbody>\(body)</tbody>
                </table>
                </section>
                """
        }
        let kinds = HTML.join(
            Kind.allCases.map { kind -> HTML in
                let checked: HTML = kind == form.kind ? " checked" : .empty
                return
                    "<label class=\"choice\"><input type=\"radio\" name=\"kind\" value=\"\(kind.rawValue)\"\(checked)> \(kind.label(language))</label>"
            })
        return AdminNav.page(
            current: "/admin/imports", layout: layout,
            """
            <h1>\(AdminText.imports(language))</h1>
            <p class="muted">\(AdminText.importsAbout(language))</p>
            \(report)
            \(refusal.summary(language, fields: ["csv", "approved_by"]))
            <form method="post" action="/admin/imports" class="stacked no-print">
            <input type="hidden" name="_csrf" value="\(csrfToken)">
            <fieldset><legend>\(AdminText.kind(language))</legend>\(kinds)</fieldset>
            <label for="csv-file" class="js-only">\(AdminText.file(language))</label>
            <input id="csv-file" type="file" accept=".csv,text/csv,text/plain" data-fill="csv" class="js-only">
            <label for="csv">\(AdminText.csv(language))</label>
            <textarea id="csv" name="csv" rows="12" spellcheck="false"\(refusal.marks("csv"))>\(form.csv)</textarea>
            \(refusal.message(for: "csv"))
            <p class="muted">\(AdminText.csvHint(language))</p>
            <label for="approved_by">\(AdminText.approvedBy(language))</label>
            <input id="approved_by" name="approved_by" value="\(form.approvedBy)"\(refusal.marks("approved_by"))>
            \(refusal.message(for: "approved_by"))
            <button type="submit">\(AdminText.runImport(language))</button>
            </form>
            <script src="/static/import.js" defer></script>
            """)
    }
}
