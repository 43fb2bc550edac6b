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
/// libFuzzer supplies `main`; without this the Swift frontend would emit one too.
let harnessSettings = strictSettings + [.unsafeFlags(["-parse-as-library"])]

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
        .executableTarget(name: "FuzzRequestParser",
                          dependencies: ["FuzzSupport", .product(name: "HTTP", package: "buildermock")],
                          swiftSettings: harnessSettings),
        .executableTarget(name: "FuzzChunkedDecoder",
                          dependencies: ["FuzzSupport", .product(name: "HTTP", package: "buildermock")],
                          swiftSettings: harnessSettings),
        .executableTarget(name: "FuzzGzip",
                          dependencies: ["FuzzSupport", .product(name: "HTTP", package: "buildermock")],
                          swiftSettings: harnessSettings),
    ]
)
