// swift-tools-version:6.0
// buildermock: a self-hosted mock of four hosted "AI app builder" APIs.
// Each layer is its own target so that a wrong import does not compile (see ../shared/STYLE.md).

import PackageDescription

/// Swift 6 mode plus the habit-1 upcoming features, on every target.
let strictSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "buildermock",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "buildermock", targets: ["BuildermockCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.0"),
    ],
    targets: [
        // C, wrapped once.
        .systemLibrary(name: "CSQLite", path: "Sources/CSQLite", pkgConfig: "sqlite3",
                       providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "CZlib", path: "Sources/CZlib", pkgConfig: "zlib",
                       providers: [.apt(["zlib1g-dev"])]),

        // HTTP core: knows no API, no job, no scenario.
        .target(name: "HTTP",
                dependencies: ["CZlib", .product(name: "Logging", package: "swift-log")],
                swiftSettings: strictSettings),
        // The only importer of CSQLite.
        .target(name: "Store", dependencies: ["CSQLite"], swiftSettings: strictSettings),
        // Pure values + validation: no HTTP, no Store.
        .target(name: "Scenarios", swiftSettings: strictSettings),
        .target(name: "Engine",
                dependencies: ["Store", "Scenarios", "HTTP",
                               .product(name: "Logging", package: "swift-log")],
                swiftSettings: strictSettings),
        .target(name: "Admin", dependencies: ["Engine", "Scenarios", "HTTP"], swiftSettings: strictSettings),
        .target(name: "App",
                dependencies: ["Admin", "Engine", "Scenarios", "Store", "HTTP",
                               .product(name: "Logging", package: "swift-log")],
                swiftSettings: strictSettings),
        .executableTarget(name: "BuildermockCLI",
                          dependencies: ["App",
                                         .product(name: "ArgumentParser", package: "swift-argument-parser"),
                                         .product(name: "Logging", package: "swift-log")],
                          swiftSettings: strictSettings),
        // Test support only; never imported by a product.
        .target(name: "BuildermockTesting",
                dependencies: ["App", "HTTP", "Engine", .product(name: "Logging", package: "swift-log")],
                swiftSettings: strictSettings),

        .testTarget(name: "HTTPTests", dependencies: ["HTTP", "BuildermockTesting"], swiftSettings: strictSettings),
        .testTarget(name: "StoreTests", dependencies: ["Store"], swiftSettings: strictSettings),
        .testTarget(name: "ScenariosTests", dependencies: ["Scenarios"], swiftSettings: strictSettings),
        .testTarget(name: "EngineTests", dependencies: ["Engine", "Store", "Scenarios"], swiftSettings: strictSettings),
        .testTarget(name: "CLITests", dependencies: ["BuildermockCLI", "App", "BuildermockTesting"],
                    swiftSettings: strictSettings),
        .testTarget(name: "EndToEndTests", dependencies: ["App", "HTTP", "BuildermockTesting"],
                    swiftSettings: strictSettings),
    ]
)
