import Hummingbird
import ITSSDomain
import ITSSStorage

/// Development plans: create one from the gap to a target (`POST /people/{n}/plans`), read one (with its
/// version as `ETag`), change an action or add one (`PATCH`, honouring `If-Match`).
struct PlansAPI {
    let handlers: APIHandlers

    struct NewPlanBody: Decodable, Sendable {
        var field: String
        var targetLevel: Int
    }

    struct PatchBody: Decodable, Sendable {
        /// The 1-based position of the action to change.
        var action: Int?
        var status: String?
        var dueOn: String?
        var owner: String?
        var title: String?
        var add: NewAction?
    }

    struct NewAction: Decodable, Sendable {
        var title: String
        var kind: String?
        var dueOn: String?
        var owner: String?
    }

    func add(to api: RouterGroup<AppRequestContext>) {
        let database = handlers.database
        let handlers = handlers
        api.post("/people/{employeeNumber}/plans") { request, context in
            let identity = try context.requireIdentity()
            let personID = try await handlers.readablePerson(
                try context.pathText("employeeNumber", what: "that person"), identity)
            let body = try await request.decodeJSON(NewPlanBody.self, context: context)
            guard (1...7).contains(body.targetLevel) else {
                throw Problem(status: .unprocessableContent, detail: "expected a level from 1 to 7", field: "target_level")
            }
            let fieldID = try await handlers.fieldID(body.field, parameter: "field")
            let plan = try await database.createPlan(
                personID: personID, fieldID: fieldID, target: body.targetLevel, by: identity.principal)
            return try Response.json(try await handlers.model(plan), status: .created, etag: plan.version)
                .located("/api/v1/plans/\(plan.id)")
        }
        api.get("/plans/{id}") { _, context in
            let identity = try context.requireIdentity()
            let plan = try await handlers.readablePlan(try context.pathID("id", what: "that plan"), identity)
            return try Response.json(try await handlers.model(plan), etag: plan.version)
        }
        api.patch("/plans/{id}") { request, context in
            let identity = try context.requireIdentity()
            let id = try context.pathID("id", what: "that plan")
            let current = try await handlers.readablePlan(id, identity)
            let expected = try request.ifMatchVersion()
            try checkPrecondition(expected, current: current.version, what: "plan \(id)")
            let body = try await request.decodeJSON(PatchBody.self, context: context)
            guard body.action != nil || body.add != nil else {
                throw Problem.badRequest("give action (with status, due_on, owner or title) or add", field: "action")
            }
            if let position = body.action, !(1...10_000).contains(position) {
                throw Problem(status: .unprocessableContent, detail: "expected an action's position, from 1", field: "action")
            }
            var status: PlanActionStatus?
            if let text = body.status {
                guard let parsed = APIText.planStatus(text) else {
                    throw Problem.badRequest("expected open, in_progress, done or dropped", field: "status")
                }
                status = parsed
            }
            let change = PlanActionChange(
                status: status, dueOn: try body.dueOn.map { try day($0, field: "due_on") }, owner: body.owner, title: body.title)
            var append: PlanAction?
            if let add = body.add {
                var kind = PlanActionKind.training
                if let text = add.kind {
                    guard let parsed = APIText.planKind(text) else {
                        throw Problem.badRequest(
                            "expected learn_knowledge, take_role, training or certification", field: "add.kind")
                    }
                    kind = parsed
                }
                append = PlanAction(
                    kind: kind, title: add.title, dueOn: try add.dueOn.map { try day($0, field: "add.due_on") },
                    owner: add.owner)
            }
            let plan = try await preconditioned(expected) {
                try await database.updatePlan(
                    id, action: body.action, change: change, append: append, expectedVersion: expected, by: identity.principal)
            }
            return try Response.json(try await handlers.model(plan), etag: plan.version)
        }
    }
}
