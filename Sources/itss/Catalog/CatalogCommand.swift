import ArgumentParser

/// `itss catalog …`: browse, search, export, import and lint ITSS standards.
struct CatalogCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "catalog",
        abstract: "Browse, search, export, import and lint ITSS standards.",
        subcommands: [
            CatalogListCommand.self, CatalogShowCommand.self, CatalogSearchCommand.self, CatalogExportCommand.self,
            CatalogImportCommand.self, CatalogLintCommand.self,
        ]
    )
}
