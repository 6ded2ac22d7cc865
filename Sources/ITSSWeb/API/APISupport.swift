import Foundation
import Hummingbird
import ITSSDomain
import ITSSImport
import ITSSStorage
import NIOCore

/// What every API resource needs: the database, the read checks and the parameter parsing. Route handlers stay
/// thin: parse → look up ids (checking that the caller may read the person) → use case → read model.
struct APIHandlers: Sendable {
    let database: AppDatabase
    /// Kept responses of the hot reads (a person's levels).
    var responses: ResponseCache

    /// The id of a person the signed-in principal may read.
    /// - Throws: `Problem` 404 — the same body for an unknown employee number and for one the principal may not
    ///   read, so guessing numbers tells nothing (and the body names no other number).
    func readablePerson(_ employeeNumber: String, _ identity: Identity) async throws -> Int64 {
        guard employeeNumber == employeeNumber.trimmingCharacters(in: .whitespaces), employeeNumber.count <= 200,
            !employeeNumber.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
        else { throw Problem.unknownPerson(employeeNumber) }
        let personID: Int64
        do {
            personID = try await database.personID(employeeNumber)
        } catch StorageError.notFound {
            throw Problem.unknownPerson(employeeNumber)
        }
        try await requireReadable(personID: personID, identity, otherwise: Problem.unknownPerson(employeeNumber))
        return personID
    }

    /// Refuses with `problem` (a 404) unless the principal may read the person's data.
    /// - Throws: `problem`.
    func requireReadable(personID: Int64, _ identity: Identity, otherwise problem: Problem) async throws {
        let relation = try await database.relation(of: identity.principal, toPerson: personID)
        guard AccessPolicy.permitsReading(identity.principal, on: relation) else { throw problem }
    }

    /// An assessment the principal may read.
    /// - Throws: `Problem` 404 for an unknown one or one of a person the principal may not read.
    func readableAssessment(_ id: Int64, _ identity: Identity) async throws -> AssessmentView {
        let unknown = Problem.notFound("assessment \(id)")
        let view: AssessmentView
        do {
            view = try await database.assessment(id)
        } catch StorageError.notFound {
            throw unknown
        }
        try await requireReadable(personID: try await database.personID(view.employeeNumber), identity, otherwise: unknown)
        return view
    }

    /// A plan the principal may read.
    /// - Throws: `Problem` 404 for an unknown one or one of a person the principal may not read.
    func readablePlan(_ id: Int64, _ identity: Identity) async throws -> PlanView {
        let unknown = Problem.notFound("plan \(id)")
        let plan: PlanView
        do {
            plan = try await database.plan(id)
        } catch StorageError.notFound {
            throw unknown
        }
        try await requireReadable(personID: try await database.personID(plan.employeeNumber), identity, otherwise: unknown)
        return plan
    }

    /// The read model of an assessment (with the item ids of its field).
    /// - Throws: database errors.
    func model(_ view: AssessmentView) async throws -> APIAssessment {
        try await models([view])[0]
    }

    /// The read models of assessments: one catalog lookup per distinct field, not per assessment.
    /// - Throws: database errors.
    func models(_ views: [AssessmentView]) async throws -> [APIAssessment] {
        var fields: [FieldReference: CatalogFieldDetail] = [:]
        for reference in Set(views.map(\.field)) { fields[reference] = try? await database.catalogField(reference) }
        return views.map { APIAssessment($0, field: fields[$0.field]) }
    }

    /// The read model of a plan.
    /// - Throws: database errors.
    func model(_ plan: PlanView) async throws -> APIPlan {
        APIPlan(plan, fieldID: try await database.fieldIDs(of: [plan.field])[plan.field])
    }

    /// The read models of experience records of one person (verifiers' numbers in one query).
    /// - Throws: database errors.
    func models(_ records: [ExperienceRecord], employeeNumber: String) async throws -> [APIExperience] {
        let fieldIDs = try await database.fieldIDs(of: records.map(\.field))
        let verifiers = try await database.employeeNumbers(ids: Set(records.compactMap(\.verifiedBy)))
        return records.map {
            APIExperience(
                $0, employeeNumber: employeeNumber, fieldID: fieldIDs[$0.field],
                verifierNumber: $0.verifiedBy.flatMap { verifiers[$0] })
        }
    }

    /// The read models of people (their org unit codes and field ids in one query each).
    /// - Throws: database errors.
    func models(_ people: [Person]) async throws -> [APIPerson] {
        let codes = try await database.orgUnitCodes(ids: Set(people.compactMap(\.orgUnitID)))
        let fieldIDs = try await database.fieldIDs(of: people.flatMap(\.fields))
        return people.map { APIPerson($0, orgUnitCodes: codes, fieldIDs: fieldIDs) }
    }
}

extension Problem {
    /// The one answer for an unknown employee number and for a person the caller may not read.
    static func unknownPerson(_ employeeNumber: String) -> Problem {
        Problem(status: .notFound, detail: "person \"\(employeeNumber)\" does not exist")
    }

