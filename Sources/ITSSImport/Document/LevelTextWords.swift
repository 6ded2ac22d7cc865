/// A level text as lowercase word tokens, with commas and full stops kept as their own tokens.
///
/// Numbers keep their decimal point ("2.5"); the scale and role readers match word sequences on it.
struct LevelTextWords {
    let tokens: [Substring]

    init(_ text: String) {
        let lowered = text.lowercased()
        var tokens: [Substring] = []
        var start: String.Index?
        var index = lowered.startIndex
        while index < lowered.endIndex {
            let character = lowered[index]
            let next = lowered.index(after: index)
            let isNumberPoint = character == "." && start != nil && next < lowered.endIndex
                && lowered[next].isNumber && lowered[lowered.index(before: index)].isNumber
            if character.isLetter || character.isNumber || character == "-" || character == "'" || isNumberPoint {
                if start == nil { start = index }
            } else {
                if let wordStart = start { tokens.append(lowered[wordStart..<index]) }
                start = nil
                if character == "," || character == "." || character == ";" { tokens.append(lowered[index..<next]) }
            }
            index = next
        }
        if let wordStart = start { tokens.append(lowered[wordStart...]) }
        self.tokens = tokens
    }

    /// Whether the tokens at `position` spell `words` (a `#` in `words` matches any number).
    func matches(_ words: [String], at position: Int) -> Bool {
        guard position >= 0, position + words.count <= tokens.count else { return false }
        for (offset, word) in words.enumerated() {
            let token = tokens[position + offset]
            if word == "#" {
                if Self.number(token) == nil { return false }
            } else if token != word {
                return false
            }
        }
        return true
    }

    /// The first position where `words` match, searching from `start`.
    func firstMatch(_ words: [String], from start: Int = 0) -> Int? {
        guard !tokens.isEmpty, start < tokens.count else { return nil }
        return (start..<tokens.count).first { matches(words, at: $0) }
    }

    /// A token read as a number: `250`, `2.5`.
    static func number(_ token: Substring) -> Double? {
        guard let first = token.first, first.isNumber else { return nil }
        return Double(token)
    }
}
