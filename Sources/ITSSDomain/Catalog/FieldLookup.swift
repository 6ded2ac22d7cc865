import Foundation

/// Resolves what a user typed ("Service Desk", "service d", "V2:Service desk") to one field.
public enum FieldLookup {
    /// Why a field name could not be resolved.
    public enum Failure: Error, Sendable, Equatable {
        /// Nothing matches; `suggestions` are the closest names.
        case notFound(query: String, suggestions: [String])
        /// Several fields match; `candidates` are their qualified names.
        case ambiguous(query: String, candidates: [String])
    }

    /// Resolves `query` against the catalog's fields.
    ///
    /// Order of preference: exact name (case-sensitive), exact name ignoring case, unique prefix ignoring
    /// case. A query may be qualified with an edition or job category: `V2:Service desk`, `Operations:Service`.
    /// - Throws: `FieldLookup.Failure` when nothing or more than one field matches.
    public static func resolve(_ query: String, in catalog: Catalog) throws(Failure) -> FieldReference {
        let trimmed = query.trimmingCharacters(in: .whitespaces)
        var candidates = catalog.allFields
        var name = trimmed
        if let colon = trimmed.firstIndex(of: ":") {
            let qualifier = trimmed[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let narrowed = candidates.filter {
                $0.standard.version.lowercased().hasPrefix(qualifier)
                    || $0.standard.name.lowercased() == qualifier
            }
            if !narrowed.isEmpty {
                candidates = narrowed
                name = trimmed[trimmed.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            }
        }
        let exact = candidates.filter { $0.field == name }
        if exact.count == 1 { return exact[0] }
        let lowered = name.lowercased()
        let caseless = candidates.filter { $0.field.lowercased() == lowered }
        if caseless.count == 1 { return caseless[0] }
        if caseless.count > 1 { throw .ambiguous(query: query, candidates: qualifiedNames(caseless)) }
        let prefixed = candidates.filter { $0.field.lowercased().hasPrefix(lowered) }
        if prefixed.count == 1 { return prefixed[0] }
        if prefixed.count > 1 { throw .ambiguous(query: query, candidates: qualifiedNames(prefixed)) }
        let suggestions = Suggestions.closest(to: name, among: candidates.map(\.field))
        throw .notFound(query: query, suggestions: suggestions)
    }

    static func qualifiedNames(_ references: [FieldReference]) -> [String] {
        references.map { "\($0.standard.version):\($0.field)" }
    }
}

extension FieldLookup.Failure: CustomStringConvertible {
    public var description: String {
        switch self {
        case let .notFound(query, suggestions):
            let hint = suggestions.isEmpty ? "" : "; did you mean \(suggestions.map { "\"\($0)\"" }.joined(separator: ", "))?"
            return "no specialty field matches \"\(query)\"\(hint)"
        case let .ambiguous(query, candidates):
            return "\"\(query)\" matches several fields: \(candidates.map { "\"\($0)\"" }.joined(separator: ", ")); qualify it"
        }
    }
}
