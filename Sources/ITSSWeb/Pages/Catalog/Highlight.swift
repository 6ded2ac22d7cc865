import ITSSDomain

/// Marks the words of a text that a search query matched, the way `CatalogSearch` matches them: every query
/// word that is a prefix (ignoring case) of a word of the text. The text is escaped first — each piece goes in
/// as text — and only the `<mark>` tags are markup, so neither the text nor the query can inject anything.
enum Highlight {
    static func mark(_ text: String, query: String) -> HTML {
        let queryWords = words(of: query.lowercased())
        guard !queryWords.isEmpty else { return HTML(text: text) }
        var result = HTML.empty
        var plain = ""
        var word = ""
        func flushWord() {
            guard !word.isEmpty else { return }
            let lowered = word.lowercased()
            // The longest query word the text's word starts with.
            if let match = queryWords.filter({ lowered.hasPrefix($0) }).max(by: { $0.count < $1.count }) {
                result = result + HTML(text: plain)
                plain = ""
                // Lowercasing keeps the length of nearly every word; when it does not, mark the whole word.
                let length = lowered.count == word.count ? match.count : word.count
                let marked = String(word.prefix(length))
                let rest = String(word.dropFirst(length))
                result = result + "<mark>\(marked)</mark>"
                plain = rest
            } else {
                plain += word
            }
            word = ""
        }
        for character in text {
            if character.isLetter || character.isNumber {
                word.append(character)
            } else {
                flushWord()
                plain.append(character)
            }
        }
        flushWord()
        return result + HTML(text: plain)
    }

    /// The lowercased words of a query, as `CatalogSearch` splits them.
    static func words(of text: String) -> [String] {
        text.split { !($0.isLetter || $0.isNumber) }.map(String.init)
    }
}
