// swift-tools-version:6.0
// An example of Swift tests against buildermock: copy Tests/…/Buildermock.swift into your test target.
import PackageDescription

let package = Package(
    name: "BuildermockExample",
    platforms: [.macOS(.v14)],
    targets: [
        .testTarget(name: "BuildermockExampleTests"),
    ]
)
