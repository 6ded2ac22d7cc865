import Foundation
import ITSSDomain
import Testing

/// Every bound of `InputBounds` at its edges, the parsers of numbers as typed (never trapping), and a few
/// seeded random properties.
@Suite("InputBounds")
struct InputBoundsTests {
    static let today = Day("2026-11-23")

    static func day(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Day {
        try #require(Day(text), sourceLocation: sourceLocation)
    }

    /// The `InputError` `body` throws, recording an issue when it throws none or another error.
    static func error(sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Void) -> InputError? {
        do {
            try body()
            Issue.record("no InputError", sourceLocation: sourceLocation)
        } catch let error as InputError {
            return error
        } catch {
            Issue.record("not an InputError: \(error)", sourceLocation: sourceLocation)
        }
        return nil
    }

    // MARK: - Text

    @Test("identifiers: 1…64 characters, one line; surrounding spaces do not make a value")
    func identifiers() throws {
        try InputBounds.identifier("E", field: "employee_number")
        try InputBounds.identifier(String(repeating: "9", count: 64), field: "employee_number")
        let long = Self.error { try InputBounds.identifier(String(repeating: "9", count: 65), field: "employee_number") }
        #expect(long?.errorDescription == "employee_number: is 65 characters long; at most 64 are allowed")
        #expect(Self.error { try InputBounds.identifier("   ", field: "code") }?.message == "is empty; expected a value")
        #expect(Self.error { try InputBounds.identifier("E1\nE2", field: "code") }?.message.contains("line break") == true)
    }

    @Test("names: 1…200 characters (not bytes), one line")
    func names() throws {
        try InputBounds.name(String(repeating: "山", count: 200))
        let long = Self.error { try InputBounds.name(String(repeating: "山", count: 201)) }
        #expect(long?.message == "is 201 characters long; at most 200 are allowed")
        let huge = Self.error { try InputBounds.name(String(repeating: "a", count: 100_000)) }
        #expect(huge?.errorDescription == "name: is 100,000 characters long; at most 200 are allowed")
        #expect(Self.error { try InputBounds.name("") }?.field == "name")
        #expect(Self.error { try InputBounds.name("Sato\tHanako") }?.message.contains("control character") == true)
        try InputBounds.optionalName(nil, field: "customer")
        try InputBounds.optionalName(String(repeating: "x", count: 200), field: "customer")
        #expect(Self.error { try InputBounds.optionalName(String(repeating: "x", count: 201), field: "owner") }?.field == "owner")
    }

    @Test("free text: up to 2,000 characters, line breaks allowed; titles up to 500 and not empty")
    func freeTextAndTitles() throws {
        try InputBounds.freeText(nil, field: "description")
        try InputBounds.freeText(String(repeating: "x\n", count: 1_000), field: "description")
        let long = Self.error { try InputBounds.freeText(String(repeating: "x", count: 2_001), field: "note") }
        #expect(long?.errorDescription == "note: is 2,001 characters long; at most 2,000 are allowed")
        try InputBounds.title(String(repeating: "t", count: 500))
        #expect(Self.error { try InputBounds.title(String(repeating: "t", count: 501)) }?.field == "title")
        #expect(Self.error { try InputBounds.title(" ") }?.errorDescription == "title: is empty; expected a value")
    }

    @Test(
        "e-mail addresses of the simple shape are accepted",
        arguments: ["a@example.com", "hanako.sato+itss@ops.example.co.jp", "x@b.c", "山田@例え.jp"])
    func goodEmail(_ address: String) throws {
        try InputBounds.email(address)
    }

    @Test(
        "malformed e-mail addresses are refused naming why",
        arguments: [
            ("", "is empty"), ("hanako", "no @"), ("a@@example.com", "more than one @"), ("a@b@example.com", "more than one @"),
            ("@example.com", "nothing before the @"), ("p@x", "needs a dot"), ("a@.com", "needs a dot"),
            ("a@example.", "needs a dot"),
            ("a@example..com", "needs a dot"), ("a b@example.com", "space"), ("a@example.com\n", "space"),
            ("a\u{7}@example.com", "control"),
        ])
    func badEmail(_ address: String, _ reason: String) {
        let error = Self.error { try InputBounds.email(address) }
        #expect(error?.field == "email")
        #expect(error?.message.contains(reason) == true, "\(error?.message ?? "")")
    }

    @Test("e-mail length: 254 characters at most, 64 before the @")
    func emailLength() throws {
        let local64 = String(repeating: "l", count: 64)
        try InputBounds.email(local64 + "@example.com")
        #expect(Self.error { try InputBounds.email(local64 + "l@example.com") }?.message.contains("64") == true)
        let domain = String(repeating: "d", count: 254 - 64 - 1 - 4) + ".com"
        try InputBounds.email(local64 + "@" + domain)
        #expect(
            Self.error { try InputBounds.email(local64 + "@d" + domain) }?.message
                == "is 255 characters long; at most 254 are allowed")
    }

