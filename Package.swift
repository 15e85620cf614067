// swift-tools-version:6.2
// inspectd: plans and records discipline inspections of public offices, as a systemd service.
//
// Dependencies point inward: InspectCore (pure domain) ← InspectStore (SQLite) ← InspectService (use cases)
// ← InspectDaemon / InspectCLI (transports). Versions are exact: the build must be reproducible from the mirror.

import PackageDescription

/// Every target of ours builds in Swift 6 mode with strict concurrency and no warnings.
let strict: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .treatAllWarnings(as: .error),
]

let package = Package(
    name: "inspectd",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "inspectd", targets: ["inspectd"]),
        .executable(name: "inspectctl", targets: ["inspectctl"]),
        // For the fuzz harnesses in Fuzz/, which build as a package of their own.
        .library(name: "InspectCore", targets: ["InspectCore"]),
        .library(name: "InspectVarlink", targets: ["InspectVarlink"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto", exact: "3.12.3"),
        // The province's center: PostgreSQL, reached only by `inspectctl central` (never by the daemon).
        .package(url: "https://github.com/vapor/postgres-nio", exact: "1.33.2"),
    ],
    targets: [
        .target(
            name: "InspectCore",
            dependencies: [.product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strict
        ),
        .target(
            name: "InspectStore",
            dependencies: [
                "InspectCore", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            swiftSettings: strict
        ),
        // libsystemd through lazily bound entry points: opened on first use, not at every start (libsystemd-dev gives
        // the headers).
        .target(name: "CSystemd"),
        .systemLibrary(name: "CMalloc"),
        .target(
            name: "InspectSystemd",
            dependencies: ["InspectCore", "CSystemd"],
            swiftSettings: strict
        ),
        // InspectCore for the one JSON string writer both the client and the outbox use (`FieldsJSON`).
        .target(name: "InspectVarlink", dependencies: ["InspectCore"], swiftSettings: strict),
        .target(
            name: "InspectService",
            // Not GRDB: the use cases hold InspectStore's `StoreTransaction` and read and write only through the
            // store's functions. MemberImportVisibility: a file may use only what it imports itself, so a use of the
            // SQLite layer could not slip in through InspectStore's own imports.
            dependencies: ["InspectCore", "InspectStore"],
            resources: [.embedInCode("API/io.inspectd.varlink")],
            swiftSettings: strict + [.enableUpcomingFeature("MemberImportVisibility")]
        ),
        .target(
            name: "InspectDaemon",
            dependencies: [
                "InspectCore", "InspectStore", "InspectService", "InspectSystemd", "InspectVarlink", "InspectCentral",
                "CMalloc",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        // The province's center: its PostgreSQL schema, migrations, roles and connection set-up, and the uplink
        // that sends a site's record there (the daemon's, and `inspectctl uplink send`).
        .target(
            name: "InspectCentral",
            dependencies: [
                "InspectCore", "InspectStore", .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Crypto", package: "swift-crypto"), .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "InspectCLI",
            dependencies: [
                "InspectCore", "InspectStore", "InspectService", "InspectSystemd", "InspectVarlink", "InspectCentral",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "inspectd", dependencies: ["InspectDaemon", .product(name: "Logging", package: "swift-log")],
            swiftSettings: strict),
        .executableTarget(
            name: "inspectctl", dependencies: ["InspectCLI"], swiftSettings: strict, plugins: ["HelpScreens"]),
        // Writes inspectctl's help screens when it is built (see HelpLayout): help then needs no parsing.
        .executableTarget(name: "help-screens", dependencies: ["InspectCLI"], swiftSettings: strict),
        .plugin(name: "HelpScreens", capability: .buildTool(), dependencies: ["help-screens"]),
        .executableTarget(
            name: "planner-bench", dependencies: ["InspectCore"], path: "Benchmarks/planner-bench",
            swiftSettings: strict),
        .executableTarget(
            name: "year-sim",
            dependencies: [
                "InspectCore", "InspectStore", "InspectService", "InspectTesting",
                .product(name: "GRDB", package: "GRDB.swift"),
                // For sqlite3_memory_used and mallinfo2: how much of the resident memory is live heap, and SQLite's.
                .product(name: "GRDBSQLite", package: "GRDB.swift"), "CMalloc",
            ],
            path: "Benchmarks/year-sim", swiftSettings: strict),
        // A socket-activatable demo service, only for the Varlink tests.
        .executableTarget(name: "varlink-echo", dependencies: ["InspectVarlink"], swiftSettings: strict),
        .target(
            name: "InspectTesting",
            dependencies: ["InspectCore", "InspectSystemd", "InspectVarlink"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "InspectCoreTests",
            dependencies: ["InspectCore", "InspectTesting"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "InspectStoreTests",
            dependencies: [
                "InspectCore", "InspectStore", "InspectTesting", .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "InspectSystemdTests",
            dependencies: ["InspectCore", "InspectSystemd", "InspectTesting"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "InspectVarlinkTests",
            dependencies: ["InspectVarlink", "InspectTesting", "varlink-echo"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "InspectServiceTests",
            dependencies: [
                "InspectCore", "InspectStore", "InspectService", "InspectTesting",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "InspectDaemonTests",
            dependencies: [
                "InspectDaemon", "InspectCore", "InspectStore", "InspectService", "InspectVarlink", "InspectTesting",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "InspectCentralTests",
            dependencies: [
                "InspectCentral", "InspectTesting", "inspectctl",
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "InspectCLITests",
            dependencies: [
                "InspectCLI", "InspectCore", "InspectService", "InspectTesting", "InspectVarlink",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "IntegrationTests",
            dependencies: [
                "InspectCore", "InspectStore", "InspectService", "InspectVarlink", "InspectCentral", "InspectTesting",
                "inspectctl", "inspectd", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            swiftSettings: strict
        ),
    ]
)
