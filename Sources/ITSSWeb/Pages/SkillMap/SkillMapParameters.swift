import Hummingbird
import ITSSDomain
import ITSSStorage

/// What a skill map request asks for, read from the query string the same way by the pages and the API:
/// `org`, `as_of`, `standard`, `field` (repeatable), `basis` (`official` | `provisional`), `inactive=1` (count
/// inactive people too).
struct SkillMapParameters: Sendable, Hashable {
    var org: String?
    var asOf: Day?
    var standard: String?
    var fields: [String] = []
    var basis: SkillMapBasis = .official
    var includeInactive = false

    /// - Throws: `Problem` 400 naming the parameter for a malformed value.
    init(_ request: Request) throws {
        let query = request.queryForm
        try Self.refuseControlCharacters(query)
        org = query.string("org")
        asOf = try Self.day(query.string("as_of"), field: "as_of")
        standard = query.string("standard")
        fields = query.all("field").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard fields.count <= 20 else { throw Problem.badRequest("at most 20 fields", field: "field") }
        if let basis = query.string("basis") {
            guard let value = SkillMapBasis(rawValue: basis) else {
                throw Problem.badRequest("expected official or provisional", field: "basis")
            }
            self.basis = value
        }
        switch query.string("inactive") {
        case nil, "0", "false": includeInactive = false
        case "1", "true": includeInactive = true
        default: throw Problem.badRequest("expected 1 or 0", field: "inactive")
        }
        for (name, value) in [("org", org), ("standard", standard)] where (value?.count ?? 0) > 200 {
            throw Problem.badRequest("at most 200 characters", field: name)
        }
    }

    init() {}

    /// A date parameter (`YYYY-MM-DD`, years 1900–2999), `nil` when absent.
    /// - Throws: `Problem` 400 naming `field`.
    static func day(_ text: String?, field: String) throws -> Day? {
        guard let text else { return nil }
        guard let day = Day(text) else { throw Problem.badRequest("expected a date YYYY-MM-DD", field: field) }
        do {
            try InputBounds.day(day, field: field)
        } catch {
            throw Problem.badRequest(error.message, field: field)
        }
        return day
    }

    private static func refuseControlCharacters(_ query: FormData) throws {
        for pair in query.pairs
        where pair.value.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            throw Problem.badRequest("contains a control character", field: pair.name)
        }
    }

    /// The query pairs that reproduce these parameters (for links between the map pages), without the org unit
    /// when `org` is given separately.
    var pairs: [(String, String)] {
        var result: [(String, String)] = []
        if let org { result.append(("org", org)) }
        if let asOf { result.append(("as_of", asOf.description)) }
        if let standard { result.append(("standard", standard)) }
        for field in fields { result.append(("field", field)) }
        if basis == .provisional { result.append(("basis", basis.rawValue)) }
        if includeInactive { result.append(("inactive", "1")) }
        return result
    }

    /// `path?pairs` with every name and value percent-encoded.
    static func link(_ path: String, _ pairs: [(String, String)]) -> String {
        guard !pairs.isEmpty else { return path }
        return path + "?" + pairs.map { HTML.percentEncoded($0.0) + "=" + HTML.percentEncoded($0.1) }.joined(separator: "&")
    }
}

/// Turns parameters into the storage scope and filter for a principal, with the API's error answers: an org unit
/// the principal may not see answers like an unknown one (404); an unknown standard or field is 422 naming it.
struct SkillMapResolver: Sendable {
    let database: AppDatabase

    /// - Throws: `Problem` 403 for an employee, 404 for an unknown or hidden org unit.
    func scope(_ org: String?, for principal: Principal, field: String = "org") async throws -> SkillMapScope {
        do {
            return try await database.skillMapScope(orgUnit: org, for: principal)
        } catch let StorageError.notFound(what, _) {
            throw Problem.notFound(what, field: field)
        } catch let StorageError.forbidden(reason) {
            throw Problem(status: .forbidden, detail: reason)
        }
    }

    /// - Throws: `Problem` 422 naming `standard` or `field` for one the catalog does not have; a database that
    ///   fails or is too busy is not bad input, and its error passes through (5xx).
    func fieldIDs(_ parameters: SkillMapParameters) async throws -> [Int64]? {
        do {
            _ = try await database.skillMapFieldIDs(standard: parameters.standard, fields: [])
        } catch {
            throw Self.refusal(error, naming: "standard")
        }
        do {
            return try await database.skillMapFieldIDs(standard: parameters.standard, fields: parameters.fields)
        } catch {
            throw Self.refusal(error, naming: "field")
        }
    }

    /// A lookup's refusal (the name is unknown, ambiguous or not allowed) as 422 naming the parameter; any other
    /// error unchanged.
    private static func refusal(_ error: any Error, naming field: String) -> any Error {
        let problem = Problem.from(error)
        guard (400..<500).contains(problem.status) else { return error }
        return Problem(status: .unprocessableContent, detail: problem.detail, field: field)
    }

    /// The storage filter of the parameters.
    /// - Throws: `Problem` 422 for unknown fields, and for provisional levels of a past date (naming `basis`).
    func filter(_ parameters: SkillMapParameters, asOf: Day?? = nil) async throws -> SkillMapFilter {
        let day = asOf ?? parameters.asOf
        if parameters.basis == .provisional, day != nil {
            throw Problem(
                status: .unprocessableContent, detail: "provisional levels are kept for today only; leave out the date",
                field: "basis")
        }
        return SkillMapFilter(
            asOf: day, fieldIDs: try await fieldIDs(parameters), basis: parameters.basis,
            includeInactive: parameters.includeInactive)
    }
}
