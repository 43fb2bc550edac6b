import App
import BuildermockTesting
import Engine
import HTTP
import JSON
import Testing

/// Lifecycle `fail` and the webhook faults, on Buildprint agents and their completion webhooks.
@Suite struct LifecycleFaultTests {
    func addFault(_ app: TestApp, _ rule: String) async -> HTTPResponse {
        await app.request(.post, "/__admin/faults?namespace=\(namespace)", token: nil, json: JSONValue.parse(rule))
    }

    @Test func fail_atAStep_sendsTheJobToItsFailedStateWithTheError() async throws {
        let app = try TestApp()
        let added = await addFault(app, #"{"kind":"fail","params":{"step":"running","code":"sandbox_crashed","message":"The sandbox crashed."},"target":{"job-kind":"agent"},"calls":{"first":1}}"#)
        #expect(added.status.code == 201)
        let id = try #require(await app.createAgent().json?["agentId"]?.stringValue)
        try await app.advance("3s", namespace: namespace)
        let agent = await app.agent(id)
        #expect(agent["status"] == "error")
        #expect(agent["lastError"]?.stringValue?.contains("The sandbox crashed.") == true)
        let events = await app.request(.get, "/__admin/jobs/\(id)/events?namespace=\(namespace)", token: nil).json
        let last = try #require(events?["events"]?.arrayValue.last)
        #expect(last["to"] == "error")
        #expect(last["detail.fault"]?.stringValue?.hasPrefix("fail") == true)
        // first:1 is used up: the next agent runs its happy path.
        let second = try #require(await app.createAgent().json?["agentId"]?.stringValue)
        try await app.advance("30s", namespace: namespace)
        #expect(await app.agent(second)["status"] == "completed")
        #expect(try app.engine.injectedFaultTotals()["fail"] == 1)
    }

    @Test func fail_atMoveN_countsTheJobsMoves() async throws {
        let app = try TestApp()
        // Move 1 is queued → running; move 2 would be running → completed.
        _ = await addFault(app, #"{"kind":"fail","params":{"step":2}}"#)
        let id = try #require(await app.createAgent().json?["agentId"]?.stringValue)
        try await app.advance("3s", namespace: namespace)
        #expect(await app.agent(id)["status"] == "running")
        try await app.advance("20s", namespace: namespace)
        let agent = await app.agent(id)
        #expect(agent["status"] == "error")
        // No error given: the failed step's own (borrowed from the error-while-running scenario).
        #expect(agent["lastError"]?.stringValue?.contains("sandbox went offline") == true)
    }

    @Test func scenarioFile_faultsApplyToItsOwnJobs() async throws {
        let app = try TestApp()
        let receiver = WebhookReceiver()
        try await receiver.run { url in
            let flaky = try #require(await app.createAgent(agentBody(["completionWebhookUrl": .string(url)]),
                                                           headers: ["X-Buildermock-Scenario": "flaky-polls"]).json?["agentId"]?.stringValue)
            let plain = try #require(await app.createAgent().json?["agentId"]?.stringValue)
            var statuses: [Int] = []
            for _ in 0..<3 {
                statuses.append(await app.request(.get, "/api/public/v1/agents/\(flaky)", token: token).status.code)
                #expect(await app.request(.get, "/api/public/v1/agents/\(plain)", token: token).status.code == 200)
            }
            #expect(statuses == [200, 503, 200])
            let fourth = await app.request(.get, "/api/public/v1/agents/\(flaky)", token: token)
            #expect(fourth.delivery == .reset)
            #expect(fourth.appliedFault == "reset")
            let listed = await app.request(.get, "/__admin/faults?namespace=\(namespace)", token: nil).json?["faults"]?.arrayValue ?? []
            #expect(listed.count == 3)
            #expect(listed.allSatisfy { $0["source"] == "scenario:flaky-polls" && $0["target.job"] == .string(flaky) })
            // Completion at 23 s; the first attempt is dropped, the retry 2 s later arrives.
            try await app.advance("23s", namespace: namespace)
            #expect(receiver.received.isEmpty)
            try await app.advance("2s", namespace: namespace)
            #expect(receiver.received.count == 1)
        }
    }
}

