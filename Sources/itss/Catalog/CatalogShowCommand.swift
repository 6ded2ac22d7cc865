import ArgumentParser
import ITSSDomain
import ITSSStorage

/// `itss catalog show FIELD [--item ITEM [--level N]]`.
struct CatalogShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show a specialty field's skill-item × level matrix and knowledge items, or one level text.",
        discussion: """
            FIELD may be an exact name, an unambiguous prefix, or qualified with an edition or job category
            ("V2:Service desk", "Operations:Service").
            """
    )

    @Argument(help: "The specialty field.")
    var field: String

    @Option(help: "A skill item of the field (exact name or unambiguous prefix).")
    var item: String?

    @Option(help: "With --item: the level (1–7) whose full proficiency text to print.")
    var level: Int?

    @Flag(help: "Print JSON.")
    var json = false

    func validate() throws {
        if level != nil, item == nil { throw ValidationError("--level needs --item") }
        if let level, !(1...7).contains(level) { throw ValidationError("--level must be between 1 and 7, not \(level)") }
    }

    func run() async throws {
        try await reportingErrors {
            let catalog = try await DatabaseSession.with { try await $0.catalog() }
            let reference = try FieldLookup.resolve(field, in: catalog)
            guard let standard = catalog.standard(reference.standard), let stated = standard.field(named: reference.field) else {
                throw CLIError("field \(reference) vanished while reading")
            }
            let effective = standard.effectiveField(stated)
            guard let itemQuery = item else {
                if json { return try Output.json(effective) }
                return Output.line(FieldMatrix.render(effective, of: standard))
            }
            let skillItem = try ItemLookup.resolve(itemQuery, in: effective)
            guard let level else {
                if json { return try Output.json(skillItem) }
                return Output.line(ItemDetail.render(skillItem, field: effective, standard: standard))
            }
            guard let description = skillItem.description(atLevel: level) else {
                throw CLIError(
                    "\"\(skillItem.name)\" has no text at level \(level); it defines levels "
                        + skillItem.definedLevels.map(String.init).joined(separator: ", "))
            }
            if json { return try Output.json(description) }
            Output.line(ItemDetail.renderLevel(description, item: skillItem, field: effective, standard: standard))
        }
    }
}
