// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "itss",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "itss", targets: ["itss"]),
        .library(name: "ITSSDomain", targets: ["ITSSDomain"]),
        .library(name: "ITSSImport", targets: ["ITSSImport"]),
        .library(name: "ITSSStorage", targets: ["ITSSStorage"]),
        .library(name: "ITSSWeb", targets: ["ITSSWeb"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/vapor/fluent-kit", exact: "1.57.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver", exact: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver", exact: "2.14.0"),
        .package(url: "https://github.com/vapor/sqlite-nio", exact: "1.13.2"),
        // Default traits off: they pull swift-configuration and reorder flags between `build` and `test` builds.
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1", traits: []),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", exact: "2.5.0"),
        .package(url: "https://github.com/apple/swift-http-types", exact: "1.8.0"),
    ],
    targets: [
        // Pure domain: catalog, assessment and level rules. Foundation only, no I/O.
        .target(name: "ITSSDomain"),
        // Document parser, diagnostics, errata and interchange formats.
        .target(
            name: "ITSSImport",
            dependencies: ["ITSSDomain"],
            resources: [.copy("Resources/standards"), .copy("Resources/errata.json"), .copy("Resources/crosswalk.json")]
        ),
        // Migrations, records and the database facade (SQLite and PostgreSQL).
        .target(
            name: "ITSSStorage",
            dependencies: [
                "ITSSDomain",
                "ITSSImport",
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                // The SQLite fast path of bulk inserts binds `SQLiteData` directly.
                .product(name: "SQLiteNIO", package: "sqlite-nio"),
                // Password hashing for accounts (C bcrypt only, no web framework).
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
            ]
        ),
        // The web application: pages, the JSON API, accounts and sessions, over the storage use cases.
        .target(
            name: "ITSSWeb",
            dependencies: [
                "ITSSDomain", "ITSSImport", "ITSSStorage",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            resources: [.copy("Resources/openapi.yaml"), .copy("Resources/static")]
        ),
        // The thin command-line executable.
        .executableTarget(
            name: "itss",
            dependencies: [
                "ITSSDomain", "ITSSImport", "ITSSStorage", "ITSSWeb",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Import benchmark (no database), see BENCHMARKS.md.
        .executableTarget(name: "itss-bench", dependencies: ["ITSSDomain", "ITSSImport"]),
        // Storage benchmarks (approval, bulk assessment import) on a real SQLite file, see BENCHMARKS.md.
        .executableTarget(name: "itss-storage-bench", dependencies: ["ITSSDomain", "ITSSImport", "ITSSStorage"]),
        .testTarget(name: "ITSSDomainTests", dependencies: ["ITSSDomain"]),
        .testTarget(name: "ITSSImportTests", dependencies: ["ITSSDomain", "ITSSImport"]),
        // Fixtures shared by the test targets: real databases of each backend, a hand-moved clock, a seeded org.
        .target(
            name: "ITSSTestSupport", dependencies: ["ITSSDomain", "ITSSImport", "ITSSStorage"], path: "Tests/ITSSTestSupport"),
        .testTarget(name: "ITSSStorageTests", dependencies: ["ITSSDomain", "ITSSImport", "ITSSStorage", "ITSSTestSupport"]),
        // Runs the built `itss` executable as a user would.
        .testTarget(name: "itssTests", dependencies: ["itss", "ITSSDomain", "ITSSImport", "ITSSStorage"]),
        // HTTP tests of every route, through the application in process and on a real socket.
        .testTarget(
            name: "ITSSWebTests",
            dependencies: [
                "ITSSDomain", "ITSSImport", "ITSSStorage", "ITSSWeb", "ITSSTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
    ]
)
