import App
import BuildermockTesting
import Engine
import HTTP
import JSON
import Testing

@Suite struct AgentValidationTests {
    @Test func create_answers202WithQueuedAndDefaults() async throws {
        let app = try TestApp()
        let response = await app.createAgent()
        #expect(response.status == .accepted)
        let json = try #require(response.json)
        let id = try #require(json["agentId"]?.stringValue)
        #expect(id.hasPrefix("agt_"))
        #expect(json["kind"] == "agent")
        #expect(json["status"] == "queued")
        #expect(json["appId"] == "my-app")
        #expect(json["projectId"]?.stringValue?.hasPrefix("prj_") == true)
        #expect(json["createdAt"]?.intValue == app.engine.now(namespace: namespace).unixMilliseconds)
        #expect(response.headers["Date"] == app.engine.now(namespace: namespace).httpDate)

        let agent = await app.agent(id)
        #expect(agent["reasoningEffort"] == "medium")
        #expect(agent["permission"] == "read_only")
        #expect(agent["permittedBranches"] == .array([]))
        #expect(agent["projectName"] == "my-app")
        #expect(agent["reviewId"] == .null)
        #expect(agent["completedAt"] == .null)
        #expect(agent["lastError"] == .null)
        #expect(agent["lifecycle.conversationState"] == "ready")
        #expect(agent["lifecycle.sandboxState"] == "provisioning")
        #expect(agent["lifecycle.queuedTurnCount"] == .int(1))
        let history = agent["history"]?.arrayValue ?? []
        #expect(history.count == 1)
        #expect(history.first?["role"] == "user")
        #expect(history.first?["content"] == "Why does the signup workflow fail?")
        #expect(history.first?["sequence"] == .int(1))
        #expect(history.first?["attachments"] == .array([]))
    }

