import ITSSDomain
import Testing

/// `Day` reads exactly `YYYY-MM-DD` of a real date, and writes it back the same.
@Suite("Day")
struct DayTests {
    @Test("every day of four years, leap day included, reads back from its text")
    func everyDay() {
        var count = 0
        for year in [2023, 2024, 2100, 2000] {
            for month in 1...12 {
                for day in 1...31 {
                    guard let value = Day(year: year, month: month, day: day) else { continue }
                    #expect(Day(value.description) == value)
                    count += 1
                }
            }
        }
        #expect(count == 365 + 366 + 365 + 366)
    }

    @Test(
        "anything else is refused",
        arguments: [
            "2026-02-29", "2100-02-29", "2026-13-01", "2026-00-10", "2026-01-32", "0000-01-01", "2026-1-01", "2026/01/01",
            "2026-01-01T10:00:00Z", " 2026-01-01", "2026-+1-01", "20260101", "", "2026-01-0a", "２０２６-01-01",
        ])
    func refused(text: String) {
        #expect(Day(text) == nil, "\(text)")
    }
}
