import App
import BuildermockTesting
import HTTP
import JSON
import Testing

@Suite struct OpenAPITests {
    @Test func document_describesEveryRouteAndTheModels() async throws {
        let app = try TestApp()
        let response = await app.request(.get, "/api/public/v1/openapi.json", token: nil)
        #expect(response.status == .ok)
        let document = try #require(response.json)
        #expect(document["openapi"] == "3.1.0")
        for path in ["/api/public/v1/agents", "/api/public/v1/agents/{agentId}", "/api/public/v1/agents/{agentId}/messages"] {
            #expect(document[path: "paths"]?.objectValue?[path] != nil, "\(path)")
        }
        let models = document[path: "components"]?[path: "schemas"]?.objectValue?["StartAgentRequest"]?[path: "properties.model.enum"]
        #expect(models?.arrayValue.count == 30)
        #expect(response.text.contains("x-buildermock-inferred"))
        let strict = try TestApp { $0.strict = true }
        let strictModels = await strict.request(.get, "/api/public/v1/openapi.json", token: nil).json?[path: "components"]?[path: "schemas"]?
            .objectValue?["StartAgentRequest"]?[path: "properties.model.enum"]
        #expect(strictModels?.arrayValue.count == 12)
    }
}
