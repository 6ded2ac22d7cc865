/// The structured scale condition of one level text: the role and the size of the work.
///
/// Thresholds are alternatives: the ITSS texts join them with "or" ("with 75 or more staff or an annual
/// contract value of 750 million yen or more").
public struct ScaleCondition: Codable, Sendable, Hashable {
    /// The role the text requires, or `nil` when the text names none.
    public var role: Role?
    /// The quantitative bounds, in the order of `ScaleMeasure.allCases`.
    public var thresholds: [ScaleThreshold]

    public init(role: Role? = nil, thresholds: [ScaleThreshold] = []) {
        self.role = role
        self.thresholds = thresholds.sorted { $0.measure.order < $1.measure.order }
    }

    /// A condition with neither role nor thresholds.
    public static let none = ScaleCondition()

    /// The requirement for a measure ("N or more"), if the text states one.
    public func minimum(_ measure: ScaleMeasure) -> Int64? {
        thresholds.first { $0.measure == measure }?.minimum
    }

    /// The descriptive upper bound for a measure ("less than N"), if the text states one.
    public func upperBound(_ measure: ScaleMeasure) -> Int64? {
        thresholds.first { $0.measure == measure }?.upperBound
    }

    /// Minimum peak staff ("with 250 or more staff").
    public var minimumStaff: Int64? { minimum(.peakStaff) }
    /// Minimum annual contract value in yen.
    public var minimumContractYen: Int64? { minimum(.annualContractYen) }
    /// Descriptive upper bound on peak staff ("less than 10 persons").
    public var staffUpperBound: Int64? { upperBound(.peakStaff) }
    /// Descriptive upper bound on the annual contract value in yen.
    public var contractUpperBoundYen: Int64? { upperBound(.annualContractYen) }

    /// Whether the condition names any requirement (a role or a minimum).
    public var isEmpty: Bool { role == nil && thresholds.isEmpty }

    /// A compact English summary, e.g. `responsible person; ≥ 75 staff or ≥ ¥750,000,000/year`.
    public var summary: String {
        var parts: [String] = []
        parts.append(role?.label ?? "no role stated")
        let minimums = thresholds.compactMap { threshold -> String? in
            guard let minimum = threshold.minimum else { return nil }
            return "≥ \(ScaleCondition.format(minimum, threshold.measure))"
        }
        if !minimums.isEmpty { parts.append(minimums.joined(separator: " or ")) }
        let bounds = thresholds.compactMap { threshold -> String? in
            guard let bound = threshold.upperBound else { return nil }
            return "< \(ScaleCondition.format(bound, threshold.measure))"
        }
        if !bounds.isEmpty { parts.append("typically " + bounds.joined(separator: " or ")) }
        return parts.joined(separator: "; ")
    }

    /// Formats a quantity with its unit: `¥750,000,000/year`, `75 staff`.
    public static func format(_ value: Int64, _ measure: ScaleMeasure) -> String {
        switch measure {
        case .annualContractYen: "¥\(groupedDigits(value))/year"
        default: "\(groupedDigits(value)) \(measure.label)"
        }
    }

    /// A record's figures in measure order: `8 staff, 150 installation sites`; empty when it states none.
    public static func formatFigures(_ measures: [ScaleMeasure: Int64]) -> String {
        ScaleMeasure.allCases.compactMap { measure in measures[measure].map { format($0, measure) } }
            .joined(separator: ", ")
    }

    /// `1500000000` → `1,500,000,000`, without locale dependence.
    public static func groupedDigits(_ value: Int64) -> String {
        let digits = String(value.magnitude)
        var result = ""
        for (offset, character) in digits.enumerated() {
            if offset > 0, (digits.count - offset) % 3 == 0 { result.append(",") }
            result.append(character)
        }
        return value < 0 ? "-" + result : result
    }
}
