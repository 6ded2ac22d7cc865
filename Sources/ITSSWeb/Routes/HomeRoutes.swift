import Hummingbird
import ITSSDomain
import ITSSStorage

/// The start page sends each role where its work is.
struct HomeRoutes {
    let database: AppDatabase

    func add(to router: Router<AppRequestContext>) {
        router.get("/") { _, context in
            let identity = try context.requireIdentity()
            if identity.account.role == .employee, identity.account.personID != nil { return Response.seeOther("/me") }
            if identity.account.role == .evaluator { return Response.seeOther("/review") }
            return Response.seeOther(identity.account.role >= .hr ? "/people" : "/catalog")
        }
    }
}