@Suite struct WebhookFaultTests {
    func addFault(_ app: TestApp, _ rule: String) async {
        let response = await app.request(.post, "/__admin/faults?namespace=\(namespace)", token: nil, json: JSONValue.parse(rule))
        #expect(response.status.code == 201, "\(response.text)")
    }

    func deliveries(_ app: TestApp) async -> [JSONValue] {
        await app.request(.get, "/__admin/webhooks?namespace=\(namespace)", token: nil).json?["deliveries"]?.arrayValue ?? []
    }

    /// Creates an agent reporting to `url`; its completion webhook's first attempt is due at 23 s.
    func start(_ app: TestApp, _ url: String) async throws {
        _ = try #require(await app.createAgent(agentBody(["completionWebhookUrl": .string(url)])).json?["agentId"]?.stringValue)
    }

    @Test func drop_twice_thenTheThirdAttemptArrives() async throws {
        let app = try TestApp()
        await addFault(app, #"{"kind":"drop","target":{"job-kind":"agent"},"calls":{"first":2}}"#)
        let receiver = WebhookReceiver()
        try await receiver.run { url in
            try await start(app, url)
            try await app.advance("23s", namespace: namespace)
            try await app.advance("2s", namespace: namespace)
            #expect(receiver.received.isEmpty)
            try await app.advance("4s", namespace: namespace)
            #expect(receiver.received.count == 1)
            #expect(receiver.received.first?.headers["X-Buildermock-Attempt"] == "3")
            let attempts = await deliveries(app).first?["attempts"]?.arrayValue ?? []
            #expect(attempts.map { $0["fault"] ?? .null } == ["drop", "drop", .null])
            #expect(attempts.map { $0["status"] ?? .null } == [.null, .null, .int(200)])
            #expect(attempts.first?["error"]?.stringValue?.contains("lost") == true)
        }
        #expect(try app.engine.injectedFaultTotals()["drop"] == 2)
    }

    @Test func delay_holdsTheAttemptBackOnTheClock() async throws {
        let app = try TestApp()
        await addFault(app, #"{"kind":"delay","params":{"by":"30s"}}"#)
        let receiver = WebhookReceiver()
        try await receiver.run { url in
            try await start(app, url)
            try await app.advance("23s", namespace: namespace)
            try await app.advance("29s", namespace: namespace)
            #expect(receiver.received.isEmpty)
            try await app.advance("1s", namespace: namespace)
            #expect(receiver.received.count == 1)
            let delivery = try #require(await deliveries(app).first)
            #expect(delivery["state"] == "delivered")
            #expect(delivery["attempts"]?.arrayValue.count == 1)
        }
    }

    @Test func duplicate_reachesTheReceiverTwice() async throws {
        let app = try TestApp()
        await addFault(app, #"{"kind":"duplicate"}"#)
        let receiver = WebhookReceiver()
        try await receiver.run { url in
            try await start(app, url)
            try await app.advance("23s", namespace: namespace)
            let received = receiver.received
            #expect(received.count == 2)
            #expect(received.first?.body == received.last?.body)
            #expect(received.first?.headers["X-Buildermock-Delivery"] == received.last?.headers["X-Buildermock-Delivery"])
            #expect(await deliveries(app).first?["attempts.0.fault"] == "duplicate")
        }
    }

    @Test func receiver5xx_isRetried() async throws {
        let app = try TestApp()
        await addFault(app, #"{"kind":"receiver-5xx","params":{"status":502},"calls":{"nth":1}}"#)
        let receiver = WebhookReceiver()
        try await receiver.run { url in
            try await start(app, url)
            try await app.advance("23s", namespace: namespace)
            #expect(receiver.received.isEmpty)
            try await app.advance("2s", namespace: namespace)
            #expect(receiver.received.count == 1)
            let attempts = await deliveries(app).first?["attempts"]?.arrayValue ?? []
            #expect(attempts.map { $0["status"] ?? .null } == [.int(502), .int(200)])
            #expect(attempts.first?["fault"] == "receiver-5xx:502")
            #expect(attempts.first?["error"] == "receiver answered 502")
        }
    }
}
