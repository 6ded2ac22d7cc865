import ITSSDomain
import ITSSImport
import SQLKit

/// Everything a bulk import checks rows against: every org unit, read at its start, and the people its rows
/// name, looked up a batch at a time by employee number (indexed). An import of a few rows into an organisation
/// of 200,000 people reads a few rows, not the people table.
struct BulkDirectory {
    /// A person the rows name.
    struct Person {
        var id: Int64
        var unit: Int64?
    }

    /// Who an evaluator evaluates: people assigned directly, and everyone in assigned units and their sub-units.
    struct EvaluatorScope {
        var evaluatorID: Int64
        var people: Set<Int64>
        var units: Set<Int64>
    }

    /// Unknown employee numbers get suggestions (a few bounded index reads each) up to this many; the rest are
    /// reported without, so that a file of a million wrong numbers does not cost a million lookups.
    static let suggestedUnknowns = 20

    private(set) var orgUnitIDs: [String: Int64] = [:]
    private var childrenOfUnit: [Int64: [Int64]] = [:]
    private var people: [String: Person] = [:]
    private var unitOfPerson: [Int64: Int64] = [:]
    /// Numbers looked up and not found, with their suggestions.
    private var unknown: [String: [String]] = [:]

    /// Reads the org units; people are looked up with `lookUp(_:_:)`.
    static func read(_ sql: any SQLDatabase) async throws -> BulkDirectory {
        var directory = BulkDirectory()
        for row in try await sql.raw("SELECT id, code, parent_id FROM org_units").all() {
            let id = try row.decode(column: "id", as: Int64.self)
            directory.orgUnitIDs[try row.decode(column: "code", as: String.self)] = id
            if let parent = try row.decode(column: "parent_id", as: Int64?.self) {
                directory.childrenOfUnit[parent, default: []].append(id)
            }
        }
        return directory
    }

    /// Looks up the people of these employee numbers not looked up before (`peoplePerLookup` per statement).
    mutating func lookUp(_ numbers: some Sequence<String>, _ sql: any SQLDatabase) async throws {
        var wanted = Set<String>()
        for number in numbers where people[number] == nil && unknown[number] == nil { wanted.insert(number) }
        let sorted = wanted.sorted()
        var start = 0
        while start < sorted.count {
            let end = min(start + BulkLevels.peoplePerLookup, sorted.count)
            let chunk = Array(sorted[start..<end])
            for row in try await sql.raw(
                "SELECT id, employee_number, org_unit_id FROM people WHERE employee_number IN (\(binds: chunk))"
            ).all() {
                let person = Person(
                    id: try row.decode(column: "id", as: Int64.self), unit: try row.decode(column: "org_unit_id", as: Int64?.self)
                )
                people[try row.decode(column: "employee_number", as: String.self)] = person
                if let unit = person.unit { unitOfPerson[person.id] = unit }
            }
            start = end
        }
        for number in sorted where people[number] == nil {
            unknown[number] =
                unknown.count < Self.suggestedUnknowns
                ? Suggestions.closest(
                    to: number,
                    among: try await PeopleQueries.neighbours(sql, of: number, column: "employee_number", table: "people"))
                : []
        }
    }

    /// The id of a looked-up person, or the row's error (with suggestions for the first unknown numbers).
    func person(_ number: String, line: Int, column: String = "employee_number") -> Result<Int64, RowError> {
        if let person = people[number] { return .success(person.id) }
        return .failure(
            RowError(line: line, column: column, message: "unknown person \"\(number)\"" + suggestionText(unknown[number] ?? [])))
    }

    /// Whether a person looked up already exists.
    func exists(_ number: String) -> Bool { people[number] != nil }

    /// Who an evaluator evaluates: their assignments and the org units below assigned ones (units only; people
    /// are matched by `evaluates(_:_:)`).
    func scope(of evaluatorID: Int64, _ sql: any SQLDatabase) async throws -> EvaluatorScope {
        var scope = EvaluatorScope(evaluatorID: evaluatorID, people: [], units: [])
        var pending: [Int64] = []
        for row in try await sql.raw(
            "SELECT org_unit_id, person_id FROM evaluator_assignments WHERE evaluator_id = \(bind: evaluatorID) AND revoked_at IS NULL"
        ).all() {
            if let person = try row.decode(column: "person_id", as: Int64?.self) { scope.people.insert(person) }
            if let unit = try row.decode(column: "org_unit_id", as: Int64?.self) { pending.append(unit) }
        }
        while let unit = pending.popLast() {
            guard scope.units.insert(unit).inserted else { continue }
            pending += childrenOfUnit[unit] ?? []
        }
        return scope
    }

    /// Whether the scope's evaluator evaluates a looked-up person: assigned directly or through the person's
    /// unit. Nobody evaluates themselves.
    func evaluates(_ scope: EvaluatorScope, _ personID: Int64) -> Bool {
        guard personID != scope.evaluatorID else { return false }
        if scope.people.contains(personID) { return true }
        guard let unit = unitOfPerson[personID] else { return false }
        return scope.units.contains(unit)
    }
}

func suggestionText(_ suggestions: [String]) -> String {
    suggestions.isEmpty ? "" : "; did you mean " + suggestions.map { "\"\($0)\"" }.joined(separator: ", ") + "?"
}
