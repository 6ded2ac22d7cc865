import Foundation
import ITSSTestSupport
import Testing

@testable import ITSSStorage

@Suite("Storage backends")
struct StorageBackendTests {
    @Test(
        "PostgreSQL storage tests are enabled",
        .enabled(if: TestBackend.postgresAvailable, "ITSS_TEST_POSTGRES_URL is not set: the PostgreSQL storage tests are skipped")
    )
    func postgresIsConfigured() async throws {
        try await TestBackend.postgres.withDatabase { database in
            let applied = try await database.appliedMigrations()
            #expect(applied.count == SchemaMigrations.all.count)
        }
    }

    @Test("CI requires PostgreSQL when ITSS_REQUIRE_POSTGRES is set")
    func postgresRequiredInCI() {
        if ProcessInfo.processInfo.environment["ITSS_REQUIRE_POSTGRES"] == "1" {
            #expect(TestBackend.postgresAvailable, "CI must provide ITSS_TEST_POSTGRES_URL")
        }
    }
}
