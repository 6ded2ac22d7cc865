import Foundation
import Hummingbird
import ITSSDomain
import ITSSStorage

/// `/api/v1/people`: the people a principal may read, each person's levels, gap, assessments, track record,
/// plans and level history. A person the principal may not read answers exactly like an unknown one (404).
struct PeopleAPI {
    let handlers: APIHandlers

    struct NewPersonBody: Decodable, Sendable {
        var employeeNumber: String
        var name: String
        var email: String?
        var orgUnit: String?
        var active: Bool?
        var joinedOn: String?
        var fields: [String]?
    }

    func add(to api: RouterGroup<AppRequestContext>) {
        let database = handlers.database
        let handlers = handlers
        api.get("/people") { request, context in
            let identity = try context.requireIdentity()
            let page = try request.pageRequest()
            var unitID: Int64?
            if let org = try request.query("org") {
                do {
                    unitID = try await database.orgUnitID(org)
                } catch StorageError.notFound {
                    throw Problem.badRequest("no org unit has this code", field: "org")
                }
            }
            let people = try await database.peopleDirectory(
                scope: .readableBy(identity.principal), inOrgUnit: unitID, page: page)
            let models = try await handlers.models(people.items.map(\.person))
            return try Response.json(APIPage(items: models, page: people.page, perPage: people.perPage, total: people.total))
        }
        api.post("/people") { request, context in
            let identity = try context.require(.hr)
            let body = try await request.decodeJSON(NewPersonBody.self, context: context)
            var joined: Day?
            if let text = body.joinedOn {
                guard let day = Day(text) else { throw Problem.badRequest("expected a date YYYY-MM-DD", field: "joined_on") }
                joined = day
            }
            let form = PersonForm(
                employeeNumber: body.employeeNumber, name: body.name, email: body.email, orgUnit: body.orgUnit,
                active: body.active ?? true, joinedOn: joined, fields: body.fields ?? [])
            let resolved: NewPerson
            do {
                resolved = try await database.resolve(form)
            } catch let StorageError.notFound(what, _) {
                throw Problem(
                    status: .unprocessableContent, detail: "\(what) does not exist",
                    field: what.hasPrefix("org unit") ? "org_unit" : "fields")
            } catch let StorageError.refused(reason) {
                throw Problem(status: .unprocessableContent, detail: reason, field: "fields")
            }
            let person = try await database.addPerson(resolved, by: identity.principal)
            guard let model = try await handlers.models([person]).first else { throw Problem.notFound("the person") }
            return try Response.json(model, status: .created).located("/api/v1/people/\(pathSegment(person.employeeNumber))")
        }
        api.get("/people/{employeeNumber}") { _, context in
            let identity = try context.requireIdentity()
            let id = try await handlers.readablePerson(try context.pathText("employeeNumber", what: "that person"), identity)
            guard let model = try await handlers.models([try await database.person(id: id)]).first else {
                throw Problem.notFound("that person")
            }
            return try Response.json(model)
        }
        api.get("/people/{employeeNumber}/levels") { request, context in
            try await handlers.responses.response(for: request, context: context) {
                try await Self.levels(request, context, handlers: handlers)
            }
        }
        api.get("/people/{employeeNumber}/gap") { request, context in
            let identity = try context.requireIdentity()
            let personID = try await handlers.readablePerson(
                try context.pathText("employeeNumber", what: "that person"), identity)
            guard let target = try request.query("target") else {
                throw Problem.badRequest("give FIELD:LEVEL, e.g. Service Desk:4", field: "target")
            }
            guard let colon = target.lastIndex(of: ":"), let level = Int(target[target.index(after: colon)...]),
                (1...7).contains(level), colon > target.startIndex
            else {
                throw Problem.badRequest("expected FIELD:LEVEL with a level from 1 to 7, e.g. Service Desk:4", field: "target")
            }
            let basis: LevelBasis
            switch try request.query("basis") ?? "approved" {
            case "approved": basis = .approved
            case "provisional": basis = .provisional
            default: throw Problem.badRequest("expected approved or provisional", field: "basis")
            }
            let fieldID = try await handlers.fieldID(String(target[..<colon]), parameter: "target")
            let gap = try await database.gap(personID: personID, fieldID: fieldID, target: level, basis: basis)
            let field = try await database.catalogFieldDetail(id: fieldID)
            return try Response.json(APIGap(gap, field: APIFieldRef(field.reference, id: fieldID)))
        }
        api.get("/people/{employeeNumber}/assessments") { request, context in
            let identity = try context.requireIdentity()
            let personID = try await handlers.readablePerson(
                try context.pathText("employeeNumber", what: "that person"), identity)
            let page = try await database.assessments(personID: personID, page: try request.pageRequest())
            return try Response.json(
                APIPage(items: try await handlers.models(page.items), page: page.page, perPage: page.perPage, total: page.total))
        }
        api.get("/people/{employeeNumber}/experience") { request, context in
            let identity = try context.requireIdentity()
            let number = try context.pathText("employeeNumber", what: "that person")
            let personID = try await handlers.readablePerson(number, identity)
            let page = try await database.experience(personID: personID, page: try request.pageRequest())
            return try Response.json(
                APIPage(
                    items: try await handlers.models(page.items, employeeNumber: number), page: page.page,
                    perPage: page.perPage, total: page.total))
        }
        api.get("/people/{employeeNumber}/plans") { request, context in
            let identity = try context.requireIdentity()
            let personID = try await handlers.readablePerson(
                try context.pathText("employeeNumber", what: "that person"), identity)
            let plans = try await database.plans(personID: personID, page: try request.pageRequest())
            let ids = try await database.fieldIDs(of: plans.items.map(\.field))
            return try Response.json(APIPage(plans) { APIPlan($0, fieldID: ids[$0.field]) })
        }
        api.get("/people/{employeeNumber}/history") { request, context in
            let identity = try context.requireIdentity()
            let personID = try await handlers.readablePerson(
                try context.pathText("employeeNumber", what: "that person"), identity)
            let changes = try await database.levelHistory(personID: personID, page: try request.pageRequest())
            let ids = try await database.fieldIDs(of: changes.items.map(\.field))
            return try Response.json(APIPage(changes) { APILevelChange($0, fieldID: ids[$0.field]) })
        }
    }

