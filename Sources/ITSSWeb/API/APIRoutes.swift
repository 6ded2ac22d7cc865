import Foundation
import Hummingbird
import ITSSStorage

/// The JSON API under `/api/v1`, described by `openapi.yaml` (served at `/api/v1/openapi.yaml`).
struct APIRoutes {
    let database: AppDatabase

    func add(to router: Router<AppRequestContext>) {
        let api = router.group("/api/v1")
        api.get("/openapi.yaml") { _, _ in
            guard let url = Bundle.module.url(forResource: "openapi", withExtension: "yaml") else {
                throw Problem.notFound("the OpenAPI document")
            }
            return Response(
                status: .ok, headers: [.contentType: "application/yaml; charset=utf-8"],
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: try [UInt8](Data(contentsOf: url)))))
        }
        api.get("/me") { _, context in
            try Response.json(APIAccount(try context.requireIdentity().account))
        }
    }
}
