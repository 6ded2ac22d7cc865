/// An assessment cycle such as `2026H2` (half year), `2026Q3` (quarter) or `2026` (year).
public struct Cycle: Codable, Sendable, Hashable, Comparable, CustomStringConvertible {
    public let value: String

    /// - Returns: `nil` unless the text is `YYYY`, `YYYYH1`/`YYYYH2` or `YYYYQ1`…`YYYYQ4` with a year in
    ///   `InputBounds.years` (so a typo such as `0206H2` is refused like a date's).
    public init?(_ text: String) {
        let upper = text.uppercased()
        let year = upper.prefix(4)
        guard year.count == 4, year.allSatisfy(\.isASCII), let number = Int(year), InputBounds.years.contains(number)
        else { return nil }
        let rest = upper.dropFirst(4)
        guard rest.isEmpty || ["H1", "H2", "Q1", "Q2", "Q3", "Q4"].contains(String(rest)) else { return nil }
        value = upper
    }

    public var description: String { value }

    public static func < (lhs: Cycle, rhs: Cycle) -> Bool { lhs.value < rhs.value }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let cycle = Cycle(text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "expected a cycle such as 2026H2, found \(text)"))
        }
        self = cycle
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}
