import Foundation

/// The stored form of an instant: ISO 8601 in UTC with milliseconds (`2026-12-07T08:55:54.123Z`), which sorts
/// lexicographically on both databases. Written by arithmetic rather than `ISO8601DateFormatter`, which builds ICU
/// calendars and time zones on every use: every request that checks a session asks for the time.
enum Timestamp {
    /// `date` as `YYYY-MM-DDTHH:MM:SS.sssZ` (to the nearest millisecond), as `ISO8601DateFormatter` with
    /// `.withInternetDateTime` and `.withFractionalSeconds` writes it. The years 1600…9999 are written here;
    /// earlier ones (where the system formatter switches to the Julian calendar) and later ones by the formatter.
    static func string(from date: Date) -> String {
        let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded())
        let (days, millisecondOfDay) = floorDivision(milliseconds, 86_400_000)
        let (year, month, day) = civilDate(daysSince1970: days)
        guard (1600...9999).contains(year) else { return fallback(date) }
        var text = ""
        text.reserveCapacity(24)
        append(year, digits: 4, to: &text)
        text += "-"
        append(month, digits: 2, to: &text)
        text += "-"
        append(day, digits: 2, to: &text)
        text += "T"
        append(millisecondOfDay / 3_600_000, digits: 2, to: &text)
        text += ":"
        append(millisecondOfDay / 60_000 % 60, digits: 2, to: &text)
        text += ":"
        append(millisecondOfDay / 1000 % 60, digits: 2, to: &text)
        text += "."
        append(millisecondOfDay % 1000, digits: 3, to: &text)
        text += "Z"
        return text
    }

    private static func floorDivision(_ value: Int64, _ divisor: Int64) -> (quotient: Int64, remainder: Int64) {
        let quotient = value >= 0 ? value / divisor : (value - divisor + 1) / divisor
        return (quotient, value - quotient * divisor)
    }

    /// The proleptic Gregorian date of a day count from 1970-01-01 (H. Hinnant's `civil_from_days`).
    private static func civilDate(daysSince1970 days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    private static func append(_ value: Int64, digits: Int, to text: inout String) {
        let number = String(value)
        if number.count < digits { text += String(repeating: "0", count: digits - number.count) }
        text += number
    }

    /// Years outside 1600…9999 (a clock far off): whatever the system formatter writes.
    private static func fallback(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: date)
    }
}
