import ITSSDomain

// Rows built in memory rather than read from a file — `itss demo` generates them — go through the same import
// use cases and checks as rows read from CSV. `line` is the position the row would have in a file.

extension SpreadsheetRows.PersonRow {
    public init(
        atLine line: Int, employeeNumber: String, name: String, email: String? = nil, orgUnit: String? = nil,
        active: Bool = true, joinedOn: Day? = nil, fields: [String] = []
    ) {
        self.line = line
        self.employeeNumber = employeeNumber
        self.name = name
        self.email = email
        self.orgUnit = orgUnit
        self.active = active
        self.joinedOn = joinedOn
        self.fields = fields
    }
}

extension SpreadsheetRows.ExperienceRow {
    public init(
        atLine line: Int, employeeNumber: String, field: String, role: Role, from: Day, to: Day? = nil,
        measures: [ScaleMeasure: Int64] = [:], customer: String? = nil, description: String? = nil, verifiedBy: String? = nil
    ) {
        self.line = line
        self.employeeNumber = employeeNumber
        self.field = field
        self.role = role
        self.from = from
        self.to = to
        self.measures = measures
        self.customer = customer
        self.description = description
        self.verifiedBy = verifiedBy
    }
}

extension SpreadsheetRows.RatingRow {
    public init(
        atLine line: Int, employeeNumber: String, field: String, cycle: Cycle, item: String, selfLevel: Int? = nil,
        evaluatorLevel: Int? = nil, note: String? = nil, evidence: String? = nil, evaluatorReason: String? = nil
    ) {
        self.line = line
        self.employeeNumber = employeeNumber
        self.field = field
        self.cycle = cycle
        self.item = item
        self.selfLevel = selfLevel
        self.evaluatorLevel = evaluatorLevel
        self.note = note
        self.evidence = evidence
        self.evaluatorReason = evaluatorReason
    }
}
