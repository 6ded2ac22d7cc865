import Foundation

/// The bounds of every value a user types — on the command line, in a bulk-import CSV file or in an API
/// request — in one place, so that all of them accept and refuse the same values with the same message.
///
/// Each check throws an `InputError` naming the field (as the caller names it) and the bound. Checks that
/// depend on the date take `today` as a parameter: the caller's injected clock decides what "today" is.
///
/// | value | bound | why |
/// | --- | --- | --- |
/// | yen amounts | 0 … 10^15 (¥1,000 trillion) | above Japan's GDP (≈ ¥600 trillion), so no real contract is refused; exact in `Int64` and `Double` |
/// | staff counts | 0 … 1,000,000 | more than the staff of any IT organisation; ITSS scale conditions stop at a few hundred |
/// | dates | 1900-01-01 … 2999-12-31 | catches typos (`0202`, `20226`) and "open end" placeholders such as `9999-12-31` |
/// | joined on | not after today + 1 year | people are registered before they join (April intake), not decades before |
/// | experience from | not after today | track record is recorded once the work has started |
/// | experience to | ≥ from, not after today + 10 years | a planned end of a contract; leave it empty while ongoing |
/// | verified on | ≥ the record's from, not after today | nobody verifies work before it started, or in the future |
/// | plan due dates | not after today + 10 years | a development plan spans a career step, not a lifetime |
/// | employee numbers, org unit codes | 1 … 64 characters, one line | identifiers; longer ones are pasted text |
/// | names (people, org units, customers, owners) | 1 … 200 characters, one line | the longest real names are far shorter; tables stay readable |
/// | plan action titles | 1 … 500 characters, one line | generated titles quote knowledge items (< 250 characters) |
/// | free text (descriptions, notes, evidence, reasons) | ≤ 2,000 characters | a few paragraphs; documents belong elsewhere |
/// | e-mail addresses | ≤ 254 characters, `local@domain.tld` | RFC 5321's limit; a simple shape check, not full RFC 5322 |
public enum InputBounds {
    // MARK: - The bounds

    /// The largest yen amount accepted: 10^15 yen (¥1,000 trillion).
    public static let maximumYen: Int64 = 1_000_000_000_000_000
    /// Staff counts (peak staff of a piece of work).
    public static let staff: ClosedRange<Int> = 0...1_000_000
    /// Installation sites of a piece of work.
    public static let maximumSites: Int64 = 10_000_000
    /// Answered inquiries per year.
    public static let maximumInquiries: Int64 = 1_000_000_000
    /// The years of every date (and assessment cycle).
    public static let years: ClosedRange<Int> = 1900...2999
    /// How far after today a person's joining date may be.
    public static let joinedAheadYears = 1
    /// How far after today a planned date (end of a record, due date of a plan action) may be.
    public static let plannedAheadYears = 10
    /// Employee numbers and org unit codes, in characters.
    public static let identifierLength = 64
    /// Names of people, org units, customers and plan owners, in characters.
    public static let nameLength = 200
    /// Plan action titles, in characters.
    public static let titleLength = 500
    /// Free text (descriptions, notes, evidence, reasons), in characters.
    public static let freeTextLength = 2_000
    /// E-mail addresses, in characters (RFC 5321: 254 for a whole path, 64 for the local part).
    public static let emailLength = 254
    public static let emailLocalPartLength = 64

    // MARK: - Text

    /// An identifier such as an employee number or an org unit code: not empty, one line, at most 64 characters.
    /// - Throws: `InputError` naming `field`.
    public static func identifier(_ text: String, field: String) throws(InputError) {
        try requiredLine(text, field: field, maximum: identifierLength)
    }

    /// A name (of a person, an org unit): not empty, one line, at most 200 characters.
    /// - Throws: `InputError` naming `field`.
    public static func name(_ text: String, field: String = "name") throws(InputError) {
        try requiredLine(text, field: field, maximum: nameLength)
    }

    /// An optional short text (customer, owner): one line, at most 200 characters; `nil` passes.
    /// - Throws: `InputError` naming `field`.
    public static func optionalName(_ text: String?, field: String) throws(InputError) {
        guard let text else { return }
        try length(text, field: field, maximum: nameLength)
        try singleLine(text, field: field)
    }

