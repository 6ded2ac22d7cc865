import Foundation
import ITSSDomain
import Testing

@testable import ITSSImport

/// Mutations of the "Level N" header lines of the shipped documents: each mutated document is either refused
/// at the mutated header (the error's line, or the earlier line it names) or imported as exactly the intended
/// catalog. No mutation may yield a phantom level or one level's text merged into another's, as `Level -1`
/// and `Level 9999999999999999999999` once did.
@Suite
struct LevelHeaderMutationTests {
    enum Outcome: Sendable {
        /// The mutation keeps the header's meaning (odd spacing): the catalog and diagnostics are unchanged.
        case sameCatalog
        /// The document is refused at the mutated header.
        case refused
    }

    struct Mutation: Sendable, CustomTestStringConvertible {
        var name: String
        var outcome: Outcome
        /// The lines that replace the header of level `level`.
        var lines: @Sendable (_ level: Int) -> [String]

        var testDescription: String { name }
    }

    static let numberWords = ["zero", "one", "two", "three", "four", "five", "six", "seven"]

    static let mutations: [Mutation] = [
        Mutation(name: "Level -1", outcome: .refused) { _ in ["Level -1 "] },
        Mutation(name: "Level 0", outcome: .refused) { _ in ["Level 0 "] },
        Mutation(name: "Level 8", outcome: .refused) { _ in ["Level 8 "] },
        Mutation(name: "Level 9999999999999999999999", outcome: .refused) { _ in ["Level 9999999999999999999999 "] },
        Mutation(name: "Level Na", outcome: .refused) { ["Level \($0)a "] },
        Mutation(name: "Level N:", outcome: .refused) { ["Level \($0): "] },
        Mutation(name: "Level 0N", outcome: .refused) { ["Level 0\($0) "] },
        Mutation(name: "Level six", outcome: .refused) { ["Level \(numberWords[$0]) "] },
        Mutation(name: "Level alone", outcome: .refused) { _ in ["Level "] },
        Mutation(name: "LevelN", outcome: .refused) { ["Level\($0) "] },
        Mutation(name: "LEVEL N", outcome: .refused) { ["LEVEL \($0) "] },
        Mutation(name: "level N", outcome: .refused) { ["level \($0) "] },
        Mutation(name: "Leve1 N", outcome: .refused) { ["Leve1 \($0) "] },
        Mutation(name: "Level N+1 (a duplicate, or above 7)", outcome: .refused) { ["Level \($0 + 1) "] },
        Mutation(name: "Level N-1 (out of order, or 0)", outcome: .refused) { ["Level \($0 - 1) "] },
        Mutation(name: "Level N repeated", outcome: .refused) { ["Level \($0) ", "Level \($0) "] },
        Mutation(name: "Levels N", outcome: .refused) { ["Levels \($0) "] },
        Mutation(name: "Level VI (roman)", outcome: .refused) {
            ["Level \(["0", "I", "II", "III", "IV", "V", "VI", "VII"][$0]) "]
        },
        Mutation(name: "Level  N (two spaces)", outcome: .sameCatalog) { ["Level  \($0) "] },
        Mutation(name: "Level<tab>N", outcome: .sameCatalog) { ["Level\t\($0)\t"] },
        Mutation(name: "  Level N (indented)", outcome: .sameCatalog) { ["   Level \($0)"] },
    ]

    /// The header lines (1-based) of each skill item, in document order.
    static func headerGroups(_ lines: [String]) -> [[(line: Int, level: Int)]] {
        var groups: [[(line: Int, level: Int)]] = []
        for (index, raw) in lines.enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("●") {
                groups.append([])
            } else if line.hasPrefix("Level "), let level = Int(line.dropFirst(6)), !groups.isEmpty {
                groups[groups.count - 1].append((index + 1, level))
            }
        }
        return groups.filter { !$0.isEmpty }
    }

    /// The headers mutated: in V2 the item of line 353 (the issue's `sed '353s/Level 6/Level -1/'`) and the
    /// first item of "Common to Level 1, 2" (levels 2 and 1); in V3 the document's last item.
    static func targets(_ file: String) throws -> [(line: Int, level: Int)] {
        let groups = headerGroups(try ShippedDocuments.lines(file))
        if file == ShippedDocuments.v2 {
            let issue = groups.first { $0.contains { $0.line == 353 } } ?? []
            let shared = groups.first { $0.first?.level == 2 } ?? []
            return issue + shared
        }
        return groups.last ?? []
    }

    @Test(arguments: ShippedDocuments.fileNames)
    func targetsAreTheIntendedHeaders(file: String) throws {
        let targets = try Self.targets(file)
        #expect(targets.map(\.level) == (file == ShippedDocuments.v2 ? [7, 6, 5, 4, 3, 2, 1] : [7, 6, 5, 4, 3]))
        if file == ShippedDocuments.v2 { #expect(targets.contains { $0.line == 353 && $0.level == 6 }) }
    }

    @Test(arguments: mutations)
    func mutatedHeaderIsRefusedOrReadAsIntended(_ mutation: Mutation) throws {
        for file in ShippedDocuments.fileNames {
            let lines = try ShippedDocuments.lines(file)
            let original = try ShippedDocuments.imported(file)
            for target in try Self.targets(file) {
                var mutated = lines
                mutated.replaceSubrange((target.line - 1)...(target.line - 1), with: mutation.lines(target.level))
                let bytes = Array(mutated.joined(separator: "\n").utf8)
                let place = "\(file):\(target.line) (Level \(target.level))"
                switch mutation.outcome {
                case .sameCatalog:
                    let imported = try DocumentImporter.read(bytes, fileName: file)
                    #expect(imported.standard.fields == original.standard.fields, "\(place)")
                    #expect(imported.diagnostics == original.diagnostics, "\(place)")
                case .refused:
                    do throws(DocumentError) {
                        _ = try DocumentImporter.read(bytes, fileName: file)
                        Issue.record("\(place): the mutated document was imported")
                    } catch {
                        let description = error.errorDescription ?? ""
                        // At the mutated header, or at the next header naming the mutated one as its cause.
                        let atTarget = error.line == target.line || description.contains("line \(target.line))")
                        #expect(atTarget, "\(place): \(description)")
                        #expect(error.line >= target.line && error.line <= target.line + 8, "\(place): \(description)")
                    }
                }
            }
        }
    }
}
