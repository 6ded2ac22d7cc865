import ITSSStorage
import Synchronization

extension AppDatabase {
    /// Brings the skill map's counts up to date after a bulk change (`itss import`, `itss demo`), with progress
    /// on standard error every 20,000 people: a change of many people leaves them to be counted after it commits
    /// (`refreshSkillMapTally`).
    /// - Throws: the database error.
    func refreshSkillMapTallyReporting() async throws {
        let reported = Mutex(0)
        try await refreshSkillMapTally { refreshed in
            let due = reported.withLock { last -> Bool in
                guard refreshed - last >= 20_000 else { return false }
                last = refreshed
                return true
            }
            if due { Output.note("Skill map counts: \(refreshed) people…") }
        }
    }
}