    /// Free text (description, note, evidence, reason): at most 2,000 characters; line breaks are fine; `nil`
    /// passes.
    /// - Throws: `InputError` naming `field`.
    public static func freeText(_ text: String?, field: String) throws(InputError) {
        guard let text else { return }
        try length(text, field: field, maximum: freeTextLength)
    }

    /// The shortest password an account may have.
    public static let passwordMinimumLength = 10
    /// The longest password in UTF-8 bytes: bcrypt reads no further, so a longer one would silently count only
    /// its beginning.
    public static let passwordMaximumBytes = 72

    /// A new password: at least 10 characters and at most 72 bytes of UTF-8.
    /// - Throws: `InputError` naming `field`, never quoting the password.
    public static func password(_ text: String, field: String = "password") throws(InputError) {
        if text.count < passwordMinimumLength {
            throw InputError(field: field, message: "is too short; use at least \(passwordMinimumLength) characters")
        }
        if text.utf8.count > passwordMaximumBytes {
            throw InputError(field: field, message: "is too long; use at most \(passwordMaximumBytes) bytes")
        }
    }

    /// A plan action's title: not empty, one line, at most 500 characters.
    /// - Throws: `InputError` naming `field`.
    public static func title(_ text: String, field: String = "title") throws(InputError) {
        try requiredLine(text, field: field, maximum: titleLength)
    }

