import Foundation
import ITSSStorage
import SQLKit
import Testing

@testable import ITSSStorage

/// The databases the storage suite runs against: always a real SQLite file; PostgreSQL when
/// `ITSS_TEST_POSTGRES_URL` names a server (CI starts one, see .ci/run).
public enum TestBackend: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite
    case postgres

    public static var postgresURL: String? {
        let value = ProcessInfo.processInfo.environment["ITSS_TEST_POSTGRES_URL"] ?? ""
        return value.isEmpty ? nil : value
    }

    public static var postgresAvailable: Bool { postgresURL != nil }

    /// The backends to run: PostgreSQL only when configured.
    public static var enabled: [TestBackend] { postgresAvailable ? [.sqlite, .postgres] : [.sqlite] }

    public var testDescription: String { rawValue }

    /// Storage settings for tests: bcrypt at its lowest cost, so creating accounts stays fast.
    public static let configuration = StorageConfiguration(passwordCost: 4)

    /// Opens a fresh, migrated, empty database of this backend, runs `body`, and removes the database.
    public func withDatabase<T>(
        now: @escaping @Sendable () -> Date = { Date(timeIntervalSince1970: 1_800_000_000) },
        configuration: StorageConfiguration = TestBackend.configuration,
        _ body: (AppDatabase) async throws -> T
    ) async throws -> T {
        await DatabaseSlots.shared.acquire()
        do {
            let result = try await open(now: now, configuration: configuration, body)
            await DatabaseSlots.shared.release()
            return result
        } catch {
            await DatabaseSlots.shared.release()
            throw error
        }
    }

    private func open<T>(
        now: @escaping @Sendable () -> Date, configuration: StorageConfiguration, _ body: (AppDatabase) async throws -> T
    ) async throws -> T {
        switch self {
        case .sqlite:
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("itss-test-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: directory) }
            let database = try await AppDatabase.openMigrated(
                location: .sqlite(path: directory.appendingPathComponent("itss.sqlite").path), configuration: configuration,
                now: now)
            return try await run(database, body)
        case .postgres:
            guard let url = TestBackend.postgresURL else { throw SkipError() }
            // Each test gets its own schema so tests can run in parallel on one server.
            let schema = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
            let admin = try await AppDatabase(location: .postgres(url: url))
            try await admin.sql().raw("CREATE SCHEMA \(unsafeRaw: schema)").run()
            let separator = url.contains("?") ? "&" : "?"
            do {
                let database = try await AppDatabase.openMigrated(
                    location: .postgres(url: url + separator + "search_path=" + schema), configuration: configuration, now: now)
                let result = try await run(database, body)
                try await admin.sql().raw("DROP SCHEMA \(unsafeRaw: schema) CASCADE").run()
                await admin.close()
                return result
            } catch {
                try? await admin.sql().raw("DROP SCHEMA \(unsafeRaw: schema) CASCADE").run()
                await admin.close()
                throw error
            }
        }
    }

    private func run<T>(_ database: AppDatabase, _ body: (AppDatabase) async throws -> T) async throws -> T {
        do {
            let result = try await body(database)
            await database.close()
            return result
        } catch {
            await database.close()
            throw error
        }
    }

    public struct SkipError: Error {}
}

