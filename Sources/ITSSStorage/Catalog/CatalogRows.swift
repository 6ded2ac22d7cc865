import ITSSDomain
import SQLKit

/// Writes the rows of one standard inside an import transaction, matching fields and items by name.
enum CatalogRows {
    static func write(_ sql: any SQLDatabase, standardID: Int64, standard: Standard) async throws {
        for (fieldPosition, field) in standard.fields.enumerated() {
            let fieldID = try await upsertField(sql, standardID: standardID, field: field, position: fieldPosition)
            try await sql.raw("DELETE FROM field_level_conditions WHERE field_id = \(bind: fieldID)").run()
            for condition in field.scaleConditions {
                try await sql.raw(
                    """
                    INSERT INTO field_level_conditions (field_id, level, role, min_staff, min_contract_yen, scale_json,
                        agreeing_items, total_items)
                    VALUES (\(bind: fieldID), \(bind: condition.level), \(bind: condition.condition.role?.rawValue),
                        \(bind: condition.condition.minimumStaff), \(bind: condition.condition.minimumContractYen),
                        \(bind: try CatalogRowCoding.json(condition.condition)), \(bind: condition.agreeingItems),
                        \(bind: condition.totalItems))
                    """
                ).run()
            }
            for (itemPosition, item) in field.items.enumerated() {
                let itemID = try await upsertItem(sql, fieldID: fieldID, item: item, position: itemPosition)
                try await writeLevels(sql, itemID: itemID, item: item)
                try await writeKnowledge(sql, itemID: itemID, item: item)
            }
        }
        try await sql.raw("DELETE FROM overview_entries WHERE standard_id = \(bind: standardID)").run()
        for (position, entry) in standard.overview.enumerated() {
            try await sql.raw(
                """
                INSERT INTO overview_entries (standard_id, position, name, knowledge_json, source_line)
                VALUES (\(bind: standardID), \(bind: position), \(bind: entry.name),
                    \(bind: try CatalogRowCoding.json(entry.knowledgeItems)), \(bind: entry.line))
                """
            ).run()
        }
    }

    /// Marks fields and items that the new text no longer has as retired in `revision`; returns how many items.
    static func retireMissing(_ sql: any SQLDatabase, standardID: Int64, standard: Standard, revision: Int) async throws -> Int {
        var retiredItems = 0
        let fieldRows = try await sql.raw(
            "SELECT id, name FROM specialty_fields WHERE standard_id = \(bind: standardID) AND retired_in_revision IS NULL"
        ).all()
        for row in fieldRows {
            let fieldID = try row.decode(column: "id", as: Int64.self)
            let name = try row.decode(column: "name", as: String.self)
            let field = standard.field(named: name)
            let itemRows = try await sql.raw(
                "SELECT id, name FROM skill_items WHERE field_id = \(bind: fieldID) AND retired_in_revision IS NULL"
            ).all()
            for itemRow in itemRows where field?.item(named: try itemRow.decode(column: "name", as: String.self)) == nil {
                let itemID = try itemRow.decode(column: "id", as: Int64.self)
                try await sql.raw("UPDATE skill_items SET retired_in_revision = \(bind: revision) WHERE id = \(bind: itemID)")
                    .run()
                retiredItems += 1
            }
            if field == nil {
                try await sql.raw(
                    "UPDATE specialty_fields SET retired_in_revision = \(bind: revision) WHERE id = \(bind: fieldID)"
                ).run()
            }
        }
        return retiredItems
    }

    static func writeDiagnostics(_ sql: any SQLDatabase, revisionID: Int64, diagnostics: [Diagnostic]) async throws {
        guard !diagnostics.isEmpty else { return }
        var insert = sql.insert(into: "import_diagnostics")
            .columns("revision_id", "severity", "code", "source_line", "field", "item", "level", "message")
        for diagnostic in diagnostics {
            insert = insert.values(
                SQLBind(revisionID), SQLBind(diagnostic.severity.rawValue), SQLBind(diagnostic.code.rawValue),
                SQLBind(diagnostic.line), SQLBind(diagnostic.field), SQLBind(diagnostic.item), SQLBind(diagnostic.level),
                SQLBind(diagnostic.message))
        }
        try await insert.run()
    }

