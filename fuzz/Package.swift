// swift-tools-version:6.0
// libFuzzer harnesses for buildermock's HTTP parsing code, kept out of the main package so that a
// plain `swift build`/`swift test` never needs libFuzzer. Build and run them with `scripts/fuzz.sh`,
// which passes `-Xswiftc -sanitize=fuzzer,address` so that the HTTP target is instrumented too.

import PackageDescription

let strictSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "buildermock-fuzz",
    products: [
        .executable(name: "fuzz-request-parser", targets: ["FuzzRequestParser"]),
        .executable(name: "fuzz-chunked-decoder", targets: ["FuzzChunkedDecoder"]),
        .executable(name: "fuzz-gzip", targets: ["FuzzGzip"]),
    ],
    dependencies: [
        .package(name: "buildermock", path: ".."),
    ],
    targets: [
        .target(name: "FuzzSupport", swiftSettings: strictSettings),
        .target(name: "CFuzzerDriver"),
        .executableTarget(name: "FuzzRequestParser",
                          dependencies: ["FuzzSupport", "CFuzzerDriver", .product(name: "HTTP", package: "buildermock")],
                          swiftSettings: strictSettings),
        .executableTarget(name: "FuzzChunkedDecoder",
                          dependencies: ["FuzzSupport", "CFuzzerDriver", .product(name: "HTTP", package: "buildermock")],
                          swiftSettings: strictSettings),
        .executableTarget(name: "FuzzGzip",
                          dependencies: ["FuzzSupport", "CFuzzerDriver", .product(name: "HTTP", package: "buildermock")],
                          swiftSettings: strictSettings),
    ]
)
