import Foundation
import Hummingbird
import ITSSImport
import ITSSStorage

/// The read-only CASE 1.1 provider API under `/ims/case/v1p1`: the catalog's standards as CASE frameworks, so a
/// CASE consumer can read the standard directly. Readable by every signed-in account or API token (the catalog
/// is open to every role); anonymous requests get 401, unknown identifiers 404, both as problem+json. Bodies
/// are the CASE JSON binding (camelCase keys as the specification spells them), the same bytes
/// `itss catalog export --format case` writes for a package.
struct CASEProviderAPI {
    let database: AppDatabase

    func add(to router: Router<AppRequestContext>) {
        let database = database
        let ims = router.group("/ims/case/v1p1")
        ims.get("/CFDocuments") { _, context in
            _ = try context.requireIdentity()
            let documents = try await database.casePackages().map(\.package.CFDocument)
            return try Self.json(CFDocumentSet(CFDocuments: documents))
        }
        ims.get("/CFPackages/{sourcedId}") { _, context in
            _ = try context.requireIdentity()
            let id = try context.pathText("sourcedId", what: "that CFPackage")
            guard let package = try await database.casePackage(identifier: id) else {
                throw Problem.notFound("CFPackage \(id)")
            }
            return try Self.json(package)
        }
        ims.get("/CFItems/{sourcedId}") { _, context in
            _ = try context.requireIdentity()
            let id = try context.pathText("sourcedId", what: "that CFItem")
            guard let found = try await database.caseItem(identifier: id) else { throw Problem.notFound("CFItem \(id)") }
            return try Self.json(found.item)
        }
        ims.get("/CFAssociations/{sourcedId}") { _, context in
            _ = try context.requireIdentity()
            let id = try context.pathText("sourcedId", what: "that CFAssociation")
            guard let found = try await database.caseAssociation(identifier: id) else {
                throw Problem.notFound("CFAssociation \(id)")
            }
            var association = CFAssociationWithDocument(found.association)
            association.CFDocumentURI = found.package.CFDocument.CFPackageURI
            return try Self.json(association)
        }
    }

    /// `GET /CFDocuments`: `{"CFDocuments": [...]}`.
    struct CFDocumentSet: Encodable {
        var CFDocuments: [CASEPackage.Document]
    }

    /// A standalone association names its document (a packaged one does not).
    struct CFAssociationWithDocument: Encodable {
        var association: CASEPackage.Association
        var CFDocumentURI: CASEPackage.Link?

        init(_ association: CASEPackage.Association) { self.association = association }

        func encode(to encoder: any Encoder) throws {
            try association.encode(to: encoder)
            var container = encoder.container(keyedBy: Key.self)
            try container.encodeIfPresent(CFDocumentURI, forKey: Key(stringValue: "CFDocumentURI"))
        }

        struct Key: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }
    }

    /// CASE JSON as the export writes it (sorted keys, camelCase as the specification spells it).
    static func json(_ value: some Encodable) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Response(
            status: .ok, headers: [.contentType: "application/json"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: try encoder.encode(value))))
    }
}
