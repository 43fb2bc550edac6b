import App
import Engine
import BuildermockTesting
import HTTP
import JSON
import Testing
@testable import Admin

/// `/__admin/metrics`: valid exposition format (parsed back strictly), and counts that follow what
/// the server did.
@Suite struct MetricsRoutesTests {
    static func scrape(_ app: TestApp) async throws -> (types: [String: String], samples: [PrometheusSample]) {
        let response = await app.request(.get, "/__admin/metrics")
        #expect(response.status.code == 200)
        #expect(response.headers["Content-Type"] == "text/plain; version=0.0.4; charset=utf-8")
        return try PrometheusParser.parse(response.text)
    }

    @Test func requests_areCountedByServiceMethodRoutePatternAndStatus() async throws {
        let app = try TestApp()
        let id = try await app.createBuild(namespace: "m")
        for _ in 0..<3 { _ = await app.request(.get, "/api/v1/builds/\(id)", token: "t", headers: ["X-Buildermock-Namespace": "m"]) }
        _ = await app.request(.get, "/api/v1/builds/bld_missing", token: "t")
        _ = await app.request(.get, "/no/such/path")
        _ = await app.request(.delete, "/api/v1/builds")
        let (types, samples) = try await Self.scrape(app)
        #expect(types["buildermock_http_requests_total"] == "counter")
        let name = "buildermock_http_requests_total"
        #expect(samples.value(name, ["service": "appbuilds", "method": "POST", "route": "/api/v1/builds", "status": "201"]) == 1)
        // The pattern, not the path: three polls of one build and one of a missing build share a route.
        #expect(samples.value(name, ["service": "appbuilds", "method": "GET", "route": "/api/v1/builds/:id", "status": "200"]) == 3)
        #expect(samples.value(name, ["service": "appbuilds", "method": "GET", "route": "/api/v1/builds/:id", "status": "404"]) == 1)
        #expect(samples.value(name, ["service": "other", "method": "GET", "route": "unmatched", "status": "404"]) == 1)
        #expect(samples.value(name, ["service": "appbuilds", "method": "DELETE", "route": "/api/v1/builds", "status": "405"]) == 1)
        #expect(!samples.contains { $0.labels["route"]?.contains(id) == true })
    }

    @Test func latencyHistogram_isCumulativeAndEndsAtTheCount() async throws {
        let app = try TestApp()
        for _ in 0..<4 { _ = await app.request(.get, "/__admin/health") }
        let (types, samples) = try await Self.scrape(app)
        #expect(types["buildermock_http_request_duration_seconds"] == "histogram")
        let buckets = samples.filter { $0.name == "buildermock_http_request_duration_seconds_bucket" && $0.labels["service"] == "admin" }
        #expect(buckets.count == RequestMetrics.latencyBuckets.count + 1)
        #expect(zip(buckets, buckets.dropFirst()).allSatisfy { $0.value <= $1.value })
        let bounds = buckets.map { $0.labels["le"] == "+Inf" ? Double.infinity : Double($0.labels["le"]!)! }
        #expect(bounds == bounds.sorted() && bounds.last == .infinity)
        let count = try #require(samples.value("buildermock_http_request_duration_seconds_count", ["service": "admin"]))
        // The scrape itself is counted after it renders, so the four health checks are all there.
        #expect(count == 4)
        #expect(buckets.last?.value == count)
        let sum = try #require(samples.value("buildermock_http_request_duration_seconds_sum", ["service": "admin"]))
        #expect(sum > 0 && sum < 4 * 10)
    }

