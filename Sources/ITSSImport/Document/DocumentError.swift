import Foundation

/// Why a document cannot be imported. Every case names the line and what was expected there.
public enum DocumentError: LocalizedError, Sendable, Equatable {
    /// The file has no text at all.
    case empty
    /// The file holds bytes that are not UTF-8 text.
    case binary(line: Int, offset: Int)
    /// The file is larger than any ITSS document (`DocumentImporter.maximumDocumentBytes`); nothing was parsed.
    case tooLarge(bytes: Int, limit: Int)
    /// A line is longer than the extraction of a PDF page ever makes one (`SourceText.maximumLineBytes`).
    case lineTooLong(line: Int, bytes: Int, limit: Int)
    /// The document has more lines than any ITSS document (`SourceText.maximumLines`).
    case tooManyLines(line: Int, limit: Int)
    /// The text is not an ITSS skill-proficiency document.
    case unknownLayout(line: Int, found: String)
    /// The document stops before its proficiency pages, or inside a skill item.
    case truncated(line: Int, expected: String)
    /// A level header names a level outside 1–7.
    case levelOutOfRange(line: Int, level: Int)
    /// A line looks like a level header but is not one the layout prints (`Level -1`, `Level 6a`, `LEVEL 6`,
    /// `Leve1 6`, `Level six`, `Level 9999999999`, `Level` alone): read as text it would merge two levels.
    case malformedLevelHeader(line: Int, found: String)
    /// A level header breaks the order of its item's levels, which run from the highest down one by one.
    case levelOutOfSequence(line: Int, level: Int, previous: Int, previousLine: Int)
    /// Text the layout cannot place with confidence: it follows a finished level text or knowledge item
    /// (`context` says which) where only a level header, a knowledge item or the next page can stand.
    case unplaceableText(line: Int, found: String, context: String)
    /// A skill item has no proficiency text at any level.
    case itemWithoutLevels(line: Int, item: String)
    /// A line appears where the layout expects something else.
    case unexpected(line: Int, found: String, expected: String)
    /// Something that must be unique appears twice.
    case duplicate(line: Int, what: String, firstLine: Int)
    /// The edition (e.g. `V3 2008`) could not be told from the file name or text.
    case unknownEdition(fileName: String)

    /// The 1-based line the error points at (0 when it concerns the whole file).
    public var line: Int {
        switch self {
        case .empty, .tooLarge: 1
        case let .binary(line, _), let .lineTooLong(line, _, _), let .tooManyLines(line, _), let .unknownLayout(line, _),
            let .truncated(line, _),
            let .levelOutOfRange(line, _), let .malformedLevelHeader(line, _), let .levelOutOfSequence(line, _, _, _),
            let .unplaceableText(line, _, _), let .itemWithoutLevels(line, _), let .unexpected(line, _, _),
            let .duplicate(line, _, _):
            line
        case .unknownEdition: 0
        }
    }

    public var errorDescription: String? {
        switch self {
        case .empty:
            "line 1: the file is empty; expected an ITSS skill-proficiency document"
        case let .binary(line, offset):
            "line \(line): binary data at byte \(offset); expected UTF-8 text"
        case let .tooLarge(bytes, limit):
            "line 1: the file has \(bytes) bytes, more than the limit of \(limit) bytes (\(limit / 1_048_576) MiB) for one "
                + "document; expected an ITSS skill-proficiency document (the shipped ones have under 100 KB)"
        case let .lineTooLong(line, bytes, limit):
            "line \(line): the line has \(bytes) bytes; expected at most \(limit) bytes per line "
                + "(the text extraction of a PDF page wraps its lines)"
        case let .tooManyLines(line, limit):
            "line \(line): the document goes on beyond \(limit) lines; expected an ITSS skill-proficiency document "
                + "(the shipped ones have under 3,000)"
        case let .unknownLayout(line, found):
            "line \(line): found \"\(found)\"; expected an ITSS skill-proficiency document "
                + "(\"Job Category:\" and \"Skill Proficiency/Knowledge Items\" headings)"
        case let .truncated(line, expected):
            "line \(line): the document ends here; expected \(expected) (is the file truncated?)"
        case let .levelOutOfRange(line, level):
            "line \(line): \"Level \(level)\" is out of range; expected Level 1 to Level 7"
        case let .malformedLevelHeader(line, found):
            "line \(line): found \"\(found)\", which looks like a level header but is not one; "
                + "expected \"Level N\" with N from 1 to 7"
        case let .levelOutOfSequence(line, level, previous, previousLine):
            "line \(line): \"Level \(level)\" follows \"Level \(previous)\" (line \(previousLine)); expected "
                + (previous > 1 ? "\"Level \(previous - 1)\"" : "no level below \"Level 1\"")
                + " (an item lists its levels from the highest down, one by one)"
        case let .unplaceableText(line, found, context):
            "line \(line): cannot place \"\(found)\": \(context); expected a \"Level N\" header, "
                + "a \"-\" knowledge item or the next skill item"
        case let .itemWithoutLevels(line, item):
            "line \(line): skill item \"\(item)\" has no level texts; expected \"Level N\" followed by its text"
        case let .unexpected(line, found, expected):
            "line \(line): found \"\(found)\"; expected \(expected)"
        case let .duplicate(line, what, firstLine):
            "line \(line): \(what) appears again (first at line \(firstLine)); expected it once"
        case let .unknownEdition(fileName):
            "\(fileName): cannot tell the edition from the file name or text; pass --edition (e.g. \"V3 2008\")"
        }
    }
}