    /// `GET /people/{employeeNumber}/levels`: as `itss level --json`, official and provisional, each with the
    /// breakdown (or under a profile, or as of a date).
    /// - Throws: `Problem` 404 for a person the principal may not read, 400/422 for bad parameters.
    private static func levels(
        _ request: Request, _ context: AppRequestContext, handlers: APIHandlers
    ) async throws
        -> Response
    {
        let database = handlers.database
        let identity = try context.requireIdentity()
        let number = try context.pathText("employeeNumber", what: "that person")
        let personID = try await handlers.readablePerson(number, identity)
        var asOf: Day?
        if let text = try request.query("as_of") {
            guard let day = Day(text) else { throw Problem.badRequest("expected a date YYYY-MM-DD", field: "as_of") }
            try InputBounds.day(day, field: "as_of")
            asOf = day
        }
        if let profile = try request.query("profile") {
            return try await Self.levels(of: number, underProfile: profile, asOf: asOf, database: database, context)
        }
        // As `itss level --json`: official and provisional, each with the breakdown.
        let levels = try await database.levels(of: try await database.person(id: personID), asOf: asOf)
        let ids = try await database.fieldIDs(of: levels.map(\.field))
        return try Response.json(APIList(items: levels.map { APIPersonLevel($0, fieldID: ids[$0.field]) }))
    }
}

extension APIHandlers {
    /// A specialty field as typed in a request value (`Service Desk`, `V2:Service desk`).
    /// - Throws: `Problem` 422 naming `parameter` for an unknown, ambiguous or shared-levels field.
    func fieldID(_ query: String, parameter: String) async throws -> Int64 {
        try await database.fieldID(query, parameter: parameter)
    }
}

extension AppDatabase {
    /// A specialty field as typed in a request value (`Service Desk`, `V2:Service desk`), for the API and the pages.
    /// - Throws: `Problem` 422 naming `parameter` for an unknown, ambiguous or shared-levels field.
    func fieldID(_ query: String, parameter: String) async throws -> Int64 {
        do {
            return try await fieldID(query)
        } catch let error as StorageError {
            switch error {
            case let .notFound(what, suggestions):
                throw Problem(
                    status: .unprocessableContent,
                    detail: "\(what) does not exist"
                        + (suggestions.isEmpty ? "" : "; did you mean \(suggestions.joined(separator: ", "))?"),
                    field: parameter)
            case let .refused(reason):
                throw Problem(status: .unprocessableContent, detail: reason, field: parameter)
            default:
                throw error
            }
        }
    }
}

/// A value percent-encoded for one path segment (employee numbers and logins are the organisation's own strings).
func pathSegment(_ value: String) -> String {
    var allowed = CharacterSet.urlPathAllowed
    allowed.remove("/")
    return value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value
}

extension Response {
    /// The response with a `Location` header (for 201 Created).
    func located(_ path: String) -> Response {
        var response = self
        response.headers[.location] = path
        return response
    }
}
