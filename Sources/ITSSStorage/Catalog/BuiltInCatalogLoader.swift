import ITSSDomain
import ITSSImport

extension AppDatabase {
    /// Imports the shipped standards, with the shipped errata, when the database holds no standard yet.
    ///
    /// Several processes may share the database (instances of `itss serve` on PostgreSQL): one that finds a
    /// standard already loaded by another at the same moment carries on.
    /// - Parameter progress: Called once the database is found empty, then once per standard stored.
    /// - Returns: The standards loaded (none when the database already had standards).
    /// - Throws: `DocumentError` if a shipped document no longer reads, or the database error.
    @discardableResult
    public func loadBuiltInStandardsIfEmpty(
        by principal: Principal = .system("built-in standards"), progress: (Standard?) -> Void = { _ in }
    ) async throws -> [Standard] {
        guard try await storedStandards().isEmpty else { return [] }
        progress(nil)
        let errata = try Errata.builtIn()
        var loaded: [Standard] = []
        for document in try BuiltInStandards.documents() {
            let imported = try DocumentImporter.read(document.bytes, fileName: document.fileName, errata: errata)
            do {
                try await importStandard(
                    imported, sourceText: String(decoding: document.bytes, as: UTF8.self), replace: false, errataApplied: true,
                    by: principal)
            } catch {
                guard try await storedStandards().contains(where: { $0.key == imported.standard.key }) else { throw error }
            }
            loaded.append(imported.standard)
            progress(imported.standard)
        }
        return loaded
    }
}
