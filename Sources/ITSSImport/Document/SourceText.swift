/// A document's text split into numbered lines, with the extraction's whitespace trimmed.
struct SourceText {
    /// Trimmed lines; index 0 is line 1.
    let lines: [Substring]

    /// The longest line a document may have, in bytes. The extraction wraps lines at the page width (the
    /// shipped documents' longest has 229 bytes); a longer line is not a page's text (a 1 MB line was once
    /// glued onto a level text whole).
    static let maximumLineBytes = 10_000

    /// The most lines a document may have. The shipped documents have 1,700 and 2,900; the cap bounds the
    /// memory of the line table (some 32 bytes a line) for a document of blank lines.
    static let maximumLines = 250_000

    /// Decodes and splits the document.
    /// - Throws: `DocumentError.empty` or `.binary` when the bytes are not a text document, `.lineTooLong`
    ///   when a line has more than `maximumLineBytes`, `.tooManyLines` beyond `maximumLines`.
    init(bytes: [UInt8]) throws(DocumentError) {
        if let offset = SourceText.firstNonTextByte(bytes) {
            let line = 1 + bytes[0..<offset].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
            throw .binary(line: line, offset: offset)
        }
        // Split and trim on bytes: character-by-character string processing costs several times more.
        var lines: [Substring] = []
        lines.reserveCapacity(bytes.count / 30)
        var start = 0
        var hasText = false
        // A final line feed ends the last line; it does not start another one.
        let end = bytes.last == 0x0A ? bytes.count - 1 : bytes.count
        for index in 0...end where index == end || bytes[index] == 0x0A {
            if index - start > SourceText.maximumLineBytes {
                throw .lineTooLong(line: lines.count + 1, bytes: index - start, limit: SourceText.maximumLineBytes)
            }
            if lines.count == SourceText.maximumLines {
                throw .tooManyLines(line: lines.count + 1, limit: SourceText.maximumLines)
            }
            var lower = start
            var upper = index
            while lower < upper, let width = SourceText.spaceWidth(bytes, at: lower) { lower += width }
            while lower < upper, let width = SourceText.spaceWidthEnding(bytes, before: upper, from: lower) { upper -= width }
            hasText = hasText || lower < upper
            lines.append(lower < upper ? Substring(String(decoding: bytes[lower..<upper], as: UTF8.self)) : "")
            start = index + 1
        }
        guard hasText else { throw .empty }
        self.lines = lines
    }

    /// The byte width of the white space starting at `index` (space, tab, CR, FF, U+00A0, U+3000, BOM).
    private static func spaceWidth(_ bytes: [UInt8], at index: Int) -> Int? {
        switch bytes[index] {
        case 0x20, 0x09, 0x0D, 0x0C: return 1
        case 0xC2 where index + 1 < bytes.count && bytes[index + 1] == 0xA0: return 2
        case 0xE3 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && bytes[index + 2] == 0x80: return 3
        case 0xEF where index + 2 < bytes.count && bytes[index + 1] == 0xBB && bytes[index + 2] == 0xBF: return 3
        default: return nil
        }
    }

    /// The byte width of the white space ending just before `end`, not reaching before `lower`.
    private static func spaceWidthEnding(_ bytes: [UInt8], before end: Int, from lower: Int) -> Int? {
        for width in [1, 2, 3] where end - width >= lower {
            if let found = spaceWidth(bytes, at: end - width), found == width { return width }
        }
        return nil
    }

    /// The trimmed line with this 1-based number.
    subscript(number: Int) -> Substring { lines[number - 1] }

    var count: Int { lines.count }

    static func trim(_ line: Substring) -> Substring {
        var start = line.startIndex
        var end = line.endIndex
        while start < end, isSpace(line[start]) { start = line.index(after: start) }
        while end > start, isSpace(line[line.index(before: end)]) { end = line.index(before: end) }
        return line[start..<end]
    }

    static func isSpace(_ character: Character) -> Bool {
        switch character {
        case " ", "\t", "\r", "\r\n", "\u{00A0}", "\u{3000}", "\u{FEFF}", "\u{000C}": true
        default: false
        }
    }

    /// The offset of the first byte that cannot be part of a UTF-8 text document (NUL, other control
    /// bytes than tab/CR/LF/FF, or malformed UTF-8), or `nil` when the bytes are text.
    static func firstNonTextByte(_ bytes: [UInt8]) -> Int? {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                if byte < 0x20, byte != 0x09, byte != 0x0A, byte != 0x0D, byte != 0x0C { return index }
                index += 1
                continue
            }
            // The allowed range of the second byte excludes overlong forms, UTF-16 surrogates (ED A0–BF) and
            // code points above U+10FFFF (Unicode table 3-7); decoding those would silently insert U+FFFD.
            let length: Int
            let second: ClosedRange<UInt8>
            switch byte {
            case 0xC2...0xDF: (length, second) = (2, 0x80...0xBF)
            case 0xE0: (length, second) = (3, 0xA0...0xBF)
            case 0xED: (length, second) = (3, 0x80...0x9F)
            case 0xE1...0xEF: (length, second) = (3, 0x80...0xBF)
            case 0xF0: (length, second) = (4, 0x90...0xBF)
            case 0xF4: (length, second) = (4, 0x80...0x8F)
            case 0xF1...0xF3: (length, second) = (4, 0x80...0xBF)
            default: return index
            }
            guard index + length <= bytes.count, second.contains(bytes[index + 1]) else { return index }
            for next in (index + 2)..<(index + length) where bytes[next] & 0xC0 != 0x80 { return index }
            index += length
        }
        return nil
    }
}
