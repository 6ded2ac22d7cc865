import Hummingbird
import ITSSDomain
import ITSSStorage

/// The audit log (HR and administrators), newest first, paged and filtered in SQL.
struct AuditAPI {
    let handlers: APIHandlers

    func add(to api: RouterGroup<AppRequestContext>) {
        let database = handlers.database
        api.get("/audit") { request, context in
            _ = try context.require(.hr)
            let page = try request.pageRequest()
            var action: AuditAction?
            if let text = try request.query("action") {
                guard let parsed = AuditAction(rawValue: text) else {
                    throw Problem.badRequest("expected an audit action such as assessment.approve", field: "action")
                }
                action = parsed
            }
            let actor = try request.query("actor")
            if let actor, actor.count > 200 { throw Problem.badRequest("at most 200 characters", field: "actor") }
            let entries = try await database.auditEntries(page: page, action: action, actor: actor)
            return try Response.json(APIPage(entries, APIAuditEntry.init))
        }
    }
}
