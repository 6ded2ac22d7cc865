import Foundation
import ITSSDomain
import ITSSImport

// Import benchmark: parse + diagnostics of both shipped documents, no database, against the baseline of
// reading the same files and splitting them into lines. Run in release: `swift run -c release itss-bench`.

/// Median and 90th percentile of `iterations` timed runs of `body`, in milliseconds, after warm-up runs.
func measure(iterations: Int, _ body: () throws -> Void) rethrows -> (median: Double, p90: Double) {
    for _ in 0..<5 { try body() }
    var samples: [Double] = []
    samples.reserveCapacity(iterations)
    for _ in 0..<iterations {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
    }
    samples.sort()
    return (samples[samples.count / 2], samples[min(samples.count - 1, samples.count * 9 / 10)])
}

let iterations = Int(CommandLine.arguments.dropFirst().first ?? "") ?? 200
let urls = try BuiltInStandards.fileNames.map(BuiltInStandards.resourceURL)
let errata = try Errata.builtIn()
var sink = 0

let baseline = try measure(iterations: iterations) {
    for url in urls {
        let text = String(decoding: try Data(contentsOf: url), as: UTF8.self)
        sink &+= text.split(separator: "\n", omittingEmptySubsequences: false).count
    }
}
let importing = try measure(iterations: iterations) {
    for url in urls {
        let document = try DocumentImporter.read(contentsOf: url, errata: errata)
        sink &+= document.diagnostics.count
    }
}

print("itss-bench: import both ITSS documents (read + parse + scale conditions + diagnostics + errata), \(iterations) runs")
print(String(format: "  baseline (read files, split lines): median %.3f ms, p90 %.3f ms", baseline.median, baseline.p90))
print(String(format: "  import:                             median %.3f ms, p90 %.3f ms", importing.median, importing.p90))
print(String(format: "  ratio import/baseline (median):     %.1f×  (target: < 20×; import target: < 10 ms)", importing.median / baseline.median))
if sink == 42 { print("") }  // keeps the optimiser from dropping the work