    // MARK: - Numbers

    @Test("staff: 0…1,000,000; negative and larger counts name the bound")
    func staff() throws {
        try InputBounds.staff(0)
        try InputBounds.staff(1_000_000)
        #expect(Self.error { try InputBounds.staff(-1) }?.message == "negative numbers are not allowed (got -1)")
        #expect(Self.error { try InputBounds.staff(1_000_001) }?.message == "1000001 is more than the maximum, 1,000,000")
        #expect(Self.error { try InputBounds.staff(Int.max) }?.field == "peak_staff")
    }

    @Test("staff as typed: digits with separators; signs, fractions, words and overflow are refused, never trap")
    func staffParsing() throws {
        #expect(try InputBounds.staff(parsing: "12") == 12)
        #expect(try InputBounds.staff(parsing: "1,000,000") == 1_000_000)
        #expect(try InputBounds.staff(parsing: "0") == 0)
        #expect(try InputBounds.staff(parsing: "+7") == 7)
        let negative = Self.error { _ = try InputBounds.staff(parsing: "-5", field: "--staff") }
        #expect(negative?.errorDescription == "--staff: negative numbers are not allowed (got -5)")
        for text in ["1,000,001", "9223372036854775807", "9223372036854775808", "99999999999999999999999999"] {
            #expect(
                Self.error { _ = try InputBounds.staff(parsing: text) }?.message == "\(text) is more than the maximum, 1,000,000")
        }
        for text in ["", "ten", "1.5", "1e3", "inf", "nan", "-", "+", "0x10", "１２"] {
            #expect(
                Self.error { _ = try InputBounds.staff(parsing: text) }?.message.contains("is not a whole number") == true,
                "\(text)")
        }
    }

    @Test("yen: 0…10^15")
    func yen() throws {
        try InputBounds.yen(0)
        try InputBounds.yen(InputBounds.maximumYen)
        #expect(Self.error { try InputBounds.yen(-1) }?.message == "negative numbers are not allowed (got -1)")
        #expect(
            Self.error { try InputBounds.yen(InputBounds.maximumYen + 1) }?.message
                == "1000000000000001 is more than the maximum, ¥1,000,000,000,000,000")
        #expect(try InputBounds.yen(parsing: "1,500,000,000") == 1_500_000_000)
        #expect(try InputBounds.yen(parsing: "1_000_000_000_000_000") == InputBounds.maximumYen)
        #expect(Self.error { _ = try InputBounds.yen(parsing: "1,000,000,000,000,001") }?.field == "annual_contract_yen")
        #expect(Self.error { _ = try InputBounds.yen(parsing: "1.5b") }?.message.contains("is not a whole number") == true)
    }

    @Test(
        "yen as typed on the command line: separators, ¥, yen, k/m/b, whole-yen fractions",
        arguments: [
            ("750000000", 750_000_000), ("750,000,000", 750_000_000), ("750m", 750_000_000), ("750M", 750_000_000),
            ("1.5b", 1_500_000_000), ("¥1.5b", 1_500_000_000), ("0.75b", 750_000_000), (".5k", 500), ("300k", 300_000),
            ("2 yen", 2), ("1.000", 1), ("0", 0), ("1000000b", 1_000_000_000_000_000), ("1_000m", 1_000_000_000),
            ("1.123456789b", 1_123_456_789),
        ] as [(String, Int64)])
    func yenAbbreviated(_ text: String, _ expected: Int64) throws {
        #expect(try InputBounds.yen(abbreviated: text, field: "--contract") == expected)
    }

    @Test(
        "yen as typed: the inputs that used to trap (1e30, inf, 999999999999b, Int64.max, Int64.max + 1) get a message",
        arguments: [
            ("1e30", "is not an amount in yen"), ("inf", "is not an amount in yen"), ("nan", "is not an amount in yen"),
            ("-inf", "is not an amount in yen"), ("999999999999b", "is more than the maximum, ¥1,000,000,000,000,000"),
            ("9223372036854775807", "is more than the maximum"), ("9223372036854775808", "is more than the maximum"),
            ("1.0000000001b", "is not a whole number of yen"), ("1.5", "is not a whole number of yen"),
            ("1000001b", "is more than the maximum"), ("-5", "negative numbers are not allowed (got -5)"),
            ("-1.5b", "negative numbers are not allowed"), ("", "is not an amount"), ("b", "is not an amount"),
            (".", "is not an amount"), ("1.2.3", "is not an amount"), ("12 34", "is not an amount"), ("0x1F", "is not an amount"),
            (String(repeating: "9", count: 400), "is more than the maximum"),
        ])
    func yenAbbreviatedRefused(_ text: String, _ message: String) {
        let error = Self.error { _ = try InputBounds.yen(abbreviated: text, field: "--contract") }
        #expect(error?.field == "--contract")
        #expect(error?.message.contains(message) == true, "\(text): \(error?.message ?? "")")
        #expect(error?.errorDescription?.contains("\n") == false)
    }

    // MARK: - Dates

    @Test("every date lies within 1900–2999")
    func dates() throws {
        try InputBounds.day(try Self.day("1900-01-01"), field: "from")
        try InputBounds.day(try Self.day("2999-12-31"), field: "from")
        let before1900 = try Self.day("1899-12-31")
        let early = Self.error { try InputBounds.day(before1900, field: "from") }
        #expect(early?.errorDescription == "from: 1899-12-31 is outside the years 1900–2999; is it a typo?")
        let openEnd = try Self.day("9999-12-31")
        #expect(Self.error { try InputBounds.day(openEnd, field: "to") }?.field == "to")
    }

    @Test("joined on: up to a year after today (29 February → 28 February), not before 1900")
    func joinedOn() throws {
        let today = try #require(Self.today)
        try InputBounds.joinedOn(try Self.day("2027-11-23"), today: today)
        try InputBounds.joinedOn(try Self.day("1900-01-01"), today: today)
        let dayAfter = try Self.day("2027-11-24")
        let late = Self.error { try InputBounds.joinedOn(dayAfter, today: today) }
        #expect(late?.field == "joined_on")
        #expect(late?.message.contains("more than a year after today (2026-11-23)") == true)
        let far = try Self.day("2100-01-01")
        #expect(Self.error { try InputBounds.joinedOn(far, today: today) } != nil)
        let early = try Self.day("1899-12-31")
        #expect(Self.error { try InputBounds.joinedOn(early, today: today) }?.message.contains("outside the years") == true)
        let leap = try Self.day("2028-02-29")
        #expect(InputBounds.day(leap, addingYears: 1) == Day("2029-02-28"))
        #expect(InputBounds.day(leap, addingYears: 4) == Day("2032-02-29"))
    }

    @Test("experience period: to not before from; from not after today; to at most 10 years ahead")
    func experiencePeriod() throws {
        let today = try #require(Self.today)
        let from = try Self.day("2023-04-01")
        try InputBounds.experiencePeriod(from: from, to: nil, today: today)
        try InputBounds.experiencePeriod(from: from, to: from, today: today)
        try InputBounds.experiencePeriod(from: today, to: try Self.day("2036-11-23"), today: today)
        let dayBefore = try Self.day("2023-03-31")
        let backwards = Self.error { try InputBounds.experiencePeriod(from: from, to: dayBefore) }
        #expect(backwards?.errorDescription == "to: 2023-03-31 is before from (2023-04-01)")
        let tomorrow = try Self.day("2026-11-24")
        let future = Self.error { try InputBounds.experiencePeriod(from: tomorrow, to: nil, today: today) }
        #expect(future?.field == "from")
        #expect(future?.message.contains("in the future") == true)
        let tooFar = try Self.day("2036-11-24")
        let openEnd = Self.error { try InputBounds.experiencePeriod(from: from, to: tooFar, today: today) }
        #expect(openEnd?.field == "to")
        #expect(openEnd?.message.contains("leave it empty while the work is ongoing") == true)
        let early = try Self.day("1899-04-01")
        #expect(Self.error { try InputBounds.experiencePeriod(from: early, to: nil) }?.field == "from")
        // The clock-free check accepts a future start: only the import, which has a clock, refuses it.
        try InputBounds.experiencePeriod(from: try Self.day("2030-01-01"), to: nil)
    }

    @Test("verified on: from the record's start up to today")
    func verifiedOn() throws {
        let today = try #require(Self.today)
        let from = try Self.day("2023-04-01")
        try InputBounds.verifiedOn(from, recordFrom: from, today: today)
        try InputBounds.verifiedOn(today, recordFrom: from, today: today)
        let dayBefore = try Self.day("2023-03-31")
        let early = Self.error { try InputBounds.verifiedOn(dayBefore, recordFrom: from, today: today) }
        #expect(early?.errorDescription == "verified_on: 2023-03-31 is before the record starts (2023-04-01)")
        let tomorrow = try Self.day("2026-11-24")
        let future = Self.error { try InputBounds.verifiedOn(tomorrow, recordFrom: from, today: today) }
        #expect(future?.message == "2026-11-24 is in the future (today is 2026-11-23)")
    }

    @Test("plan actions: a title is required; owner and due date are bounded")
    func planActions() throws {
        let today = try #require(Self.today)
        try PlanAction(kind: .training, title: "ITIL Foundation", dueOn: try Self.day("2036-11-23"), owner: "M1").validate(
            today: today)
        try PlanAction(kind: .training, title: "Overdue", dueOn: try Self.day("2020-01-01")).validate(today: today)
        #expect(Self.error { try PlanAction(kind: .training, title: "").validate(today: today) }?.field == "title")
        let due = Self.error { try PlanAction(kind: .training, title: "x", dueOn: Day("2036-11-24")).validate(today: today) }
        #expect(due?.field == "due_on")
        let owner = Self.error {
            try PlanAction(kind: .training, title: "x", owner: String(repeating: "o", count: 201)).validate(today: today)
        }
        #expect(owner?.field == "owner")
    }

    @Test("cycles: years 1900–2999 like dates")
    func cycles() {
        #expect(Cycle("1900") != nil)
        #expect(Cycle("2999Q4") != nil)
        #expect(Cycle("1899H2") == nil)
        #expect(Cycle("3000") == nil)
        #expect(Cycle("0206H2") == nil)
        #expect(Cycle("２０２６") == nil)
    }

    // MARK: - Properties

    @Test("property: every Int64 written in any accepted spelling reads back, or is refused above 10^15 — never a trap")
    func yenRoundTrip() throws {
        var random = SeededRandom(seed: 15)
        for _ in 0..<2_000 {
            let magnitude = random.int(0...18)
            let upper = magnitude == 18 ? Int64.max : (0..<magnitude).reduce(Int64(1)) { result, _ in result * 10 }
            let value = Int64.random(in: 0...upper, using: &random)
            let grouped = ScaleCondition.groupedDigits(value)
            for text in ["\(value)", grouped, "¥" + grouped] {
                do throws(InputError) {
                    let read = try InputBounds.yen(abbreviated: text, field: "--contract")
                    #expect(read == value && value <= InputBounds.maximumYen, "\(text)")
                } catch {
                    #expect(value > InputBounds.maximumYen, "\(text): \(error.message)")
                }
            }
            // The same amount in millions with a fraction: exact, because it is computed in integers.
            if value <= InputBounds.maximumYen {
                let millions = "\(value / 1_000_000)." + String(String(value % 1_000_000 + 1_000_000).dropFirst()) + "m"
                #expect(try InputBounds.yen(abbreviated: millions, field: "--contract") == value, "\(millions)")
            }
        }
    }

    @Test("property: random strings never trap the parsers, and every accepted value is within its bounds")
    func randomTextNeverTraps() {
        var random = SeededRandom(seed: 4)
        let alphabet = Array("0123456789,._-+ebkmBKMinfa¥yen @\n")
        for _ in 0..<5_000 {
            let text = String((0..<random.int(0...24)).compactMap { _ in random.pick(alphabet) })
            if let yen = try? InputBounds.yen(abbreviated: text, field: "--contract") {
                #expect((0...InputBounds.maximumYen).contains(yen), "\(text)")
            }
            if let yen = try? InputBounds.yen(parsing: text) { #expect((0...InputBounds.maximumYen).contains(yen), "\(text)") }
            if let staff = try? InputBounds.staff(parsing: text) { #expect(InputBounds.staff.contains(staff), "\(text)") }
            if (try? InputBounds.email(text)) != nil {
                #expect(text.filter { $0 == "@" }.count == 1 && !text.contains(" ") && !text.contains("\n"), "\(text)")
            }
        }
    }
}
