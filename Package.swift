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
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/vapor/fluent-kit", exact: "1.57.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver", exact: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver", exact: "2.14.0"),
        .package(url: "https://github.com/vapor/sqlite-nio", exact: "1.13.2"),
    ],
    targets: [
        // Pure domain: catalog, assessment and level rules. Foundation only, no I/O.
        .target(name: "ITSSDomain"),
        // Document parser, diagnostics, errata and interchange formats.
        .target(
            name: "ITSSImport",
            dependencies: ["ITSSDomain"],
            resources: [.copy("Resources/standards"), .copy("Resources/errata.json")]
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
            ]
        ),
        // The thin command-line executable.
        .executableTarget(
            name: "itss",
            dependencies: [
                "ITSSDomain", "ITSSImport", "ITSSStorage",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Import benchmark (no database), see BENCHMARKS.md.
        .executableTarget(name: "itss-bench", dependencies: ["ITSSDomain", "ITSSImport"]),
        // Storage benchmarks (approval, bulk assessment import) on a real SQLite file, see BENCHMARKS.md.
        .executableTarget(name: "itss-storage-bench", dependencies: ["ITSSDomain", "ITSSImport", "ITSSStorage"]),
        .testTarget(name: "ITSSDomainTests", dependencies: ["ITSSDomain"]),
        .testTarget(name: "ITSSImportTests", dependencies: ["ITSSDomain", "ITSSImport"]),
        .testTarget(name: "ITSSStorageTests", dependencies: ["ITSSDomain", "ITSSImport", "ITSSStorage"]),
        // Runs the built `itss` executable as a user would.
        .testTarget(name: "itssTests", dependencies: ["itss", "ITSSDomain", "ITSSImport", "ITSSStorage"]),
    ]
)
