import Foundation
import ITSSDomain

/// Corrections of ours, kept apart from the source documents and applied on top of them.
///
/// Each erratum replaces one phrase in one level text and says why. The source wording stays available
/// (`LevelDescription.sourceText`), exports show both, and importing with errata switched off gives the
/// documents exactly as published.
public struct Errata: Codable, Sendable, Hashable {
    public var errata: [Erratum]

    public init(errata: [Erratum]) { self.errata = errata }

    /// No corrections: the documents as published.
    public static let none = Errata(errata: [])

    /// The errata shipped with the product (`Resources/errata.json`).
    /// - Throws: `DecodingError` if the shipped file is malformed (a build defect, caught by the tests).
    public static func builtIn() throws -> Errata {
        guard let url = Bundle.module.url(forResource: "errata", withExtension: "json") else { return .none }
        return try JSONDecoder().decode(Errata.self, from: Data(contentsOf: url))
    }

    /// Applies the errata that concern `standard`, re-reading the scale condition of corrected texts.
    func apply(to standard: Standard) -> (Standard, [Diagnostic]) {
        var corrected = standard
        var diagnostics: [Diagnostic] = []
        for erratum in errata where erratum.standard == standard.key.name && erratum.version == standard.key.version {
            guard let fieldIndex = corrected.fields.firstIndex(where: { $0.name == erratum.field }),
                let itemIndex = corrected.fields[fieldIndex].items.firstIndex(where: { $0.name == erratum.item }),
                let levelIndex = corrected.fields[fieldIndex].items[itemIndex].levels.firstIndex(where: {
                    $0.level == erratum.level
                })
            else {
                diagnostics.append(notApplicable(erratum, line: 0, reason: "its field, item or level is not in the document"))
                continue
            }
            var description = corrected.fields[fieldIndex].items[itemIndex].levels[levelIndex]
            guard description.text.contains(erratum.find) else {
                diagnostics.append(
                    notApplicable(erratum, line: description.line, reason: "the text no longer contains \"\(erratum.find)\""))
                continue
            }
            let original = description.text
            description.text = original.replacingOccurrences(of: erratum.find, with: erratum.replace)
            description.scale = ScaleConditionReader.condition(of: description.text)
            description.erratum = AppliedErratum(id: erratum.id, reason: erratum.reason, originalText: original)
            corrected.fields[fieldIndex].items[itemIndex].levels[levelIndex] = description
            diagnostics.append(
                Diagnostic(
                    .info, .erratumApplied, line: description.line, field: erratum.field, item: erratum.item,
                    level: erratum.level,
                    message: "erratum \(erratum.id) reads \"\(erratum.replace)\" for \"\(erratum.find)\": \(erratum.reason)"))
        }
        for index in corrected.fields.indices {
            corrected.fields[index].scaleConditions = FieldScale.conditions(of: corrected.fields[index].items)
        }
        return (corrected, diagnostics)
    }

    private func notApplicable(_ erratum: Erratum, line: Int, reason: String) -> Diagnostic {
        Diagnostic(
            .warning, .erratumNotApplicable, line: line, field: erratum.field, item: erratum.item, level: erratum.level,
            message: "erratum \(erratum.id) was not applied: \(reason)")
    }
}

/// One correction: in the text of `item` at `level` of `field`, read `replace` for `find`.
public struct Erratum: Codable, Sendable, Hashable {
    public var id: String
    public var standard: String
    public var version: String
    public var field: String
    public var item: String
    public var level: Int
    public var find: String
    public var replace: String
    public var reason: String

    public init(
        id: String, standard: String, version: String, field: String, item: String, level: Int,
        find: String, replace: String, reason: String
    ) {
        self.id = id
        self.standard = standard
        self.version = version
        self.field = field
        self.item = item
        self.level = level
        self.find = find
        self.replace = replace
        self.reason = reason
    }
}
