import App
import BuildermockTesting
import Engine
import HTTP
import JSON
import Testing

@Suite struct AgentErrorTests {
    func expectError(_ response: HTTPResponse, _ status: HTTPStatus, _ code: String,
                     sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(response.status == status, "\(response.text)", sourceLocation: sourceLocation)
        #expect(response.json?["error.code"] == .string(code), "\(response.text)", sourceLocation: sourceLocation)
        #expect(response.json?["error.message"]?.stringValue?.isEmpty == false, sourceLocation: sourceLocation)
    }

    @Test func noApiAccess_is402() async throws {
        let app = try TestApp()
        expectError(await app.createAgent(agentBody(["appId": "no-api-app"]), token: "bp_no_api_access"),
                    .paymentRequired, "api_access_required")
    }

    @Test func creditsRunOut_is402_forBuildprintModelsOnly() async throws {
        let app = try TestApp()
        expectError(await app.createAgent(agentBody(["appId": "broke-app"]), token: "bp_no_credits"),
                    .paymentRequired, "insufficient_paid_credits")
        // Provider models run on the user's own credentials, not workspace credits.
        let provider = await app.createAgent(agentBody(["appId": "broke-app", "model": "openai-gpt-5.5", "userEmail": "x@y.io"]),
                                             token: "bp_no_credits")
        #expect(provider.status == .accepted)
    }

    @Test func creditsAreSpentPerRun() async throws {
        // ws_demo has 1000 credits; a high-effort run costs 8: 125 runs fit, the 126th does not.
        let app = try TestApp()
        for _ in 0..<125 {
            #expect(await app.createAgent(agentBody(["appId": "demo-shop", "reasoningEffort": "high"]), token: "bp_demo_token").status == .accepted)
        }
        expectError(await app.createAgent(agentBody(["appId": "demo-shop", "reasoningEffort": "high"]), token: "bp_demo_token"),
                    .paymentRequired, "insufficient_paid_credits")
    }

    @Test func strangerEmail_is403NotMember() async throws {
        let app = try TestApp()
        expectError(await app.createAgent(agentBody(["appId": "demo-shop", "model": "claude-sonnet-5", "userEmail": "eve@evil.io"]),
                                          token: "bp_demo_token"),
                    .forbidden, "user_not_workspace_member")
    }

    @Test func memberWithoutProviderKeys_is403MissingCredentials() async throws {
        let app = try TestApp()
        expectError(await app.createAgent(agentBody(["appId": "demo-shop", "model": "claude-sonnet-5", "userEmail": "nokeys@example.com"]),
                                          token: "bp_demo_token"),
                    .forbidden, "missing_provider_credentials")
        #expect(await app.createAgent(agentBody(["appId": "demo-shop", "model": "claude-sonnet-5", "userEmail": "dev@example.com"]),
                                      token: "bp_demo_token").status == .accepted)
    }

    @Test func concurrentLimitFromWorld_is409UntilARunFinishes() async throws {
        let app = try TestApp()
        let body = agentBody(["appId": "limited-app"])
        #expect(await app.createAgent(body, token: "bp_limit_one").status == .accepted)
        expectError(await app.createAgent(body, token: "bp_limit_one"), .conflict, "concurrent_agent_limit")
        try await app.advance("1m", namespace: TestApp.namespace(forToken: "bp_limit_one"))
        #expect(await app.createAgent(body, token: "bp_limit_one").status == .accepted)
    }

    @Test func concurrentLimit_isOffByDefault_andOnFromSettings() async throws {
        let lenient = try TestApp()
        for _ in 0..<5 { #expect(await lenient.createAgent().status == .accepted) }
        let limited = try TestApp { $0.maxConcurrentAgents = 2 }
        #expect(await limited.createAgent().status == .accepted)
        #expect(await limited.createAgent().status == .accepted)
        expectError(await limited.createAgent(), .conflict, "concurrent_agent_limit")
    }

    @Test func unknownAgent_is404_andForeignWorkspaceToo() async throws {
        let app = try TestApp()
        expectError(await app.request(.get, "/api/public/v1/agents/agt_nothere", token: token), .notFound, "not_found")
        #expect(await app.request(.get, "/api/public/v1/agents/agt_nothere", token: token).json?["error.message"] == "Agent not found")
        let id = try #require(await app.createAgent().json?["agentId"]?.stringValue)
        // Same namespace, another workspace's token: not its agent.
        let other = await app.request(.get, "/api/public/v1/agents/\(id)", token: "bp_other",
                                      headers: ["X-Buildermock-Namespace": namespace])
        expectError(other, .notFound, "not_found")
        expectError(await app.request(.post, "/api/public/v1/agents/agt_nothere/messages", token: token, json: ["prompt": "hi"]),
                    .notFound, "not_found")
    }

    @Test func unknownPathAndWrongMethod_useTheErrorShape() async throws {
        let app = try TestApp()
        expectError(await app.request(.get, "/api/public/v1/nothing", token: token), .notFound, "not_found")
        let wrong = await app.request(.delete, "/api/public/v1/agents", token: token)
        expectError(wrong, .methodNotAllowed, "method_not_allowed")
        #expect(wrong.headers["Allow"] != nil)
    }

    @Test func unknownScenarioHeader_is400NamingTheScenarios() async throws {
        let app = try TestApp()
        let response = await app.createAgent(headers: ["X-Buildermock-Scenario": "nope"])
        expectError(response, .badRequest, "invalid_request")
        #expect(response.json?["error.message"]?.stringValue?.contains("slow-run") == true)
    }
}