    private static func upsertField(
        _ sql: any SQLDatabase, standardID: Int64, field: SpecialtyField, position: Int
    ) async throws -> Int64 {
        if let row = try await sql.raw(
            "SELECT id FROM specialty_fields WHERE standard_id = \(bind: standardID) AND name = \(bind: field.name)"
        ).first() {
            let id = try row.decode(column: "id", as: Int64.self)
            try await sql.raw(
                """
                UPDATE specialty_fields SET kind = \(bind: field.kind.rawValue), position = \(bind: position),
                    source_line = \(bind: field.line), retired_in_revision = NULL
                WHERE id = \(bind: id)
                """
            ).run()
            return id
        }
        return try await insertReturningID(
            sql,
            """
            INSERT INTO specialty_fields (standard_id, name, kind, position, source_line)
            VALUES (\(bind: standardID), \(bind: field.name), \(bind: field.kind.rawValue), \(bind: position), \(bind: field.line))
            RETURNING id
            """)
    }

    private static func upsertItem(_ sql: any SQLDatabase, fieldID: Int64, item: SkillItem, position: Int) async throws -> Int64 {
        if let row = try await sql.raw(
            "SELECT id FROM skill_items WHERE field_id = \(bind: fieldID) AND name = \(bind: item.name)"
        ).first() {
            let id = try row.decode(column: "id", as: Int64.self)
            try await sql.raw(
                """
                UPDATE skill_items SET scope = \(bind: item.scope.rawValue), position = \(bind: position),
                    source_line = \(bind: item.line), retired_in_revision = NULL
                WHERE id = \(bind: id)
                """
            ).run()
            return id
        }
        return try await insertReturningID(
            sql,
            """
            INSERT INTO skill_items (field_id, name, scope, position, source_line)
            VALUES (\(bind: fieldID), \(bind: item.name), \(bind: item.scope.rawValue), \(bind: position), \(bind: item.line))
            RETURNING id
            """)
    }

    private static func writeLevels(_ sql: any SQLDatabase, itemID: Int64, item: SkillItem) async throws {
        try await sql.raw("DELETE FROM level_texts WHERE item_id = \(bind: itemID)").run()
        var insert = sql.insert(into: "level_texts").columns(
            "item_id", "level", "text", "source_text", "erratum_id", "erratum_reason", "source_line", "role", "min_staff",
            "min_contract_yen", "scale_json")
        for description in item.levels {
            insert = insert.values(
                SQLBind(itemID), SQLBind(description.level), SQLBind(description.text),
                SQLBind(description.erratum?.originalText),
                SQLBind(description.erratum?.id), SQLBind(description.erratum?.reason), SQLBind(description.line),
                SQLBind(description.scale.role?.rawValue), SQLBind(description.scale.minimumStaff),
                SQLBind(description.scale.minimumContractYen), SQLBind(try CatalogRowCoding.json(description.scale)))
        }
        try await insert.run()
    }

    private static func writeKnowledge(_ sql: any SQLDatabase, itemID: Int64, item: SkillItem) async throws {
        try await sql.raw("DELETE FROM knowledge_items WHERE item_id = \(bind: itemID)").run()
        guard !item.knowledgeItems.isEmpty else { return }
        var insert = sql.insert(into: "knowledge_items").columns("item_id", "position", "name")
        for (position, name) in item.knowledgeItems.enumerated() {
            insert = insert.values(SQLBind(itemID), SQLBind(position), SQLBind(name))
        }
        try await insert.run()
    }

    private static func insertReturningID(_ sql: any SQLDatabase, _ query: SQLQueryString) async throws -> Int64 {
        guard let row = try await sql.raw(query).first() else {
            throw StorageError.corrupt(detail: "an INSERT … RETURNING id returned no row")
        }
        return try row.decode(column: "id", as: Int64.self)
    }
}
