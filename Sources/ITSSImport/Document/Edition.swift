/// Tells a document's edition ("V3 2008") from its file name or text.
enum Edition {
    /// `itss-v3-2008-…` → `V3 2008`; otherwise the footer's "Vn" with the year that follows it ("Skill Standards
    /// for IT Professionals V3 2008 Release 1.0") or else the copyright year (`V2 English edition` … `©2006`).
    static func infer(fileName: String, source: SourceText) -> String? {
        if let fromName = fromFileName(fileName) { return fromName }
        var version: String?
        var editionYear: String?
        var copyrightYear: String?
        for line in source.lines where line.contains("Skill Standards for IT Professionals") || line.contains("©") {
            let words = line.split(separator: " ")
            for (index, word) in words.enumerated() {
                if version == nil, word.count >= 2, word.first == "V", word.dropFirst().allSatisfy(\.isNumber) {
                    version = String(word)
                    // The copyright year is the translation's (the V3 2008 document says ©2010): the year named
                    // with the version is the edition's.
                    if index + 1 < words.count, isYear(words[index + 1]) { editionYear = String(words[index + 1]) }
                }
                if copyrightYear == nil, let copyright = word.firstIndex(of: "©") {
                    let digits = word[word.index(after: copyright)...].prefix { $0.isNumber }
                    if digits.count == 4 { copyrightYear = String(digits) }
                }
            }
        }
        guard let version, let year = editionYear ?? copyrightYear else { return nil }
        return "\(version) \(year)"
    }

    private static func isYear(_ word: Substring) -> Bool {
        word.count == 4 && word.allSatisfy { $0.isASCII && $0.isNumber }
    }

    private static func fromFileName(_ fileName: String) -> String? {
        let name = fileName.lowercased().split(separator: "/").last.map(String.init) ?? fileName
        let parts = name.split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == "." })
        for (index, part) in parts.enumerated() where index + 1 < parts.count {
            guard part.count >= 2, part.first == "v", part.dropFirst().allSatisfy(\.isNumber) else { continue }
            let year = parts[index + 1]
            if year.count == 4, year.allSatisfy(\.isNumber) { return "V\(part.dropFirst()) \(year)" }
        }
        return nil
    }
}
