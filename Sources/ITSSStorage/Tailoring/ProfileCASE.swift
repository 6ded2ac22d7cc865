import Foundation
import ITSSDomain
import ITSSImport

extension AppDatabase {
    /// A profile version as its derived CASE 1.1 package (`CASEProfileExport`), as JSON: the same version of the
    /// same profile always gives the same bytes.
    /// - Parameter version: The version; the current one by default.
    /// - Throws: `StorageError.notFound` for an unknown profile or version, `.refused` when the version no longer
    ///   applies to the catalog.
    public func profileCASEPackage(_ id: Int64, version: Int? = nil) async throws -> (version: ProfileVersion, json: Data) {
        let stored = try await profileVersion(id, version: version)
        let tailored = try await tailoredCatalog(stored)
        return (stored, try CASEProfileExport.json(stored.profile, version: stored.version, tailored: tailored))
    }

    /// The profile document in `bytes`: a derived CASE package (read against the stored catalog, see
    /// docs/case.md) or the JSON document (docs/tailoring.md). Nothing is written; save it with `createProfile` or
    /// `saveProfileVersion`.
    /// - Throws: `InputError` naming the place for a package that cannot be read (`CFItems[12].identifier`), or
    ///   `TailoringError` naming the place for a JSON document that is not a profile.
    public func profileDocument(from bytes: [UInt8]) async throws -> TailoringProfile {
        guard CASEProfileImport.looksLikePackage(bytes) else { return try TailoringJSON.decode(Data(bytes)) }
        do {
            return try CASEProfileImport.read(bytes, catalog: try await catalogIndex().catalog)
        } catch let error as CASEPackageError {
            // The first problem's place is the field; every problem stays in the message.
            let first = error.problems.first ?? "package: cannot be read"
            let place = first.range(of: ": ").map { String(first[..<$0.lowerBound]) } ?? "package"
            let message =
                error.problems.count == 1
                ? String(first.dropFirst(min(first.count, place.count + 2)))
                : "\(error.problems.count) problems: " + error.problems.joined(separator: "; ")
            throw InputError(field: place, message: message)
        }
    }
}
