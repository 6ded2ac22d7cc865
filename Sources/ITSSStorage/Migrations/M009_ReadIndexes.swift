import FluentKit

/// Indexes for reads that must not grow with the organisation: a person's plans, stored levels by field (skill
/// maps), who evaluates a unit or a person, people of a unit in employee-number order (paged lists), a field's
/// people (bulk level computation), a person's assessments newest first.
struct M009_ReadIndexes: AsyncMigration {
    var name: String { "M009_ReadIndexes" }

    func prepare(on database: any Database) async throws {
        try await SchemaSQL(database).run([
            "CREATE INDEX development_plans_person ON development_plans (person_id)",
            "CREATE INDEX person_levels_field ON person_levels (field_id, basis, level)",
            "CREATE INDEX evaluator_assignments_org_unit ON evaluator_assignments (org_unit_id)",
            "CREATE INDEX evaluator_assignments_person ON evaluator_assignments (person_id)",
            "CREATE INDEX people_org_unit_number ON people (org_unit_id, employee_number)",
            "CREATE INDEX person_fields_field ON person_fields (field_id)",
            "CREATE INDEX assessments_person_cycle ON assessments (person_id, cycle)",
            "CREATE INDEX org_units_parent ON org_units (parent_id)",
        ])
    }

    func revert(on database: any Database) async throws {
        try await SchemaSQL(database).run(
            [
                "development_plans_person", "person_levels_field", "evaluator_assignments_org_unit",
                "evaluator_assignments_person", "people_org_unit_number", "person_fields_field", "assessments_person_cycle",
                "org_units_parent",
            ].map { "DROP INDEX \($0)" })
    }
}
