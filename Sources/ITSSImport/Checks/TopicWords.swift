/// The topic words of a text: lowercase words of four or more letters outside the scale phrases, which every
/// level text shares whatever its topic ("annual contract value"). Hashed on bytes, because the check runs on
/// every level text of every import.
enum TopicWords {
    private static let scaleVocabulary: Set<UInt64> = Set(
        [
            "annual", "contract", "value", "staff", "million", "billion", "more", "less", "than", "person", "persons",
            "responsible", "leader", "member", "during", "peak", "periods", "with",
        ].map(hash))

    /// The hashes of the text's topic words.
    static func hashes(_ text: String) -> Set<UInt64> {
        var result = Set<UInt64>()
        var hash: UInt64 = offsetBasis
        var length = 0
        for byte in text.utf8 {
            // ASCII letters (lowercased) and any non-ASCII byte form words; everything else separates them.
            let lowered = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
            if (lowered >= 0x61 && lowered <= 0x7A) || lowered >= 0x80 {
                hash = (hash ^ UInt64(lowered)) &* prime
                // Count characters, not bytes: UTF-8 continuation bytes (10xxxxxx) do not start one.
                if byte < 0x80 || byte >= 0xC0 { length += 1 }
            } else {
                if length >= 4, !scaleVocabulary.contains(hash) { result.insert(hash) }
                hash = offsetBasis
                length = 0
            }
        }
        if length >= 4, !scaleVocabulary.contains(hash) { result.insert(hash) }
        return result
    }

    /// The topic words themselves, in text order without repeats (for messages).
    static func words(_ text: String) -> [String] {
        var seen = Set<String>()
        return text.lowercased().split { !$0.isLetter }.map(String.init)
            .filter { $0.count >= 4 && !scaleVocabulary.contains(hash($0)) && seen.insert($0).inserted }
    }

    /// FNV-1a over the lowercase UTF-8 bytes of one word.
    static func hash(_ word: String) -> UInt64 {
        word.lowercased().utf8.reduce(offsetBasis) { ($0 ^ UInt64($1)) &* prime }
    }

    private static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    private static let prime: UInt64 = 0x0000_0100_0000_01b3
}
