import App
import BuildermockTesting
import Engine
import HTTP
import JSON
import Testing

@Suite struct AgentLifecycleTests {
    @Test func defaultRun_queuedRunningCompleted_onTheManualClock() async throws {
        let app = try TestApp()
        let start = app.engine.now(namespace: namespace).unixMilliseconds
        let id = try #require(await app.createAgent().json?["agentId"]?.stringValue)
        try await app.advance("2999ms", namespace: namespace)
        #expect(await app.agent(id)["status"] == "queued")
        try await app.advance("1ms", namespace: namespace)
        var agent = await app.agent(id)
        #expect(agent["status"] == "running")
        #expect(agent["lifecycle.conversationState"] == "running_turn")
        #expect(agent["lifecycle.sandboxState"] == "online")
        #expect(agent["lifecycle.queuedTurnCount"] == .int(0))
        #expect(agent["lifecycle.lastLifecycleEventAt"]?.intValue == start + 3_000)
        let roles = agent["history"]?.arrayValue.compactMap { $0["role"]?.stringValue } ?? []
        #expect(roles.prefix(2) == ["user", "thinking"])
        let tools = agent["history"]?.arrayValue.filter { $0["role"] == "tool" } ?? []
        #expect(tools.count == 3)
        #expect(tools.first?["toolName"] == "get_app_overview")
        #expect(tools.first?["toolParameters.appId"] == "my-app")
        #expect(tools.first?["content"] == .null)

        try await app.advance("20s", namespace: namespace)
        agent = await app.agent(id)
        #expect(agent["status"] == "completed")
        #expect(agent["completedAt"]?.intValue == start + 23_000)
        #expect(agent["updatedAt"]?.intValue == start + 23_000)
        #expect(agent["lifecycle.conversationState"] == "ready")
        #expect(agent["lifecycle.sandboxState"] == "paused")
        let last = agent["history"]?.arrayValue.last
        #expect(last?["role"] == "assistant")
        #expect(last?["content"]?.stringValue?.contains("Why does the signup workflow fail?") == true)
        #expect(last?["content"]?.stringValue?.contains("no changes were made") == true)
    }

    @Test func history_isDeterministic() async throws {
        func run() async throws -> JSONValue {
            let app = try TestApp()
            let id = try #require(await app.createAgent().json?["agentId"]?.stringValue)
            try await app.advance("1m", namespace: namespace)
            return await app.agent(id)
        }
        #expect(try await run() == (try await run()))
    }

    @Test(arguments: [("none", 8_000), ("low", 12_000), ("medium", 20_000), ("high", 45_000)] as [(String, Int64)])
    func runningTime_growsWithReasoningEffort(_ effort: String, _ ms: Int64) async throws {
        let app = try TestApp()
        let id = try #require(await app.createAgent(agentBody(["reasoningEffort": .string(effort)])).json?["agentId"]?.stringValue)
        try await app.advance("3s", namespace: namespace)
        try await app.advance("\(ms - 1)ms", namespace: namespace)
        #expect(await app.agent(id)["status"] == "running")
        try await app.advance("1ms", namespace: namespace)
        #expect(await app.agent(id)["status"] == "completed")
    }

