/// A quantity that a level text uses to describe the scale of the work.
public enum ScaleMeasure: String, Codable, CodingKeyRepresentable, Sendable, Hashable, CaseIterable {
    /// Staff at peak ("with 250 or more staff", "10 persons or more during peak periods").
    case peakStaff = "peak_staff"
    /// Annual contract value in yen ("an annual contract value of 750 million yen or more").
    case annualContractYen = "annual_contract_yen"
    /// Installation sites (V2 network operation: "100 or more installation sites").
    case installationSites = "installation_sites"
    /// Answers to user inquiries per year (V2 service desk: "3000 or more").
    case annualInquiries = "annual_inquiries"

    /// The position of the measure in summaries and exports.
    public var order: Int {
        switch self {
        case .peakStaff: 0
        case .annualContractYen: 1
        case .installationSites: 2
        case .annualInquiries: 3
        }
    }

    /// How a reason says a record lacks the figure: `no staff figure`.
    public var missingLabel: String {
        switch self {
        case .peakStaff: "staff figure"
        case .annualContractYen: "contract value"
        case .installationSites: "installation sites figure"
        case .annualInquiries: "inquiries figure"
        }
    }

    /// A short English label for terminal and report output.
    public var label: String {
        switch self {
        case .peakStaff: "staff"
        case .annualContractYen: "yen/year"
        case .installationSites: "installation sites"
        case .annualInquiries: "inquiries/year"
        }
    }
}

/// One quantitative bound of a scale condition.
///
/// `minimum` is a requirement ("or more"); `upperBound` is descriptive only ("less than 10 persons"):
/// it tells the typical scale of the level and is never a requirement.
public struct ScaleThreshold: Codable, Sendable, Hashable {
    public var measure: ScaleMeasure
    public var minimum: Int64?
    public var upperBound: Int64?

    public init(measure: ScaleMeasure, minimum: Int64? = nil, upperBound: Int64? = nil) {
        self.measure = measure
        self.minimum = minimum
        self.upperBound = upperBound
    }
}
