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
        // For the libFuzzer harness in fuzz/ (a separate package, built only by scripts/fuzz.sh).
        .library(name: "HTTP", targets: ["HTTP"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.0"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.0"..<"5.0.0"),
    ],
    targets: [
        // C, wrapped once.
        .systemLibrary(name: "CSQLite", path: "Sources/CSQLite", pkgConfig: "sqlite3",
                       providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "CZlib", path: "Sources/CZlib", pkgConfig: "zlib",
                       providers: [.apt(["zlib1g-dev"])]),
        // <sys/epoll.h>, which Glibc's module leaves out; a header, no library.
        .systemLibrary(name: "CEpoll", path: "Sources/CEpoll"),

        // HTTP core: knows no API, no job, no scenario.
        .target(name: "HTTP",
                dependencies: ["CZlib", "CEpoll", .product(name: "Logging", package: "swift-log")],
                swiftSettings: strictSettings),
        // The only importer of CSQLite.
        .target(name: "Store", dependencies: ["CSQLite"], swiftSettings: strictSettings),
        // A JSON value type with a strict parser and a deterministic writer: a leaf every layer may use.
        .target(name: "JSON", swiftSettings: strictSettings),
        // Pure values + validation: no HTTP, no Store.
        .target(name: "Scenarios", dependencies: ["JSON"], swiftSettings: strictSettings),
        .target(name: "Engine",
                dependencies: ["Store", "Scenarios", "HTTP", "JSON",
                               .product(name: "Logging", package: "swift-log"),
                               .product(name: "Crypto", package: "swift-crypto")],
                swiftSettings: strictSettings),
        // One target per emulated API: each depends on Engine, HTTP and JSON only.
        .target(name: "BuilderAgents", dependencies: ["Engine", "HTTP", "JSON", .product(name: "Logging", package: "swift-log")],
                path: "Sources/Services/BuilderAgents", swiftSettings: strictSettings),
        .target(name: "BuilderIO", dependencies: ["Engine", "HTTP", "JSON", .product(name: "Logging", package: "swift-log")],
                path: "Sources/Services/BuilderIO", swiftSettings: strictSettings),
        .target(name: "Buildprint", dependencies: ["Engine", "HTTP", "JSON", .product(name: "Logging", package: "swift-log")],
                path: "Sources/Services/Buildprint", swiftSettings: strictSettings),
        .target(name: "AppBuilds", dependencies: ["Engine", "HTTP", "JSON", .product(name: "Logging", package: "swift-log")],
                path: "Sources/Services/AppBuilds", swiftSettings: strictSettings),
        .target(name: "Admin", dependencies: ["Engine", "Scenarios", "HTTP", "JSON"], swiftSettings: strictSettings),
        .target(name: "App",
                dependencies: ["Admin", "Engine", "Scenarios", "Store", "HTTP", "JSON",
                               "BuilderAgents", "BuilderIO", "Buildprint", "AppBuilds",
                               .product(name: "Logging", package: "swift-log")],
                swiftSettings: strictSettings),
        // `buildermock demo`: drives a server through its public and admin APIs only.
        .target(name: "Demo", dependencies: ["HTTP", "JSON", .product(name: "Logging", package: "swift-log")],
                swiftSettings: strictSettings),
        .executableTarget(name: "BuildermockCLI",
                          dependencies: ["App", "Demo", "JSON",
                                         .product(name: "ArgumentParser", package: "swift-argument-parser"),
                                         .product(name: "Logging", package: "swift-log")],
                          swiftSettings: strictSettings),
        // `scripts/bench-engine.sh`: engine throughput without HTTP.
        .executableTarget(name: "BuildermockBench",
                          dependencies: ["Engine", "Store", "Scenarios", "JSON", .product(name: "Logging", package: "swift-log")],
                          swiftSettings: strictSettings),
        // Test support only; never imported by a product.
        .target(name: "BuildermockTesting",
                dependencies: ["App", "HTTP", "Engine", "JSON", .product(name: "Logging", package: "swift-log")],
                swiftSettings: strictSettings),

        .testTarget(name: "HTTPTests", dependencies: ["HTTP", "BuildermockTesting"], swiftSettings: strictSettings),
        .testTarget(name: "StoreTests", dependencies: ["Store"], swiftSettings: strictSettings),
        .testTarget(name: "ScenariosTests", dependencies: ["Scenarios", "JSON"], swiftSettings: strictSettings),
        .testTarget(name: "EngineTests", dependencies: ["Engine", "Store", "Scenarios", "JSON", "HTTP"], swiftSettings: strictSettings),
        .testTarget(name: "JSONTests", dependencies: ["JSON"], swiftSettings: strictSettings),
        .testTarget(name: "AdminTests", dependencies: ["Admin", "App", "Engine", "BuildermockTesting"], swiftSettings: strictSettings),
        .testTarget(name: "BuilderAgentsTests", dependencies: ["BuilderAgents", "App", "BuildermockTesting"],
                    swiftSettings: strictSettings),
        .testTarget(name: "BuilderIOTests", dependencies: ["BuilderIO", "App", "BuildermockTesting"],
                    swiftSettings: strictSettings),
        .testTarget(name: "BuildprintTests", dependencies: ["Buildprint", "App", "BuildermockTesting"],
                    swiftSettings: strictSettings),
        .testTarget(name: "AppBuildsTests", dependencies: ["AppBuilds", "App", "BuildermockTesting"],
                    swiftSettings: strictSettings),
        .testTarget(name: "CLITests", dependencies: ["BuildermockCLI", "App", "Demo", "JSON", "BuildermockTesting",
                                                 .product(name: "ArgumentParser", package: "swift-argument-parser")],
                    swiftSettings: strictSettings),
        .testTarget(name: "EndToEndTests", dependencies: ["App", "HTTP", "BuildermockTesting"],
                    swiftSettings: strictSettings),
    ]
)
