import ArgumentParser
import ITSSDomain

extension Day: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}

extension Cycle: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}

extension Role: ExpressibleByArgument {
    public init?(argument: String) { self.init(label: argument) }
}

extension PlanActionStatus: ExpressibleByArgument {}
extension PlanActionKind: ExpressibleByArgument {}

/// A yen amount as typed: `750000000`, `750,000,000`, `750m`, `1.5b`.
struct YenAmount: ExpressibleByArgument {
    let value: Int64

    init?(argument: String) {
        let cleaned = argument.lowercased().replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "_", with: "")
            .replacingOccurrences(of: "¥", with: "").replacingOccurrences(of: "yen", with: "").trimmingCharacters(
                in: .whitespaces)
        let multiplier: Double
        var number = Substring(cleaned)
        switch cleaned.last {
        case "b": multiplier = 1_000_000_000; number = number.dropLast()
        case "m": multiplier = 1_000_000; number = number.dropLast()
        case "k": multiplier = 1_000; number = number.dropLast()
        default: multiplier = 1
        }
        guard let amount = Double(number.trimmingCharacters(in: .whitespaces)), amount >= 0 else { return nil }
        value = Int64((amount * multiplier).rounded())
    }
}

/// A target such as `Service Desk:4` or `V2:Service desk:3` — a field and a level after the last colon.
struct LevelTarget: ExpressibleByArgument {
    let field: String
    let level: Int

    init?(argument: String) {
        guard let colon = argument.lastIndex(of: ":"), let level = Int(argument[argument.index(after: colon)...]),
            (1...7).contains(level)
        else { return nil }
        field = String(argument[..<colon])
        self.level = level
    }

    static var defaultValueDescription: String { "FIELD:LEVEL" }
}