    @Test func jobsByState_andTransitions_followTheClock() async throws {
        let app = try TestApp()
        let id = try await app.createBuild(namespace: "m")
        _ = try await app.createBuild(namespace: "other")
        var samples = try await Self.scrape(app).samples
        #expect(samples.value("buildermock_jobs", ["service": "appbuilds", "kind": "build", "state": "queued"]) == 2)
        // Each build enters two steps whose public state is queued: parked for a slot, then provisioning.
        #expect(samples.value("buildermock_job_transitions_total", ["service": "appbuilds", "kind": "build", "state": "queued"]) == 4)
        try await app.advance("4m", namespace: "m")
        samples = try await Self.scrape(app).samples
        #expect(samples.value("buildermock_jobs", ["service": "appbuilds", "kind": "build", "state": "queued"]) == 1)
        #expect(samples.value("buildermock_jobs", ["service": "appbuilds", "kind": "build", "state": "success"]) == 1)
        #expect(samples.value("buildermock_job_transitions_total", ["service": "appbuilds", "kind": "build", "state": "building"]) == 1)
        #expect(samples.value("buildermock_job_transitions_total", ["service": "appbuilds", "kind": "build", "state": "success"]) == 1)
        #expect(try await app.engine.job(id: id, namespace: "m")?.state == "success")
    }

    @Test func webhookAttempts_areCountedByOutcome() async throws {
        let app = try TestApp()
        // The scenario simulates a receiver that refuses connections: every attempt fails, no network.
        let created = await app.request(.post, "/api/public/v1/agents", token: "bp_test_token",
                                        json: ["appId": "my-app", "prompt": "Why does signup fail?",
                                               "model": "buildprint-gpt-5.6-sol",
                                               "completionWebhookUrl": "http://127.0.0.1:9/hook"],
                                        headers: ["X-Buildermock-Namespace": "w", "X-Buildermock-Scenario": "webhook-receiver-down"])
        #expect(created.status.code == 202, "\(created.text)")
        let ran = await app.request(.post, "/__admin/clock/run-until?namespace=w", json: ["idle": true, "max": "24h"])
        #expect(ran.json?[path: "reached"] == true, "\(ran.text)")
        let deliveries = await app.request(.get, "/__admin/webhooks?namespace=w").json
        let attempts = deliveries?[path: "deliveries"]?.arrayItems?.first?[path: "attempts"]?.arrayItems ?? []
        #expect(attempts.count >= 2)
        let samples = try await Self.scrape(app).samples
        let retrying = samples.value("buildermock_webhook_attempts_total", ["service": "buildprint", "outcome": "retrying"]) ?? 0
        let gaveUp = samples.value("buildermock_webhook_attempts_total", ["service": "buildprint", "outcome": "gave_up"]) ?? 0
        #expect(gaveUp == 1)
        #expect(Int(retrying + gaveUp) == attempts.count)
    }

    @Test func faultHook_feedsTheFaultCounter() async throws {
        let app = try TestApp()
        app.engine.counters.recordFaultInjected(service: "appbuilds", kind: "status")
        app.engine.counters.recordFaultInjected(service: "appbuilds", kind: "status")
        let samples = try await Self.scrape(app).samples
        #expect(samples.value("buildermock_faults_injected_total", ["service": "appbuilds", "kind": "status"]) == 2)
    }

    @Test func exposition_escapesLabelValuesAndHelp() throws {
        var text = PrometheusText()
        text.family("x_total", type: "counter", help: "a \\ b\nc")
        text.sample("x_total", ["route": "/a\"b\\c\nd"], UInt64(3))
        text.family("y", type: "gauge", help: "y")
        text.sample("y", [:], 0.25)
        #expect(text.text == "# HELP x_total a \\\\ b\\nc\n# TYPE x_total counter\nx_total{route=\"/a\\\"b\\\\c\\nd\"} 3\n"
            + "# HELP y y\n# TYPE y gauge\ny 0.25\n")
        let parsed = try PrometheusParser.parse(text.text)
        #expect(parsed.samples.first?.labels["route"] == "/a\"b\\c\nd")
        #expect(PrometheusText.format(.infinity) == "+Inf")
        #expect(PrometheusText.format(2) == "2")
    }
}

extension JSONValue {
    var arrayItems: [JSONValue]? { if case .array(let items) = self { return items } else { return nil } }
}
