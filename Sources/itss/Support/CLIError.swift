import Foundation

/// A failure reported as one line on standard error, with a non-zero exit code.
struct CLIError: LocalizedError, CustomStringConvertible {
    let message: String

    init(_ message: String) { self.message = message }

    /// Wraps any error in its one-line description.
    init(_ error: any Error) {
        if let error = error as? CLIError {
            message = error.message
        } else if let error = error as? LocalizedError, let description = error.errorDescription {
            message = description
        } else {
            message = "\(error)"
        }
    }

    var errorDescription: String? { message }
    var description: String { message }
}

/// Runs a command body, turning every error into a one-line `CLIError`.
func reportingErrors<T>(_ body: () async throws -> T) async throws -> T {
    do {
        return try await body()
    } catch {
        throw CLIError(error)
    }
}
