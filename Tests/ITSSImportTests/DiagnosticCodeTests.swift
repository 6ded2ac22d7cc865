import Foundation
import ITSSDomain
import Testing

@testable import ITSSImport

/// Every `DiagnosticCode` is triggered by a small crafted document that yields exactly that one diagnostic,
/// at the expected line, field, item and level and with the expected severity; the clean document yields none.
@Suite
struct DiagnosticCodeTests {
    /// What one crafted variant must report.
    struct Case: Sendable, CustomTestStringConvertible {
        var code: DiagnosticCode
        var name: String
        var severity: Severity
        var document: @Sendable () -> CraftedDocument
        var errata: @Sendable () -> Errata = { .none }
        /// The expected line, field, item and level, looked up in the rendered document.
        var location: @Sendable (CraftedDocument.Rendered) -> Location

        var testDescription: String { "\(code.rawValue): \(name)" }
    }

    struct Location: Equatable, CustomStringConvertible {
        var line: Int
        var field: String?
        var item: String?
        var level: Int?

        var description: String {
            "line \(line), field \(field ?? "-"), item \(item ?? "-"), level \(level.map(String.init) ?? "-")"
        }
    }

    static let server = "Server Operation"
    static let desk = "Desk Support"

    /// At least one crafted variant per code; `everyCodeHasACraftedDocument` keeps the table complete.
    static let cases: [Case] = [
        Case(
            code: .headerTypo, name: "the footer title is cut to \"ill Area …\"", severity: .info,
            document: {
                // One page's footer is cut, as on two pages of the V2 document.
                CraftedDocument.clean().with {
                    $0.footerOverrides[2] = ["ill Area and Skill Proficiency        ©2024 Widget Standards Board.", "WS-9"]
                }
            },
            location: { Location(line: $0.line(.footerTitle, occurrence: 2)) }
        ),
        Case(
            code: .headerTypo, name: "an overview heading is split over two lines", severity: .info,
            document: {
                CraftedDocument.clean().with {
                    $0.overviewHeadings = [
                        "Job C", "ategory Skill Item", "All Specialty Field", "Specialty Field Specific Skill Item",
                    ]
                }
            },
            location: { Location(line: $0.line(equalTo: "Job C")) }
        ),
        Case(
            code: .pageHeaderFieldMismatch, name: "a page header names another field", severity: .warning,
            document: { CraftedDocument.clean().with(field: server) { $0.pageHeaderName = "Server Operations Center" } },
            location: { Location(line: $0.line(.pageHeaderName(field: server, item: "Planning")), field: server) }
        ),
        Case(
            code: .levelTextNamesOtherField, name: "the role phrase names another field", severity: .warning,
            document: {
                CraftedDocument.clean().with(field: desk, item: "Call Handling") {
                    $0.levels[4] = "Able to carry out call handling based on advanced specialty, as a leader of server operation."
                }
            },
            location: atLevel(desk, "Call Handling", 4)
        ),
        Case(
            code: .levelTextNamesOtherField, name: "a team phrase names another field", severity: .warning,
            document: {
                CraftedDocument.clean().with(field: desk, item: "Call Handling") {
                    $0.levels[3] =
                        "Able to support call handling with other server operation members, as a member of desk support."
                }
            },
            location: atLevel(desk, "Call Handling", 3)
        ),
        Case(
            code: .levelTextOfOtherItem, name: "a level text speaks of another item's knowledge", severity: .warning,
            document: {
                // Copied from the neighbouring page: Hardware Care, level 4, speaks of Backup Handling's knowledge.
                CraftedDocument.clean().with(field: server, item: "Hardware Care") {
                    $0.levels[4] =
                        "Able to carry out backup media rotation and verification of restores based on advanced "
                        + "specialty, as a leader of server operation."
                }
            },
            location: atLevel(server, "Hardware Care", 4)
        ),
        Case(
            code: .scaleConditionOutlier, name: "one item asks another minimum than the field", severity: .warning,
            document: {
                CraftedDocument.clean().with(field: server, item: "Hardware Care") {
                    $0.levels[5] =
                        "Able to lead hardware care based on guidable and advanced specialty, as a person responsible for "
                        + "server operation with 80 or more staff or an annual contract value of 750 million yen or more."
                }
            },
            location: atLevel(server, "Hardware Care", 5)
        ),
        Case(
            code: .scaleConditionOutlier, name: "one item states a descriptive bound only (a note)", severity: .info,
            document: {
                CraftedDocument.clean().with(field: server, item: "Backup Handling") {
                    $0.levels[4] =
                        "Able to carry out backup handling based on advanced specialty, as a leader of server operation "
                        + "with less than 75 persons during peak periods."
                }
            },
            location: atLevel(server, "Backup Handling", 4)
        ),
        Case(
            code: .scaleNotMonotonic, name: "level 5 asks more staff than level 6", severity: .warning,
            document: {
                CraftedDocument.clean().with(field: server, item: "Backup Handling") {
                    $0.levels[6] =
                        "Able to direct backup handling based on guidable and advanced specialty, as a person responsible "
                        + "for server operation with 50 or more staff."
                }
            },
            location: atLevel(server, "Backup Handling", 5)
        ),
        Case(
            code: .duplicateLevelText, name: "level 3 repeats level 2", severity: .warning,
            document: {
                CraftedDocument.clean().with(field: server, item: "Backup Handling") { $0.levels[2] = $0.levels[3] }
            },
            location: atLevel(server, "Backup Handling", 3)
        ),
        Case(
            code: .levelTextTooLong, name: "a level text runs on far beyond its siblings", severity: .warning,
            document: {
                // Wrapped lines that continue the text with no blank line between: the layout reads them as the
                // level's, and only the length tells that something was glued on.
                CraftedDocument.clean().with(field: server, item: "Hardware Care") {
                    $0.levels[3] =
                        "Able to support hardware care based on specialty, as a member of server operation."
                        + String(repeating: " The visit records of every rack are kept up to date.", count: 45)
                }
            },
            location: atLevel(server, "Hardware Care", 3)
        ),
        Case(
            code: .overviewKnowledgeMismatch, name: "the overview lists another knowledge item", severity: .warning,
            document: {
                CraftedDocument.clean().with { $0.overview[1].knowledge.append("Cabling") }
            },
            location: atItem(server, "Hardware Care")
        ),
        Case(
            code: .overviewItemMismatch, name: "a page item is missing from the overview", severity: .warning,
            document: { CraftedDocument.clean().with { $0.overview.removeAll { $0.name == "Call Handling" } } },
            location: atItem(desk, "Call Handling")
        ),
        Case(
            code: .overviewItemMismatch, name: "the overview spells an item differently", severity: .info,
            document: { CraftedDocument.clean().with { $0.overview[3].name = "Call handling" } },
            location: { Location(line: $0.line(.overviewEntry(name: "Call handling")), field: desk, item: "Call Handling") }
        ),
        Case(
            code: .overviewItemMismatch, name: "an overview item has no page", severity: .warning,
            document: {
                CraftedDocument.clean().with { $0.overview.append(.init(name: "Cable Laying", knowledge: ["Cabling"])) }
            },
            location: { Location(line: $0.line(.overviewEntry(name: "Cable Laying")), item: "Cable Laying") }
        ),
        Case(
            code: .commonItemScopeMismatch, name: "a common item is missing from a field", severity: .warning,
            document: { CraftedDocument.clean().with(field: desk) { $0.items.removeAll { $0.name == "Planning" } } },
            location: atItem(server, "Planning")
        ),
        Case(
            code: .commonItemScopeMismatch, name: "a common item is labelled specific in a field", severity: .warning,
            document: { CraftedDocument.clean().with(field: desk, item: "Planning") { $0.scope = .specific } },
            location: atItem(server, "Planning")
        ),
        Case(
            code: .commonItemKnowledgeMismatch, name: "a common item lists another knowledge item in one field",
            severity: .warning,
            document: {
                // The overview lists the item under each field with that field's knowledge items, as the V3
                // overview does for "Staffing", so that only the common-item check has something to say.
                CraftedDocument.clean()
                    .with(field: desk, item: "Planning") { $0.knowledge.append("Risk Review") }
                    .with {
                        $0.overview.insert(.init(name: "Planning", knowledge: $0.overview[0].knowledge + ["Risk Review"]), at: 1)
                    }
            },
            location: atItem(desk, "Planning")
        ),
        Case(
            code: .erratumApplied, name: "an erratum of ours corrects a text", severity: .info,
            document: { CraftedDocument.clean() },
            errata: { Errata(errata: [DiagnosticCodeTests.erratum(find: "carry out", replace: "perform")]) },
            location: atLevel(server, "Hardware Care", 4)
        ),
        Case(
            code: .erratumNotApplicable, name: "the erratum's phrase is not in the text", severity: .warning,
            document: { CraftedDocument.clean() },
            errata: { Errata(errata: [DiagnosticCodeTests.erratum(find: "carry through", replace: "perform")]) },
            location: atLevel(server, "Hardware Care", 4)
        ),
        Case(
            code: .erratumNotApplicable, name: "the erratum's level is not in the document", severity: .warning,
            document: { CraftedDocument.clean() },
            errata: { Errata(errata: [DiagnosticCodeTests.erratum(level: 7, find: "carry out", replace: "perform")]) },
            location: { _ in Location(line: 0, field: server, item: "Hardware Care", level: 7) }
        ),
    ]

