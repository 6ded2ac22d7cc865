import Foundation
import ITSSDomain
import Testing

@testable import ITSSImport

/// The full list of diagnostics of each shipped document, reviewed entry by entry against the source text.
///
/// Each entry is a real inconsistency of the document or a note on its extraction; the comment says what the
/// source shows. A change of the importer that adds, drops or moves a finding fails here and must be reviewed
/// the same way before the table is updated.
@Suite
struct RealDiagnosticsSnapshotTests {
    struct Entry: Equatable, CustomStringConvertible {
        var line: Int
        var code: DiagnosticCode
        var severity: Severity

        init(_ line: Int, _ code: DiagnosticCode, _ severity: Severity = .warning) {
            self.line = line
            self.code = code
            self.severity = severity
        }

        var description: String { "(\(line), .\(code), .\(severity))" }
    }

    /// `itss-v3-2008-it-service-management.txt`, imported with `Errata.none`.
    static let v3: [Entry] = [
        // "Job C" / "ategory Skill Item": the overview's column heading is split by the extraction.
        Entry(8, .headerTypo, .info),
        // Operation Management / Technology: the page lists "Database Technologies" etc., the overview (line 51)
        // "Database Technology" etc.
        Entry(401, .overviewKnowledgeMismatch),
        // Operation Management / Business Management, level 4: "as a leader of system management".
        Entry(481, .levelTextNamesOtherField),
        // Operation Management / Project Management, levels 4 and 3: "as a leader/member of system operation".
        Entry(538, .levelTextNamesOtherField),
        Entry(558, .levelTextNamesOtherField),
        // Operation Management / Leadership, level 5: "7.5 billion yen" where every other item states 750 million
        // and level 6 asks 1.5 billion (erratum E1).
        Entry(585, .scaleConditionOutlier),
        Entry(585, .scaleNotMonotonic),
        // Operation Management / Communication: the page's "Organization, Analysis and Retrieval of Information"
        // is "Organization and analysis and retrieval of information" in the overview.
        Entry(609, .overviewKnowledgeMismatch),
        // System Management / Relevant Knowledge, level 6: the text speaks of customer relationship, user
        // departments and systemization strategy — Customer Interaction's knowledge, copied from its page.
        Entry(923, .levelTextOfOtherItem),
        // System Management / Leadership, level 6: "as a person responsible for operation management".
        Entry(1285, .levelTextNamesOtherField),
        // System Management / Leadership, level 5: "7.5 billion yen" again (erratum E2).
        Entry(1291, .scaleConditionOutlier),
        Entry(1291, .scaleNotMonotonic),
        // System Management / Business Administration of IT Service Management, level 4: "as a leader of
        // operation management".
        Entry(1422, .levelTextNamesOtherField),
        // Operation / Technology (common): "Computer systems", "Platform technologies" where the other fields and
        // the overview list "Computer System", "Platform Techniques".
        Entry(1878, .commonItemKnowledgeMismatch),
        Entry(1878, .overviewKnowledgeMismatch),
        // Operation / Communication: "Organization, analysis, and retrieval of information" (see line 609).
        Entry(2049, .overviewKnowledgeMismatch),
        // Operation / Network Operation: the page lists "Network Technologies", the overview "Network Operation".
        Entry(2167, .overviewKnowledgeMismatch),
        // Operation / IT Service Operation: "Application System Operation" on the page, "Business Application
        // System Operation" in the overview.
        Entry(2205, .overviewKnowledgeMismatch),
        // A page header of the Service Desk section reads "Servicer Desk".
        Entry(2656, .pageHeaderFieldMismatch),
        // Service Desk / Knowledge of Infrastructure for Support Center, level 3: "as leader of service desk"
        // where every other level-3 text of the field says member.
        Entry(2849, .scaleConditionOutlier),
        // Service Desk / Staffing is labelled common, but Operation labels it specific and the two other fields
        // do not have it (the overview lists it twice, under single fields).
        Entry(2899, .commonItemScopeMismatch),
    ]