    /// A simple e-mail syntax check: at most 254 characters, no spaces or control characters, exactly one `@`,
    /// a local part of 1–64 characters, and a domain of at least two non-empty dot-separated labels.
    ///
    /// Deliberately simple: it catches typos and pasted garbage (`p@x`, `a b@c.jp`, `a@@b.jp`), not every
    /// address RFC 5322 refuses; whether the address works only a mail to it tells.
    /// - Throws: `InputError` naming `field`.
    public static func email(_ text: String, field: String = "email") throws(InputError) {
        func refuse(_ reason: String) -> InputError {
            InputError(
                field: field,
                message: "\"\(shortened(text))\" is not an e-mail address (\(reason)); expected e.g. name@example.com")
        }
        guard !text.isEmpty else { throw InputError(field: field, message: "is empty; expected an e-mail address") }
        guard text.count <= emailLength else { throw tooLong(text, field: field, maximum: emailLength) }
        if text.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.properties.generalCategory == .control }) {
            throw refuse("it contains a space or a control character")
        }
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else { throw refuse(parts.count == 1 ? "no @" : "more than one @") }
        let local = parts[0]
        let domain = parts[1]
        guard !local.isEmpty else { throw refuse("nothing before the @") }
        guard local.count <= emailLocalPartLength else {
            throw refuse("more than \(emailLocalPartLength) characters before the @")
        }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, labels.allSatisfy({ !$0.isEmpty }) else {
            throw refuse("the domain after the @ needs a dot between names, as in example.com")
        }
    }

    // MARK: - Numbers

    /// A staff count: 0 … 1,000,000.
    /// - Throws: `InputError` naming `field`.
    public static func staff(_ value: Int, field: String = "peak_staff") throws(InputError) {
        if value < 0 { throw negative("\(value)", field: field) }
        if value > staff.upperBound { throw tooLarge("\(value)", field: field, maximum: grouped(Int64(staff.upperBound))) }
    }

    /// A yen amount: 0 … 10^15.
    /// - Throws: `InputError` naming `field`.
    public static func yen(_ value: Int64, field: String = "annual_contract_yen") throws(InputError) {
        if value < 0 { throw negative("\(value)", field: field) }
        if value > maximumYen { throw tooLarge("\(value)", field: field, maximum: "¥" + grouped(maximumYen)) }
    }

    /// The largest figure accepted for a measure.
    public static func maximum(of measure: ScaleMeasure) -> Int64 {
        switch measure {
        case .peakStaff: Int64(staff.upperBound)
        case .annualContractYen: maximumYen
        case .installationSites: maximumSites
        case .annualInquiries: maximumInquiries
        }
    }

    /// A figure of a measure: 0 … `maximum(of:)`; `field` defaults to the measure's column name
    /// (`installation_sites`).
    /// - Throws: `InputError` naming `field`.
    public static func measure(_ value: Int64, _ measure: ScaleMeasure, field: String? = nil) throws(InputError) {
        let field = field ?? measure.rawValue
        if value < 0 { throw negative("\(value)", field: field) }
        let maximum = maximum(of: measure)
        if value > maximum {
            throw tooLarge("\(value)", field: field, maximum: measure == .annualContractYen ? "¥" + grouped(maximum) : grouped(maximum))
        }
    }

    /// Reads a figure of a measure written as a whole number: digits, optionally grouped with `,` or `_`
    /// (`1,200`), as bulk-import files hold it.
    /// - Throws: `InputError` naming `field` for text that is not a whole number, or one out of bounds.
    public static func measure(parsing text: String, _ measure: ScaleMeasure, field: String? = nil) throws(InputError)
        -> Int64
    {
        try wholeNumber(text, field: field ?? measure.rawValue, maximum: maximum(of: measure)) {
            measure == .annualContractYen ? "¥" + grouped($0) : grouped($0)
        }
    }

    /// Reads a figure of a measure as people type it: yen amounts in the abbreviated forms of
    /// `yen(abbreviated:field:)` (`750m`), other measures as whole numbers (`1,200`).
    /// - Throws: `InputError` naming `field` for text that is not such a number, or one out of bounds.
    public static func measure(typed text: String, _ measure: ScaleMeasure, field: String) throws(InputError) -> Int64 {
        if measure == .annualContractYen { return try yen(abbreviated: text, field: field) }
        return try self.measure(parsing: text, measure, field: field)
    }

    /// Reads a staff count as typed: digits, optionally grouped with `,` or `_` (`1,200`).
    /// - Throws: `InputError` naming `field` for text that is not a whole number, a negative number or one
    ///   above 1,000,000.
    public static func staff(parsing text: String, field: String = "peak_staff") throws(InputError) -> Int {
        let value = try wholeNumber(text, field: field, maximum: Int64(staff.upperBound)) { grouped($0) }
        // In range, so it fits an Int on every platform.
        return Int(value)
    }

    /// Reads a yen amount written as a whole number: digits, optionally grouped with `,` or `_`
    /// (`1,500,000,000`), as bulk-import files hold it.
    /// - Throws: `InputError` naming `field` for text that is not a whole number, a negative number or one
    ///   above 10^15.
    public static func yen(parsing text: String, field: String = "annual_contract_yen") throws(InputError) -> Int64 {
        try wholeNumber(text, field: field, maximum: maximumYen) { "¥" + grouped($0) }
    }

    /// Reads a yen amount as people type it on the command line: `750000000`, `750,000,000`, `¥750m`,
    /// `1.5b`, `300k`, `2 yen`. `k`, `m` and `b` multiply by a thousand, a million and a billion; a fraction is
    /// fine as long as the amount is whole yen.
    ///
    /// Computed in integers with overflow checks: exponents (`1e30`), `inf`, `nan` and amounts beyond `Int64`
    /// are refused with a message instead of trapping in a `Double` → `Int64` conversion.
    /// - Throws: `InputError` naming `field` for anything that is not such an amount, a negative amount, a
    ///   fraction of a yen, or an amount above 10^15.
    public static func yen(abbreviated text: String, field: String) throws(InputError) -> Int64 {
        let notAnAmount = InputError(
            field: field,
            message: "\"\(shortened(text))\" is not an amount in yen; expected e.g. 750000000, 750,000,000, 750m or 1.5b")
        var cleaned = Substring(
            text.lowercased().replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "_", with: "")
                .replacingOccurrences(of: "¥", with: "").replacingOccurrences(of: "yen", with: "")
                .trimmingCharacters(in: .whitespaces))
        if cleaned.hasPrefix("-"), cleaned.dropFirst().contains(where: \.isASCIIDigit) { throw negative(text, field: field) }
        let scale: Int
        switch cleaned.last {
        case "k": scale = 3
        case "m": scale = 6
        case "b": scale = 9
        default: scale = 0
        }
        if scale > 0 { cleaned = cleaned.dropLast() }
        let pieces = cleaned.trimmingCharacters(in: .whitespaces).split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(pieces.count), pieces.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
            pieces.contains(where: { !$0.isEmpty })
        else { throw notAnAmount }
        let whole = pieces[0].drop(while: { $0 == "0" })
        var fraction = pieces.count == 2 ? pieces[1] : ""
        while fraction.last == "0" { fraction = fraction.dropLast() }
        guard fraction.count <= scale else {
            throw InputError(field: field, message: "\"\(shortened(text))\" is not a whole number of yen")
        }
        let tooLargeError = tooLarge(text, field: field, maximum: "¥" + grouped(maximumYen))
        // 19 digits may already exceed Int64; anything longer surely does, and is far above the maximum anyway.
        guard whole.count <= 18 else { throw tooLargeError }
        let multiplier = power(ofTen: scale)
        let fractionValue = Int64(String(fraction) + String(repeating: "0", count: scale - fraction.count)) ?? 0
        let (scaled, overflow) = (Int64(String(whole)) ?? 0).multipliedReportingOverflow(by: multiplier)
        let (value, carry) = scaled.addingReportingOverflow(fractionValue)
        guard !overflow, !carry, value <= maximumYen else { throw tooLargeError }
        return value
    }

    // MARK: - Dates

    /// Any date a user gives: within the years 1900–2999.
    /// - Throws: `InputError` naming `field`.
    public static func day(_ day: Day, field: String) throws(InputError) {
        guard years.contains(day.year) else {
            throw InputError(
                field: field, message: "\(day) is outside the years \(years.lowerBound)–\(years.upperBound); is it a typo?")
        }
    }

    /// A person's joining date: a date (1900–2999) at most a year after `today` — people are registered ahead
    /// of an intake, but not decades ahead.
    /// - Throws: `InputError` naming `field`.
    public static func joinedOn(_ joined: Day, today: Day, field: String = "joined_on") throws(InputError) {
        try day(joined, field: field)
        let latest = day(today, addingYears: joinedAheadYears)
        guard joined <= latest else {
            throw InputError(
                field: field,
                message: "\(joined) is more than a year after today (\(today)); add people at most a year before they join")
        }
    }

    /// The period of a piece of track record without a clock: both dates within 1900–2999, `to` not before
    /// `from`. Reading a file checks this; `experiencePeriod(from:to:today:)` adds the checks against today.
    /// - Throws: `InputError` naming `fromField` or `toField`.
    public static func experiencePeriod(
        from: Day, to: Day?, fromField: String = "from", toField: String = "to"
    ) throws(InputError) {
        try day(from, field: fromField)
        guard let to else { return }
        try day(to, field: toField)
        if to < from { throw InputError(field: toField, message: "\(to) is before from (\(from))") }
    }

    /// The period of a piece of track record: as `experiencePeriod(from:to:)`, and `from` not after `today`
    /// (track record is recorded once the work has started), `to` at most 10 years after `today` (a planned end;
    /// an "open end" placeholder such as 2999-12-31 is refused: leave `to` empty while the work is ongoing).
    /// - Throws: `InputError` naming `fromField` or `toField`.
    public static func experiencePeriod(
        from: Day, to: Day?, today: Day, fromField: String = "from", toField: String = "to"
    ) throws(InputError) {
        try experiencePeriod(from: from, to: to, fromField: fromField, toField: toField)
        if from > today {
            throw InputError(
                field: fromField, message: "\(from) is in the future (today is \(today)); record work once it has started")
        }
        if let to, to > day(today, addingYears: plannedAheadYears) {
            throw InputError(
                field: toField,
                message:
                    "\(to) is more than \(plannedAheadYears) years after today (\(today)); leave it empty while the work is ongoing"
            )
        }
    }

    /// The date a record is verified on: not before the record's `from` (nobody verifies work that has not
    /// started) and not after `today`.
    /// - Throws: `InputError` naming `field`.
    public static func verifiedOn(
        _ verified: Day, recordFrom from: Day, today: Day, field: String = "verified_on"
    )
        throws(InputError)
    {
        try day(verified, field: field)
        if verified < from { throw InputError(field: field, message: "\(verified) is before the record starts (\(from))") }
        if verified > today { throw InputError(field: field, message: "\(verified) is in the future (today is \(today))") }
    }

    /// A plan action's due date: within 1900–2999 (overdue is fine) and at most 10 years after `today`.
    /// - Throws: `InputError` naming `field`.
    public static func dueOn(_ due: Day, today: Day, field: String = "due_on") throws(InputError) {
        try day(due, field: field)
        guard due <= day(today, addingYears: plannedAheadYears) else {
            throw InputError(
                field: field, message: "\(due) is more than \(plannedAheadYears) years after today (\(today))")
        }
    }

    /// The same calendar date `years` later; 29 February becomes 28 February in a common year.
    public static func day(_ day: Day, addingYears years: Int) -> Day {
        let year = min(max(day.year + years, 1), 9999)
        return Day(year: year, month: day.month, day: min(day.day, Day.length(ofMonth: day.month, year: year))) ?? day
    }

    // MARK: - Helpers

    /// Reads digits grouped with `,` or `_` into a number in 0 … `maximum` without ever trapping.
    static func wholeNumber(
        _ text: String, field: String, maximum: Int64, describe: (Int64) -> String
    ) throws(InputError) -> Int64 {
        let digits = text.replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "_", with: "")
            .trimmingCharacters(in: .whitespaces)
        if digits.hasPrefix("-"), digits.dropFirst().contains(where: \.isASCIIDigit) { throw negative(text, field: field) }
        let unsigned = digits.hasPrefix("+") ? digits.dropFirst() : Substring(digits)
        guard !unsigned.isEmpty, unsigned.allSatisfy(\.isASCIIDigit) else {
            throw InputError(field: field, message: "\"\(shortened(text))\" is not a whole number")
        }
        // Int64 fails for more than 19 digits or above Int64.max: both are far above every maximum.
        guard let value = Int64(unsigned), value <= maximum else {
            throw tooLarge(text, field: field, maximum: describe(maximum))
        }
        return value
    }

    static func requiredLine(_ text: String, field: String, maximum: Int) throws(InputError) {
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw InputError(field: field, message: "is empty; expected a value")
        }
        try length(text, field: field, maximum: maximum)
        try singleLine(text, field: field)
    }

    static func length(_ text: String, field: String, maximum: Int) throws(InputError) {
        // UTF-8 bytes bound characters from above: the common short text is checked without counting characters.
        guard text.utf8.count > maximum, text.count > maximum else { return }
        throw tooLong(text, field: field, maximum: maximum)
    }

    /// Line breaks, tabs and other control characters in a name break tables, CSV exports and log lines.
    static func singleLine(_ text: String, field: String) throws(InputError) {
        if text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            throw InputError(field: field, message: "contains a line break or another control character; expected one line")
        }
    }

    static func tooLong(_ text: String, field: String, maximum: Int) -> InputError {
        InputError(
            field: field,
            message: "is \(grouped(Int64(text.count))) characters long; at most \(grouped(Int64(maximum))) are allowed")
    }

    static func negative(_ text: String, field: String) -> InputError {
        InputError(field: field, message: "negative numbers are not allowed (got \(shortened(text)))")
    }

    static func tooLarge(_ text: String, field: String, maximum: String) -> InputError {
        InputError(field: field, message: "\(shortened(text)) is more than the maximum, \(maximum)")
    }

    static func grouped(_ value: Int64) -> String { ScaleCondition.groupedDigits(value) }

    static func power(ofTen exponent: Int) -> Int64 {
        (0..<exponent).reduce(Int64(1)) { result, _ in result * 10 }
    }

    /// The text as quoted in a message: a pasted page is cut, so the error stays one readable line.
    static func shortened(_ text: String) -> String {
        text.count <= 40 ? text : String(text.prefix(37)) + "…"
    }
}

extension PlanAction {
    /// The action's title (not empty, one line, ≤ 500 characters), owner (one line, ≤ 200 characters) and due
    /// date (at most 10 years after `today`). The database would refuse an empty title too, but with a message
    /// about a constraint; this names the field.
    /// - Throws: `InputError` naming `title`, `owner` or `due_on`.
    public func validate(today: Day) throws(InputError) {
        try InputBounds.title(title)
        try InputBounds.optionalName(owner, field: "owner")
        if let dueOn { try InputBounds.dueOn(dueOn, today: today) }
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
