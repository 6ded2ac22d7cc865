/// Bounds how many test databases are open at once. Each open database holds an event loop, a thread pool and
/// file descriptors (SQLite files, PostgreSQL sockets); Swift Testing starts hundreds of tests at once, and with
/// every test's database open the test process passed 600 descriptors, while Foundation's `Process.run()` —
/// used by the CLI tests in the same process — crashed under that load. Eight at a time keeps both cores busy.
actor DatabaseSlots {
    static let shared = DatabaseSlots(limit: 8)

    private let limit: Int
    private var inUse = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(limit: Int) {
        self.limit = limit
    }

    /// Waits for a free slot and takes it.
    func acquire() async {
        if inUse < limit {
            inUse += 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    /// Gives the slot to the next waiting test, or frees it.
    func release() {
        if waiting.isEmpty {
            inUse -= 1
        } else {
            waiting.removeFirst().resume()
        }
    }
}
