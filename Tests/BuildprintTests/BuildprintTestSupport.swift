import App
import BuildermockTesting
import Engine
import HTTP
import JSON
import Synchronization

/// A token of the lenient implicit workspace every test gets by default.
let token = "bp_test_token"
let namespace = TestApp.namespace(forToken: token)

/// A valid create body, with overrides.
func agentBody(_ overrides: [String: JSONValue] = [:], removing: [String] = []) -> JSONValue {
    var body: [String: JSONValue] = ["appId": "my-app", "prompt": "Why does the signup workflow fail?",
                                     "model": "buildprint-gpt-5.6-sol"]
    for (key, value) in overrides { body[key] = value }
    for key in removing { body[key] = nil }
    return .object(body)
}

extension TestApp {
    func createAgent(_ body: JSONValue = agentBody(), token: String = token, headers: HTTPHeaders = [:]) async -> HTTPResponse {
        await request(.post, "/api/public/v1/agents", token: token, json: body, headers: headers)
    }

    func agent(_ id: String, token: String = token, query: String = "") async -> JSONValue {
        await request(.get, "/api/public/v1/agents/\(id)\(query)", token: token).json ?? .null
    }
}

extension JSONValue {
    subscript(_ path: String) -> JSONValue? { self[path: path] }
    var intValue: Int64? { if case .int(let value) = self { return value } else { return nil } }
    var arrayValue: [JSONValue] { if case .array(let items) = self { return items } else { return [] } }
}

/// What a webhook receiver got.
struct ReceivedWebhook: Sendable {
    var headers: HTTPHeaders
    var body: [UInt8]
}

/// A loopback receiver's memory and its scripted answers (status per request, then the last one).
final class WebhookReceiver: Sendable {
    private let state: Mutex<(received: [ReceivedWebhook], statuses: [Int])>

    init(statuses: [Int] = [200]) { state = Mutex(([], statuses)) }

    var received: [ReceivedWebhook] { state.withLock { $0.received } }

    func setStatuses(_ statuses: [Int]) { state.withLock { $0.statuses = statuses } }

    func respond(_ request: HTTPRequest) -> HTTPResponse {
        let status = state.withLock { state -> Int in
            state.received.append(ReceivedWebhook(headers: request.headers, body: request.body))
            return state.statuses.count > 1 ? state.statuses.removeFirst() : (state.statuses.first ?? 200)
        }
        return .json(HTTPStatus(status), #"{"ok":\#(status < 300)}"#)
    }

    /// Runs a loopback server answering with this receiver; passes the hook URL to `body`.
    func run<T>(_ body: (String) async throws -> T) async throws -> T {
        try await LiveServer.run(respond: { request in self.respond(request) }) { _, port in
            try await body("http://127.0.0.1:\(port)/hooks/buildprint")
        }
    }
}
