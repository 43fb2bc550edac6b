import BuildermockTesting
import HTTP
import JSON
import Testing

/// Shortcuts for the Mihu API in tests: one token per test keeps namespaces (and clocks) apart.
struct Mihu {
    let app: TestApp
    let token: String

    init(token: String = "mihu-test") throws {
        app = try TestApp()
        self.token = token
    }

    var namespace: String { TestApp.namespace(forToken: token) }

    func post(_ path: String, _ json: JSONValue? = nil, headers: HTTPHeaders = [:]) async -> HTTPResponse {
        await app.request(.post, path, token: token, json: json, headers: headers)
    }

    func get(_ path: String) async -> HTTPResponse { await app.request(.get, path, token: token) }

    func delete(_ path: String) async -> HTTPResponse { await app.request(.delete, path, token: token) }

    func advance(_ span: String) async throws { try await app.advance(span, namespace: namespace) }

    /// Starts a conversation and returns its uuid.
    func start(_ prompt: String = "Watch my Zoho CRM leads every 5 minutes", extra: [String: JSONValue] = [:],
               scenario: String? = nil) async throws -> String {
        var body: [String: JSONValue] = ["prompt": .string(prompt)]
        body.merge(extra) { _, new in new }
        var headers = HTTPHeaders()
        if let scenario { headers.add("X-Buildermock-Scenario", scenario) }
        let response = await post("/api/v1/builder-agents", .object(body), headers: headers)
        #expect(response.status == .created, "\(response.text)")
        return try #require(response.json?[path: "data.uuid"]?.stringValue)
    }

    func conversation(_ uuid: String) async throws -> JSONValue {
        let response = await get("/api/v1/builder-agents/\(uuid)")
        #expect(response.status == .ok, "\(response.text)")
        return try #require(response.json?[path: "data"])
    }

    func status(_ uuid: String) async throws -> String? {
        try await conversation(uuid)[path: "status"]?.stringValue
    }

    /// Creates a builder from code with the seed's example body, changed by `edit`.
    func createBuilder(_ edit: (inout [String: JSONValue]) -> Void = { _ in }) async -> HTTPResponse {
        var body = Self.builderBody
        edit(&body)
        return await post("/api/v1/builders", .object(body))
    }

    static let builderBody: [String: JSONValue] = [
        "name": "my-api", "entrypoint": "python3 main.py",
        "files": ["main.py": "...source...", "requirements.txt": "flask"],
        "port": 8000, "env": ["MY_FLAG": "1"], "resources": ["cpu": 1, "memory": 1, "disk": 3],
        "job_type": "always_on", "backup_interval_hours": 0,
    ]
}

/// Asserts the documented error body and returns its `error` object.
@discardableResult
func expectError(_ response: HTTPResponse, _ status: HTTPStatus, code: String, field: String? = nil,
                 sourceLocation: SourceLocation = #_sourceLocation) -> JSONValue? {
    #expect(response.status == status, "\(response.text)", sourceLocation: sourceLocation)
    let json = response.json
    #expect(json?[path: "success"] == .bool(false), sourceLocation: sourceLocation)
    #expect(json?[path: "message"]?.stringValue?.isEmpty == false, sourceLocation: sourceLocation)
    #expect(json?[path: "error.code"]?.stringValue == code, "\(response.text)", sourceLocation: sourceLocation)
    #expect(json?[path: "error.details"]?.stringValue != nil, sourceLocation: sourceLocation)
    #expect(json?[path: "error.field"]?.stringValue == field, "\(response.text)", sourceLocation: sourceLocation)
    return json?[path: "error"]
}
