/// Tells a document's edition ("V3 2008") from its file name or text.
enum Edition {
    /// `itss-v3-2008-…` → `V3 2008`; otherwise a "Vn" in the footer with the copyright year (`V2 2006`).
    static func infer(fileName: String, source: SourceText) -> String? {
        if let fromName = fromFileName(fileName) { return fromName }
        var version: String?
        var year: String?
        for line in source.lines where line.contains("Skill Standards for IT Professionals") || line.contains("©") {
            for word in line.split(separator: " ") {
                if version == nil, word.count >= 2, word.first == "V", word.dropFirst().allSatisfy(\.isNumber) {
                    version = String(word)
                }
                if year == nil, let copyright = word.firstIndex(of: "©") {
                    let digits = word[word.index(after: copyright)...].prefix { $0.isNumber }
                    if digits.count == 4 { year = String(digits) }
                }
            }
        }
        guard let version, let year else { return nil }
        return "\(version) \(year)"
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
