/// What `itss demo` built.
public struct DemoSummary: Sendable, Hashable, Codable {
    public var people = 0
    public var orgUnits = 0
    /// Depth of the org tree (company, division, department, team: 4).
    public var orgLevels = 0
    public var evaluators = 0
    public var assessments = 0
    public var ratings = 0
    public var experienceRecords = 0
    public var verifiedRecords = 0
    public var plans = 0
    public var levelsComputed = 0
}
