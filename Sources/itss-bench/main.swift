import Foundation
import ITSSDomain
import ITSSImport

// Benchmarks, run in release (see BENCHMARKS.md):
//   itss-bench [import] [ITERATIONS]  import of both shipped documents against a read + split-lines baseline
//   itss-bench rule [PAIRS]           the level rule over PAIRS person × field pairs (default 200,000)
//   itss-bench case [ITERATIONS]      CASE 1.1 export of both standards (with crosswalk links), import of a package,
//                                     and a tailoring profile as a derived package (export and import)

/// Median and 90th percentile of `iterations` timed runs of `body` in milliseconds (wall clock), and the median
/// CPU time of the same runs, after warm-up runs.
func measure(iterations: Int, _ body: () throws -> Void) rethrows -> (median: Double, p90: Double, cpuMedian: Double) {
    for _ in 0..<5 { try body() }
    var samples: [Double] = []
    var cpuSamples: [Double] = []
    samples.reserveCapacity(iterations)
    cpuSamples.reserveCapacity(iterations)
    for _ in 0..<iterations {
        let start = DispatchTime.now().uptimeNanoseconds
        let cpuStart = threadCPUSeconds()
        try body()
        cpuSamples.append((threadCPUSeconds() - cpuStart) * 1000)
        samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
    }
    samples.sort()
    cpuSamples.sort()
    return (samples[samples.count / 2], samples[min(samples.count - 1, samples.count * 9 / 10)], cpuSamples[cpuSamples.count / 2])
}

/// CPU time this thread has used, in seconds: unlike wall time it does not count time the thread waited for the
/// processor, so figures stay comparable on a busy machine.
func threadCPUSeconds() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
}

/// Peak resident set size of this process in MB (`VmHWM` of /proc/self/status), if the system reports it.
func peakResidentMB() -> Double? {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
        let kilobytes = line.split(separator: " ").compactMap { Double($0) }.first
        return kilobytes.map { $0 / 1024 }
    }
    return nil
}

func runImportBenchmark(iterations: Int) throws {
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
    print("itss-bench import: both ITSS documents (read + parse + scale conditions + diagnostics + errata), \(iterations) runs")
    print(
        String(
            format: "  baseline (read files, split lines): median %.3f ms, p90 %.3f ms, CPU median %.3f ms", baseline.median,
            baseline.p90, baseline.cpuMedian))
    print(
        String(
            format: "  import:                             median %.3f ms, p90 %.3f ms, CPU median %.3f ms", importing.median,
            importing.p90, importing.cpuMedian))
    print(
        String(
            format: "  ratio import/baseline (median):     %.1f×  (target: < 20×; import target: < 10 ms)",
            importing.median / baseline.median))
    if sink == 42 { print("") }  // keeps the optimiser from dropping the work
}

/// SplitMix64: a small deterministic generator, so every run evaluates the same inputs.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// One person × field pair of the rule benchmark.
struct Pair {
    var field: Int
    var ratings: [String: Int]
    var records: [ExperienceEvidence]
}

/// Pseudo-random but plausible inputs: each person aims at one of the field's levels (or none) and rates every
/// item around it, with 0–2 experience records of a role and scale around that level.
func generatePairs(count: Int, fields: [CompiledField], seed: UInt64) -> [Pair] {
    var random = SplitMix64(state: seed)
    let labels = (0..<64).map { "Customer \($0), 2024-04-01…2025-03-31" }
    let roles: [Role] = [.member, .leader, .responsiblePerson]
    var pairs: [Pair] = []
    pairs.reserveCapacity(count)
    for index in 0..<count {
        let fieldNumber = index % fields.count
        let field = fields[fieldNumber]
        let aim = field.definedLevels.randomElement(using: &random) ?? 0
        var ratings: [String: Int] = [:]
        ratings.reserveCapacity(field.itemNames.count)
        for (number, item) in field.field.items.enumerated() {
            let choices = [0] + item.definedLevels
            // Mostly at the aim, sometimes one step below or above it.
            let spread = Int.random(in: 0..<10, using: &random)
            let wanted = spread == 0 ? aim - 1 : spread == 9 ? aim + 1 : aim
            ratings[field.itemNames[number]] = choices.last { $0 <= wanted } ?? 0
        }
        var records: [ExperienceEvidence] = []
        for recordNumber in 0..<Int.random(in: 0...2, using: &random) {
            let role = roles[min(2, max(0, aim - 3 + Int.random(in: -1...1, using: &random)))]
            // Every measure a text may name, each stated or not, as records hold them.
            var measures: [ScaleMeasure: Int64] = [:]
            if Bool.random(using: &random) { measures[.peakStaff] = Int64.random(in: 1...300, using: &random) }
            if Bool.random(using: &random) {
                measures[.annualContractYen] = Int64.random(in: 10_000_000...3_000_000_000, using: &random)
            }
            if Bool.random(using: &random) { measures[.installationSites] = Int64.random(in: 1...400, using: &random) }
            if Bool.random(using: &random) { measures[.annualInquiries] = Int64.random(in: 100...20_000, using: &random) }
            records.append(
                ExperienceEvidence(
                    recordID: Int64(index * 4 + recordNumber), role: role, measures: measures,
                    label: labels[Int.random(in: 0..<labels.count, using: &random)]))
        }
        pairs.append(Pair(field: fieldNumber, ratings: ratings, records: records))
    }
    return pairs
}

