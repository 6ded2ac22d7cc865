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
