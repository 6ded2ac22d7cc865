import ITSSDomain
import SQLKit

/// A stored standard's identity and import facts, for listings.
public struct StoredStandard: Sendable, Hashable, Codable {
    public var key: StandardKey
    public var revision: Int
    public var sourceFile: String
    public var sourceSHA256: String
    public var errataApplied: Bool
    public var importedAt: String
}

extension AppDatabase {
    /// The stored standards, in catalog order.
    /// - Throws: database errors.
    public func storedStandards() async throws -> [StoredStandard] {
        try await sql().raw(
            "SELECT name, version, revision, source_file, source_sha256, errata_applied, imported_at FROM standards"
        ).all().map { row in
            StoredStandard(
                key: StandardKey(
                    name: try row.decode(column: "name", as: String.self),
                    version: try row.decode(column: "version", as: String.self)),
                revision: try row.decode(column: "revision", as: Int.self),
                sourceFile: try row.decode(column: "source_file", as: String.self),
                sourceSHA256: try row.decode(column: "source_sha256", as: String.self),
                errataApplied: try row.decode(column: "errata_applied", as: Bool.self),
                importedAt: try row.decode(column: "imported_at", as: String.self))
        }.sorted { $0.key < $1.key }
    }

    /// The current catalog (retired fields and items left out), assembled from the relational rows.
    /// - Throws: database errors, `StorageError.corrupt` for unreadable rows.
    public func catalog() async throws -> Catalog {
        let sql = try sql()
        let levelRows = try await sql.raw(
            """
            SELECT l.item_id, l.level, l.text, l.source_text, l.erratum_id, l.erratum_reason, l.source_line, l.scale_json
            FROM level_texts l ORDER BY l.item_id, l.level
            """
        ).all()
        var levelsByItem: [Int64: [LevelDescription]] = [:]
        for row in levelRows {
            let erratumID = try row.decode(column: "erratum_id", as: String?.self)
            let erratum = try erratumID.map { id in
                AppliedErratum(
                    id: id, reason: try row.decode(column: "erratum_reason", as: String?.self) ?? "",
                    originalText: try row.decode(column: "source_text", as: String?.self) ?? "")
            }
            levelsByItem[try row.decode(column: "item_id", as: Int64.self), default: []].append(
                LevelDescription(
                    level: try row.decode(column: "level", as: Int.self),
                    text: try row.decode(column: "text", as: String.self),
                    scale: try CatalogRowCoding.decode(
                        ScaleCondition.self, from: try row.decode(column: "scale_json", as: String.self),
                        column: "level_texts.scale_json"),
                    line: try row.decode(column: "source_line", as: Int.self),
                    erratum: erratum))
        }
        var knowledgeByItem: [Int64: [String]] = [:]
        for row in try await sql.raw("SELECT item_id, name FROM knowledge_items ORDER BY item_id, position").all() {
            knowledgeByItem[try row.decode(column: "item_id", as: Int64.self), default: []].append(
                try row.decode(column: "name", as: String.self))
        }
        var itemsByField: [Int64: [SkillItem]] = [:]
        for row in try await sql.raw(
            "SELECT id, field_id, name, scope, source_line FROM skill_items WHERE retired_in_revision IS NULL ORDER BY field_id, position"
        ).all() {
            let id = try row.decode(column: "id", as: Int64.self)
            let scope = SkillItemScope(rawValue: try row.decode(column: "scope", as: String.self)) ?? .specific
            itemsByField[try row.decode(column: "field_id", as: Int64.self), default: []].append(
                SkillItem(
                    name: try row.decode(column: "name", as: String.self), scope: scope, levels: levelsByItem[id] ?? [],
                    knowledgeItems: knowledgeByItem[id] ?? [], line: try row.decode(column: "source_line", as: Int.self)))
        }
        var fieldsByStandard: [Int64: [SpecialtyField]] = [:]
        for row in try await sql.raw(
            "SELECT id, standard_id, name, kind, source_line FROM specialty_fields WHERE retired_in_revision IS NULL ORDER BY standard_id, position"
        ).all() {
            let id = try row.decode(column: "id", as: Int64.self)
            let kind = FieldKind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .specialty
            fieldsByStandard[try row.decode(column: "standard_id", as: Int64.self), default: []].append(
                SpecialtyField(
                    name: try row.decode(column: "name", as: String.self), kind: kind, items: itemsByField[id] ?? [],
                    line: try row.decode(column: "source_line", as: Int.self)))
        }
        var overviewByStandard: [Int64: [OverviewEntry]] = [:]
        for row in try await sql.raw(
            "SELECT standard_id, name, knowledge_json, source_line FROM overview_entries ORDER BY standard_id, position"
        ).all() {
            overviewByStandard[try row.decode(column: "standard_id", as: Int64.self), default: []].append(
                OverviewEntry(
                    name: try row.decode(column: "name", as: String.self),
                    knowledgeItems: try CatalogRowCoding.decode(
                        [String].self, from: try row.decode(column: "knowledge_json", as: String.self),
                        column: "overview_entries.knowledge_json"),
                    line: try row.decode(column: "source_line", as: Int.self)))
        }
        let standards = try await sql.raw(
            "SELECT id, name, version, source_file, source_sha256, line_count FROM standards"
        ).all().map { row in
            let id = try row.decode(column: "id", as: Int64.self)
            return Standard(
                key: StandardKey(
                    name: try row.decode(column: "name", as: String.self),
                    version: try row.decode(column: "version", as: String.self)),
                fields: fieldsByStandard[id] ?? [], overview: overviewByStandard[id] ?? [],
                source: SourceInfo(
                    fileName: try row.decode(column: "source_file", as: String.self),
                    sha256: try row.decode(column: "source_sha256", as: String.self),
                    lineCount: try row.decode(column: "line_count", as: Int.self)))
        }
        return Catalog(standards: standards)
    }

    /// The diagnostics recorded with the current revision of a standard.
    /// - Throws: database errors.
    public func importDiagnostics(of key: StandardKey) async throws -> [Diagnostic] {
        try await sql().raw(
            """
            SELECT d.severity, d.code, d.source_line, d.field, d.item, d.level, d.message
            FROM import_diagnostics d
            JOIN standard_revisions r ON r.id = d.revision_id
            JOIN standards s ON s.id = r.standard_id AND s.revision = r.revision
            WHERE s.name = \(bind: key.name) AND s.version = \(bind: key.version)
            ORDER BY d.id
            """
        ).all().compactMap { row in
            guard let severity = Severity(rawValue: try row.decode(column: "severity", as: String.self)),
                let code = DiagnosticCode(rawValue: try row.decode(column: "code", as: String.self))
            else { return nil }
            return Diagnostic(
                severity, code, line: try row.decode(column: "source_line", as: Int.self),
                field: try row.decode(column: "field", as: String?.self), item: try row.decode(column: "item", as: String?.self),
                level: try row.decode(column: "level", as: Int?.self), message: try row.decode(column: "message", as: String.self)
            )
        }
    }

    /// How many revisions of a standard are kept.
    /// - Throws: database errors.
    public func revisionCount(of key: StandardKey) async throws -> Int {
        try await sql().raw(
            """
            SELECT COUNT(*) AS n FROM standard_revisions r JOIN standards s ON s.id = r.standard_id
            WHERE s.name = \(bind: key.name) AND s.version = \(bind: key.version)
            """
        ).first().map { try $0.decode(column: "n", as: Int.self) } ?? 0
    }
}