    /// The location of an item's level header.
    static func atLevel(_ field: String, _ item: String, _ level: Int) -> @Sendable (CraftedDocument.Rendered) -> Location {
        { Location(line: $0.line(.level(field: field, item: item, level: level)), field: field, item: item, level: level) }
    }

    /// The location of an item's "●" heading.
    static func atItem(_ field: String, _ item: String) -> @Sendable (CraftedDocument.Rendered) -> Location {
        { Location(line: $0.line(.item(field: field, item: item)), field: field, item: item) }
    }

    static func erratum(level: Int = 4, find: String, replace: String) -> Erratum {
        Erratum(
            id: "T1", standard: "Widget Services", version: CraftedDocument.edition, field: server, item: "Hardware Care",
            level: level, find: find, replace: replace, reason: "a test")
    }

    @Test(arguments: DiagnosticCode.allCases)
    func everyCodeHasACraftedDocument(code: DiagnosticCode) {
        #expect(Self.cases.contains { $0.code == code }, "no crafted document triggers \(code.rawValue)")
    }

    @Test(arguments: cases)
    func craftedDocumentYieldsExactlyItsDiagnostic(_ testCase: Case) throws {
        let rendered = testCase.document().rendered()
        let diagnostics = try rendered.imported(errata: testCase.errata()).diagnostics
        let formatted = diagnostics.map { $0.formatted(file: "crafted") }.joined(separator: "\n")
        try #require(diagnostics.count == 1, "expected one \(testCase.code.rawValue), got:\n\(formatted)")
        let diagnostic = diagnostics[0]
        #expect(diagnostic.code == testCase.code)
        #expect(diagnostic.severity == testCase.severity)
        let found = Location(line: diagnostic.line, field: diagnostic.field, item: diagnostic.item, level: diagnostic.level)
        #expect(found == testCase.location(rendered), "\(formatted)")
        #expect(!diagnostic.message.isEmpty)
        #expect(!diagnostic.formatted(file: "crafted").contains("\n"))
    }

