import NIOConcurrencyHelpers
import SQLKit

/// Reads PostgreSQL's `pg_current_snapshot()` for many concurrent requests with few queries: a request waits for
/// the next query that *starts after it arrived* and shares its answer with every request that arrived while the
/// previous query ran. A request never gets a snapshot older than its own arrival, so a client that saw its write
/// commit still gets a version that includes it; under load one query answers a whole batch.
final class SnapshotReader: Sendable {
    private struct State {
        var running = false
        var waiting: [CheckedContinuation<String?, Never>] = []
    }

    private let state = NIOLockedValueBox(State())

    /// A snapshot taken after this call began.
    /// - Parameter read: One snapshot query (`nil` when the database does not answer); every caller passes the same.
    func snapshot(reading read: @escaping @Sendable () async -> String?) async -> String? {
        await withCheckedContinuation { continuation in
            let start = state.withLockedValue { state in
                state.waiting.append(continuation)
                guard !state.running else { return false }
                state.running = true
                return true
            }
            if start { Task { await self.serve(read) } }
        }
    }

    /// Runs queries while requests wait, each answering those that arrived before it started.
    private func serve(_ read: @Sendable () async -> String?) async {
        while true {
            let batch = state.withLockedValue { state in
                let batch = state.waiting
                state.waiting = []
                if batch.isEmpty { state.running = false }
                return batch
            }
            guard !batch.isEmpty else { return }
            let snapshot = await read()
            for waiter in batch { waiter.resume(returning: snapshot) }
        }
    }
}
