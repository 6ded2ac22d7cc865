extension AppDatabase {
    /// Answers when the database does (readiness checks).
    /// - Throws: the driver's error when the database cannot be reached.
    public func ping() async throws {
        try await sql().raw("SELECT 1").run()
    }
}