    /// The control: the clean document, with and without an erratum that concerns another standard.
    @Test(arguments: DiagnosticCode.allCases)
    func cleanDocumentYieldsNoSuchDiagnostic(code: DiagnosticCode) throws {
        let rendered = CraftedDocument.clean().rendered()
        var elsewhere = Self.erratum(find: "carry out", replace: "perform")
        elsewhere.version = "V8 2020"
        for errata in [Errata.none, Errata(errata: [elsewhere]), try Errata.builtIn()] {
            let diagnostics = try rendered.imported(errata: errata).diagnostics
            #expect(!diagnostics.contains { $0.code == code })
        }
    }

    // MARK: - Details the table does not show

    @Test
    func pageHeaderMismatchCountsTheHeadersOfTheSection() throws {
        let testCase = try #require(Self.cases.first { $0.code == .pageHeaderFieldMismatch })
        let diagnostics = try testCase.document().rendered().imported().diagnostics
        #expect(diagnostics.first?.message == "3 page header(s) of the section name the field \"Server Operations Center\"")
    }

    @Test
    func outlierNamesTheMajority() throws {
        let rendered = try #require(Self.cases.first { $0.code == .scaleConditionOutlier }).document().rendered()
        let field = try #require(try rendered.imported().standard.field(named: Self.server))
        let level5 = try #require(field.scaleConditions.first { $0.level == 5 })
        #expect(level5.agreeingItems == 2)
        #expect(level5.totalItems == 3)
        #expect(level5.condition.minimumStaff == 75)
    }

