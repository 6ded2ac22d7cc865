/// The interface languages. The standard's own content (field names, level texts) stays in the language it was
/// published in; only the interface around it is translated.
public enum Language: String, Sendable, Hashable, CaseIterable, Codable {
    case english = "en"
    case japanese = "ja"

    /// The language a request asks for: an explicit choice (the `lang` cookie set by the switch) wins, then the
    /// first of `Accept-Language` we speak, then English.
    public static func preferred(cookie: String?, acceptLanguage: String?) -> Language {
        if let cookie, let language = Language(rawValue: cookie) { return language }
        guard let acceptLanguage else { return .english }
        // "ja-JP,ja;q=0.9,en;q=0.8": take the ranges in order of quality.
        let ranges = acceptLanguage.split(separator: ",").compactMap { part -> (String, Double)? in
            let pieces = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let range = pieces.first, !range.isEmpty else { return nil }
            let quality = pieces.dropFirst().first { $0.hasPrefix("q=") }.flatMap { Double($0.dropFirst(2)) } ?? 1
            return (range.lowercased(), quality)
        }
        for (range, quality) in ranges.sorted(by: { $0.1 > $1.1 }) where quality > 0 {
            let primary = range.split(separator: "-").first.map(String.init) ?? range
            if let language = Language(rawValue: primary) { return language }
        }
        return .english
    }

    /// The other language, for the switch.
    public var other: Language { self == .english ? .japanese : .english }

    /// The language's own name, as the switch shows it.
    public var nativeName: String { self == .english ? "English" : "日本語" }
}

/// One piece of interface text in every language. Strings tables are structs whose every property is a
/// `Localized`, so a translation cannot be forgotten: the memberwise initialiser needs both.
public struct Localized: Sendable, Hashable {
    public var english: String
    public var japanese: String

    public init(_ english: String, _ japanese: String) {
        self.english = english
        self.japanese = japanese
    }

    public func callAsFunction(_ language: Language) -> String {
        language == .english ? english : japanese
    }
}
