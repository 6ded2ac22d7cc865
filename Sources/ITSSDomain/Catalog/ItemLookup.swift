/// Resolves what a user typed to a skill item of a field: exact name, name ignoring case, then unique prefix.
public enum ItemLookup {
    /// Why an item name could not be resolved.
    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        case notFound(query: String, field: String, suggestions: [String])
        case ambiguous(query: String, field: String, candidates: [String])

        public var description: String {
            switch self {
            case let .notFound(query, field, suggestions):
                let hint =
                    suggestions.isEmpty ? "" : "; did you mean " + suggestions.map { "\"\($0)\"" }.joined(separator: ", ") + "?"
                return "\(field) has no skill item \"\(query)\"\(hint)"
            case let .ambiguous(query, field, candidates):
                return "\"\(query)\" matches several items of \(field): " + candidates.map { "\"\($0)\"" }.joined(separator: ", ")
            }
        }
    }

    /// - Throws: `ItemLookup.Failure` when nothing or more than one item matches.
    public static func resolve(_ query: String, in field: SpecialtyField) throws(Failure) -> SkillItem {
        if let exact = field.item(named: query) { return exact }
        let lowered = query.lowercased()
        let caseless = field.items.filter { $0.name.lowercased() == lowered }
        if caseless.count == 1 { return caseless[0] }
        let prefixed = field.items.filter { $0.name.lowercased().hasPrefix(lowered) }
        if prefixed.count == 1 { return prefixed[0] }
        if prefixed.count > 1 { throw .ambiguous(query: query, field: field.name, candidates: prefixed.map(\.name)) }
        throw .notFound(
            query: query, field: field.name, suggestions: Suggestions.closest(to: query, among: field.items.map(\.name)))
    }
}
