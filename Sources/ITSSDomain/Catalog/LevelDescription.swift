/// The proficiency text of one skill item at one ITSS level, with its parsed scale condition.
public struct LevelDescription: Codable, Sendable, Hashable {
    /// The ITSS level, 1 through 7.
    public var level: Int
    /// The text as it applies: the source wording, or the corrected wording when an erratum applies.
    public var text: String
    /// The scale condition parsed from `text`.
    public var scale: ScaleCondition
    /// The 1-based line of the source document with the text's "Level N" header.
    public var line: Int
    /// The erratum applied to this text, if any (the source wording is kept in it).
    public var erratum: AppliedErratum?

    public init(level: Int, text: String, scale: ScaleCondition, line: Int, erratum: AppliedErratum? = nil) {
        self.level = level
        self.text = text
        self.scale = scale
        self.line = line
        self.erratum = erratum
    }

    /// The wording of the source document, whether or not an erratum applies.
    public var sourceText: String { erratum?.originalText ?? text }
}

/// A correction of ours applied on top of the source wording, with its reason.
public struct AppliedErratum: Codable, Sendable, Hashable {
    public var id: String
    public var reason: String
    public var originalText: String

    public init(id: String, reason: String, originalText: String) {
        self.id = id
        self.reason = reason
        self.originalText = originalText
    }
}
