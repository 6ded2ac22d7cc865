import Foundation
import Hummingbird
import ITSSStorage

/// The JSON API under `/api/v1`, described by `openapi.yaml` (served at `/api/v1/openapi.yaml`). One resource
/// per file (`CatalogAPI`, `PeopleAPI`, …); `OpenAPIDriftTests` keeps the routes and the document in step.
struct APIRoutes {
    let database: AppDatabase
    let responses: ResponseCache

    func add(to router: Router<AppRequestContext>) {
        let api = router.group("/api/v1")
        api.add(middleware: APIErrorMiddleware())
        api.get("/openapi.yaml") { _, _ in
            guard let url = Bundle.module.url(forResource: "openapi", withExtension: "yaml") else {
                throw Problem.notFound("the OpenAPI document")
            }
            return Response(
                status: .ok, headers: [.contentType: "application/yaml; charset=utf-8"],
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: try [UInt8](Data(contentsOf: url)))))
        }
        let handlers = APIHandlers(database: database, responses: responses)
        MeAPI(handlers: handlers).add(to: api)
        CatalogAPI(handlers: handlers).add(to: api)
        CatalogDocumentsAPI(handlers: handlers).add(to: api)
        PeopleAPI(handlers: handlers).add(to: api)
        PersonFieldsAPI(handlers: handlers).add(to: api)
        SkillMapAPI(handlers: handlers).add(to: api)
        AssessmentsAPI(handlers: handlers).add(to: api)
        ReviewQueueAPI(handlers: handlers).add(to: api)
        CrosswalkAPI(handlers: handlers).add(to: api)
        ExperienceAPI(handlers: handlers).add(to: api)
        PlansAPI(handlers: handlers).add(to: api)
        OrgUnitsAPI(handlers: handlers).add(to: api)
        EvaluatorsAPI(handlers: handlers).add(to: api)
        ImportsAPI(handlers: handlers).add(to: api)
        AuditAPI(handlers: handlers).add(to: api)
        AccountsAPI(handlers: handlers).add(to: api)
        ProfilesAPI(handlers: handlers).add(to: api)
        StaffingAPI(handlers: handlers).add(to: api)
    }
}