    @Test
    func commonItemScopeMismatchSaysWhy() throws {
        let missing = try #require(Self.cases.first { $0.code == .commonItemScopeMismatch }).document().rendered().imported()
            .diagnostics
        #expect(missing.first?.message.contains("fields \"Desk Support\" do not have it") == true)
        let specific = try #require(Self.cases.last { $0.code == .commonItemScopeMismatch }).document().rendered().imported()
        #expect(specific.diagnostics.first?.message.contains("\"Desk Support\" label it specialty-field specific") == true)
    }

    @Test
    func duplicateTextIsKeptAsStated() throws {
        let document = try #require(Self.cases.first { $0.code == .duplicateLevelText }).document()
        let item = try #require(
            try document.rendered().imported().standard.field(named: Self.server)?.item(named: "Backup Handling"))
        #expect(item.definedLevels == [2, 3, 4, 5])
        #expect(item.description(atLevel: 2)?.text == item.description(atLevel: 3)?.text)
    }

    @Test
    func overlongTextNamesItsLengthAndTheMedian() throws {
        let testCase = try #require(Self.cases.first { $0.code == .levelTextTooLong })
        let imported = try testCase.document().rendered().imported()
        let text = try #require(
            imported.standard.field(named: Self.server)?.item(named: "Hardware Care")?.description(atLevel: 3))
        // The text is kept as read: a diagnostic never changes it.
        #expect(text.text.hasSuffix("The visit records of every rack are kept up to date."))
        let message = try #require(imported.diagnostics.first?.message)
        #expect(message.hasPrefix("the text has \(text.text.utf8.count) bytes, "))
        #expect(message.contains("times the median of the field's level texts"))
    }

    /// The shipped documents' level texts are far from the limit: their longest is under twice its field's median.
    @Test(arguments: ShippedDocuments.fileNames)
    func shippedLevelTextsAreWellBelowTheLengthLimit(file: String) throws {
        let standard = try ShippedDocuments.imported(file).standard
        for field in standard.fields {
            let lengths = field.items.flatMap { $0.levels.map(\.text.utf8.count) }
            let median = LevelTextChecks.median(lengths)
            #expect(lengths.allSatisfy { $0 < 2 * median && $0 < LevelTextChecks.overlongMinimumBytes / 4 })
        }
    }

    /// The overview may list an item twice (under two fields); each page is compared with the entry closest
    /// to it, whichever order the overview lists them in.
    @Test(arguments: [false, true])
    func overviewEntriesListedTwiceMatchTheirClosestPage(supersetFirst: Bool) throws {
        let document = CraftedDocument.clean()
            .with(field: Self.desk, item: "Planning") { $0.knowledge.append("Risk Review") }
            .with {
                let superset = CraftedDocument.OverviewEntry(
                    name: "Planning", knowledge: $0.overview[0].knowledge + ["Risk Review"])
                $0.overview.insert(superset, at: supersetFirst ? 0 : 1)
            }
        let diagnostics = try document.rendered().imported().diagnostics
        #expect(diagnostics.map(\.code) == [.commonItemKnowledgeMismatch], "\(diagnostics.map { $0.formatted(file: "crafted") })")
    }
}
