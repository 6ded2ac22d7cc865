import ITSSDomain
import ITSSImport

extension AppDatabase {
    /// One CASE 1.1 package per stored standard, in catalog order, with the crosswalk's links where both of its
    /// standards are stored (see `crosswalkLinks(from:in:)`). Built from the cached catalog; no table is read
    /// when the catalog has not changed.
    /// - Throws: the database error.
    public func casePackages() async throws -> [(key: StandardKey, package: CASEPackage)] {
        let catalog = try await catalogIndex().catalog
        let crosswalk = try Crosswalk.builtIn()
        return catalog.standards.map { standard in
            (standard.key, CASEExport.package(standard, links: crosswalk.caseLinks(from: standard, in: catalog)))
        }
    }

    /// The package whose CFDocument has this identifier, if any.
    /// - Throws: the database error.
    public func casePackage(identifier: String) async throws -> CASEPackage? {
        let wanted = identifier.lowercased()
        return try await casePackages().first { $0.package.CFDocument.identifier == wanted }?.package
    }

    /// The item with this identifier, with its package, if any.
    /// - Throws: the database error.
    public func caseItem(identifier: String) async throws -> (item: CASEPackage.Item, package: CASEPackage)? {
        let wanted = identifier.lowercased()
        for (_, package) in try await casePackages() {
            if let item = package.CFItems.first(where: { $0.identifier == wanted }) { return (item, package) }
        }
        return nil
    }

    /// The association with this identifier, with its package, if any.
    /// - Throws: the database error.
    public func caseAssociation(
        identifier: String
    ) async throws -> (association: CASEPackage.Association, package: CASEPackage)? {
        let wanted = identifier.lowercased()
        for (_, package) in try await casePackages() {
            if let association = package.CFAssociations.first(where: { $0.identifier == wanted }) {
                return (association, package)
            }
        }
        return nil
    }
}
