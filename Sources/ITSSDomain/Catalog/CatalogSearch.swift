/// Ranked full-text search over the item names, knowledge items and level texts of a catalog.
///
/// Matching ignores case. A query is split into words at anything that is not a letter or digit, the same
/// way texts are, so `"7.5 billion"`, `"Service-Desk"` and `"service desk"` behave alike. A text matches
/// when every query word is a prefix of one of its words (`incid` matches `Incident`).
///
/// Matches are ranked by, in this order of precedence:
/// 1. where the query matched: item name, then knowledge item, then level text;
/// 2. whether the query words appear in the text as a phrase (consecutive and in order);
/// 3. how many query words match whole words rather than only a prefix;
/// 4. shorter texts first;
/// 5. catalog order (standard, field, item; within an item: name, knowledge items, levels).
///
/// Steps 1 to 3 make up `SearchHit.score`; 4 and 5 only break its ties, so the result is deterministic
/// even when the same text appears in several fields (each occurrence is its own hit).
public enum CatalogSearch {
    /// The best hits for `query`, best first.
    ///
    /// The whole catalog (about 700 texts for the built-in documents) is scanned on every call, which takes
    /// a few milliseconds; no index is kept, so the catalog can change between calls.
    /// - Parameters:
    ///   - query: One or more words; an empty or whitespace-only query finds nothing.
    ///   - catalog: The catalog to search.
    ///   - limit: The most hits to return; zero or less returns none.
    public static func search(_ query: String, in catalog: Catalog, limit: Int = 20) -> [SearchHit] {
        let queryWords = words(of: query)
        guard !queryWords.isEmpty, limit > 0 else { return [] }
        var candidates: [Candidate] = []
        var order = 0
        func consider(_ text: String, _ kind: SearchHit.Kind, _ place: (StandardKey, String, String), level: Int?) {
            defer { order += 1 }
            guard let value = score(of: text, kind: kind, words: queryWords) else { return }
            let hit = SearchHit(
                standard: place.0, field: place.1, item: place.2, level: level, kind: kind, text: text, score: value)
            candidates.append(Candidate(hit: hit, length: text.count, order: order))
        }
        for standard in catalog.standards {
            for field in standard.fields {
                for item in field.items {
                    let place = (standard.key, field.name, item.name)
                    consider(item.name, .itemName, place, level: nil)
                    for knowledge in item.knowledgeItems {
                        consider(knowledge, .knowledgeItem, place, level: nil)
                    }
                    for description in item.levels {
                        consider(description.text, .levelText, place, level: description.level)
                    }
                }
            }
        }
        candidates.sort { lhs, rhs in
            if lhs.hit.score != rhs.hit.score { return lhs.hit.score > rhs.hit.score }
            if lhs.length != rhs.length { return lhs.length < rhs.length }
            return lhs.order < rhs.order
        }
        return candidates.prefix(limit).map(\.hit)
    }

    /// A hit with the tie-breakers that are not part of its score.
    private struct Candidate {
        var hit: SearchHit
        var length: Int
        var order: Int
    }

    // The weights are spaced so that each criterion outweighs every later one taken together
    // (phrase + whole words ≤ 30 < 100 between kinds; whole words ≤ 10 < 20 for a phrase): the ranking
    // is lexicographic, as documented, yet a single score can be shown and compared.

    /// The base score of each kind of text.
    static func weight(of kind: SearchHit.Kind) -> Double {
        switch kind {
        case .itemName: 300
        case .knowledgeItem: 200
        case .levelText: 100
        }
    }

    /// Added when the query words appear consecutively and in order.
    static let phraseBonus: Double = 20
    /// Multiplied by the fraction of query words that match a whole word.
    static let wholeWordWeight: Double = 10

    /// The score of `text` for the query `words`, or `nil` when some word matches no word of the text.
    static func score(of text: String, kind: SearchHit.Kind, words queryWords: [Substring]) -> Double? {
        let tokens = words(of: text)
        var wholeWords = 0
        for word in queryWords {
            if tokens.contains(word) {
                wholeWords += 1
            } else if !tokens.contains(where: { $0.hasPrefix(word) }) {
                return nil
            }
        }
        var value = weight(of: kind) + wholeWordWeight * Double(wholeWords) / Double(queryWords.count)
        if containsPhrase(queryWords, in: tokens) { value += phraseBonus }
        return value
    }

    /// Whether the query words are prefixes of consecutive words of the text, in order.
    static func containsPhrase(_ queryWords: [Substring], in tokens: [Substring]) -> Bool {
        guard queryWords.count <= tokens.count else { return false }
        for start in 0...(tokens.count - queryWords.count) {
            if queryWords.indices.allSatisfy({ tokens[start + $0].hasPrefix(queryWords[$0]) }) { return true }
        }
        return false
    }

    /// The lowercased words of a text: runs of letters and digits.
    static func words(of text: String) -> [Substring] {
        text.lowercased().split { !($0.isLetter || $0.isNumber) }
    }
}
