import ITSSDomain
import ITSSStorage

/// Loads the skill map pages' models: the scope the principal may see, then a fixed number of aggregate queries
/// (the counting happens in the database, never per person here).
struct SkillMapQuery: Sendable {
    let database: AppDatabase
    var resolver: SkillMapResolver { SkillMapResolver(database: database) }

    /// The catalog's standards and specialty fields, for the filters.
    func choices() async throws -> (standards: [StandardKey], fields: [FieldReference]) {
        let catalog = try await database.cachedCatalog()
        return (
            catalog.standards.map(\.key),
            catalog.standards.flatMap { standard in
                standard.specialtyFields.map { FieldReference(standard: standard.key, field: $0.name) }
            }
        )
    }

    /// - Throws: `Problem` 403 for an employee, 404 for a unit the principal may not see, 422 for a bad filter.
    func map(_ parameters: SkillMapParameters, principal: Principal) async throws -> SkillMapPage {
        let scope = try await resolver.scope(parameters.org, for: principal)
        let map = try await database.skillMap(scope, filter: try await resolver.filter(parameters))
        let (standards, fields) = try await choices()
        return SkillMapPage(map: map, scope: scope, parameters: parameters, standards: standards, fields: fields)
    }

    /// - Throws: as `map`; `Problem` 400 for a missing or malformed field or level.
    func cell(
        _ parameters: SkillMapParameters, cell text: String?, list: ListState, principal: Principal
    ) async throws -> SkillMapCellPage {
        let scope = try await resolver.scope(parameters.org, for: principal)
        guard let fieldText = parameters.fields.first else { throw Problem.badRequest("choose a field", field: "field") }
        guard let text = text, let cell = SkillMapCell(text) else {
            throw Problem.badRequest("expected a level from 1 to 7, below or none", field: "level")
        }
        let fieldID = try await database.fieldID(fieldText, parameter: "field")
        var filter = try await resolver.filter(parameters)
        filter.fieldIDs = nil
        let sort = list.sort.flatMap(SkillMapPeopleSort.init(rawValue:)) ?? .employeeNumber
        let people = try await database.skillMapPeople(
            scope, filter: filter, fieldID: fieldID, cell: cell, sort: sort, descending: list.descending,
            page: list.pageRequest)
        let field = try await database.catalogFieldDetail(id: fieldID).reference
        return SkillMapCellPage(
            unit: scope.unit, field: field, cell: cell, parameters: parameters, people: people, list: list, sort: sort)
    }

    /// Two maps: the parameters' and the same at `compareAsOf` and/or for `compareOrg`; `nil` without either.
    /// - Throws: as `map`, for either side.
    func comparison(
        _ parameters: SkillMapParameters, compareAsOf: Day?, compareOrg: String?, principal: Principal
    ) async throws -> SkillMapComparison? {
        guard compareAsOf != nil || compareOrg != nil else { return nil }
        let left = try await resolver.scope(parameters.org, for: principal)
        let right = compareOrg == nil ? left : try await resolver.scope(compareOrg, for: principal, field: "compare_org")
        let leftFilter = try await resolver.filter(parameters)
        var rightFilter = leftFilter
        if let compareAsOf {
            rightFilter = try await resolver.filter(parameters, asOf: .some(compareAsOf))
        }
        return SkillMapComparison(
            left: try await database.skillMap(left, filter: leftFilter),
            right: try await database.skillMap(right, filter: rightFilter))
    }

    func comparePage(
        _ parameters: SkillMapParameters, compareAsOf: Day?, compareOrg: String?, principal: Principal
    ) async throws -> SkillMapComparePage {
        let scope = try await resolver.scope(parameters.org, for: principal)
        let comparison = try await comparison(
            parameters, compareAsOf: compareAsOf, compareOrg: compareOrg, principal: principal)
        let (standards, fields) = try await choices()
        return SkillMapComparePage(
            comparison: comparison, scope: scope, parameters: parameters, compareAsOf: compareAsOf, compareOrg: compareOrg,
            standards: standards, fields: fields)
    }

    /// - Throws: as `map`.
    func trends(_ parameters: SkillMapParameters, quarters: Int, principal: Principal) async throws -> SkillMapTrends {
        let scope = try await resolver.scope(parameters.org, for: principal)
        return try await database.skillMapTrends(
            scope, fieldIDs: try await resolver.fieldIDs(parameters), includeInactive: parameters.includeInactive,
            quarters: quarters)
    }

    func trendsPage(_ parameters: SkillMapParameters, quarters: Int, principal: Principal) async throws -> SkillMapTrendsPage {
        let scope = try await resolver.scope(parameters.org, for: principal)
        let trends = try await trends(parameters, quarters: quarters, principal: principal)
        let (standards, fields) = try await choices()
        return SkillMapTrendsPage(trends: trends, scope: scope, parameters: parameters, standards: standards, fields: fields)
    }
}
