import App
import BuildermockTesting
import HTTP
import JSON
import Testing

@Suite struct JournalRoutesTests {
    let app: TestApp
    static let ns: HTTPHeaders = ["X-Buildermock-Namespace": "jr"]

    init() throws {
        app = try TestApp()
    }

    func admin(_ method: HTTPMethod, _ target: String, json: JSONValue? = nil) async -> HTTPResponse {
        await app.request(method, target, token: nil, json: json, headers: Self.ns)
    }

    /// Three builds calls: a create, a poll, and a 404.
    func makeTraffic() async -> String {
        let created = await app.request(.post, "/api/v1/builds", token: "secret-api-key-123456", json: [
            "url": "https://example.com", "appName": "Shop", "bundleId": "com.example.shop", "version": "1.0.0",
        ], headers: Self.ns)
        let id = created.json?[path: "id"]?.stringValue ?? "missing"
        _ = await app.request(.get, "/api/v1/builds/\(id)", token: "secret-api-key-123456", headers: Self.ns)
        _ = await app.request(.get, "/api/v1/builds/bld_nope", token: "secret-api-key-123456", headers: Self.ns)
        return id
    }

    @Test func listing_showsEveryCall_withAuthorizationRedacted() async throws {
        let id = await makeTraffic()
        let listing = await admin(.get, "/__admin/requests")
        #expect(listing.status == .ok)
        let json = try #require(listing.json)
        #expect(json[path: "total"] == .int(3))
        #expect(json[path: "requests.0.method"] == "POST")
        #expect(json[path: "requests.0.status"] == .int(201))
        #expect(json[path: "requests.1.path"] == .string("/api/v1/builds/\(id)"))
        #expect(json[path: "requests.2.status"] == .int(404))
        let text = listing.text
        #expect(!text.contains("secret-api-key-123456"))
        #expect(text.contains(#"["Authorization","Bearer secr…"]"#))
        // The journal's own routes are not journaled.
        #expect((await admin(.get, "/__admin/requests")).json?[path: "total"] == .int(3))
    }

    @Test func listing_filtersAndPages() async throws {
        _ = await makeTraffic()
        #expect((await admin(.get, "/__admin/requests?method=GET")).json?[path: "total"] == .int(2))
        #expect((await admin(.get, "/__admin/requests?status=404")).json?[path: "total"] == .int(1))
        #expect((await admin(.get, "/__admin/requests?path=/api/v1/builds/*")).json?[path: "total"] == .int(2))
        #expect((await admin(.get, "/__admin/requests?since=2026-01-01T00:00:01Z")).json?[path: "total"] == .int(0))
        let page = try #require((await admin(.get, "/__admin/requests?limit=1&offset=1")).json)
        #expect(page[path: "total"] == .int(3))
        #expect(page[path: "requests.0.method"] == "GET")
        #expect(page[path: "requests.1"] == nil)
    }

    @Test(arguments: [
        "/__admin/requests?method=get",
        "/__admin/requests?status=99",
        "/__admin/requests?since=yesterday",
        "/__admin/requests?path=api",
        "/__admin/requests?limit=0",
        "/__admin/requests?after=-1",
    ])
    func badFilters_areClear400s(target: String) async throws {
        let response = await admin(.get, target)
        #expect(response.status == .badRequest)
        #expect(response.json?[path: "error.code"] == "invalid_query")
    }

    @Test func count_verifiesCallsByMatcher() async throws {
        _ = await makeTraffic()
        func count(_ matcher: JSONValue) async -> JSONValue? {
            await admin(.post, "/__admin/requests/count", json: matcher).json?[path: "count"]
        }
        #expect(await count([:]) == .int(3))
        #expect(await count(["method": "POST", "path": "/api/v1/builds"]) == .int(1))
        #expect(await count(["body": [["path": "bundleId", "equals": "com.example.shop"]]]) == .int(1))
        #expect(await count(["body": [["path": "bundleId", "equals": "com.other"]]]) == .int(0))
        #expect(await count(["headers": [["name": "content-type", "equals": "application/json"]]]) == .int(1))
        #expect(await count(["headers": [["name": "Authorization", "contains": "Bearer"]], "status": 404]) == .int(1))
    }

