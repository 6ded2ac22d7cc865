import Foundation
import Testing

@testable import ITSSStorage

@Suite("Stored timestamps")
struct TimestampTests {
    static func reference(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: date)
    }

    @Test("written exactly as ISO8601DateFormatter writes them, for instants across the years 1…9999")
    func matchesTheSystemFormatter() {
        // SplitMix64 from a fixed seed: the same 20,000 instants on every run.
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        let first = -62_135_596_800.0  // 0001-01-01T00:00:00Z
        let last = 253_402_300_799.0  // 9999-12-31T23:59:59Z
        var mismatches: [String] = []
        for _ in 0..<20_000 {
            let seconds = first + Double(next() % UInt64(last - first))
            let milliseconds = Double(next() % 1000) / 1000
            let date = Date(timeIntervalSince1970: seconds + milliseconds)
            let ours = Timestamp.string(from: date)
            if ours != Self.reference(date) { mismatches.append("\(seconds + milliseconds): \(ours) vs \(Self.reference(date))") }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
    }

    @Test(
        "edges: the epoch, leap days, the turn of centuries, the last millisecond of a day",
        arguments: [
            0, -1, -0.001, 951_782_400, 951_868_799.999, 1_709_164_800, 4_107_542_399.999, 1_800_000_000.5,
            -2_203_891_200, 946_684_799.999,
        ])
    func edges(seconds: Double) {
        let date = Date(timeIntervalSince1970: seconds)
        #expect(Timestamp.string(from: date) == Self.reference(date))
    }
}
