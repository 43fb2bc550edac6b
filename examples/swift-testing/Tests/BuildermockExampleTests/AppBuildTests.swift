import Testing

/// One server for the suite; each test resets it first. `.serialized` because the tests share it.
@Suite(.serialized) struct AppBuildTests {
    static let server = Result { try Buildermock() }
    let headers = ["Authorization": "Bearer my-key", "X-Buildermock-Namespace": "swift-tests"]
    let build: [String: Any] = ["url": "https://example.com", "appName": "My Shop",
                                "bundleId": "com.example.myshop", "version": "1.0.0"]

    @Test func buildSucceedsAfterThreeMinutes() async throws {
        let bm = try Self.server.get()
        try await bm.reset()
        let created = try await bm.call("POST", "/api/v1/builds", json: build, headers: headers)
        #expect(created.status == 201)
        let id = try #require(created.body?["id"] as? String)
        try await bm.advance("10s", namespace: "swift-tests")
        #expect(try await bm.call("GET", "/api/v1/builds/\(id)", headers: headers).body?["status"] as? String == "building")
        try await bm.advance("3m", namespace: "swift-tests")
        #expect(try await bm.call("GET", "/api/v1/builds/\(id)", headers: headers).body?["status"] as? String == "success")
    }

    @Test func scenarioHeaderPicksAFailure() async throws {
        let bm = try Self.server.get()
        try await bm.reset()
        var failing = headers
        failing["X-Buildermock-Scenario"] = "url-unreachable"
        let created = try await bm.call("POST", "/api/v1/builds", json: build, headers: failing)
        let id = try #require(created.body?["id"] as? String)
        try await bm.advance("1m", namespace: "swift-tests")
        #expect(try await bm.call("GET", "/api/v1/builds/\(id)", headers: headers).body?["status"] as? String == "failed")
    }
}
