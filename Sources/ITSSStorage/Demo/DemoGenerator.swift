import ITSSDomain
import ITSSImport
import SQLKit

extension AppDatabase {
    /// The fields demo people work in: several of both standards.
    static let demoFields = [
        "V3:Service Desk", "V3:Operation", "V3:System Management", "V3:Operation Management", "V2:Service desk",
        "V2:System operation", "V2:Network operation",
    ]
    static let demoCycles = ["2025H1", "2025H2", "2026H1"].compactMap(Cycle.init)

    /// Builds a deterministic synthetic organisation — org tree, people, evaluators, three cycles of approved
    /// assessments, verified and pending experience, some plans — through the same use cases as the bulk imports
    /// and the CLI (`createOrgUnit`, `assignEvaluator`, `importPeople`, `importAssessments`, `importExperience`,
    /// `createPlan`), so every row passes the same checks.
    ///
    /// People are generated and imported `peoplePerChunk` at a time, each import its own transaction: memory
    /// holds one chunk, and an interrupted demo leaves whole chunks behind (start again in a fresh database).
    /// - Parameters:
    ///   - force: Add another demo organisation (with its own codes) to a database the demo made.
    ///   - progress: Called with a line of progress now and then.
    /// - Throws: `StorageError.refused` for a database that already holds people (unless made by the demo and
    ///   `force`), `.forbidden` without the right to generate demo data, or an import's error.
    public func generateDemo(
        people count: Int, seed: UInt64, force: Bool = false, peoplePerChunk: Int = 10_000, by principal: Principal,
        progress: @escaping @Sendable (String) -> Void = { _ in }
    ) async throws -> DemoSummary {
        guard count >= 2 else { throw StorageError.refused(reason: "a demo organisation needs at least 2 people") }
        let location = self.location.description
        let run = try await transaction { sql in
            try await self.authorize(sql, principal, .demoGenerate, person: nil)
            let people = try await sql.raw("SELECT COUNT(*) AS n FROM people").first()?.decode(column: "n", as: Int.self) ?? 0
            let demos =
                try await sql.raw("SELECT COUNT(*) AS n FROM audit_log WHERE action = \(bind: AuditAction.demoGenerate.rawValue)")
                .first()?.decode(column: "n", as: Int.self) ?? 0
            if people > 0 {
                guard demos > 0 else {
                    throw StorageError.refused(
                        reason:
                            "\(location) already holds \(people) people who were not made by itss demo; "
                            + "run the demo against a fresh database (an empty ITSS_DATA_DIR)")
                }
                guard force else {
                    throw StorageError.refused(
                        reason:
                            "\(location) already holds a demo organisation (\(people) people); use --force to add another, "
                            + "or start from a fresh database (an empty ITSS_DATA_DIR)")
                }
            }
            // The entry marks the database as made by the demo before anything else is written.
            try await self.audit(
                sql, principal, .demoGenerate, subject: "demo organisation", detail: "\(count) people, seed \(seed)")
            return demos + 1
        }
        let index = try await catalogIndex()
        var fields: [CatalogIndex.FieldEntry] = []
        for name in Self.demoFields { fields.append(try index.resolveField(name, assessable: true)) }
        let plan = DemoPlan(people: count, seed: seed, prefix: run == 1 ? "" : "R\(run)-")
        var summary = DemoSummary()
        summary.orgLevels = 4

        progress("Org units: \(plan.units.count) (company, divisions, departments, teams)…")
        var unitIDs: [Int64] = []
        for unit in plan.units {
            let created = try await createOrgUnit(
                code: unit.code, name: unit.name, parentID: unit.parent.map { unitIDs[$0] }, by: principal)
            unitIDs.append(created.id)
        }
        summary.orgUnits = plan.units.count

        var teamOf = [Int](repeating: -1, count: count + 1)
        for (position, team) in plan.teams.enumerated() {
            for person in team.first..<min(team.end, count + 1) { teamOf[person] = position }
        }
        let generator = DemoPeople(plan: plan, seed: seed, fields: fields, teamOf: teamOf)
        var chiefID: Int64?
        var first = 1
        // The next chunk is generated on another thread while this one is written.
        let chunkSize = max(peoplePerChunk, 1)
        var generating = Task { generator.chunk(1..<min(1 + chunkSize, count + 1)) }
        while first <= count {
            let end = min(first + chunkSize, count + 1)
            let chunk = await generating.value
            if end <= count {
                let next = end..<min(end + chunkSize, count + 1)
                generating = Task { generator.chunk(next) }
            }
            try await importPeople(ParsedRows(rows: chunk.people), by: principal)
            summary.people += chunk.people.count
            if chiefID == nil {
                let id = try await personID(plan.employeeNumber(1))
                try await assignEvaluator(id, to: .orgUnit(unitIDs[0]), by: principal)
                summary.evaluators += 1
                chiefID = id
            }
            for team in plan.teams where team.first >= first && team.first < end && team.end - team.first > 1 {
                let lead = try await personID(plan.employeeNumber(team.first))
                try await assignEvaluator(lead, to: .orgUnit(unitIDs[team.unit]), by: principal)
                summary.evaluators += 1
            }
            // Records before assessments: the assessment import computes the levels once, from its own ratings
            // and the stored records, instead of the record import reading every rating back.
            let recorded = try await importExperience(ParsedRows(rows: chunk.records), by: principal)
            summary.experienceRecords += recorded.created
            summary.verifiedRecords += chunk.records.count { $0.verifiedBy != nil }
            let assessed = try await importAssessments(ParsedRows(rows: chunk.ratings), approvedBy: chiefID, by: principal)
            summary.assessments += assessed.created
            summary.ratings += assessed.rows
            summary.levelsComputed += assessed.levelsComputed
            progress(
                "People \(end - 1) of \(count): \(summary.assessments) assessments, \(summary.experienceRecords) records…")
            first = end
        }

        // Plans for about 3 % of the people (at most 1,000: each is a use case of its own), towards the level above
        // their aim in their first field.
        var random = SplitMix64(seed: seed ^ 0x504C_414E)
        let wanted = min(max(count * 3 / 100, 1), 1_000)
        var tried = Set<Int>()
        while summary.plans < wanted, tried.count < min(count, wanted * 3) {
            let person = random.int(2...count)
            guard tried.insert(person).inserted else { continue }
            let profile = generator.profile(person)
            guard let field = profile.fields.first else { continue }
            let target = min(profile.aims[0] + 1, field.compiled.definedLevels.max() ?? 1)
            do {
                try await createPlan(
                    personID: try await personID(plan.employeeNumber(person)), fieldID: field.id, target: target,
                    by: principal)
                summary.plans += 1
            } catch is GapError {
                continue  // the target is not a level of the field: pick someone else
            }
        }
        progress("Plans: \(summary.plans)")
        return summary
    }
}
