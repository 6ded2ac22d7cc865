/// The one way messages quote document text: at most a short excerpt, so that a 1 MB line or a runaway
/// level text never ends up whole in an error, a diagnostic or a log.
enum Excerpt {
    /// The most characters of document text a message quotes.
    static let limit = 80

    /// `text` when it has at most `limit` characters, else its first `limit` characters and "…".
    static func of(_ text: some StringProtocol, limit: Int = Excerpt.limit) -> String {
        // Counting characters of a long line would walk all of it; looking one past the limit is enough.
        let head = text.prefix(limit + 1)
        return head.count > limit ? String(head.prefix(limit)) + "…" : String(head)
    }

    /// The excerpt in double quotes, as messages quote names and lines.
    static func quoted(_ text: some StringProtocol, limit: Int = Excerpt.limit) -> String {
        "\"" + of(text, limit: limit) + "\""
    }
}
