import ITSSDomain
import SQLKit

/// The one place that turns what a person typed — employee numbers, org unit codes, field and item names with
/// their prefixes and qualifiers — into the ids the use cases take, with "did you mean" suggestions. The CLI and
/// the web forms both go through it.
extension AppDatabase {
    /// The id of the person with this employee number.
    /// - Throws: `StorageError.notFound` with up to three close employee numbers (from a bounded, indexed query).
    public func personID(_ employeeNumber: String) async throws -> Int64 {
        try await PeopleQueries.personID(sql(), employeeNumber: employeeNumber.trimmingCharacters(in: .whitespaces))
    }

    /// The id of the org unit with this code.
    /// - Throws: `StorageError.notFound` with close codes.
    public func orgUnitID(_ code: String) async throws -> Int64 {
        try await PeopleQueries.orgUnitID(sql(), code: code.trimmingCharacters(in: .whitespaces))
    }

    /// The id of a specialty field as typed (`Service Desk`, `V2:Service desk`, a unique prefix).
    /// - Parameter assessable: Refuse sections that only supply levels to other fields.
    /// - Throws: `StorageError.notFound` with suggestions, `.refused` for an ambiguous name or a shared section.
    public func fieldID(_ query: String, assessable: Bool = true) async throws -> Int64 {
        try await catalogIndex().resolveField(query, assessable: assessable).id
    }

    /// A skill item as typed, within what an assessment rates: an ITSS item of its field, or — under a profile —
    /// one of the company's own items (items the profile leaves out are not found).
    /// - Throws: `StorageError.notFound` for an unknown assessment or item (with suggestions), `.refused` for an
    ///   ambiguous prefix.
    public func assessmentItem(_ query: String, inAssessment assessmentID: Int64) async throws -> AssessmentItemID {
        let scope = try await assessmentScope(assessmentID: assessmentID)
        var field = scope.entry.effective
        field.items = scope.items
        do {
            let item = try ItemLookup.resolve(query, in: field)
            guard let id = scope.itemID(named: item.name) else { throw StorageError.notFound(what: "skill item \"\(item.name)\"") }
            return id
        } catch let failure as ItemLookup.Failure {
            switch failure {
            case let .notFound(_, _, suggestions):
                throw StorageError.notFound(what: "skill item \"\(query)\" in \(field.name)", suggestions: suggestions)
            case .ambiguous: throw StorageError.refused(reason: failure.description)
            }
        }
    }

    /// A person as typed in a form or on the command line, resolved to ids.
    /// - Throws: `StorageError.notFound` for an unknown org unit or field.
    public func resolve(_ form: PersonForm) async throws -> NewPerson {
        let index = try await catalogIndex()
        var fieldIDs: [Int64] = []
        for query in form.fields {
            let id = try index.resolveField(query).id
            if !fieldIDs.contains(id) { fieldIDs.append(id) }
        }
        return NewPerson(
            employeeNumber: form.employeeNumber, name: form.name, email: form.email,
            orgUnitID: try await form.orgUnit.asyncMap { try await orgUnitID($0) }, active: form.active,
            joinedOn: form.joinedOn, fieldIDs: fieldIDs)
    }

    /// A piece of track record as typed, resolved to ids.
    /// - Throws: `StorageError.notFound` for an unknown person or field.
    public func resolve(_ form: ExperienceForm) async throws -> NewExperience {
        NewExperience(
            personID: try await personID(form.employeeNumber), fieldID: try await fieldID(form.field), role: form.role,
            from: form.from, to: form.to, measures: form.measures,
            customer: form.customer, description: form.description)
    }

    /// The principal of a person acting on their own behalf through the operator's CLI: the operating-system user,
    /// with administrator rights, for the person with this employee number (whose person-bound rules apply).
    /// - Throws: `StorageError.notFound` for an unknown employee number.
    public func operatorPrincipal(systemUser: String, actingFor employeeNumber: String?) async throws -> Principal {
        guard let employeeNumber else { return .operator(systemUser: systemUser) }
        let id = try await personID(employeeNumber)
        return .operator(systemUser: systemUser, actingFor: id, employeeNumber: employeeNumber)
    }
}
