import ITSSDomain
import ITSSImport
import SQLKit

/// Everything a bulk import checks rows against, read once at its start.
struct BulkDirectory {
    var personIDs: [String: Int64] = [:]
    var orgUnitOfPerson: [Int64: Int64] = [:]
    var orgUnitIDs: [String: Int64] = [:]
    var parentOfUnit: [Int64: Int64] = [:]
    /// Sub-units and members of each unit, so that an evaluator's people come from a walk down their units
    /// instead of a scan of everyone per evaluator (imports with thousands of verifying team leads).
    var childrenOfUnit: [Int64: [Int64]] = [:]
    var membersOfUnit: [Int64: [Int64]] = [:]

    static func read(_ sql: any SQLDatabase) async throws -> BulkDirectory {
        var directory = BulkDirectory()
        for row in try await sql.raw("SELECT id, employee_number, org_unit_id FROM people").all() {
            let id = try row.decode(column: "id", as: Int64.self)
            directory.personIDs[try row.decode(column: "employee_number", as: String.self)] = id
            if let unit = try row.decode(column: "org_unit_id", as: Int64?.self) { directory.orgUnitOfPerson[id] = unit }
        }
        for row in try await sql.raw("SELECT id, code, parent_id FROM org_units").all() {
            let id = try row.decode(column: "id", as: Int64.self)
            directory.orgUnitIDs[try row.decode(column: "code", as: String.self)] = id
            if let parent = try row.decode(column: "parent_id", as: Int64?.self) {
                directory.parentOfUnit[id] = parent
                directory.childrenOfUnit[parent, default: []].append(id)
            }
        }
        for (person, unit) in directory.orgUnitOfPerson { directory.membersOfUnit[unit, default: []].append(person) }
        return directory
    }

    func person(_ number: String, line: Int, column: String = "employee_number") -> Result<Int64, RowError> {
        if let id = personIDs[number] { return .success(id) }
        let hint = Suggestions.closest(to: number, among: Array(personIDs.keys.prefix(5000)))
        return .failure(RowError(line: line, column: column, message: "unknown person \"\(number)\"" + suggestionText(hint)))
    }

    /// The people an evaluator may evaluate: direct assignments and everyone in assigned units and their sub-units.
    func evaluees(of evaluatorID: Int64, _ sql: any SQLDatabase) async throws -> Set<Int64> {
        var people = Set<Int64>()
        var units = Set<Int64>()
        for row in try await sql.raw(
            "SELECT org_unit_id, person_id FROM evaluator_assignments WHERE evaluator_id = \(bind: evaluatorID) AND revoked_at IS NULL"
        ).all() {
            if let person = try row.decode(column: "person_id", as: Int64?.self) { people.insert(person) }
            if let unit = try row.decode(column: "org_unit_id", as: Int64?.self) { units.insert(unit) }
        }
        var pending = Array(units)
        var visited = Set<Int64>()
        while let unit = pending.popLast() {
            guard visited.insert(unit).inserted else { continue }
            people.formUnion(membersOfUnit[unit] ?? [])
            pending += childrenOfUnit[unit] ?? []
        }
        people.remove(evaluatorID)
        return people
    }
}

func suggestionText(_ suggestions: [String]) -> String {
    suggestions.isEmpty ? "" : "; did you mean " + suggestions.map { "\"\($0)\"" }.joined(separator: ", ") + "?"
}
