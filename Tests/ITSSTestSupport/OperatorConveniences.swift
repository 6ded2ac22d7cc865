import ITSSDomain
import ITSSImport

@testable import ITSSStorage

/// The storage suite drives the use cases as the CLI does: names and employee numbers go through the lookup
/// layer (`personID`, `fieldID`, `resolve`), and writes run as the operator acting for the named person. These
/// overloads keep the tests readable; permission checks themselves are tested with explicit principals.
extension AppDatabase {
    public func operatorFor(_ employeeNumber: String?) async throws -> Principal {
        try await operatorPrincipal(systemUser: "test", actingFor: employeeNumber)
    }

    @discardableResult
    public func createOrgUnit(code: String, name: String, parentCode: String?, actor: String) async throws -> OrgUnit {
        var parentID: Int64?
        if let parentCode { parentID = try await orgUnitID(parentCode) }
        return try await createOrgUnit(code: code, name: name, parentID: parentID, by: operatorFor(nil))
    }

    @discardableResult
    public func addPerson(_ form: PersonForm, actor: String) async throws -> Person {
        try await addPerson(resolve(form), by: operatorFor(nil))
    }

    public func addField(_ field: String, toPerson employeeNumber: String, actor: String) async throws {
        try await addField(fieldID(field), toPerson: personID(employeeNumber), by: operatorFor(nil))
    }

    public func assignEvaluator(
        _ evaluator: String, toOrgUnit unit: String? = nil, toPerson person: String? = nil, actor: String
    ) async throws {
        let scope: EvaluatorScope =
            if let unit { .orgUnit(try await orgUnitID(unit)) } else { .person(try await personID(person ?? "")) }
        try await assignEvaluator(personID(evaluator), to: scope, by: operatorFor(nil))
    }

    @discardableResult
    public func startAssessment(
        of employeeNumber: String, field: String, cycle: Cycle, actor: String
    ) async throws
        -> AssessmentView
    {
        try await startAssessment(
            personID: personID(employeeNumber), fieldID: fieldID(field), cycle: cycle, by: operatorFor(nil))
    }

    @discardableResult
    public func rate(
        assessment id: Int64, item: String, level: Int, by actor: String, asEvaluator: Bool, note: String? = nil,
        evidence: String? = nil, reason: String? = nil, expectedVersion: Int? = nil
    ) async throws -> AssessmentView {
        try await rate(
            assessment: id, item: assessmentItem(item, inAssessment: id), level: level, asEvaluator: asEvaluator,
            by: operatorFor(actor), note: note, evidence: evidence, reason: reason, expectedVersion: expectedVersion)
    }

    @discardableResult
    public func submitAssessment(_ id: Int64, by actor: String, expectedVersion: Int? = nil) async throws -> AssessmentView {
        try await submitAssessment(id, by: operatorFor(actor), expectedVersion: expectedVersion)
    }

    @discardableResult
    public func approveAssessment(_ id: Int64, by actor: String, expectedVersion: Int? = nil) async throws -> AssessmentView {
        try await approveAssessment(id, by: operatorFor(actor), expectedVersion: expectedVersion)
    }

    @discardableResult
    public func returnAssessment(
        _ id: Int64, by actor: String, comment: String, expectedVersion: Int? = nil
    ) async throws
        -> AssessmentView
    {
        try await returnAssessment(id, by: operatorFor(actor), comment: comment, expectedVersion: expectedVersion)
    }

    @discardableResult
    public func addExperience(_ form: ExperienceForm, actor: String) async throws -> ExperienceRecord {
        try await addExperience(resolve(form), by: operatorFor(nil))
    }

    @discardableResult
    public func correctExperience(recordID: Int64, with form: ExperienceForm, actor: String) async throws -> ExperienceRecord {
        try await correctExperience(recordID: recordID, with: resolve(form), by: operatorFor(nil))
    }

    @discardableResult
    public func verifyExperience(recordID: Int64, by actor: String, on day: Day? = nil) async throws -> ExperienceRecord {
        try await verifyExperience(recordID: recordID, by: operatorFor(actor), on: day)
    }

    @discardableResult
    public func createPlan(
        for employeeNumber: String, field: String, target: Int, actions: [PlanAction]? = nil, actor: String
    ) async throws -> PlanView {
        try await createPlan(
            personID: personID(employeeNumber), fieldID: fieldID(field), target: target, actions: actions,
            by: operatorFor(nil))
    }

    @discardableResult
    public func updatePlan(
        _ id: Int64, action position: Int? = nil, change: PlanActionChange = PlanActionChange(), append: PlanAction? = nil,
        expectedVersion: Int? = nil, actor: String
    ) async throws -> PlanView {
        try await updatePlan(
            id, action: position, change: change, append: append, expectedVersion: expectedVersion, by: operatorFor(nil))
    }

    public func gap(
        of employeeNumber: String, field: String, target: Int, basis: LevelBasis = .approved
    ) async throws
        -> FieldGap
    {
        try await gap(personID: personID(employeeNumber), fieldID: fieldID(field), target: target, basis: basis)
    }

    /// Everyone (or everyone in a unit and its sub-units), in one page.
    public func people(inOrgUnit unit: String? = nil, includeInactive: Bool = true) async throws -> [Person] {
        var unitID: Int64?
        if let unit { unitID = try await orgUnitID(unit) }
        return try await people(
            inOrgUnit: unitID, includeInactive: includeInactive, page: PageRequest(page: 1, perPage: 1000)
        ).items
    }

    @discardableResult
    public func importPeople(_ parsed: ParsedRows<SpreadsheetRows.PersonRow>, actor: String) async throws -> BulkImportSummary {
        try await importPeople(parsed, by: operatorFor(nil))
    }

    @discardableResult
    public func importExperience(
        _ parsed: ParsedRows<SpreadsheetRows.ExperienceRow>, actor: String
    ) async throws
        -> BulkImportSummary
    {
        try await importExperience(parsed, by: operatorFor(nil))
    }

    @discardableResult
    public func importAssessments(
        _ parsed: ParsedRows<SpreadsheetRows.RatingRow>, approvedBy: String?, actor: String
    ) async throws -> BulkImportSummary {
        var approver: Int64?
        if let approvedBy { approver = try await personID(approvedBy) }
        return try await importAssessments(parsed, approvedBy: approver, by: operatorFor(nil))
    }

    @discardableResult
    public func importStandard(
        _ document: ImportedDocument, sourceText: String, replace: Bool, errataApplied: Bool, actor: String
    ) async throws -> CatalogImportOutcome {
        try await importStandard(
            document, sourceText: sourceText, replace: replace, errataApplied: errataApplied, by: operatorFor(nil))
    }
}
