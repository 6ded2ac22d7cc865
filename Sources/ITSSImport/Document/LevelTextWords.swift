/// A level text as lowercase word tokens over its UTF-8 bytes, with commas and full stops kept as tokens.
///
/// Numbers keep their decimal point ("2.5"). The scale and role readers match word sequences on it; working
/// on bytes keeps reading a whole document within a few milliseconds.
struct LevelTextWords {
    /// The text's bytes with ASCII letters lowercased.
    private let bytes: [UInt8]
    /// Byte ranges of the tokens.
    private let ranges: [Range<Int>]

    init(_ text: String) {
        var bytes = Array(text.utf8)
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(bytes.count / 5)
        var start: Int?
        for index in bytes.indices {
            let byte = bytes[index]
            if byte >= 0x41, byte <= 0x5A { bytes[index] = byte + 0x20 }
            let lowered = bytes[index]
            let isNumberPoint =
                lowered == 0x2E && start != nil && index + 1 < bytes.count
                && LevelTextWords.isDigit(bytes[index + 1]) && index > 0 && LevelTextWords.isDigit(bytes[index - 1])
            // Letters, digits, '-', '\'' and any non-ASCII byte belong to words.
            if LevelTextWords.isWordByte(lowered) || isNumberPoint {
                if start == nil { start = index }
            } else {
                if let wordStart = start { ranges.append(wordStart..<index) }
                start = nil
                if lowered == 0x2C || lowered == 0x2E || lowered == 0x3B { ranges.append(index..<(index + 1)) }
            }
        }
        if let wordStart = start { ranges.append(wordStart..<bytes.count) }
        self.bytes = bytes
        self.ranges = ranges
    }

    var count: Int { ranges.count }

    /// The token at `position` as a string.
    func token(_ position: Int) -> String {
        String(decoding: bytes[ranges[position]], as: UTF8.self)
    }

    /// Whether the token at `position` is `word` (lowercase ASCII).
    func isWord(_ word: StaticString, at position: Int) -> Bool {
        guard position >= 0, position < ranges.count else { return false }
        let range = ranges[position]
        guard range.count == word.utf8CodeUnitCount else { return false }
        return word.withUTF8Buffer { pattern in
            var offset = 0
            for index in range {
                if bytes[index] != pattern[offset] { return false }
                offset += 1
            }
            return true
        }
    }

    /// Whether the tokens at `position` spell `pattern`.
    func matches(_ pattern: [WordPattern], at position: Int) -> Bool {
        guard position >= 0, position + pattern.count <= ranges.count else { return false }
        for (offset, element) in pattern.enumerated() {
            switch element {
            case let .word(word):
                if !isWord(word, at: position + offset) { return false }
            case .number:
                if number(at: position + offset) == nil { return false }
            }
        }
        return true
    }

    /// The token at `position` read as a number (`250`, `2.5`), or `nil`.
    func number(at position: Int) -> Double? {
        guard position >= 0, position < ranges.count else { return nil }
        let range = ranges[position]
        guard let first = range.first, LevelTextWords.isDigit(bytes[first]) else { return nil }
        var value = 0.0
        var scale = 0.0
        for index in range {
            let byte = bytes[index]
            if byte == 0x2E {
                guard scale == 0 else { return nil }
                scale = 1
            } else if LevelTextWords.isDigit(byte) {
                value = value * 10 + Double(byte - 0x30)
                if scale > 0 { scale *= 10 }
            } else {
                return nil
            }
        }
        return scale > 0 ? value / scale : value
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || isDigit(byte) || byte == 0x2D || byte == 0x27 || byte >= 0x80
    }
}

/// One element of a word pattern: a literal lowercase word or any number.
enum WordPattern {
    case word(StaticString)
    case number
}
