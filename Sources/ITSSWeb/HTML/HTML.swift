/// A fragment of HTML that is safe to send: escaping happens by construction.
///
/// Literal text written in source is trusted markup; every `String` interpolated into it is escaped (`&`, `<`, `>`,
/// `"` and `'`), so text from the database or the request can never become markup, in element content or in a
/// quoted attribute. Only another `HTML` value is inserted as it is.
///
///     let row: HTML = "<td title=\"\(person.name)\">\(person.name)</td>"
public struct HTML: Sendable, Hashable, ExpressibleByStringInterpolation, CustomStringConvertible {
    /// The markup.
    public private(set) var rendered: String

    public init(stringLiteral literal: String) {
        rendered = literal
    }

    public init(stringInterpolation: Interpolation) {
        rendered = stringInterpolation.output
    }

    /// Text shown as it is (escaped).
    public init(text: String) {
        rendered = HTML.escape(text)
    }

    /// Nothing.
    public static let empty: HTML = ""

    public var description: String { rendered }

    /// Fragments one after the other.
    public static func join(_ parts: some Sequence<HTML>, separator: HTML = .empty) -> HTML {
        var result = HTML.empty
        var first = true
        for part in parts {
            if !first { result.rendered += separator.rendered }
            result.rendered += part.rendered
            first = false
        }
        return result
    }

    public static func + (lhs: HTML, rhs: HTML) -> HTML {
        var result = lhs
        result.rendered += rhs.rendered
        return result
    }

    /// `text` with the five characters that are special in content and quoted attributes replaced by references.
    public static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 38 || $0 == 60 || $0 == 62 || $0 == 34 || $0 == 39 }) else { return text }
        var output = ""
        output.reserveCapacity(text.utf8.count + 16)
        for character in text.unicodeScalars {
            switch character {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&#39;"
            default: output.unicodeScalars.append(character)
            }
        }
        return output
    }

    /// Builds the markup: literals as written, interpolated strings escaped.
    public struct Interpolation: StringInterpolationProtocol {
        var output = ""

        public init(literalCapacity: Int, interpolationCount: Int) {
            output.reserveCapacity(literalCapacity + interpolationCount * 16)
        }

        public mutating func appendLiteral(_ literal: String) {
            output += literal
        }

        /// Text: escaped.
        public mutating func appendInterpolation(_ text: String) {
            output += HTML.escape(text)
        }

        /// Text, or nothing for `nil`: escaped.
        public mutating func appendInterpolation(_ text: String?) {
            if let text { output += HTML.escape(text) }
        }

        /// A number.
        public mutating func appendInterpolation<Number: BinaryInteger>(_ number: Number) {
            output += String(number)
        }

        /// Markup: inserted as it is.
        public mutating func appendInterpolation(_ html: HTML) {
            output += html.rendered
        }

        /// Markup, or nothing for `nil`.
        public mutating func appendInterpolation(_ html: HTML?) {
            if let html { output += html.rendered }
        }

        /// Fragments one after the other.
        public mutating func appendInterpolation(_ parts: [HTML]) {
            for part in parts { output += part.rendered }
        }

        /// A path segment or query value: percent-encoded, then escaped for the attribute it sits in.
        public mutating func appendInterpolation(url component: String) {
            output += HTML.escape(HTML.percentEncoded(component))
        }
    }

    /// `text` percent-encoded for a URL path segment or query value (unreserved characters stay).
    public static func percentEncoded(_ text: String) -> String {
        var output = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"):
                output.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = Array("0123456789ABCDEF".unicodeScalars)
                output.unicodeScalars.append("%")
                output.unicodeScalars.append(hex[Int(byte >> 4)])
                output.unicodeScalars.append(hex[Int(byte & 15)])
            }
        }
        return output
    }
}
