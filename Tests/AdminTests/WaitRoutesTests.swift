import App
import BuildermockTesting
import Engine
import HTTP
import JSON
import Testing

/// `POST /__admin/wait`: long-polls for a job state or for journal entries.
@Suite struct WaitRoutesTests {
    static let headers: HTTPHeaders = ["X-Buildermock-Namespace": "wait"]
    static let build: JSONValue = ["url": "https://example.com", "appName": "Shop", "bundleId": "com.example.shop",
                                   "version": "1.0.0"]

    static func wait(_ app: TestApp, _ body: JSONValue) async -> (status: Int, body: JSONValue?) {
        let response = await app.request(.post, "/__admin/wait?namespace=wait", token: nil, json: body)
        return (response.status.code, JSONValue.parse(response.body))
    }

    static func createBuild(_ app: TestApp) async throws -> String {
        let response = await app.request(.post, "/api/v1/builds", token: "k", json: build, headers: headers)
        return try #require(JSONValue.parse(response.body)?[path: "id"]?.stringValue)
    }

    @Test func jobAlreadyInState_answersAtOnce() async throws {
        let app = try TestApp()
        let id = try await Self.createBuild(app)
        let (status, body) = await Self.wait(app, ["job": .string(id), "state": "queued", "timeout": "5s"])
        #expect(status == 200)
        #expect(body?[path: "reached"] == .bool(true))
        #expect(body?[path: "job.state"]?.stringValue == "queued")
    }

    @Test func clockMoveWhileWaiting_wakesTheWait() async throws {
        let app = try TestApp()
        let id = try await Self.createBuild(app)
        async let waited = Self.wait(app, ["job": .string(id), "state": "building", "timeout": "30s"])
        // Let the wait subscribe first, so it is the event that wakes it, not its first check.
        for _ in 0..<10_000 where app.engine.events.subscriberCount == 0 { await Task.yield() }
        #expect(app.engine.events.subscriberCount == 1)
        try await app.advance("10s", namespace: "wait")
        let (status, body) = await waited
        #expect(status == 200)
        #expect(body?[path: "reached"] == .bool(true))
        #expect(body?[path: "job.state"]?.stringValue == "building")
        #expect(app.engine.events.subscriberCount == 0)
    }

    @Test func nothingHappens_timesOutNotReached() async throws {
        let app = try TestApp()
        let id = try await Self.createBuild(app)
        let (status, body) = await Self.wait(app, ["job": .string(id), "timeout": "0s"])
        #expect(status == 200)
        #expect(body?[path: "reached"] == .bool(false))
        #expect(body?[path: "job.state"]?.stringValue == "queued")
    }

    @Test func requestMatcher_countsJournalEntries() async throws {
        let app = try TestApp()
        let matcher: JSONValue = ["request": ["method": "POST", "path": "/api/v1/builds"], "count": 2, "timeout": "30s"]
        _ = try await Self.createBuild(app)
        async let waited = Self.wait(app, matcher)
        _ = await app.request(.post, "/api/v1/builds", token: "k",
                              json: ["url": "https://example.com", "appName": "Shop", "bundleId": "com.example.shop",
                                     "version": "1.0.1"], headers: Self.headers)
        let (status, body) = await waited
        #expect(status == 200)
        #expect(body?[path: "reached"] == .bool(true))
        #expect(body?[path: "count"] == .int(2))
    }

    @Test func realClock_waitsForTheSchedulerWithoutAnAdvance() async throws {
        // 190 s of lifecycle at time scale 0.0005 is under 0.1 s of wall time.
        let app = try TestApp { $0.clockMode = .real; $0.timeScale = 0.0005 }
        _ = try app.application.start()
        let id = try await Self.createBuild(app)
        let (status, body) = await Self.wait(app, ["job": .string(id), "state": "success", "timeout": "20s"])
        await app.application.shutdown()
        #expect(status == 200)
        #expect(body?[path: "reached"] == .bool(true))
    }

    @Test(arguments: [
        #"{}"#, #"{"job":""}"#, #"{"job":"x","timeout":"61s"}"#, #"{"job":"x","timeout":"soon"}"#,
        #"{"job":"x","request":{}}"#, #"{"job":"x","count":2}"#, #"{"request":"POST"}"#,
        #"{"request":{"method":"POST"},"count":0}"#, #"{"request":{"nope":1}}"#, #"{"job":"x","extra":1}"#,
    ])
    func badBodies_are400(_ text: String) async throws {
        let app = try TestApp()
        let response = await app.request(.post, "/__admin/wait?namespace=wait", headers: ["Content-Type": "application/json"],
                                         body: Array(text.utf8))
        #expect(response.status.code == 400, "\(text)")
        #expect(JSONValue.parse(response.body)?[path: "error.code"] != nil)
    }

    @Test func unknownJob_is404() async throws {
        let app = try TestApp()
        let (status, body) = await Self.wait(app, ["job": "bld_nope", "timeout": "1s"])
        #expect(status == 404)
        #expect(body?[path: "error.code"]?.stringValue == "not_found")
    }

    @Test func waits_areNotJournaled() async throws {
        let app = try TestApp()
        let id = try await Self.createBuild(app)
        _ = await Self.wait(app, ["job": .string(id), "timeout": "0s"])
        let paths = try await app.engine.journal.entries(namespace: "wait").map(\.path)
        #expect(paths == ["/api/v1/builds"])
    }
}
