import App
import BuildermockTesting
import Foundation
import HTTP
import JSON
import Testing

/// A valid build body, with fields overridden or removed (`nil` removes).
func buildBody(_ overrides: [String: JSONValue?] = [:]) -> JSONValue {
    var fields: [String: JSONValue] = [
        "url": "https://example.com", "appName": "Demo", "bundleId": "com.example.demo",
        "version": "1.0.0", "platform": "android",
    ]
    for (key, value) in overrides { fields[key] = value }
    return .object(fields)
}

extension TestApp {
    /// POSTs a build and returns the response.
    func createBuild(_ body: JSONValue, token: String = "t", path: String = "/api/v1/builds",
                     scenario: String? = nil) async -> HTTPResponse {
        var headers: HTTPHeaders = [:]
        if let scenario { headers.add("X-Buildermock-Scenario", scenario) }
        return await request(.post, path, token: token, json: body, headers: headers)
    }

    /// POSTs a build that must be accepted and returns its id.
    func createdBuildID(_ body: JSONValue = buildBody(), token: String = "t", scenario: String? = nil,
                        sourceLocation: SourceLocation = #_sourceLocation) async throws -> String {
        let response = await createBuild(body, token: token, scenario: scenario)
        #expect(response.status.code == 201, "\(response.text)", sourceLocation: sourceLocation)
        return try #require(response.json?[path: "id"]?.stringValue, sourceLocation: sourceLocation)
    }

    func build(_ id: String, token: String = "t") async -> JSONValue? {
        await request(.get, "/api/v1/builds/\(id)", token: token).json
    }

    func status(_ id: String, token: String = "t") async -> String? {
        await build(id, token: token)?[path: "status"]?.stringValue
    }
}

/// The namespace of token "t".
let namespaceT = TestApp.namespace(forToken: "t")

extension HTTPResponse {
    var errorCode: String? { json?[path: "error.code"]?.stringValue }
    var errorMessage: String { json?[path: "error.message"]?.stringValue ?? "" }
}

/// Runs python3 with `arguments` and returns (exit status, stdout).
func runPython(_ script: String, _ arguments: [String]) throws -> (Int32, String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", script] + arguments
    let output = Pipe()
    process.standardOutput = output
    process.standardError = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}