    @Test func explicitValues_areKept() async throws {
        let app = try TestApp()
        let response = await app.createAgent(agentBody(["reasoningEffort": "high", "permission": "allow_edits",
                                                        "permittedBranches": ["feature-x"], "userEmail": "a@b.co",
                                                        "model": "claude-opus-4.8"]))
        #expect(response.status == .accepted)
        let agent = await app.agent(try #require(response.json?["agentId"]?.stringValue))
        #expect(agent["reasoningEffort"] == "high")
        #expect(agent["permission"] == "allow_edits")
        #expect(agent["permittedBranches"] == ["feature-x"])
        #expect(agent["model"] == "claude-opus-4.8")
    }

    static let invalidBodies: [(String, JSONValue, String)] = [
        ("missing appId", agentBody(removing: ["appId"]), "appId is required"),
        ("missing prompt", agentBody(removing: ["prompt"]), "prompt is required"),
        ("missing model", agentBody(removing: ["model"]), "model is required"),
        ("appId not a string", agentBody(["appId": 5]), "appId must be a string"),
        ("empty prompt", agentBody(["prompt": "  "]), "prompt must not be empty"),
        ("unknown model", agentBody(["model": "gpt-4"]), "allowed values: claude-fable-5"),
        ("bad reasoningEffort", agentBody(["reasoningEffort": "max"]), "allowed values: none, low, medium, high"),
        ("reasoningEffort not a string", agentBody(["reasoningEffort": 3]), "reasoningEffort must be a string"),
        ("bad permission", agentBody(["permission": "admin"]), "allowed values: read_only, allow_edits"),
        ("permittedBranches not an array", agentBody(["permittedBranches": "main"]), "permittedBranches must be an array"),
        ("permittedBranches with a number", agentBody(["permittedBranches": [1]]), "non-empty strings"),
        ("webhook not a string", agentBody(["completionWebhookUrl": true]), "completionWebhookUrl must be a string"),
        ("webhook not a URL", agentBody(["completionWebhookUrl": "not a url"]), "not an absolute http URL"),
        ("webhook https", agentBody(["completionWebhookUrl": "https://127.0.0.1/x"]), "must use http://"),
        ("bad email", agentBody(["userEmail": "nobody"]), "userEmail must be an email address"),
    ]

    @Test(arguments: invalidBodies.indices)
    func invalidField_is400NamingIt(_ index: Int) async throws {
        let (_, body, message) = Self.invalidBodies[index]
        let app = try TestApp()
        let response = await app.createAgent(body)
        #expect(response.status == .badRequest)
        #expect(response.json?["error.code"] == "invalid_request")
        #expect(response.json?["error.message"]?.stringValue?.contains(message) == true, "\(response.text)")
    }

    @Test(arguments: ["claude-sonnet-5", "openai-gpt-5.5", "cursor-composer-2.5-fast", "claude-opus-4.6"])
    func providerModelWithoutEmail_isUserEmailRequired(_ model: String) async throws {
        let app = try TestApp()
        let response = await app.createAgent(agentBody(["model": .string(model)]))
        #expect(response.status == .badRequest)
        #expect(response.json?["error.code"] == "user_email_required")
        #expect(await app.createAgent(agentBody(["model": .string(model), "userEmail": "dev@example.com"])).status == .accepted)
    }

    @Test func buildprintModels_needNoEmail() async throws {
        let app = try TestApp()
        #expect(await app.createAgent(agentBody(["model": "buildprint-kimi-k2.5"])).status == .accepted)
    }

    @Test func malformedJSON_is400() async throws {
        let app = try TestApp()
        let response = await app.request(.post, "/api/public/v1/agents",
                                         headers: ["Authorization": "Bearer \(token)", "Content-Type": "application/json"],
                                         body: Array(#"{"appId": "#.utf8))
        #expect(response.status == .badRequest)
        #expect(response.json?["error.code"] == "invalid_json")
        let array = await app.request(.post, "/api/public/v1/agents", token: token, json: ["x"])
        #expect(array.status == .badRequest)
        #expect(array.json?["error.code"] == "invalid_request")
    }

    @Test(arguments: [nil, "test-token", "Basic", "bp_"] as [String?])
    func wrongAuthorization_is401(_ token: String?) async throws {
        let app = try TestApp()
        let response = await app.request(.post, "/api/public/v1/agents", token: token, json: agentBody())
        #expect(response.status == .unauthorized)
        #expect(response.json?["error.code"] == "unauthorized")
        let basic = await app.request(.get, "/api/public/v1/agents/x", headers: ["Authorization": "Basic YnBfeDp5"])
        #expect(basic.status == .unauthorized)
    }

    @Test func strict_acceptsCurrentModelsAndKnownTokensAndAppsOnly() async throws {
        let app = try TestApp { $0.strict = true }
        let legacy = await app.createAgent(agentBody(["model": "buildprint-gpt-5.5", "appId": "demo-shop"]), token: "bp_demo_token")
        #expect(legacy.status == .badRequest)
        #expect(legacy.json?["error.message"]?.stringValue?.contains("buildprint-gpt-5.5") == true)
        #expect(legacy.json?["error.message"]?.stringValue?.contains("buildprint-kimi-k2.5") == false)
        let current = await app.createAgent(agentBody(["appId": "demo-shop"]), token: "bp_demo_token")
        #expect(current.status == .accepted)
        #expect(current.json?["projectId"] == "prj_demo_shop")
        let unknownApp = await app.createAgent(agentBody(["appId": "elsewhere"]), token: "bp_demo_token")
        #expect(unknownApp.status == .notFound)
        #expect(unknownApp.json?["error.code"] == "not_found")
        #expect(await app.createAgent(agentBody(), token: "bp_unknown").status == .unauthorized)
    }

    @Test func lenient_acceptsLegacyModels() async throws {
        let app = try TestApp()
        #expect(await app.createAgent(agentBody(["model": "buildprint-gpt-5.5"])).status == .accepted)
    }

    @Test func historyLimit_isValidatedAndKeepsTheNewest() async throws {
        let app = try TestApp()
        let id = try #require(await app.createAgent().json?["agentId"]?.stringValue)
        try await app.advance("30s", namespace: namespace)
        let all = await app.agent(id)["history"]?.arrayValue ?? []
        #expect(all.count >= 4)
        let two = await app.agent(id, query: "?historyLimit=2")["history"]?.arrayValue ?? []
        #expect(two == Array(all.suffix(2)))
        for bad in ["-1", "501", "ten", ""] {
            let response = await app.request(.get, "/api/public/v1/agents/\(id)?historyLimit=\(bad)", token: token)
            #expect(response.status == .badRequest, "historyLimit=\(bad)")
        }
        #expect(await app.request(.get, "/api/public/v1/agents/\(id)?historyLimit=500", token: token).status == .ok)
    }
}
