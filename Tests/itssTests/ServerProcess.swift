import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A running `itss serve` process of a `CLIRunner`'s data directory (or PostgreSQL schema), on a free port.
final class ServerProcess: Sendable {
    let process: Process
    let port: Int
    private let log: LogBuffer

    /// Starts `itss serve --port 0` and waits until it prints the port it listens on.
    /// - Throws: when the server exits or does not start within a minute.
    init(_ runner: CLIRunner, environment extra: [String: String] = [:]) throws {
        let process = Process()
        process.executableURL = CLIRunner.executable
        process.arguments = ["serve", "--port", "0"]
        var environment = ProcessInfo.processInfo.environment
        environment["ITSS_DATA_DIR"] = runner.dataDirectory.path
        environment["DATABASE_URL"] = nil
        environment["USER"] = "cli-test"
        environment["ITSS_PASSWORD_COST"] = "4"
        for (key, value) in runner.environment { environment[key] = value }
        for (key, value) in extra { environment[key] = value }
        process.environment = environment
        // Standard error goes to a file that is polled: no pipe reader thread racing the launch.
        let logFile = FileManager.default.temporaryDirectory.appendingPathComponent("itss-serve-\(UUID().uuidString).log")
        guard FileManager.default.createFile(atPath: logFile.path, contents: nil),
            let logHandle = FileHandle(forWritingAtPath: logFile.path)
        else { throw ServerError("cannot create \(logFile.path)") }
        process.standardError = logHandle
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        let log = LogBuffer(file: logFile)
        try ProcessLaunch.run(process)
        let deadline = Date().addingTimeInterval(60)
        var found: Int?
        while found == nil, Date() < deadline, process.isRunning {
            let text = log.contents
            found = text.range(of: #"itss serving http://127\.0\.0\.1:(\d+)"#, options: .regularExpression).flatMap { range in
                Int(text[range].split(separator: ":").last ?? "")
            }
            if found == nil { Thread.sleep(forTimeInterval: 0.1) }
        }
        guard let found else {
            process.terminate()
            throw ServerError("itss serve did not start: \(log.contents)")
        }
        self.process = process
        self.port = found
        self.log = log
    }

    /// What the server printed on standard error so far.
    var output: String { log.contents }

    /// Sends SIGTERM and waits for the process to end; returns its exit status.
    @discardableResult
    func stop() -> Int32 {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// One HTTP request without following redirects.
    func request(
        _ method: String, _ path: String, headers: [String: String] = [:], body: String? = nil
    ) async throws -> HTTPResult {
        guard let url = URL(string: "http://127.0.0.1:\(port)\(path)") else { throw ServerError("bad path \(path)") }
        var request = URLRequest(url: url)
        request.httpMethod = method
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        request.httpBody = body.map { Data($0.utf8) }
        let session = URLSession(configuration: .ephemeral, delegate: NoRedirects(), delegateQueue: nil)
        defer { session.finishTasksAndInvalidate() }
        let (data, response) = try await session.data(for: request)
        guard let http = response as? HTTPURLResponse else { throw ServerError("not an HTTP response") }
        var fields: [String: String] = [:]
        for (name, value) in http.allHeaderFields {
            if let name = name as? String, let value = value as? String { fields[name.lowercased()] = value }
        }
        return HTTPResult(status: http.statusCode, headers: fields, body: String(decoding: data, as: UTF8.self))
    }

    /// Signs in through the form; returns the `Cookie` header value of the session.
    func signIn(_ login: String, _ password: String) async throws -> String {
        let response = try await request(
            "POST", "/login", headers: ["Content-Type": "application/x-www-form-urlencoded"],
            body: "login=\(login)&password=\(password.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")")
        guard response.status == 303, let cookie = response.headers["set-cookie"]?.split(separator: ";").first else {
            throw ServerError("sign-in of \(login) failed with \(response.status)")
        }
        return String(cookie)
    }
}

/// The file the server's standard error goes to; removed with the last reference.
private final class LogBuffer: Sendable {
    let file: URL

    init(file: URL) {
        self.file = file
    }

    var contents: String { (try? String(contentsOf: file, encoding: .utf8)) ?? "" }

    deinit {
        try? FileManager.default.removeItem(at: file)
    }
}

struct HTTPResult {
    var status: Int
    var headers: [String: String]
    var body: String
}

struct ServerError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

private final class NoRedirects: NSObject, URLSessionTaskDelegate {
    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void
    ) {
        completionHandler(nil)
    }
}