    /// 412 for an `If-Match` that no longer names the current version; nothing was written.
    static func stale(_ what: String, expected: Int, actual: Int) -> Problem {
        Problem(
            status: .preconditionFailed,
            detail: "\(what) changed since version \(expected) (it is at version \(actual)); nothing was written — read it again",
            field: "If-Match")
    }
}

/// Refuses a stale `If-Match` before the use case runs, so that a stale version is reported as such (412) even
/// when the write would also break a rule; the use case checks the version again inside its transaction.
/// - Throws: `Problem` 412.
func checkPrecondition(_ expected: Int?, current: Int, what: String) throws {
    if let expected, expected != current { throw Problem.stale(what, expected: expected, actual: current) }
}

/// Version-checked writes: a stale `If-Match` becomes 412 (the use case wrote nothing); without `If-Match` the
/// write is blind and a concurrent change is applied after, not refused.
func preconditioned<T: Sendable>(_ expected: Int?, _ body: () async throws -> T) async throws -> T {
    do {
        return try await body()
    } catch let StorageError.conflict(what, expectedVersion, actualVersion) where expected != nil {
        throw Problem.stale(what, expected: expectedVersion, actual: actualVersion)
    }
}

extension AppRequestContext {
    /// A numeric id from the path.
    /// - Throws: `Problem` 404 when it is not a number (no such resource).
    func pathID(_ name: String, what: String) throws -> Int64 {
        guard let text = parameters.get(name), text.count <= 18, text.allSatisfy(\.isASCII), let id = Int64(text), id > 0
        else { throw Problem.notFound(what) }
        return id
    }

    /// A text from the path.
    /// - Throws: `Problem` 404 without one.
    func pathText(_ name: String, what: String) throws -> String {
        guard let text = parameters.get(name) else { throw Problem.notFound(what) }
        return text
    }
}

extension Request {
    /// A query parameter, `nil` when absent.
    /// - Throws: `Problem` 400 naming the parameter when it has a control character.
    func query(_ name: String) throws -> String? {
        guard let value = uri.queryParameters[name[...]].map(String.init) else { return nil }
        if value.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            throw Problem.badRequest("contains a control character", field: name)
        }
        return value
    }

    /// `page` (1–1,000,000, default 1) and `per_page` (1–1,000, default 50). Values that are not whole numbers
    /// or out of range are refused, not clamped.
    /// - Throws: `Problem` 400 naming the parameter.
    func pageRequest() throws -> PageRequest {
        PageRequest(
            page: try integer("page", in: 1...1_000_000) ?? 1, perPage: try integer("per_page", in: 1...1000) ?? 50)
    }

    /// A whole-number query parameter within `range`, `nil` when absent.
    /// - Throws: `Problem` 400 naming the parameter.
    func integer(_ name: String, in range: ClosedRange<Int>) throws -> Int? {
        guard let text = try query(name) else { return nil }
        guard let value = Int(text), range.contains(value) else {
            throw Problem.badRequest("expected a whole number from \(range.lowerBound) to \(range.upperBound)", field: name)
        }
        return value
    }

    /// The body as text of a declared content type (or none declared).
    /// - Throws: `Problem` 415 naming `Content-Type` for another type.
    func text(contentType expected: String, context: AppRequestContext) async throws -> [UInt8] {
        if let contentType = headers[.contentType], !contentType.lowercased().hasPrefix(expected) {
            throw Problem(status: .unsupportedMediaType, detail: "send the body as \(expected)", field: "Content-Type")
        }
        let buffer = try await body.collect(upTo: context.maxUploadSize)
        return Array(buffer: buffer)
    }
}

/// Maps the domain's refusals that the shared `Problem.from` does not know to problems, for the API routes:
/// assessment workflow rules, gap targets and bulk imports (a problem listing every bad row).
struct APIErrorMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws
        -> Response
    {
        do {
            return try await next(request, context)
        } catch let error as BulkImportError {
            return try Self.importProblem(error)
        } catch let error as DecodingError {
            // The decoder names Swift's property (`targetLevel`); the request named the JSON key (`target_level`).
            var problem = Problem.from(error)
            problem.field = problem.field.map(Self.snakeCase)
            throw problem
        }
    }

    /// `targetLevel` → `target_level`; `add.dueOn` → `add.due_on`.
    static func snakeCase(_ name: String) -> String { TailoringJSON.snakeCase(name) }

    /// 422 with every bad row; nothing was imported.
    static func importProblem(_ error: BulkImportError) throws -> Response {
        let problem = APIImportProblem(
            title: HTTPResponse.Status.unprocessableContent.reasonPhrase, status: 422,
            detail: "\(error.rows.count) bad row(s); nothing was imported",
            field: error.rows.allSatisfy { $0.line == 0 } ? error.rows.first?.column : nil,
            errors: error.rows.map { .init(line: $0.line, field: $0.column, message: $0.message) })
        return Response(
            status: .unprocessableContent, headers: [.contentType: "application/problem+json"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: try APIJSON.encoder.encode(problem))))
    }
}