    @Test func allowEdits_recordsEditsOnAPermittedBranch() async throws {
        let app = try TestApp()
        let id = try #require(await app.createAgent(agentBody(["permission": "allow_edits", "permittedBranches": ["feature-login"]]))
            .json?["agentId"]?.stringValue)
        try await app.advance("1m", namespace: namespace)
        let edits = await app.agent(id)["history"]?.arrayValue.filter { $0["toolName"] == "apply_edit" } ?? []
        #expect(edits.count == 1)
        #expect(edits.first?["toolParameters.branch"] == "feature-login")
    }

    @Test func errorScenario_setsLastErrorAndErrored() async throws {
        let app = try TestApp()
        let id = try #require(await app.createAgent(headers: ["X-Buildermock-Scenario": "error-while-running"]).json?["agentId"]?.stringValue)
        try await app.advance("15s", namespace: namespace)
        let agent = await app.agent(id)
        #expect(agent["status"] == "error")
        #expect(agent["lastError"]?.stringValue?.contains("sandbox went offline") == true)
        #expect(agent["completedAt"] != .null)
        #expect(agent["lifecycle.conversationState"] == "errored")
        #expect(agent["lifecycle.sandboxState"] == "dead")
        #expect(agent["history"]?.arrayValue.last?["role"] == "error")
    }

    @Test func promptMatch_picksTheErrorScenario() async throws {
        let app = try TestApp()
        let id = try #require(await app.createAgent(agentBody(["prompt": "please [fail] now"])).json?["agentId"]?.stringValue)
        try await app.advance("15s", namespace: namespace)
        #expect(await app.agent(id)["status"] == "error")
    }

    @Test func stuckInQueue_andSlowRun() async throws {
        let app = try TestApp()
        let stuck = try #require(await app.createAgent(headers: ["X-Buildermock-Scenario": "stuck-in-queue"]).json?["agentId"]?.stringValue)
        let slow = try #require(await app.createAgent(headers: ["X-Buildermock-Scenario": "slow-run"]).json?["agentId"]?.stringValue)
        try await app.advance("5m", namespace: namespace)
        #expect(await app.agent(stuck)["status"] == "queued")
        #expect(await app.agent(slow)["status"] == "running")
        try await app.advance("10s", namespace: namespace)
        #expect(await app.agent(slow)["status"] == "completed")
        try await app.advance("24h", namespace: namespace)
        #expect(await app.agent(stuck)["status"] == "completed")
    }

    @Test func followUpOnFinishedRun_queuesANewTurn() async throws {
        let app = try TestApp()
        let id = try #require(await app.createAgent().json?["agentId"]?.stringValue)
        try await app.advance("1m", namespace: namespace)
        let response = await app.request(.post, "/api/public/v1/agents/\(id)/messages", token: token,
                                          json: ["prompt": "Now fix it", "permission": "allow_edits", "permittedBranches": ["fix-1"]])
        #expect(response.status == .accepted)
        #expect(response.json == .object(["agentId": .string(id), "kind": "agent", "status": "queued"]))
        var agent = await app.agent(id)
        #expect(agent["status"] == "queued")
        #expect(agent["completedAt"] == .null)
        #expect(agent["permission"] == "allow_edits")
        #expect(agent["lifecycle.sandboxState"] == "booting")
        #expect(agent["history"]?.arrayValue.last?["content"] == "Now fix it")
        try await app.advance("1m", namespace: namespace)
        agent = await app.agent(id)
        #expect(agent["status"] == "completed")
        let edit = agent["history"]?.arrayValue.first { $0["toolName"] == "apply_edit" }
        #expect(edit?["toolParameters.branch"] == "fix-1")
    }

    @Test func followUpDuringRun_queuesBehindTheRunningTurn() async throws {
        let app = try TestApp()
        let id = try #require(await app.createAgent().json?["agentId"]?.stringValue)
        try await app.advance("5s", namespace: namespace)
        let response = await app.request(.post, "/api/public/v1/agents/\(id)/messages", token: token, json: ["prompt": "And the login page?"])
        #expect(response.status == .accepted)
        #expect(response.json?["status"] == "running")
        var agent = await app.agent(id)
        #expect(agent["lifecycle.queuedTurnCount"] == .int(1))
        // The first turn ends at 23 s; the queued one starts instead of completing.
        try await app.advance("18s", namespace: namespace)
        agent = await app.agent(id)
        #expect(agent["status"] == "queued")
        #expect(agent["lifecycle.queuedTurnCount"] == .int(1))
        try await app.advance("3s", namespace: namespace)
        agent = await app.agent(id)
        #expect(agent["status"] == "running")
        #expect(agent["lifecycle.queuedTurnCount"] == .int(0))
        #expect(agent["history"]?.arrayValue.last { $0["role"] == "thinking" }?["content"]?.stringValue?.contains("login page") == true)
        try await app.advance("20s", namespace: namespace)
        #expect(await app.agent(id)["status"] == "completed")
    }

    @Test func followUp_validatesItsBody() async throws {
        let app = try TestApp()
        let id = try #require(await app.createAgent().json?["agentId"]?.stringValue)
        for body: JSONValue in [["permission": "read_only"], ["prompt": 1], ["prompt": "x", "permission": "root"],
                                ["prompt": "x", "permittedBranches": "main"], ["prompt": "x", "completionWebhookUrl": "http://10.0.0.1/x"]] {
            let response = await app.request(.post, "/api/public/v1/agents/\(id)/messages", token: token, json: body)
            #expect(response.status == .badRequest, "\(body.serialized())")
        }
    }
}
