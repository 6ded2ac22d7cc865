import Foundation
import Synchronization

/// Starts child processes one at a time. Foundation's `Process.run()` on Linux is not safe to call from several
/// threads at once (seen here: a crash in `memcpy` inside `Process.run()` while parallel tests launched `itss`);
/// launching takes milliseconds, so serialising it costs nothing while the processes themselves run in parallel.
enum ProcessLaunch {
    private static let lock = Mutex(())

    /// Runs `process.run()` under the one launch lock.
    /// - Throws: what `Process.run()` throws.
    static func run(_ process: Process) throws {
        try lock.withLock { _ in try process.run() }
    }
}
