import Hummingbird
import ITSSDomain
import ITSSStorage

/// Track record: add a record to a person (`POST /people/{n}/experience`), verify one (by an evaluator).
struct ExperienceAPI {
    let handlers: APIHandlers

    struct NewRecordBody: Decodable, Sendable {
        var field: String
        var role: String
        var from: String
        var to: String?
        var peakStaff: Int?
        var annualContractYen: Int64?
        var installationSites: Int64?
        var annualInquiries: Int64?
        var customer: String?
        var description: String?
    }

    struct VerifyBody: Decodable, Sendable {
        var on: String?
    }

    func add(to api: RouterGroup<AppRequestContext>) {
        let database = handlers.database
        let handlers = handlers
        api.post("/people/{employeeNumber}/experience") { request, context in
            let identity = try context.requireIdentity()
            let number = try context.pathText("employeeNumber", what: "that person")
            let personID = try await handlers.readablePerson(number, identity)
            let body = try await request.decodeJSON(NewRecordBody.self, context: context)
            guard let role = Role(label: body.role) else {
                throw Problem(
                    status: .unprocessableContent, detail: "expected member, leader or responsible_person", field: "role")
            }
            let from = try day(body.from, field: "from")
            let to = try body.to.map { try day($0, field: "to") }
            let record = try await database.addExperience(
                NewExperience(
                    personID: personID, fieldID: try await handlers.fieldID(body.field, parameter: "field"), role: role,
                    from: from, to: to, measures: body.measures,
                    customer: body.customer, description: body.description),
                by: identity.principal)
            let model = try await handlers.models([record], employeeNumber: number)[0]
            return try Response.json(model, status: .created, etag: record.version)
        }
        api.post("/experience/{id}/verify") { request, context in
            let identity = try context.requireIdentity()
            let recordID = try context.pathID("id", what: "that experience record")
            let unknown = Problem.notFound("experience record \(recordID)")
            let personID: Int64
            do {
                personID = try await database.personID(ofExperienceRecord: recordID)
            } catch StorageError.notFound {
                throw unknown
            }
            try await handlers.requireReadable(personID: personID, identity, otherwise: unknown)
            var on: Day?
            if request.headers[.contentType] != nil {
                let body = try await request.decodeJSON(VerifyBody.self, context: context)
                on = try body.on.map { try day($0, field: "on") }
            }
            let record = try await database.verifyExperience(recordID: recordID, by: identity.principal, on: on)
            let number = try await database.employeeNumbers(ids: [personID])[personID] ?? ""
            let model = try await handlers.models([record], employeeNumber: number)[0]
            return try Response.json(model, etag: record.version)
        }
    }
}

/// A `YYYY-MM-DD` date from a request body.
/// - Throws: `Problem` 400 naming the field.
func day(_ text: String, field: String) throws -> Day {
    guard let day = Day(text) else { throw Problem.badRequest("expected a date YYYY-MM-DD", field: field) }
    return day
}

extension ExperienceAPI.NewRecordBody {
    /// The figures of the body, by measure.
    var measures: [ScaleMeasure: Int64] {
        var measures: [ScaleMeasure: Int64] = [:]
        measures[.peakStaff] = peakStaff.map(Int64.init)
        measures[.annualContractYen] = annualContractYen
        measures[.installationSites] = installationSites
        measures[.annualInquiries] = annualInquiries
        return measures
    }
}