    @Test(arguments: [
        #"{"verb":"GET"}"#, #"{"method":1}"#, #"{"headers":{"a":"b"}}"#, #"{"headers":[{"name":"A"}]}"#,
        #"{"headers":[{"name":"A","equals":"b","contains":"c"}]}"#, #"{"body":[{"path":"a"}]}"#, #"{"status":"200"}"#,
        #"{"path":"no-slash"}"#,
    ])
    func badMatchers_areClear400s(body: String) async throws {
        var headers = Self.ns
        headers.add("Content-Type", "application/json")
        let response = await app.request(.post, "/__admin/requests/count", headers: headers, body: Array(body.utf8))
        #expect(response.status == .badRequest)
        #expect(response.json?[path: "error.code"] == "invalid_matcher")
        let notJSON = await app.request(.post, "/__admin/requests/count", headers: Self.ns, body: Array("[1".utf8))
        #expect(notJSON.json?[path: "error.code"] == "invalid_json")
    }

    @Test func delete_clearsOnlyThisNamespace() async throws {
        _ = await makeTraffic()
        _ = await app.request(.post, "/__admin/clock/advance", token: nil, json: ["by": "1s"],
                              headers: ["X-Buildermock-Namespace": "other"])
        let deleted = await admin(.delete, "/__admin/requests")
        #expect(deleted.json?[path: "deleted"] == .int(3))
        #expect((await admin(.get, "/__admin/requests")).json?[path: "total"] == .int(0))
        #expect((await app.request(.get, "/__admin/requests?namespace=other", token: nil)).json?[path: "total"] == .int(1))
    }

    @Test func session_recordsClockMovesBetweenRequests() async throws {
        _ = await makeTraffic()
        _ = await admin(.post, "/__admin/clock/advance", json: ["by": "10s"])
        _ = await admin(.post, "/__admin/scenarios/pin",
                        json: ["service": "appbuilds", "kind": "build", "scenario": "slow-queue", "count": 1])
        let session = await admin(.get, "/__admin/session")
        #expect(session.status == .ok)
        let json = try #require(session.json)
        #expect(json[path: "format"] == "buildermock-session/1")
        #expect(json[path: "namespace"] == "jr")
        #expect(json[path: "seed"] == "42")
        #expect(json[path: "clock.start"] == "2026-01-01T00:00:00.000Z")
        #expect(json[path: "settings.public_url"] == "http://127.0.0.1:8080")
        #expect(json[path: "steps.3.kind"] == "clock")
        #expect(json[path: "steps.3.at"] == "2026-01-01T00:00:00.000Z")
        #expect(json[path: "steps.4.kind"] == "request")
        #expect(json[path: "steps.4.at"] == "2026-01-01T00:00:10.000Z")
        #expect(json[path: "steps.0.response.json.status"] == "queued")
        #expect(json[path: "steps.0.response.duration_us"] == nil)
        #expect(json[path: "credentials"] == .object(["Bearer secr…": .null]))
    }

    @Test func overRealSockets_aRequestIsListedByTheVeryNextCall_onTheSameConnection() async throws {
        try await LiveServer.run(responder: app.application.responder) { _, port in
            let client = try RawSocketClient(port: port)
            for index in 1...20 {
                try client.send("GET /api/v1/builds/bld_\(index) HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer k\r\n"
                                + "X-Buildermock-Namespace: live\r\n\r\n")
                _ = try client.readResponse()
                try client.send("GET /__admin/requests?namespace=live HTTP/1.1\r\nHost: x\r\n\r\n")
                let listing = try client.readResponse()
                let json = JSONValue.parse(listing.body)
                #expect(json?[path: "total"] == .int(Int64(index)))
                #expect(json?[path: "requests.\(index - 1).path"] == .string("/api/v1/builds/bld_\(index)"))
            }
        }
    }
}
