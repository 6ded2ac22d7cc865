/// How serious a diagnostic is.
public enum Severity: String, Codable, Sendable, Hashable, Comparable, CaseIterable {
    /// A note about how the document was read (a header typo, a normalised label).
    case info
    /// The content is inconsistent; the text is kept as the source states it.
    case warning
    /// The content cannot be used as stated (reported by `lint`, refused by `import`).
    case error

    private var rank: Int {
        switch self {
        case .info: 0
        case .warning: 1
        case .error: 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// A finding about a source document: where it is and what is wrong.
///
/// Diagnostics never change the text; corrections go through errata.
public struct Diagnostic: Codable, Sendable, Hashable {
    public var severity: Severity
    public var code: DiagnosticCode
    /// The 1-based source line the finding points at.
    public var line: Int
    public var field: String?
    public var item: String?
    public var level: Int?
    public var message: String

    public init(
        _ severity: Severity, _ code: DiagnosticCode, line: Int,
        field: String? = nil, item: String? = nil, level: Int? = nil, message: String
    ) {
        self.severity = severity
        self.code = code
        self.line = line
        self.field = field
        self.item = item
        self.level = level
        self.message = message
    }

    /// One line: `file:line: warning[code] field / item / level N: message`.
    public func formatted(file: String) -> String {
        var location: [String] = []
        if let field { location.append(field) }
        if let item { location.append(item) }
        if let level { location.append("level \(level)") }
        let place = location.isEmpty ? "" : location.joined(separator: " / ") + ": "
        return "\(file):\(line): \(severity.rawValue)[\(code.rawValue)] \(place)\(message)"
    }
}
