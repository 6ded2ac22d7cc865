import FluentKit

/// Assessments made under a company tailoring profile (issue 9, part 4): the assessment names the profile version
/// it was made under, and the ratings of the profile's own items — which have no row in the catalog — are kept
/// apart from the ratings of ITSS items, so the official levels stay exactly as the standard defines them.
struct M019_AssessmentsUnderProfile: AsyncMigration {
    var name: String { "M019_AssessmentsUnderProfile" }

    func prepare(on database: any Database) async throws {
        let schema = try SchemaSQL(database)
        try await schema.run([
            "ALTER TABLE assessments ADD COLUMN profile_id BIGINT REFERENCES tailoring_profiles (id)",
            "ALTER TABLE assessments ADD COLUMN profile_version INTEGER CHECK (profile_version >= 1)",
            """
            CREATE TABLE company_item_ratings (
                \(schema.idColumn),
                assessment_id BIGINT NOT NULL REFERENCES assessments (id),
                item_name TEXT NOT NULL CHECK (length(item_name) > 0),
                self_level INTEGER CHECK (self_level BETWEEN 0 AND 7),
                evaluator_level INTEGER CHECK (evaluator_level BETWEEN 0 AND 7),
                note TEXT,
                evidence TEXT,
                evaluator_reason TEXT,
                CONSTRAINT company_item_ratings_item UNIQUE (assessment_id, item_name)
            )
            """,
        ])
    }

    func revert(on database: any Database) async throws {
        try await SchemaSQL(database).run([
            "DROP TABLE company_item_ratings",
            "ALTER TABLE assessments DROP COLUMN profile_version",
            "ALTER TABLE assessments DROP COLUMN profile_id",
        ])
    }
}