    /// `itss-v2-2006-operations.txt`, imported with `Errata.none`.
    static let v2: [Entry] = [
        // "Career com" / "m" / "on skill item": the overview's column heading is split by the extraction.
        Entry(6, .headerTypo, .info),
        // The overview spells "Establishment of customer relationship (service desk)"; the page has no space
        // before the parenthesis.
        Entry(88, .overviewItemMismatch, .info),
        // System operation / Technology: five knowledge items on the page, two in the overview that differ.
        Entry(151, .overviewKnowledgeMismatch),
        // System operation / Management of system operation: the overview lists "Design of system operation"
        // and not "Management of system operation", "Availability management", "Backup management",
        // "Recovery management".
        Entry(251, .overviewKnowledgeMismatch),
        // System operation / Project Management, level 5: states no annual contract value (every other item
        // does) …
        Entry(309, .scaleConditionOutlier),
        // … and level 4 no descriptive contract bound (a note: bounds are not requirements).
        Entry(316, .scaleConditionOutlier, .info),
        // System operation / Communication: "Organization, analytical, and retrieval of information" on the
        // page, "Organization and analytical and retrieval of information" in the overview.
        Entry(382, .overviewKnowledgeMismatch),
        // Network operation / Management of system operation (common): lists "Policies for system operation
        // management" instead of "Management of system operation" …
        Entry(660, .commonItemKnowledgeMismatch),
        // … which the overview does not list either.
        Entry(660, .overviewKnowledgeMismatch),
        // A footer's title is cut to "ill Area and Skill Proficiency".
        Entry(884, .headerTypo, .info),
        // Service desk / Communication, level 3: "with a responsible person, leader, and other network operation
        // members" and no "as a member of …" role phrase at all.
        Entry(1265, .levelTextNamesOtherField),
        Entry(1265, .scaleConditionOutlier),
        // Service desk / Stress management: the page lists "Mental health", the overview does not.
        Entry(1363, .overviewKnowledgeMismatch),
        // The page headers of the "Common to Level 1, 2" section say "Common to Operations".
        Entry(1405, .pageHeaderFieldMismatch),
        // Another cut footer title.
        Entry(1553, .headerTypo, .info),
        // Common to Level 1, 2 / Project Management: levels 2 and 1 have the same text.
        Entry(1566, .duplicateLevelText),
    ]

    static func snapshot(_ file: String) -> [Entry] { file == ShippedDocuments.v3 ? v3 : v2 }

    @Test(arguments: ShippedDocuments.fileNames)
    func diagnosticsWithoutErrata(file: String) throws {
        let diagnostics = try ShippedDocuments.imported(file, errata: .none).diagnostics
        let found = diagnostics.map { Entry($0.line, $0.code, $0.severity) }
        #expect(found == Self.snapshot(file), "\(diagnostics.map { $0.formatted(file: file) }.joined(separator: "\n"))")
    }

    /// The shipped errata add their notes and change nothing else: the findings are about the source wording.
    @Test
    func diagnosticsWithBuiltInErrata() throws {
        let errata = try Errata.builtIn()
        let v3 = try ShippedDocuments.imported(ShippedDocuments.v3, errata: errata).diagnostics
        let expected = (Self.v3 + [Entry(585, .erratumApplied, .info), Entry(1291, .erratumApplied, .info)]).sorted {
            ($0.line, $0.code.rawValue) < ($1.line, $1.code.rawValue)
        }
        #expect(v3.map { Entry($0.line, $0.code, $0.severity) } == expected)
        let v2 = try ShippedDocuments.imported(ShippedDocuments.v2, errata: errata).diagnostics
        #expect(v2.map { Entry($0.line, $0.code, $0.severity) } == Self.v2)
    }

    /// Every diagnostic names where it is: a field for everything found on the proficiency pages.
    @Test(arguments: ShippedDocuments.fileNames)
    func diagnosticsNameTheirPlace(file: String) throws {
        let imported = try ShippedDocuments.imported(file, errata: .none)
        let lineCount = imported.standard.source.lineCount
        for diagnostic in imported.diagnostics {
            #expect((1...lineCount).contains(diagnostic.line))
            #expect(!diagnostic.formatted(file: file).contains("\n"))
            switch diagnostic.code {
            case .headerTypo:
                #expect(diagnostic.field == nil && diagnostic.item == nil && diagnostic.level == nil)
            case .pageHeaderFieldMismatch:
                #expect(diagnostic.field != nil && diagnostic.item == nil)
            case .levelTextNamesOtherField, .scaleConditionOutlier, .scaleNotMonotonic, .duplicateLevelText:
                let field = try #require(diagnostic.field.flatMap(imported.standard.field(named:)))
                let item = try #require(diagnostic.item.flatMap(field.item(named:)))
                let level = try #require(diagnostic.level.flatMap(item.description(atLevel:)))
                #expect(level.line == diagnostic.line)
            default:
                #expect(diagnostic.item != nil)
            }
        }
    }

    /// Diagnostics are sorted by line, then code.
    @Test(arguments: ShippedDocuments.fileNames)
    func diagnosticsAreSorted(file: String) throws {
        let diagnostics = try ShippedDocuments.imported(file, errata: try Errata.builtIn()).diagnostics
        let keys = diagnostics.map { ($0.line, $0.code.rawValue) }
        #expect(zip(keys, keys.dropFirst()).allSatisfy { $0 <= $1 })
    }
}
