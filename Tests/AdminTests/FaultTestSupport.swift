import App
import BuildermockTesting
import Engine
import HTTP
import JSON

/// A Buildprint token: its namespace is where the fault rules of these tests live.
let token = "bp_fault_tests"
let testNamespace = TestApp.namespace(forToken: token)

extension TestApp {
    /// Creates a Buildprint agent and returns its id.
    func createAgent(headers: HTTPHeaders = [:]) async throws -> String {
        let body: JSONValue = ["appId": "my-app", "prompt": "Why does signup fail?", "model": "buildprint-gpt-5.6-sol"]
        let response = await request(.post, "/api/public/v1/agents", token: token, json: body, headers: headers)
        guard let id = response.json?[path: "agentId"]?.stringValue else { throw FaultTestError.unexpected(response.text) }
        return id
    }

    func getAgent(_ id: String, headers: HTTPHeaders = [:]) async -> HTTPResponse {
        await request(.get, "/api/public/v1/agents/\(id)", token: token, headers: headers)
    }

    /// Adds a rule through the admin API; returns the response.
    @discardableResult
    func addFault(_ rule: String, namespace ns: String = testNamespace) async -> HTTPResponse {
        await request(.post, "/__admin/faults?namespace=\(ns)", headers: ["Content-Type": "application/json"],
                      body: Array(rule.utf8))
    }

    func listFaults(namespace ns: String = testNamespace) async -> [JSONValue] {
        guard case .array(let items)? = await request(.get, "/__admin/faults?namespace=\(ns)").json?[path: "faults"] else { return [] }
        return items
    }
}

enum FaultTestError: Error { case unexpected(String) }

/// Raw requests for socket tests.
enum Raw {
    static func get(_ path: String, headers: [String] = []) -> String {
        (["GET \(path) HTTP/1.1", "Host: 127.0.0.1", "Authorization: Bearer \(token)"] + headers)
            .joined(separator: "\r\n") + "\r\n\r\n"
    }
}
