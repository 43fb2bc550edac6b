import App
import BuildermockTesting
import HTTP
import JSON
import Testing

@Suite struct DeployTests {
    func successfulBuild(_ app: TestApp, platform: String = "android") async throws -> String {
        let id = try await app.createdBuildID(buildBody(["platform": .string(platform)]))
        try await app.advance("7m", namespace: namespaceT)
        #expect(await app.status(id) == "success")
        return id
    }

    @Test func deploy_queuedSubmittedLive() async throws {
        let app = try TestApp()
        let build = try await successfulBuild(app)
        let created = await app.request(.post, "/api/v1/deploys", token: "t", json: ["buildId": .string(build), "store": "play"])
        #expect(created.status.code == 201, "\(created.text)")
        let json = try #require(created.json)
        let id = try #require(json[path: "id"]?.stringValue)
        #expect(id.hasPrefix("dep_"))
        #expect(json[path: "status"] == "queued")
        #expect(json[path: "buildId"] == .string(build))
        #expect(json[path: "store"] == "play")
        try await app.advance("5s", namespace: namespaceT)
        #expect(await app.request(.get, "/api/v1/deploys/\(id)", token: "t").json?[path: "status"] == "submitted")
        try await app.advance("2m", namespace: namespaceT)
        let live = try #require(await app.request(.get, "/api/v1/deploys/\(id)", token: "t").json)
        #expect(live[path: "status"] == "live")
        #expect(live[path: "finishedAt"] != nil)
        #expect(live[path: "error"] == nil)
    }

    @Test func deploy_rejectedScenario() async throws {
        let app = try TestApp()
        let build = try await successfulBuild(app, platform: "ios")
        let created = await app.request(.post, "/api/v1/deploys", token: "t",
                                        json: ["buildId": .string(build), "store": "app_store"],
                                        headers: ["X-Buildermock-Scenario": "rejected"])
        let id = try #require(created.json?[path: "id"]?.stringValue)
        try await app.advance("3m", namespace: namespaceT)
        let rejected = try #require(await app.request(.get, "/api/v1/deploys/\(id)", token: "t").json)
        #expect(rejected[path: "status"] == "rejected")
        #expect(rejected[path: "error.code"] == "STORE_REJECTED")
    }

    @Test func deploy_refusals() async throws {
        let app = try TestApp()
        let android = try await successfulBuild(app)
        let running = try await app.createdBuildID(buildBody(["version": "2.0.0"]))
        func post(_ body: JSONValue) async -> HTTPResponse {
            await app.request(.post, "/api/v1/deploys", token: "t", json: body)
        }
        let wrongStore = await post(["buildId": .string(android), "store": "app_store"])
        #expect(wrongStore.status.code == 400 && wrongStore.errorCode == "invalid_store")
        #expect(await post(["buildId": .string(android), "store": "steam"]).status.code == 400)
        #expect(await post(["buildId": .string(android)]).status.code == 400)
        #expect(await post(["store": "play"]).status.code == 400)
        #expect(await post(["buildId": "bld_nope", "store": "play"]).errorCode == "invalid_buildId")
        let notReady = await post(["buildId": .string(running), "store": "play"])
        #expect(notReady.status.code == 409 && notReady.errorCode == "build_not_successful")
        let failed = try await app.createdBuildID(buildBody(["version": "3.0.0"]), scenario: "url-unreachable")
        try await app.advance("10m", namespace: namespaceT)
        #expect(await post(["buildId": .string(failed), "store": "play"]).status.code == 409)
        #expect(await app.request(.get, "/api/v1/deploys/dep_nope", token: "t").status.code == 404)
        // A build id is not a deploy id.
        #expect(await app.request(.get, "/api/v1/deploys/\(android)", token: "t").status.code == 404)
    }
}

@Suite struct AuthAndRateLimitTests {
    @Test func everyAPIRoute_needsABearerKey() async throws {
        let app = try TestApp()
        let routes: [(HTTPMethod, String)] = [(.post, "/api/v1/builds"), (.get, "/api/v1/builds"), (.get, "/api/v1/builds/bld_x"),
                                              (.post, "/v1/builds"), (.get, "/v1/builds/bld_x"), (.post, "/api/v1/deploys"),
                                              (.get, "/api/v1/deploys/dep_x")]
        for (method, path) in routes {
            for headers: HTTPHeaders in [[:], ["Authorization": "Bearer "], ["Authorization": "Basic abc"], ["Authorization": "Bearer"]] {
                let response = await app.request(method, path, headers: headers, body: Array(buildBody().serialized().utf8))
                #expect(response.status.code == 401, "\(method) \(path) \(headers)")
                #expect(response.errorCode == "unauthorized")
            }
        }
    }

    @Test func rateLimit_isOffByDefault() async throws {
        let app = try TestApp()
        for _ in 0..<30 { #expect(await app.request(.get, "/api/v1/builds", token: "t").status.code == 200) }
    }

    @Test func rateLimit_perKey_onTheNamespaceClock() async throws {
        let app = try TestApp { $0.rateLimitPerSecond = 2 }
        #expect(await app.request(.get, "/api/v1/builds", token: "t").status.code == 200)
        #expect(await app.request(.get, "/api/v1/builds", token: "t").status.code == 200)
        let limited = await app.request(.get, "/api/v1/builds", token: "t")
        #expect(limited.status.code == 429)
        #expect(limited.errorCode == "rate_limited")
        #expect(limited.headers["Retry-After"] == "1")
        // Another key has its own bucket.
        #expect(await app.request(.get, "/api/v1/builds", token: "u").status.code == 200)
        try await app.advance("500ms", namespace: namespaceT)
        #expect(await app.request(.get, "/api/v1/builds", token: "t").status.code == 200)
        #expect(await app.request(.get, "/api/v1/builds", token: "t").status.code == 429)
        try await app.advance("1s", namespace: namespaceT)
        #expect(await app.request(.post, "/api/v1/builds", token: "t", json: buildBody()).status.code == 201)
    }

    @Test func rateLimit_slowRate_asksForALongerWait() async throws {
        let app = try TestApp { $0.rateLimitPerSecond = 0.2 }
        #expect(await app.request(.get, "/api/v1/builds", token: "t").status.code == 200)
        let limited = await app.request(.get, "/api/v1/builds", token: "t")
        #expect(limited.headers["Retry-After"] == "5")
    }
}
