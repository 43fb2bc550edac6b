import App
import BuildermockTesting
import Engine
import HTTP
import JSON
import Testing

@Suite struct WebhookDeliveryTests {
    func deliveries(_ app: TestApp) async -> [JSONValue] {
        await app.request(.get, "/__admin/webhooks?namespace=\(namespace)", token: nil).json?["deliveries"]?.arrayValue ?? []
    }

    @Test func completion_postsTheSignedAgentWithoutHistory() async throws {
        let app = try TestApp()
        let receiver = WebhookReceiver()
        try await receiver.run { url in
            let id = try #require(await app.createAgent(agentBody(["completionWebhookUrl": .string(url)])).json?["agentId"]?.stringValue)
            try await app.advance("22s", namespace: namespace)
            #expect(receiver.received.isEmpty)
            try await app.advance("1s", namespace: namespace)
            let hooks = receiver.received
            try #require(hooks.count == 1)
            let hook = hooks[0]
            let payload = try #require(JSONValue.parse(hook.body))
            #expect(payload["agentId"] == .string(id))
            #expect(payload["status"] == "completed")
            #expect(payload["history"] == nil)
            #expect(payload["lifecycle.sandboxState"] == "paused")
            #expect(payload == (await app.request(.get, "/api/public/v1/agents/\(id)", token: token).json.map { agent -> JSONValue in
                var object = agent.objectValue ?? [:]
                object["history"] = nil
                return .object(object)
            }))
            #expect(hook.headers["Content-Type"] == "application/json")
            #expect(hook.headers["X-Buildermock-Attempt"] == "1")
            #expect(hook.headers["X-Buildermock-Event"] == "agent.completed")
            let deliveryID = try #require(hook.headers["X-Buildermock-Delivery"])
            // The user's side: fetch the namespace secret and verify the signature over the raw body.
            let secret = try #require(await app.request(.get, "/__admin/webhooks/secret?namespace=\(namespace)", token: nil)
                .json?["secret"]?.stringValue)
            let signature = try #require(hook.headers["X-Buildermock-Signature"])
            #expect(signature.hasPrefix("sha256="))
            #expect(HMACSigner(secret: secret).verify(hexSignature: String(signature.dropFirst(7)), for: hook.body))
            #expect(!HMACSigner(secret: secret + "x").verify(hexSignature: String(signature.dropFirst(7)), for: hook.body))

            let listed = await deliveries(app)
            #expect(listed.count == 1)
            #expect(listed.first?["id"] == .string(deliveryID))
            #expect(listed.first?["state"] == "delivered")
            #expect(listed.first?["url"] == .string(url))
            #expect(listed.first?["source.job"] == .string(id))
            let attempts = listed.first?["attempts"]?.arrayValue ?? []
            #expect(attempts.count == 1)
            #expect(attempts.first?["status"] == .int(200))
            #expect(attempts.first?["error"] == .null)
            #expect(attempts.first?["at"] == .string(Timestamp(unixMilliseconds: app.engine.now(namespace: namespace).unixMilliseconds).iso8601))
        }
    }

    @Test func errorRun_alsoFiresTheWebhook() async throws {
        let app = try TestApp()
        let receiver = WebhookReceiver()
        try await receiver.run { url in
            _ = await app.createAgent(agentBody(["completionWebhookUrl": .string(url)]), headers: ["X-Buildermock-Scenario": "error-while-running"])
            try await app.advance("15s", namespace: namespace)
            let payload = try #require(receiver.received.first.flatMap { JSONValue.parse($0.body) })
            #expect(payload["status"] == "error")
            #expect(payload["lastError"]?.stringValue?.isEmpty == false)
            #expect(receiver.received.first?.headers["X-Buildermock-Event"] == "agent.error")
        }
    }

    @Test func noWebhookUrl_noDelivery() async throws {
        let app = try TestApp()
        _ = await app.createAgent()
        try await app.advance("1m", namespace: namespace)
        #expect(await deliveries(app).isEmpty)
    }

    @Test func receiver500Then200_isRetriedAfterTheBackoff() async throws {
        let app = try TestApp()
        let receiver = WebhookReceiver(statuses: [500, 200])
        try await receiver.run { url in
            _ = await app.createAgent(agentBody(["completionWebhookUrl": .string(url)]))
            try await app.advance("23s", namespace: namespace)
            #expect(receiver.received.count == 1)
            #expect(await deliveries(app).first?["state"] == "retrying")
            try await app.advance("1999ms", namespace: namespace)
            #expect(receiver.received.count == 1)
            try await app.advance("1ms", namespace: namespace)
            #expect(receiver.received.count == 2)
            #expect(receiver.received.last?.headers["X-Buildermock-Attempt"] == "2")
            #expect(receiver.received[0].headers["X-Buildermock-Delivery"] == receiver.received[1].headers["X-Buildermock-Delivery"])
            #expect(receiver.received[0].body == receiver.received[1].body)
            let delivery = try #require(await deliveries(app).first)
            #expect(delivery["state"] == "delivered")
            #expect(delivery["attempts"]?.arrayValue.map { $0["status"] ?? .null } == [.int(500), .int(200)])
            #expect(delivery["attempts.0.error"] == "receiver answered 500")
        }
    }

    @Test func alwaysFailing_givesUpAfterTheLimit_thenRedeliverSucceeds() async throws {
        let app = try TestApp()
        let receiver = WebhookReceiver(statuses: [503])
        try await receiver.run { url in
            _ = await app.createAgent(agentBody(["completionWebhookUrl": .string(url)]))
            // Attempts at 23 s, then after 2, 4, 8 and 16 s of backoff: the 5th at 53 s is the last.
            try await app.advance("52s", namespace: namespace)
            #expect(receiver.received.count == 4)
            try await app.advance("1s", namespace: namespace)
            #expect(receiver.received.count == 5)
            try await app.advance("10m", namespace: namespace)
            #expect(receiver.received.count == 5)
            var delivery = try #require(await deliveries(app).first)
            #expect(delivery["state"] == "failed")
            #expect(delivery["attempts"]?.arrayValue.count == 5)
            #expect(delivery["attempts.4.outcome"] == "gave_up")
            let id = try #require(delivery["id"]?.stringValue)

            receiver.setStatuses([200])
            let redelivered = await app.request(.post, "/__admin/webhooks/\(id)/redeliver?namespace=\(namespace)", token: nil)
            #expect(redelivered.status == .ok)
            #expect(redelivered.json?["state"] == "delivered")
            #expect(receiver.received.count == 6)
            #expect(receiver.received.last?.headers["X-Buildermock-Attempt"] == "6")
            delivery = try #require(await deliveries(app).first)
            #expect(delivery["attempts"]?.arrayValue.count == 6)
            // A delivery in flight cannot be redelivered; an unknown one is 404.
            #expect(await app.request(.post, "/__admin/webhooks/whd_nope/redeliver?namespace=\(namespace)", token: nil).status == .notFound)
        }
    }

    @Test func receiverDownScenario_failsWithoutSending_untilRedelivered() async throws {
        let app = try TestApp()
        let receiver = WebhookReceiver()
        try await receiver.run { url in
            _ = await app.createAgent(agentBody(["completionWebhookUrl": .string(url)]),
                                      headers: ["X-Buildermock-Scenario": "webhook-receiver-down"])
            try await app.advance("10m", namespace: namespace)
            #expect(receiver.received.isEmpty)
            let delivery = try #require(await deliveries(app).first)
            #expect(delivery["state"] == "failed")
            let attempts = delivery["attempts"]?.arrayValue ?? []
            #expect(attempts.count == 4)
            #expect(attempts.first?["error"]?.stringValue?.contains("connection refused") == true)
            #expect(attempts.compactMap { $0["atMs"]?.intValue }.adjacentDifferences == [1_000, 2_000, 4_000])
            let id = try #require(delivery["id"]?.stringValue)
            let redelivered = await app.request(.post, "/__admin/webhooks/\(id)/redeliver?namespace=\(namespace)", token: nil)
            #expect(redelivered.json?["state"] == "delivered")
            #expect(receiver.received.count == 1)
        }
    }

    @Test func closedPort_isAConnectionErrorAndRetried() async throws {
        let app = try TestApp()
        // Bind and release a port, so nothing listens there.
        let port = try await LiveServer.run(respond: { _ in HTTPResponse() }) { _, port in port }
        _ = await app.createAgent(agentBody(["completionWebhookUrl": .string("http://127.0.0.1:\(port)/x")]))
        try await app.advance("23s", namespace: namespace)
        let delivery = try #require(await deliveries(app).first)
        #expect(delivery["state"] == "retrying")
        #expect(delivery["attempts.0.status"] == .null)
        #expect(delivery["attempts.0.error"]?.stringValue?.isEmpty == false)
    }

    @Test func disallowedTarget_is400AtCreation_unlessAllowListed() async throws {
        let app = try TestApp()
        for url in ["http://example.com/hook", "http://10.0.0.5:8080/hook", "http://169.254.169.254/latest", "http://127.0.0.1@evil.io/"] {
            let response = await app.createAgent(agentBody(["completionWebhookUrl": .string(url)]))
            #expect(response.status == .badRequest, "\(url)")
            #expect(response.json?["error.code"] == (url.contains("@") ? "invalid_request" : "webhook_target_not_allowed"), "\(url)")
        }
        for url in ["http://localhost:9/x", "http://127.1.2.3/x", "http://[::1]:8080/x"] {
            #expect(await app.createAgent(agentBody(["completionWebhookUrl": .string(url)])).status == .accepted, "\(url)")
        }
        let allowing = try TestApp { $0.webhookAllow = ["hooks.example.com"] }
        #expect(await allowing.createAgent(agentBody(["completionWebhookUrl": "http://hooks.example.com/x"])).status == .accepted)
        #expect(await allowing.createAgent(agentBody(["completionWebhookUrl": "http://other.example.com/x"])).status == .badRequest)
    }

    @Test func followUp_canSetTheWebhook() async throws {
        let app = try TestApp()
        let receiver = WebhookReceiver()
        try await receiver.run { url in
            let id = try #require(await app.createAgent().json?["agentId"]?.stringValue)
            try await app.advance("1m", namespace: namespace)
            #expect(receiver.received.isEmpty)
            _ = await app.request(.post, "/api/public/v1/agents/\(id)/messages", token: token,
                                  json: ["prompt": "again", "completionWebhookUrl": .string(url)])
            try await app.advance("1m", namespace: namespace)
            #expect(receiver.received.count == 1)
        }
    }
}

extension Array where Element == Int64 {
    var adjacentDifferences: [Int64] { zip(dropFirst(), self).map { $0 - $1 } }
}
