import Foundation

/// Writing to the terminal: results to standard output, progress and notes to standard error.
enum Output {
    static func line(_ text: String = "") {
        print(text)
    }

    /// A progress or status note on standard error, so piped output stays clean.
    static func note(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// Pretty, key-sorted JSON on standard output.
    static func json<T: Encodable>(_ value: T) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        print(String(decoding: try encoder.encode(value), as: UTF8.self))
    }
}
