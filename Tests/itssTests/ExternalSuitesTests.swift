import Foundation
import Testing

/// The suites that drive a running `itss serve` from outside: the real-browser test (Selenium + Chromium) and the
/// API fuzzing against the OpenAPI document (schemathesis). They run when their tools are installed (CI installs
/// them, see .ci/run) and are skipped with the reason otherwise; with `ITSS_REQUIRE_BROWSER=1` a missing tool
/// fails instead. On the CI's PostgreSQL pass they run against PostgreSQL.
@Suite("Browser and API fuzzing against a running server", .serialized)
struct ExternalSuitesTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func available(_ command: String) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? ProcessLaunch.run(process)) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }

    static let browserReady = available(
        "test -x /usr/bin/chromium && test -x /usr/bin/chromedriver && python3 -c 'import selenium, pytest'")
    static let fuzzerReady = available(
        "command -v schemathesis || test -x '\(root.path)/.venv/bin/schemathesis'")
    static let required = ProcessInfo.processInfo.environment["ITSS_REQUIRE_BROWSER"] == "1"

    /// Runs a script with the built binary (each script makes its own fresh data directory); returns its exit
    /// status and output.
    static func runScript(_ name: String) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = root.appendingPathComponent("scripts/\(name)")
        process.arguments = [CLIRunner.executable.path]
        var environment = ProcessInfo.processInfo.environment
        environment["DATABASE_URL"] = nil
        environment["ITSS_BIN"] = CLIRunner.executable.path
        process.environment = environment
        process.currentDirectoryURL = root
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try ProcessLaunch.run(process)
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test("CI has the browser and the fuzzer", .enabled(if: required, "ITSS_REQUIRE_BROWSER is not set"))
    func toolsArePresent() {
        #expect(Self.browserReady, "Chromium, chromedriver, selenium and pytest must be installed")
        #expect(Self.fuzzerReady, "schemathesis must be installed")
    }

    @Test(
        "a real browser: self-assess, submit, review, approve, the level changes (English and Japanese)",
        .enabled(if: browserReady, "Chromium/chromedriver or selenium/pytest are not installed: the browser test is skipped"),
        .enabled(if: CLIRunner.usesSQLite, "the scripts serve a fresh SQLite database; they run in the SQLite pass"))
    func browser() throws {
        let (status, output) = try Self.runScript("browser-test.sh")
        #expect(status == 0, "\(output.suffix(30000))")
    }

    @Test(
        "schemathesis finds no 5xx and no response that violates the OpenAPI document",
        .enabled(if: fuzzerReady, "schemathesis is not installed: API fuzzing is skipped"),
        .enabled(if: CLIRunner.usesSQLite, "the scripts serve a fresh SQLite database; they run in the SQLite pass"))
    func fuzzing() throws {
        let (status, output) = try Self.runScript("api-fuzz.sh")
        #expect(status == 0, "\(output.suffix(30000))")
    }
}
