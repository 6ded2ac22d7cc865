import Foundation

/// Why a document cannot be imported. Every case names the line and what was expected there.
public enum DocumentError: LocalizedError, Sendable, Equatable {
    /// The file has no text at all.
    case empty
    /// The file holds bytes that are not UTF-8 text.
    case binary(line: Int, offset: Int)
    /// The text is not an ITSS skill-proficiency document.
    case unknownLayout(line: Int, found: String)
    /// The document stops before its proficiency pages, or inside a skill item.
    case truncated(line: Int, expected: String)
    /// A level header names a level outside 1–7.
    case levelOutOfRange(line: Int, level: Int)
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
        case .empty: 1
        case let .binary(line, _), let .unknownLayout(line, _), let .truncated(line, _),
            let .levelOutOfRange(line, _), let .itemWithoutLevels(line, _), let .unexpected(line, _, _),
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
        case let .unknownLayout(line, found):
            "line \(line): found \"\(found)\"; expected an ITSS skill-proficiency document "
                + "(\"Job Category:\" and \"Skill Proficiency/Knowledge Items\" headings)"
        case let .truncated(line, expected):
            "line \(line): the document ends here; expected \(expected) (is the file truncated?)"
        case let .levelOutOfRange(line, level):
            "line \(line): \"Level \(level)\" is out of range; expected Level 1 to Level 7"
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
