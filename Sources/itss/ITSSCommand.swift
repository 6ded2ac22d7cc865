import ArgumentParser

/// `itss`: the IT Skill Standard catalog, assessments and levels.
@main
struct ITSSCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "itss",
        abstract: "The IT Skill Standard (ITSS) catalog, assessments and levels.",
        discussion: """
            Data lives in an embedded SQLite file under $ITSS_DATA_DIR (default ./data); set
            DATABASE_URL=postgres://… to use PostgreSQL. The built-in standards are loaded on first use.
            """,
        subcommands: [
            CatalogCommand.self, CrosswalkCommand.self, OrgCommand.self, PersonCommand.self, EvaluatorCommand.self,
            AssessCommand.self, ExperienceCommand.self, LevelCommand.self, GapCommand.self, PlanCommand.self,
            ProfileCommand.self, MapCommand.self, TrendsCommand.self, CoverageCommand.self, StaffingCommand.self,
            ImportCommand.self, DemoCommand.self, MigrateCommand.self, ServeCommand.self, UserCommand.self,
            TokenCommand.self,
        ]
    )
}
