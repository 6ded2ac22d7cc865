import ITSSDomain

// Conversion from the domain model to the interchange format. Every switch below is exhaustive on
// purpose: a new domain case fails to compile here instead of silently changing the file format.

extension ExportedCatalog {
    /// The export of `catalog`; `diagnostics` are attached to the standards whose key they are filed under
    /// (entries for standards that are not in the catalog are ignored).
    init(_ catalog: Catalog, diagnostics: [StandardKey: [ITSSDomain.Diagnostic]]) {
        self.init(
            format: CatalogExport.format,
            formatVersion: CatalogExport.formatVersion,
            standards: catalog.standards.map { Standard($0, diagnostics: diagnostics[$0.key]) }
        )
    }
}

extension ExportedCatalog.Standard {
    init(_ standard: ITSSDomain.Standard, diagnostics: [ITSSDomain.Diagnostic]?) {
        self.init(
            name: standard.key.name,
            version: standard.key.version,
            source: ExportedCatalog.Source(
                fileName: standard.source.fileName, sha256: standard.source.sha256, lineCount: standard.source.lineCount),
            overview: standard.overview.map {
                ExportedCatalog.OverviewEntry(name: $0.name, knowledgeItems: $0.knowledgeItems, line: $0.line)
            },
            fields: standard.fields.map(ExportedCatalog.Field.init),
            diagnostics: diagnostics?.map(ExportedCatalog.Diagnostic.init)
        )
    }
}

extension ExportedCatalog.Field {
    init(_ field: SpecialtyField) {
        let kind: ExportedCatalog.FieldKind =
            switch field.kind {
            case .specialty: .specialty
            case .sharedLevels: .sharedLevels
            }
        self.init(
            name: field.name,
            kind: kind,
            line: field.line,
            definedLevels: field.definedLevels,
            scaleConditions: field.scaleConditions.map {
                ExportedCatalog.FieldLevel(
                    level: $0.level, scale: ExportedCatalog.Scale($0.condition),
                    agreeingItems: $0.agreeingItems, totalItems: $0.totalItems)
            },
            items: field.items.map(ExportedCatalog.Item.init)
        )
    }
}

extension ExportedCatalog.Item {
    init(_ item: SkillItem) {
        let scope: ExportedCatalog.Scope =
            switch item.scope {
            case .common: .common
            case .specific: .specific
            }
        self.init(
            name: item.name, scope: scope, line: item.line, knowledgeItems: item.knowledgeItems,
            levels: item.levels.map(ExportedCatalog.Level.init))
    }
}

extension ExportedCatalog.Level {
    init(_ description: LevelDescription) {
        self.init(
            level: description.level,
            text: description.text,
            // Only when an erratum applies: otherwise it would repeat `text` for every level.
            sourceText: description.erratum.map(\.originalText),
            erratum: description.erratum.map { ExportedCatalog.Erratum(id: $0.id, reason: $0.reason) },
            line: description.line,
            scale: ExportedCatalog.Scale(description.scale)
        )
    }
}

extension ExportedCatalog.Scale {
    init(_ condition: ScaleCondition) {
        self.init(
            role: condition.role.map(ExportedCatalog.Role.init),
            thresholds: condition.thresholds.map(ExportedCatalog.Threshold.init))
    }
}

extension ExportedCatalog.Role {
    init(_ role: ITSSDomain.Role) {
        switch role {
        case .member: self = .member
        case .leader: self = .leader
        case .responsiblePerson: self = .responsiblePerson
        }
    }
}

extension ExportedCatalog.Threshold {
    init(_ threshold: ScaleThreshold) {
        self.init(
            measure: ExportedCatalog.Measure(threshold.measure), minimum: threshold.minimum, upperBound: threshold.upperBound)
    }
}

extension ExportedCatalog.Measure {
    init(_ measure: ScaleMeasure) {
        switch measure {
        case .peakStaff: self = .peakStaff
        case .annualContractYen: self = .annualContractYen
        case .installationSites: self = .installationSites
        case .annualInquiries: self = .annualInquiries
        }
    }
}

extension ExportedCatalog.Diagnostic {
    init(_ diagnostic: ITSSDomain.Diagnostic) {
        let severity: ExportedCatalog.Severity =
            switch diagnostic.severity {
            case .info: .info
            case .warning: .warning
            case .error: .error
            }
        self.init(
            severity: severity, code: diagnostic.code.rawValue, line: diagnostic.line, field: diagnostic.field,
            item: diagnostic.item, level: diagnostic.level, message: diagnostic.message)
    }
}
