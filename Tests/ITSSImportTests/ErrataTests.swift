import Foundation
import ITSSDomain
import Testing

@testable import ITSSImport

/// Our corrections apply on top of the source wording, keep it, and say so; switched off, the text is the source's.
@Suite
struct ErrataTests {
    static let field = "Operation Management"

    static func leadershipLevel5(errata: Errata) throws -> (LevelDescription, [Diagnostic]) {
        let imported = try ShippedDocuments.imported(ShippedDocuments.v3, errata: errata)
        let item = try #require(imported.standard.field(named: field)?.item(named: "Leadership"))
        return (try #require(item.description(atLevel: 5)), imported.diagnostics)
    }

    @Test
    func shippedErrataAreWellFormed() throws {
        let errata = try Errata.builtIn()
        #expect(errata.errata.map(\.id) == ["E1", "E2"])
        #expect(Set(errata.errata.map(\.id)).count == errata.errata.count)
        for erratum in errata.errata {
            #expect(!erratum.reason.isEmpty && erratum.find != erratum.replace)
            #expect((1...7).contains(erratum.level))
        }
    }

    @Test
    func builtInErratumCorrectsOperationManagementLeadership() throws {
        let (description, diagnostics) = try Self.leadershipLevel5(errata: try Errata.builtIn())
        #expect(description.text.contains("750 million yen"))
        #expect(!description.text.contains("7.5 billion yen"))
        #expect(description.sourceText.contains("7.5 billion yen"))
        #expect(description.sourceText == description.erratum?.originalText)
        #expect(description.erratum?.id == "E1")
        #expect(description.erratum?.reason.isEmpty == false)
        // The scale is read again from the corrected text.
        #expect(description.scale.minimumContractYen == 750_000_000)
        #expect(description.scale.minimumStaff == 75)
        let applied = diagnostics.filter { $0.code == .erratumApplied && $0.field == Self.field }
        #expect(applied.count == 1)
        #expect(applied.first?.severity == .info)
        #expect(applied.first?.item == "Leadership")
        #expect(applied.first?.level == 5)
        #expect(applied.first?.line == description.line)
        #expect(applied.first?.message.contains("E1") == true)
    }

    @Test
    func withoutErrataTheTextIsTheSourceWording() throws {
        let (description, diagnostics) = try Self.leadershipLevel5(errata: .none)
        #expect(description.text.contains("7.5 billion yen"))
        #expect(description.sourceText == description.text)
        #expect(description.erratum == nil)
        #expect(description.scale.minimumContractYen == 7_500_000_000)
        #expect(!diagnostics.contains { $0.code == .erratumApplied || $0.code == .erratumNotApplicable })
    }

    /// Only the corrected phrase changes: the rest of the text is the source's, word for word.
    @Test
    func onlyTheFoundPhraseChanges() throws {
        let (corrected, _) = try Self.leadershipLevel5(errata: try Errata.builtIn())
        let (source, _) = try Self.leadershipLevel5(errata: .none)
        #expect(corrected.sourceText == source.text)
        #expect(corrected.text == source.text.replacingOccurrences(of: "7.5 billion yen", with: "750 million yen"))
    }

    /// Every shipped erratum applies to the shipped documents.
    @Test
    func everyShippedErratumApplies() throws {
        let imported = try BuiltInStandards.imported(errata: try Errata.builtIn())
        let diagnostics = imported.flatMap(\.diagnostics)
        #expect(!diagnostics.contains { $0.code == .erratumNotApplicable })
        #expect(diagnostics.filter { $0.code == .erratumApplied }.count == 2)
    }

    @Test
    func erratumWhosePhraseIsNotInTheTextIsReported() throws {
        var erratum = try #require(try Errata.builtIn().errata.first)
        erratum.find = "9.9 billion yen"
        let (description, diagnostics) = try Self.leadershipLevel5(errata: Errata(errata: [erratum]))
        #expect(description.erratum == nil)
        #expect(description.text.contains("7.5 billion yen"))
        let notApplicable = diagnostics.filter { $0.code == .erratumNotApplicable }
        #expect(notApplicable.count == 1)
        #expect(notApplicable.first?.severity == .warning)
        #expect(notApplicable.first?.line == description.line)
        #expect(notApplicable.first?.field == Self.field)
        #expect(notApplicable.first?.item == "Leadership")
        #expect(notApplicable.first?.level == 5)
        #expect(notApplicable.first?.message.contains("9.9 billion yen") == true)
    }

    @Test
    func erratumForAnotherStandardIsIgnored() throws {
        var erratum = try #require(try Errata.builtIn().errata.first)
        erratum.version = "V3 2011"
        let (description, diagnostics) = try Self.leadershipLevel5(errata: Errata(errata: [erratum]))
        #expect(description.erratum == nil)
        #expect(!diagnostics.contains { $0.code == .erratumApplied || $0.code == .erratumNotApplicable })
    }

    @Test
    func erratumForAMissingItemIsReportedAtLineZero() throws {
        var erratum = try #require(try Errata.builtIn().errata.first)
        erratum.item = "Followership"
        let (_, diagnostics) = try Self.leadershipLevel5(errata: Errata(errata: [erratum]))
        let notApplicable = diagnostics.filter { $0.code == .erratumNotApplicable }
        #expect(notApplicable.map(\.line) == [0])
        #expect(notApplicable.first?.item == "Followership")
    }

    @Test
    func errataRoundTripThroughJSON() throws {
        let errata = try Errata.builtIn()
        let decoded = try JSONDecoder().decode(Errata.self, from: try JSONEncoder().encode(errata))
        #expect(decoded == errata)
    }
}
