import Engine
import App
import BuildermockTesting
import HTTP
import JSON
import Testing

/// Every row of seed 001's error table, in Builder.io's `{"error": "…"}` shape.
@Suite struct ErrorTableTests {
    /// The whole body is exactly one string field: what Builder.io's client passes through.
    func expectShape(_ response: HTTPResponse, _ status: HTTPStatus, contains text: String,
                     sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(response.status == status, sourceLocation: sourceLocation)
        guard case .object(let fields)? = response.json else {
            Issue.record("not a JSON object: \(response.text)", sourceLocation: sourceLocation)
            return
        }
        #expect(Array(fields.keys) == ["error"], sourceLocation: sourceLocation)
        #expect(response.errorMessage?.contains(text) == true, "\(response.text)", sourceLocation: sourceLocation)
    }

    // MARK: 400 missing or invalid fields

    @Test(arguments: [
        (JSONValue.object([:]), "Missing required field: userMessage"),
        (["userMessage": "hi"], "userMessage must be an object"),
        (["userMessage": [:]], "Missing required field: userMessage.userPrompt"),
        (["userMessage": ["userPrompt": 42]], "userMessage.userPrompt must be a string"),
        (["userMessage": ["userPrompt": "  "]], "userMessage.userPrompt must not be empty"),
        (["userMessage": ["userPrompt": "x", "attachments": "nope"]], "attachments must be an array"),
        (["userMessage": ["userPrompt": "x"], "projectId": 7], "projectId must be a string"),
        (["userMessage": ["userPrompt": "x"], "projectId": ""], "projectId must not be empty"),
        (["userMessage": ["userPrompt": "x"], "branchName": false], "branchName must be a string"),
        (["userMessage": ["userPrompt": "x"], "branchName": "!!!"], "branchName must contain letters or digits"),
        (["userMessage": ["userPrompt": "x"], "userId": 12], "userId must be a string"),
        (["userMessage": ["userPrompt": "x"], "userEmail": "not-an-email"], "userEmail must be an email address"),
        (JSONValue.array([]), "must be a JSON object"),
    ] as [(JSONValue, String)])
    func invalidFields_are400(body: JSONValue, message: String) async throws {
        let app = try TestApp()
        expectShape(await app.run(body), .badRequest, contains: message)
    }

    @Test func malformedJSON_is400() async throws {
        let app = try TestApp()
        for body in ["{", "", "{\"userMessage\": }", "nul"] {
            let response = await app.request(.post, "/agents/run?apiKey=\(Demo.space)",
                                             headers: ["Authorization": "Bearer \(Demo.key)",
                                                       "Content-Type": "application/json"],
                                             body: Array(body.utf8))
            expectShape(response, .badRequest, contains: "JSON")
        }
    }

    @Test func missingOrMalformedAPIKey_is400() async throws {
        let app = try TestApp()
        expectShape(await app.run(runBody(), apiKey: nil), .badRequest, contains: "apiKey")
        expectShape(await app.run(runBody(), apiKey: ""), .badRequest, contains: "apiKey")
        expectShape(await app.run(runBody(), apiKey: "has%20space"), .badRequest, contains: "apiKey")
    }

    // MARK: 400 no user identifier

    @Test func noUserIdentifier_isA400InStrictMode() async throws {
        let app = try TestApp { $0.strictAuth = true }
        expectShape(await app.run(runBody(email: nil)), .badRequest, contains: "No user identifier provided")
    }

    // MARK: 401 / 403

    @Test func noAuthorizationHeader_is401() async throws {
        let app = try TestApp()
        expectShape(await app.run(runBody(), key: nil), .unauthorized, contains: "Authorization")
        let basic = await app.request(.post, "/agents/run?apiKey=\(Demo.space)", token: nil, json: runBody(),
                                      headers: ["Authorization": "Basic Zm9vOmJhcg=="])
        expectShape(basic, .unauthorized, contains: "Bearer")
    }

    @Test func invalidPrivateKey_is403() async throws {
        let app = try TestApp()
        expectShape(await app.run(runBody(), key: "bpk-not0the0right0key"), .forbidden, contains: "Invalid private key")
        expectShape(await app.run(runBody(), key: "sk-whatever"), .forbidden, contains: "Invalid private key")
    }

    @Test func privateKeyOfAnotherSpace_is403Mismatched() async throws {
        let app = try TestApp()
        expectShape(await app.run(runBody(), key: Demo.otherKey), .forbidden, contains: "does not belong")
        // Nor can another space's key create a new space in lenient mode.
        expectShape(await app.run(runBody(), apiKey: "brand-new-space", key: Demo.otherKey), .forbidden,
                    contains: "does not belong")
    }

    @Test func userNotInSpace_is403() async throws {
        let app = try TestApp()
        expectShape(await app.run(runBody(email: Demo.outsider)), .forbidden, contains: "not a member")
        expectShape(await app.run(runBody(email: nil, extra: ["userId": "f7a9c1e3b5d7f9a1c3e5b7d9"])), .forbidden,
                    contains: "not a member")
    }

    @Test func projectOfAnotherSpace_orUnknownProject_is403AlikeSoNothingLeaks() async throws {
        let app = try TestApp()
        let foreign = await app.run(runBody(extra: ["projectId": .string(Demo.otherProject)]))
        expectShape(foreign, .forbidden, contains: "does not belong to this space")
        let unknown = await app.run(runBody(extra: ["projectId": "000000000000"]))
        expectShape(unknown, .forbidden, contains: "does not belong to this space")
    }

    // MARK: 404

    @Test func unknownUser_is404() async throws {
        let app = try TestApp()
        expectShape(await app.run(runBody(email: "nobody@yourcompany.com")), .notFound, contains: "User not found")
        expectShape(await app.run(runBody(email: nil, extra: ["userId": "no-such-user"])), .notFound,
                    contains: "User not found")
    }

    @Test func userIDAndEmailOfDifferentUsers_is400() async throws {
        let app = try TestApp()
        let response = await app.run(runBody(email: Demo.developer, extra: ["userId": .string(Demo.ownerID)]))
        expectShape(response, .badRequest, contains: "userEmail")
        let same = await app.run(runBody(email: "DEVELOPER@yourcompany.com", extra: ["userId": .string(Demo.developerID)]))
        #expect(same.status == .accepted)
    }

    // MARK: Order and the router's own errors

    @Test func authenticationComesBeforeTheBody() async throws {
        let app = try TestApp()
        let noAuth = await app.request(.post, "/agents/run?apiKey=\(Demo.space)", headers: [:], body: Array("{".utf8))
        #expect(noAuth.status == .unauthorized)
        let badKey = await app.run(.object([:]), key: "bpk-wrong")
        #expect(badKey.status == .forbidden)
    }

    @Test func unknownPathAndWrongMethodUnderAgents_useTheSameShape() async throws {
        let app = try TestApp()
        expectShape(await app.request(.get, "/agents/run?apiKey=x", token: Demo.key), .methodNotAllowed, contains: "GET")
        expectShape(await app.request(.post, "/agents/nope", token: Demo.key), .notFound, contains: "/agents/nope")
    }

    @Test func storageFailure_isA500InTheSameShape() async throws {
        let app = try TestApp()
        #expect(await app.run(runBody()).status == .accepted)
        await app.application.shutdown()  // closes the database under the running service
        let response = await app.run(runBody(extra: ["projectId": .string(Demo.project)]))
        expectShape(response, .internalServerError, contains: "Internal server error")
    }
}
