import ITSSDomain

/// The terminal view of a field: conditions per level, the item × level matrix, then knowledge items.
enum FieldMatrix {
    static func render(_ field: SpecialtyField, of standard: Standard) -> String {
        var lines: [String] = []
        lines.append("\(field.name) — \(standard.key.name), ITSS \(standard.key.version)")
        lines.append("\(field.items.count) skill items; levels \(LevelRange.describe(field.definedLevels))")
        lines.append("")
        lines.append("Level conditions (what most of the field's items state):")
        for condition in field.scaleConditions.reversed() {
            lines.append(
                "  Level \(condition.level): \(condition.condition.summary)"
                    + (condition.agreeingItems < condition.totalItems
                        ? "  (\(condition.agreeingItems) of \(condition.totalItems) items)" : ""))
        }
        lines.append("")
        var table = TextTable(header: ["Skill item", "Scope"] + (1...7).map(String.init))
        for item in field.items {
            let cells = (1...7).map { level -> String in
                guard item.description(atLevel: level) != nil else { return "·" }
                return standard.isSharedLevel(level, item: item.name, in: field) ? "○" : "●"
            }
            table.rows.append([item.name, item.scope.rawValue] + cells)
        }
        lines.append(table.rendered())
        lines.append("● the item states a text at the level   ○ supplied by a shared-level section   · not defined")
        lines.append("")
        lines.append("Knowledge items:")
        for item in field.items {
            lines.append("  \(item.name)")
            for knowledge in item.knowledgeItems { lines.append("    - \(knowledge)") }
        }
        return lines.joined(separator: "\n")
    }
}

/// The terminal view of one item and of one level text.
enum ItemDetail {
    static func render(_ item: SkillItem, field: SpecialtyField, standard: Standard) -> String {
        var lines = ["\(item.name) (\(item.scope.rawValue)) — \(field.name), ITSS \(standard.key.version)", ""]
        for description in item.levels.reversed() {
            lines.append("Level \(description.level)  [\(description.scale.summary)]")
            lines.append(wrap(description.text, indent: "  "))
            lines.append("")
        }
        lines.append("Knowledge items:")
        for knowledge in item.knowledgeItems { lines.append("  - \(knowledge)") }
        return lines.joined(separator: "\n")
    }

    static func renderLevel(_ description: LevelDescription, item: SkillItem, field: SpecialtyField, standard: Standard) -> String
    {
        var lines = [
            "\(item.name), level \(description.level) — \(field.name), ITSS \(standard.key.version) (\(standard.source.fileName) line \(description.line))",
            "",
            wrap(description.text, indent: ""),
            "",
            "Scale condition: \(description.scale.summary)",
        ]
        if let erratum = description.erratum {
            lines.append("Erratum \(erratum.id): \(erratum.reason)")
            lines.append("Source wording: \(erratum.originalText)")
        }
        lines.append("")
        lines.append("Knowledge items: " + item.knowledgeItems.joined(separator: "; "))
        return lines.joined(separator: "\n")
    }

    /// Wraps text at about 100 columns on word boundaries.
    static func wrap(_ text: String, indent: String, width: Int = 100) -> String {
        var lines: [String] = []
        var current = indent
        for word in text.split(separator: " ") {
            if current.count + word.count + 1 > width, current.count > indent.count {
                lines.append(current)
                current = indent
            }
            current += (current.count > indent.count ? " " : "") + word
        }
        if current.count > indent.count { lines.append(current) }
        return lines.joined(separator: "\n")
    }
}
