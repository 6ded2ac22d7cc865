extension Standard {
    /// A specialty field with the levels its standard's shared-level sections supply merged in.
    ///
    /// V2 Operations: "Common to Level 1, 2" supplies levels 1 and 2 of every field; its items merge with the
    /// field's items by name. A level the field states itself wins over the shared text. Shared items the
    /// field lacks are appended. Shared-level sections themselves are returned unchanged.
    public func effectiveField(_ field: SpecialtyField) -> SpecialtyField {
        guard field.kind == .specialty, !sharedLevelSections.isEmpty else { return field }
        var items = field.items
        for section in sharedLevelSections {
            for shared in section.items {
                if let index = items.firstIndex(where: { $0.name == shared.name }) {
                    let own = Set(items[index].definedLevels)
                    let merged = items[index].levels + shared.levels.filter { !own.contains($0.level) }
                    items[index] = SkillItem(
                        name: items[index].name, scope: items[index].scope, levels: merged,
                        knowledgeItems: items[index].knowledgeItems, line: items[index].line)
                } else {
                    items.append(shared)
                }
            }
        }
        return SpecialtyField(name: field.name, kind: field.kind, items: items, line: field.line)
    }

    /// Whether `level` of item `itemName` in `field` comes from a shared-level section rather than the field.
    public func isSharedLevel(_ level: Int, item itemName: String, in field: SpecialtyField) -> Bool {
        let stated = self.field(named: field.name) ?? field
        guard stated.kind == .specialty, stated.item(named: itemName)?.description(atLevel: level) == nil else { return false }
        return sharedLevelSections.contains { $0.item(named: itemName)?.description(atLevel: level) != nil }
    }
}
