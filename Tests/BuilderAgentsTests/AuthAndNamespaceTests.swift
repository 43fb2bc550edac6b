import BuildermockTesting
import HTTP
import JSON
import Testing

@Suite struct AuthAndNamespaceTests {
    static let routes: [(HTTPMethod, String)] = [
        (.post, "/api/v1/builder-agents"), (.get, "/api/v1/builder-agents"), (.get, "/api/v1/builder-agents/x"),
        (.post, "/api/v1/builder-agents/x/answers"), (.post, "/api/v1/builder-agents/x/approve"),
        (.post, "/api/v1/builder-agents/x/rebuild"), (.post, "/api/v1/builders"), (.get, "/api/v1/builders"),
        (.get, "/api/v1/builders/x"), (.delete, "/api/v1/builders/x"), (.post, "/api/v1/builders/x/stop"),
        (.post, "/api/v1/builders/x/start"), (.get, "/api/v1/builders/x/logs"), (.get, "/api/v1/builders/x/files"),
        (.post, "/api/v1/builders/x/exec"), (.post, "/api/v1/builders/x/auto-stop"),
    ]

    @Test func missingToken_isTheDocumented401_onEveryRoute() async throws {
        let app = try TestApp()
        for (method, path) in Self.routes {
            let response = await app.request(method, path, token: nil)
            #expect(response.status == .unauthorized, "\(method) \(path)")
            #expect(response.json == ["success": false, "message": "Authentication required",
                                      "error": ["code": "MISSING_AUTH_TOKEN", "details": "No authorization header provided"]],
                    "\(method) \(path): \(response.text)")
            #expect(response.headers["Date"] != nil)
        }
    }

    @Test func malformedToken_isInvalidAuthToken() async throws {
        let app = try TestApp()
        for header in ["Basic dXNlcjpwYXNz", "Bearer", "Bearer   ", "token-without-scheme"] {
            let response = await app.request(.get, "/api/v1/builder-agents", headers: ["Authorization": header], body: [])
            let error = expectError(response, .unauthorized, code: "INVALID_AUTH_TOKEN")
            #expect(error != nil, "\(header)")
            #expect(response.json?[path: "message"] == "Invalid authentication token")
        }
        let empty = await app.request(.get, "/api/v1/builder-agents", headers: ["Authorization": ""], body: [])
        expectError(empty, .unauthorized, code: "MISSING_AUTH_TOKEN")
        // Any non-empty bearer token is accepted; the scheme is case-insensitive.
        #expect(await app.request(.get, "/api/v1/builder-agents", headers: ["Authorization": "bearer abc"], body: []).status == .ok)
    }

    @Test func aSecondToken_seesNoneOfTheFirstTokensWork() async throws {
        let first = try Mihu(token: "first")
        let uuid = try await first.start()
        let builder = try #require(await first.createBuilder().json?[path: "data.uuid"]?.stringValue)
        let app = first.app
        expectError(await app.request(.get, "/api/v1/builder-agents/\(uuid)", token: "second"), .notFound, code: "NOT_FOUND")
        expectError(await app.request(.get, "/api/v1/builders/\(builder)", token: "second"), .notFound, code: "NOT_FOUND")
        #expect(await app.request(.get, "/api/v1/builder-agents", token: "second").json?[path: "data.total"] == 0)
        #expect(await app.request(.get, "/api/v1/builders", token: "second").json?[path: "data.total"] == 0)
        expectError(await app.request(.post, "/api/v1/builder-agents/\(uuid)/approve", token: "second"), .notFound, code: "NOT_FOUND")
        // Clocks are per namespace too: moving the second one leaves the first conversation alone.
        try await app.advance("1h", namespace: TestApp.namespace(forToken: "second"))
        #expect(try await first.status(uuid) == "processing")
        #expect(await app.request(.get, "/api/v1/builder-agents", token: "first").json?[path: "data.total"] == 1)
    }

    @Test func tenantHeader_selectsTheNamespace() async throws {
        let app = try TestApp()
        let created = await app.request(.post, "/api/v1/builder-agents", token: "a", json: ["prompt": "Watch Slack messages"],
                                        headers: ["X-Mihu-Tenant": "acme"])
        let uuid = try #require(created.json?[path: "data.uuid"]?.stringValue)
        #expect(created.json?[path: "data.name"] == "slack-message-watcher")
        let other = await app.request(.get, "/api/v1/builder-agents/\(uuid)", token: "b", headers: ["X-Mihu-Tenant": "acme"])
        #expect(other.status == .ok)
        expectError(await app.request(.get, "/api/v1/builder-agents/\(uuid)", token: "a"), .notFound, code: "NOT_FOUND")
        try await app.advance("5s", namespace: "acme")
        #expect(await app.request(.get, "/api/v1/builder-agents/\(uuid)", token: "z", headers: ["X-Mihu-Tenant": "acme"])
            .json?[path: "data.status"] == "gathering")
        expectError(await app.request(.get, "/api/v1/builder-agents", token: "a", headers: ["X-Mihu-Tenant": "bad name!"]),
                    .badRequest, code: "INVALID_NAMESPACE")
    }

    @Test func unknownPathsAndMethods_answerInTheAPIsShape() async throws {
        let app = try TestApp()
        let missing = await app.request(.get, "/api/v1/builders/x/nothing-here", token: "t")
        expectError(missing, .notFound, code: "NOT_FOUND")
        let wrongMethod = await app.request(.put, "/api/v1/builder-agents", token: "t")
        expectError(wrongMethod, .methodNotAllowed, code: "METHOD_NOT_ALLOWED")
        #expect(wrongMethod.headers["Allow"] == "GET, HEAD, POST")
        expectError(await app.request(.get, "/api/v1/builder-agents/nope", token: "t"), .notFound, code: "NOT_FOUND")
    }

    @Test func conversationCreate_validatesEveryField() async throws {
        let mihu = try Mihu()
        func create(_ body: JSONValue) async -> HTTPResponse { await mihu.post("/api/v1/builder-agents", body) }
        expectError(await create([:]), .unprocessableContent, code: "VALIDATION_ERROR", field: "prompt")
        expectError(await create(["prompt": ""]), .unprocessableContent, code: "VALIDATION_ERROR", field: "prompt")
        expectError(await create(["prompt": "   "]), .unprocessableContent, code: "VALIDATION_ERROR", field: "prompt")
        expectError(await create(["prompt": 5]), .unprocessableContent, code: "VALIDATION_ERROR", field: "prompt")
        expectError(await create(["prompt": .string(String(repeating: "x", count: 10_001))]), .unprocessableContent,
                    code: "VALIDATION_ERROR", field: "prompt")
        expectError(await create(["prompt": "x", "name": "Not A Slug"]), .unprocessableContent, code: "VALIDATION_ERROR", field: "name")
        expectError(await create(["prompt": "x", "name": 1]), .unprocessableContent, code: "VALIDATION_ERROR", field: "name")
        for flag in ["auto_approve", "skip_approval", "skip_review", "skip_qa"] {
            expectError(await create(["prompt": "x", flag: "yes"]), .unprocessableContent,
                        code: "VALIDATION_ERROR", field: flag)
        }
        let body = await mihu.app.request(.post, "/api/v1/builder-agents", headers: ["Authorization": "Bearer t"],
                                          body: Array("prompt=x".utf8))
        expectError(body, .badRequest, code: "INVALID_JSON")
        let named = await create(["prompt": "anything", "name": "my-own-name", "auto_approve": false])
        #expect(named.json?[path: "data.name"] == "my-own-name")
    }

    @Test func answersAndRebuild_validateTheirFields() async throws {
        let mihu = try Mihu()
        let uuid = try await mihu.start()
        try await mihu.advance("5s")
        expectError(await mihu.post("/api/v1/builder-agents/\(uuid)/answers", [:]), .unprocessableContent,
                    code: "VALIDATION_ERROR", field: "message")
        expectError(await mihu.post("/api/v1/builder-agents/\(uuid)/answers", ["message": ""]), .unprocessableContent,
                    code: "VALIDATION_ERROR", field: "message")
        expectError(await mihu.post("/api/v1/builder-agents/\(uuid)/answers", ["message": ["EU"]]), .unprocessableContent,
                    code: "VALIDATION_ERROR", field: "message")
        expectError(await mihu.post("/api/v1/builder-agents/\(uuid)/rebuild", ["message": "x", "replace_prompt": "true"]),
                    .unprocessableContent, code: "VALIDATION_ERROR", field: "replace_prompt")
        expectError(await mihu.post("/api/v1/builder-agents/\(uuid)/rebuild", [:]), .unprocessableContent,
                    code: "VALIDATION_ERROR", field: "message")
        expectError(await mihu.post("/api/v1/builder-agents/nope/answers", ["message": "EU"]), .notFound, code: "NOT_FOUND")
    }
}