func runRuleBenchmark(pairCount: Int) throws {
    let catalog = try BuiltInStandards.catalog()
    let fields = catalog.standards.flatMap { standard in
        standard.specialtyFields.map { CompiledField($0, in: standard) }
    }
    let generationStart = DispatchTime.now().uptimeNanoseconds
    let pairs = generatePairs(count: pairCount, fields: fields, seed: 2008)
    let generationSeconds = Double(DispatchTime.now().uptimeNanoseconds - generationStart) / 1e9

    var histogram: [Int: Int] = [:]
    var explained = 0
    var checks = 0
    let start = DispatchTime.now().uptimeNanoseconds
    let cpuStart = threadCPUSeconds()
    for pair in pairs {
        let breakdown = LevelRule.evaluate(
            fields[pair.field], ratings: pair.ratings, records: pair.records, basis: .approved)
        histogram[breakdown.attainedLevel ?? 0, default: 0] += 1
        explained &+= breakdown.explanation.count
        checks &+= breakdown.levels.count
    }
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    let cpuSeconds = threadCPUSeconds() - cpuStart

    // The same pairs through the vector entry point, to show what the name lookups cost.
    let vectors = pairs.map { fields[$0.field].ratingVector($0.ratings) }
    let vectorStart = DispatchTime.now().uptimeNanoseconds
    let vectorCPUStart = threadCPUSeconds()
    var vectorSink = 0
    for (pair, vector) in zip(pairs, vectors) {
        let breakdown = LevelRule.evaluate(
            fields[pair.field], ratingVector: vector, records: pair.records, basis: .approved)
        vectorSink &+= (breakdown.attainedLevel ?? 0) &+ breakdown.explanation.count
    }
    let vectorSeconds = Double(DispatchTime.now().uptimeNanoseconds - vectorStart) / 1e9
    let vectorCPUSeconds = threadCPUSeconds() - vectorCPUStart

    let fieldNames = fields.map {
        "\($0.name) (\($0.itemNames.count) items, levels \($0.definedLevels.map(String.init).joined(separator: ",")))"
    }
    print("itss-bench rule: \(pairs.count) person × field pairs over \(fields.count) fields of the built-in catalog, one thread")
    print("  fields: " + fieldNames.joined(separator: "; "))
    print(String(format: "  input generation (not timed):          %.3f s", generationSeconds))
    let perPair = 1e6 / Double(max(1, pairs.count))
    print(
        String(
            format: "  evaluate with breakdown, ratings by name: %.3f s wall, %.3f s CPU, %.2f µs CPU per pair  (target: < 1 s)",
            seconds, cpuSeconds, cpuSeconds * perPair))
    print(
        String(
            format: "  evaluate with breakdown, rating vectors:  %.3f s wall, %.3f s CPU, %.2f µs CPU per pair", vectorSeconds,
            vectorCPUSeconds, vectorCPUSeconds * perPair))
    print(
        "  attained levels: "
            + histogram.keys.sorted().map { "\($0 == 0 ? "below" : "L\($0)") \(histogram[$0] ?? 0)" }.joined(separator: ", "))
    print("  level checks: \(checks), unmet conditions explained: \(explained)")
    if let peak = peakResidentMB() {
        print(String(format: "  peak RSS (VmHWM): %.1f MB  (target: < 400 MB)", peak))
    } else {
        print("  peak RSS: not available (no /proc/self/status)")
    }
    if vectorSink == 42 { print("") }  // keeps the optimiser from dropping the work
}

