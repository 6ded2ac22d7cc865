import Hummingbird
import ITSSDomain
import ITSSStorage

/// `GET /api/v1/review-queue`: the submitted assessments waiting for the caller as evaluator (the people their
/// assignments cover), oldest submission first, paged — the Review page's queue.
struct ReviewQueueAPI {
    let handlers: APIHandlers

    func add(to api: RouterGroup<AppRequestContext>) {
        let database = handlers.database
        api.get("/review-queue") { request, context in
            let identity = try context.require(.evaluator)
            let page = try request.pageRequest()
            // An account that is no person (a bare administrator) evaluates no one.
            guard let evaluatorID = identity.account.personID else {
                return try Response.json(APIPage<APIReviewQueueEntry>(items: [], page: page.page, perPage: page.perPage, total: 0))
            }
            let queue = try await database.reviewQueue(evaluatorID: evaluatorID, page: page)
            let ids = try await database.fieldIDs(of: queue.items.map(\.field))
            return try Response.json(APIPage(queue) { APIReviewQueueEntry($0, fieldID: ids[$0.field]) })
        }
    }
}
