import ITSSDomain
import ITSSStorage

/// A specialty field named by the other read models: its id (for `/catalog/fields/{fieldId}`) and names.
struct APIFieldRef: Encodable, Sendable {
    var id: String?
    var standard: String
    var version: String
    var name: String

    init(_ reference: FieldReference, id: Int64?) {
        self.id = id.map(String.init)
        standard = reference.standard.name
        version = reference.standard.version
        name = reference.field
    }
}

/// `GET /catalog/fields`: the standards with their fields.
struct APICatalogStandard: Encodable, Sendable {
    var name: String
    var version: String
    var fields: [Field]

    struct Field: Encodable, Sendable {
        var id: String
        var name: String
        /// `specialty`, or `shared_levels` for a section that supplies levels to every field.
        var kind: String
        var itemCount: Int
        var definedLevels: [Int]
    }

    /// Groups the summaries by standard, keeping catalog order.
    static func group(_ summaries: [CatalogFieldSummary]) -> [APICatalogStandard] {
        var result: [APICatalogStandard] = []
        for summary in summaries {
            let field = Field(
                id: String(summary.id), name: summary.reference.field, kind: APIText.fieldKind(summary.kind),
                itemCount: summary.itemCount, definedLevels: summary.definedLevels)
            if let last = result.indices.last, result[last].name == summary.reference.standard.name,
                result[last].version == summary.reference.standard.version
            {
                result[last].fields.append(field)
            } else {
                result.append(
                    APICatalogStandard(
                        name: summary.reference.standard.name, version: summary.reference.standard.version, fields: [field]))
            }
        }
        return result
    }
}

/// `GET /catalog/fields/{fieldId}`: the field as assessed, every item with its level texts.
struct APICatalogField: Encodable, Sendable {
    var id: String
    var standard: String
    var version: String
    var name: String
    var kind: String
    var definedLevels: [Int]
    var items: [Item]

    struct Item: Encodable, Sendable {
        var id: String
        var name: String
        /// `common` to the job category or `specific` to the field.
        var scope: String
        var levels: [Level]
        var knowledgeItems: [String]
    }

    struct Level: Encodable, Sendable {
        var level: Int
        var text: String
    }

    init(_ detail: CatalogFieldDetail) {
        id = String(detail.id)
        standard = detail.reference.standard.name
        version = detail.reference.standard.version
        name = detail.reference.field
        kind = APIText.fieldKind(detail.field.kind)
        definedLevels = detail.field.definedLevels
        items = detail.field.items.map { item in
            Item(
                id: detail.itemIDs[item.name].map(String.init) ?? "", name: item.name, scope: item.scope.rawValue,
                levels: item.levels.map { Level(level: $0.level, text: $0.text) }, knowledgeItems: item.knowledgeItems)
        }
    }
}

/// One hit of `GET /catalog/search`.
struct APISearchHit: Encodable, Sendable {
    var standard: String
    var version: String
    var field: String
    var item: String
    var level: Int?
    /// `item_name`, `knowledge_item` or `level_text`.
    var kind: String
    var text: String
    var score: Double

    init(_ hit: SearchHit) {
        standard = hit.standard.name
        version = hit.standard.version
        field = hit.field
        item = hit.item
        level = hit.level
        kind = hit.kind.rawValue
        text = hit.text
        score = hit.score
    }
}

/// The API's spelling of domain enumerations (snake_case values, as the keys are).
enum APIText {
    static func fieldKind(_ kind: FieldKind) -> String {
        kind == .sharedLevels ? "shared_levels" : "specialty"
    }

    static func role(_ role: Role) -> String { role.rawValue }

    static func planStatus(_ status: PlanActionStatus) -> String {
        switch status {
        case .open: "open"
        case .inProgress: "in_progress"
        case .done: "done"
        case .dropped: "dropped"
        }
    }

    static func planStatus(_ text: String) -> PlanActionStatus? {
        PlanActionStatus.allCases.first { planStatus($0) == text }
    }

    static func planKind(_ kind: PlanActionKind) -> String {
        switch kind {
        case .learnKnowledge: "learn_knowledge"
        case .takeRole: "take_role"
        case .training: "training"
        case .certification: "certification"
        }
    }

    static func planKind(_ text: String) -> PlanActionKind? {
        PlanActionKind.allCases.first { planKind($0) == text }
    }
}

/// What importing a catalog document did, with the document's diagnostics.
struct APICatalogImport: Encodable, Sendable {
    /// `created`, `unchanged` or `replaced`.
    var outcome: String
    var standard: String
    var version: String
    var revision: Int
    /// Items no longer in the replacing text, kept and retired.
    var retiredItems: Int
    var diagnostics: [APIDiagnostic]

    init(_ outcome: CatalogImportOutcome, diagnostics: [Diagnostic]) {
        let key: StandardKey
        switch outcome {
        case let .created(created):
            key = created
            self.outcome = "created"
            revision = 1
            retiredItems = 0
        case let .unchanged(unchanged, stored):
            key = unchanged
            self.outcome = "unchanged"
            revision = stored
            retiredItems = 0
        case let .replaced(replaced, stored, retired):
            key = replaced
            self.outcome = "replaced"
            revision = stored
            retiredItems = retired
        }
        standard = key.name
        version = key.version
        self.diagnostics = diagnostics.map(APIDiagnostic.init)
    }
}

/// A finding about a source document: where it is and what is wrong.
struct APIDiagnostic: Encodable, Sendable {
    var severity: String
    var code: String
    var line: Int
    var field: String?
    var item: String?
    var level: Int?
    var message: String

    init(_ diagnostic: Diagnostic) {
        severity = diagnostic.severity.rawValue
        code = diagnostic.code.rawValue
        line = diagnostic.line
        field = diagnostic.field
        item = diagnostic.item
        level = diagnostic.level
        message = diagnostic.message
    }
}
