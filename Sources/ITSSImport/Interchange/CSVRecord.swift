import Foundation

/// Writes CSV records as RFC 4180 describes them, with `"\n"` line ends.
public enum CSVRecord {
    /// One record: the fields quoted where needed, joined by commas, ended by `"\n"`.
    public static func line(_ fields: [String]) -> String {
        fields.map(quoted).joined(separator: ",") + "\n"
    }

    /// The field as it must appear in a record.
    ///
    /// Quoted only when it contains a comma, a double quote, CR or LF (RFC 4180, 2.6), so most values stay
    /// readable in a diff; a double quote inside is written twice (2.7). Spaces are kept as they are: RFC 4180
    /// makes them part of the field.
    public static func quoted(_ field: String) -> String {
        let needsQuotes = field.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }
        guard needsQuotes else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