func runCASEBenchmark(iterations: Int) throws {
    let catalog = try BuiltInStandards.catalog()
    let crosswalk = try Crosswalk.builtIn()
    var bytes = 0
    let export = measure(iterations: iterations) {
        bytes = 0
        for standard in catalog.standards {
            let package = CASEExport.package(standard, links: crosswalk.caseLinks(from: standard, in: catalog))
            bytes += (try? CASEExport.json(package))?.count ?? 0
        }
    }
    var packages: [[UInt8]] = []
    for standard in catalog.standards {
        packages.append(
            [UInt8](try CASEExport.json(CASEExport.package(standard, links: crosswalk.caseLinks(from: standard, in: catalog)))))
    }
    var items = 0
    let imports = try packages.map { package in
        try measure(iterations: iterations) {
            items = try CASEImport.read(package, fileName: "package.json").standard.fields.count
        }
    }
    print("itss-bench case: CASE 1.1 packages of both shipped standards (with crosswalk links), \(iterations) runs")
    print(
        String(
            format:
                "  export of both (build + JSON, %d bytes): median %.2f ms, p90 %.2f ms, CPU median %.2f ms  (target: < 50 ms)",
            bytes, export.median, export.p90, export.cpuMedian))
    for (standard, timing) in zip(catalog.standards, imports) {
        print(
            String(
                format: "  import of the %@ package: median %.2f ms, p90 %.2f ms, CPU median %.2f ms  (target: < 50 ms)",
                "\(standard.key.version) \(standard.key.name)", timing.median, timing.p90, timing.cpuMedian))
    }
    // A tailoring profile with one change of each kind, as its derived package (docs/case.md).
    let v3 = StandardKey(name: "IT Service Management", version: "V3 2008")
    let profile = TailoringProfile(
        name: "Bench", standard: v3, purpose: "every kind of change",
        fields: [
            FieldTailoring(field: "Operation", exclude: Exclusion(reason: "outsourced")),
            FieldTailoring(
                field: "Operation Management", displayName: DisplayName(name: "Ops", reason: "title"),
                items: [
                    ItemTailoring(item: "Facility Management", exclude: Exclusion(reason: "none")),
                    ItemTailoring(
                        item: "Technology", displayName: DisplayName(name: "Cloud", reason: "cloud"),
                        addKnowledge: [KnowledgeAddition(text: "FinOps", reason: "costs")]),
                ],
                companyItems: [
                    CompanyItem(name: "Cost Control", reason: "own", levels: [CompanyLevel(level: 3, text: "Tracks costs")])
                ],
                thresholds: [ThresholdAdjustment(level: 5, measure: .peakStaff, minimum: 50, reason: "smaller")]),
        ])
    var profileBytes = 0
    let profileExport = measure(iterations: iterations) {
        guard let tailored = try? Tailoring.apply(profile, to: catalog) else { return }
        profileBytes = (try? CASEProfileExport.json(profile, version: 1, tailored: tailored))?.count ?? 0
    }
    let profilePackage = [UInt8](try CASEProfileExport.json(profile, version: 1, tailored: Tailoring.apply(profile, to: catalog)))
    var fields = 0
    let profileImport = try measure(iterations: iterations) {
        fields = try CASEProfileImport.read(profilePackage, catalog: catalog).fields.count
    }
    print(
        String(
            format:
                "  profile on V3 as a derived package (%d bytes): export median %.2f ms (CPU %.2f ms), import median %.2f ms (CPU %.2f ms)",
            profileBytes, profileExport.median, profileExport.cpuMedian, profileImport.median, profileImport.cpuMedian))
    if items == 42, bytes == 0, fields == 42 { print("") }  // keeps the optimiser from dropping the work
}

var arguments = Array(CommandLine.arguments.dropFirst())
var mode = "import"
if let first = arguments.first, Int(first) == nil {
    mode = first
    arguments.removeFirst()
}
let count = arguments.first.flatMap { Int($0) }
switch mode {
case "import":
    try runImportBenchmark(iterations: count ?? 200)
case "rule":
    try runRuleBenchmark(pairCount: count ?? 200_000)
case "case":
    try runCASEBenchmark(iterations: count ?? 100)
default:
    FileHandle.standardError.write(Data("usage: itss-bench [import [ITERATIONS] | rule [PAIRS] | case [ITERATIONS]]\n".utf8))
    exit(64)
}
