import ITSSDomain

/// A person's skill sheet: levels per field with their reasons, the ratings of the latest approved assessment
/// of each field, the track record and the development plans. The one read behind the printable page, its API
/// and `itss person sheet`.
public struct SkillSheet: Sendable, Codable {
    public var person: Person
    /// The code of the person's org unit, if any.
    public var orgUnit: String?
    public var levels: [PersonLevel]
    /// The latest approved assessment of each field (by cycle), newest cycle first, with its ratings.
    public var assessments: [AssessmentView]
    /// The latest version of every record, oldest first.
    public var experience: [ExperienceRecord]
    /// Newest first.
    public var plans: [PlanView]
}

extension AppDatabase {
    /// The skill sheet of a person.
    /// - Throws: `StorageError.notFound` with the closest employee numbers for an unknown person.
    public func skillSheet(of employeeNumber: String) async throws -> SkillSheet {
        try await skillSheet(personID: PeopleQueries.personID(sql(), employeeNumber: employeeNumber))
    }

    /// The skill sheet of a person by id: a fixed number of per-person queries, however long their history.
    /// - Throws: `StorageError.notFound` for an unknown id, database errors.
    public func skillSheet(personID: Int64) async throws -> SkillSheet {
        let person = try await person(id: personID)
        var latest: [FieldReference: AssessmentView] = [:]
        for assessment in try await assessments(personID: personID) where assessment.state == .approved {
            if let current = latest[assessment.field], current.cycle >= assessment.cycle { continue }
            latest[assessment.field] = assessment
        }
        let units = try await orgUnitCodes(ids: Set(person.orgUnitID.map { [$0] } ?? []))
        return SkillSheet(
            person: person, orgUnit: person.orgUnitID.flatMap { units[$0] }, levels: try await levels(of: person),
            assessments: latest.values.sorted { ($0.cycle, $0.field.field) > ($1.cycle, $1.field.field) },
            experience: try await experience(personID: personID, page: nil), plans: try await plans(personID: personID))
    }
}
