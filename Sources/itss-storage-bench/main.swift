import Foundation
import ITSSDomain
import ITSSImport
import ITSSStorage

// Storage benchmarks on a real SQLite file (release build):
//   swift build -c release --product itss-storage-bench && .build/release/itss-storage-bench [approve|import] [N]
// approve: median time of approving one assessment (write + level recompute + audit), over N assessments.
// import:  `itss import assessments` throughput for N people × one field (17 ratings each), approved, read from a
//          file a batch at a time as the CLI reads it; csv N PREFIX writes the people and ratings files only.
// levels:  reading one person's levels with breakdown and explanation (and an unknown person's error), among N
//          people with approved assessments, over 2,000 random people.

let arguments = Array(CommandLine.arguments.dropFirst())
let mode = arguments.first ?? "approve"
let count = arguments.dropFirst().first.flatMap(Int.init) ?? (mode == "approve" ? 300 : 200_000)
let directory = FileManager.default.temporaryDirectory.appendingPathComponent("itss-storage-bench-\(UUID().uuidString)")
defer { try? FileManager.default.removeItem(at: directory) }
let field = "V3:Service Desk"

func milliseconds(since start: UInt64) -> Double {
    Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
}

func log(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

// ITSS_BENCH_POSTGRES_URL runs the benchmark on an (empty) PostgreSQL database instead.
let location: DatabaseLocation =
    ProcessInfo.processInfo.environment["ITSS_BENCH_POSTGRES_URL"].map { .postgres(url: $0) }
    ?? .sqlite(path: directory.appendingPathComponent("bench.sqlite").path)
let database = try await AppDatabase.openMigrated(location: location)
let bench = Principal.operator(systemUser: "bench")
try await database.loadBuiltInStandardsIfEmpty()
let ops = try await database.createOrgUnit(code: "OPS", name: "Operations", parentID: nil, by: bench)
let evaluator = try await database.addPerson(NewPerson(employeeNumber: "M0", name: "Evaluator", orgUnitID: ops.id), by: bench)
try await database.assignEvaluator(evaluator.id, to: .orgUnit(ops.id), by: bench)
let asEvaluator = Principal.operator(systemUser: "bench", actingFor: evaluator.id, employeeNumber: "M0")
let items = try await database.levels(of: "M0", field: field).first?.official.levels.first?.items.map(\.item) ?? []

func peopleCSV(_ count: Int) -> [UInt8] {
    var csv = "employee_number,name,org_unit,fields\n"
    for number in 0..<count { csv += "P\(number),Person \(number),OPS,\(field)\n" }
    return Array(csv.utf8)
}

/// Writes `itss import assessments`'s file for `count` people × the field's items, a person at a time.
/// - Returns: The file's size in bytes.
func writeRatingsCSV(_ count: Int, to path: String) throws -> Int {
    guard FileManager.default.createFile(atPath: path, contents: nil), let file = FileHandle(forWritingAtPath: path) else {
        throw CocoaError(.fileWriteUnknown)
    }
    defer { try? file.close() }
    var bytes = Array("employee_number,field,cycle,item,self_level,evaluator_level\n".utf8)
    var size = 0
    let itemTails = items.map { Array(",\(field),2026H2,\($0),".utf8) }
    for number in 0..<count {
        let level = UInt8(ascii: "3") + UInt8(number % 2)
        let person = Array("P\(number)".utf8)
        for tail in itemTails {
            bytes += person
            bytes += tail
            bytes += [level, UInt8(ascii: ","), level, UInt8(ascii: "\n")]
        }
        if bytes.count > 1 << 20 || number == count - 1 {
            try file.write(contentsOf: bytes)
            size += bytes.count
            bytes.removeAll(keepingCapacity: true)
        }
    }
    return size
}

/// The process's peak resident memory (VmHWM), e.g. "412 MB".
func peakMemory() -> String {
    let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
    let line = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") }
    let kilobytes = line?.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
    return "\(kilobytes / 1024) MB"
}

switch mode {
case "import", "csv":
    // import: `itss import assessments` as the CLI runs it — the file read a batch at a time — for `count` people
    // × one field. csv: only writes the files (people and ratings) to the path prefix given after N, for timing
    // the CLI itself.
    let prefix = arguments.dropFirst(2).first ?? directory.appendingPathComponent("bench").path
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let ratingsPath = prefix + "-ratings.csv"
    let size = try writeRatingsCSV(count, to: ratingsPath)
    if mode == "csv" {
        try Data(peopleCSV(count)).write(to: URL(fileURLWithPath: prefix + "-people.csv"))
        print("wrote \(prefix)-people.csv and \(ratingsPath) (\(count * items.count) ratings, \(size / 1_000_000) MB)")
        break
    }
    log("Importing \(count) people…")
    try await database.importPeople(try SpreadsheetRows.people(peopleCSV(count)), by: bench)
    // As `itss import people` does: the skill map's counts are brought up to date after the import.
    try await database.refreshSkillMapTally()
    log("Importing \(count * items.count) ratings (\(size / 1_000_000) MB of CSV)…")
    let start = DispatchTime.now().uptimeNanoseconds
    let summary = try await database.importAssessments(
        batches: { try SpreadsheetRows.ratingBatches(CSVInput(contentsOfFile: ratingsPath)) }, approvedBy: evaluator.id,
        by: bench)
    let total = milliseconds(since: start)
    print("itss-storage-bench import: \(count) people × \(items.count) items = \(summary.rows) ratings, approved, levels stored")
    print(
        String(
            format: "  %.1f s from the file: %.0f rating rows/s (target ≥ 300,000 SQLite, ≥ 150,000 PostgreSQL); ",
            total / 1000, Double(summary.rows) / (total / 1000)) + "peak RSS " + peakMemory())
    // Then, as `itss import assessments` does after the import has committed: the skill map's counts.
    let counting = DispatchTime.now().uptimeNanoseconds
    try await database.refreshSkillMapTally()
    print(String(format: "  then the skill map's counts for %d people: %.1f s", count, milliseconds(since: counting) / 1000))
case "levels":
    log("Importing \(count) people with approved assessments…")
    try await database.importPeople(try SpreadsheetRows.people(peopleCSV(count)), by: bench)
    var csv = "employee_number,field,cycle,item,self_level,evaluator_level\n"
    for number in 0..<count {
        // Service Desk items define levels 3 and 4 (0 means none).
        let level = [0, 3, 4][number % 3]
        for item in items { csv += "P\(number),\(field),2026H1,\(item),\(level),\(level)\n" }
    }
    try await database.importAssessments(try SpreadsheetRows.ratings(Array(csv.utf8)), approvedBy: evaluator.id, by: bench)
    var generator = SystemRandomNumberGenerator()
    var reads: [Double] = []
    var unknown: [Double] = []
    var explained = 0
    for round in 0..<2_000 {
        let number = Int.random(in: 0..<count, using: &generator)
        var start = DispatchTime.now().uptimeNanoseconds
        let levels = try await database.levels(of: "P\(number)")
        reads.append(milliseconds(since: start))
        explained += levels.first?.official.explanation.isEmpty == false ? 1 : 0
        if round % 10 == 0 {
            start = DispatchTime.now().uptimeNanoseconds
            _ = try? await database.personID("Q\(number)")
            unknown.append(milliseconds(since: start))
        }
    }
    reads.sort()
    unknown.sort()
    print(
        "itss-storage-bench levels on \(database.location): \(count) people; one person's levels with breakdown, "
            + "2,000 reads (\(explained) with an explanation)")
    print(
        String(
            format: "  median %.3f ms, p90 %.3f ms; unknown person (suggestions) median %.3f ms", reads[reads.count / 2],
            reads[reads.count * 9 / 10], unknown[unknown.count / 2]))
case "experience":
    // itss import experience: `count` records (people of `count / 4`), three in four verified by the evaluator.
    let people = max(count / 4, 1)
    log("Importing \(people) people…")
    try await database.importPeople(try SpreadsheetRows.people(peopleCSV(people)), by: bench)
    var csv = "employee_number,field,role,from,to,peak_staff,verified_by\n"
    for number in 0..<count {
        let role = ["member", "leader", "responsible person"][number % 3]
        csv += "P\(number % people),\(field),\(role),20\(10 + number % 15)-04-01,20\(11 + number % 15)-03-31,\(5 + number % 90),"
        csv += number % 4 == 0 ? "\n" : "M0\n"
    }
    let rows = try SpreadsheetRows.experience(Array(csv.utf8))
    let start = DispatchTime.now().uptimeNanoseconds
    let summary = try await database.importExperience(rows, by: bench)
    let total = milliseconds(since: start)
    print(
        "itss-storage-bench experience: \(summary.rows) records of \(people) people, \(summary.levelsComputed) levels recomputed")
    print(String(format: "  %.1f s (target: 350,000 records < 15 s)", total / 1000))
case "approve":
    log("Preparing \(count) submitted assessments…")
    try await database.importPeople(try SpreadsheetRows.people(peopleCSV(count)), by: bench)
    var csv = "employee_number,field,cycle,item,self_level,evaluator_level,evaluator_reason\n"
    for number in 0..<count {
        for item in items { csv += "P\(number),\(field),2026H2,\(item),4,3,calibrated\n" }
    }
    try await database.importAssessments(try SpreadsheetRows.ratings(Array(csv.utf8)), approvedBy: nil, by: bench)
    var samples: [Double] = []
    for number in 0..<count {
        guard let assessment = try await database.assessments(of: "P\(number)").first else { continue }
        let person = try await database.operatorPrincipal(systemUser: "bench", actingFor: "P\(number)")
        try await database.submitAssessment(assessment.id, by: person)
        let start = DispatchTime.now().uptimeNanoseconds
        try await database.approveAssessment(assessment.id, by: asEvaluator)
        samples.append(milliseconds(since: start))
    }
    samples.sort()
    let median = samples[samples.count / 2]
    let p90 = samples[samples.count * 9 / 10]
    print("itss-storage-bench approve: \(samples.count) approvals on SQLite (write + level recompute + audit, one transaction)")
    print(String(format: "  median %.2f ms, p90 %.2f ms (target: median < 5 ms)", median, p90))
default:
    log("usage: itss-storage-bench approve|import|levels|experience [N] | csv N PREFIX")
}
await database.close()
