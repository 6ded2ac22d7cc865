import Foundation
import ITSSDomain
import ITSSImport

let errata = try Errata.builtIn()
for doc in try BuiltInStandards.imported(errata: errata) {
    let s = doc.standard
    print("== \(s.key) \(s.source.sha256.prefix(8)) overview=\(s.overview.count)")
    for f in s.fields {
        print("  [\(f.kind)] \(f.name) levels=\(f.definedLevels) items=\(f.items.count)")
        for c in f.scaleConditions { print("     L\(c.level): \(c.condition.summary) (\(c.agreeingItems)/\(c.totalItems))") }
        for i in f.items {
            print("    - \(i.name) [\(i.scope)] \(i.definedLevels) K=\(i.knowledgeItems)")
        }
    }
    for d in doc.diagnostics { print(d.formatted(file: s.source.fileName)) }
}
