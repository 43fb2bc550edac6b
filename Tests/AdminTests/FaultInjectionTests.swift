import App
import BuildermockTesting
import Dispatch
import Engine
import Foundation
import HTTP
import JSON
import Testing

/// Each HTTP fault kind over real sockets, asserting what a client actually sees.
@Suite struct FaultInjectionTests {
    /// Serves a fresh app on a loopback port with one agent created; `body` gets the app, a
    /// connected raw client and the agent's id.
    static func live(_ body: @escaping @Sendable (TestApp, RawSocketClient, String) throws -> Void,
                     setUp: (TestApp) async throws -> Void = { _ in }) async throws {
        let app = try TestApp()
        let id = try await app.createAgent()
        try await setUp(app)
        try await LiveServer.run(responder: app.application.responder) { _, port in
            try await blocking {
                let client = try RawSocketClient(port: port)
                defer { client.close() }
                try body(app, client, id)
            }
        }
    }

    static func seconds(since start: DispatchTime) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    }

    @Test func status_fromARule_hasTheAPIsEnvelopeAndRetryAfter() async throws {
        try await Self.live({ _, client, id in
            try client.send(Raw.get("/api/public/v1/agents/\(id)"))
            #expect(try client.readResponse().status.code == 200)
            try client.send(Raw.get("/api/public/v1/agents/\(id)"))
            let faulted = try client.readResponse()
            #expect(faulted.status.code == 503)
            #expect(faulted.headers["Retry-After"] == "1")
            let json = try #require(JSONValue.parse(faulted.body))
            #expect(json[path: "error.code"] == "service_unavailable")
            #expect(json[path: "error.message"]?.stringValue?.isEmpty == false)
            // The connection stays usable: a status fault is an ordinary response.
            try client.send(Raw.get("/api/public/v1/agents/\(id)"))
            #expect(try client.readResponse().status.code == 200)
        }, setUp: { app in
            await app.addFault(#"{"kind":"status","params":{"code":503},"target":{"service":"buildprint","method":"GET"},"calls":{"nth":2}}"#)
        })
    }

    @Test func status_fromTheHeader_usesEachAPIsOwnShape() async throws {
        try await Self.live { _, client, _ in
            // Mihu's documented envelope: {"success": false, "message", "error": {"code", "details"}}.
            try client.send("GET /api/v1/builder-agents HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer t\r\nX-Buildermock-Fault: status;code=429;retry-after=7\r\n\r\n")
            let mihu = try client.readResponse()
            #expect(mihu.status.code == 429)
            #expect(mihu.headers["Retry-After"] == "7")
            let json = try #require(JSONValue.parse(mihu.body))
            #expect(json[path: "success"] == .bool(false))
            #expect(json[path: "error.code"] == "TOO_MANY_REQUESTS")
            // A bad header is the client's mistake: a clear 400, not a fault and not a 500.
            try client.send(Raw.get("/api/public/v1/agents", headers: ["X-Buildermock-Fault: explode"]))
            let bad = try client.readResponse()
            #expect(bad.status.code == 400)
            #expect(JSONValue.parse(bad.body)?[path: "error.code"] == "invalid_fault_header")
        }
    }

    @Test func latency_holdsTheResponseBack() async throws {
        try await Self.live { _, client, id in
            let start = DispatchTime.now()
            try client.send(Raw.get("/api/public/v1/agents/\(id)", headers: ["X-Buildermock-Fault: latency;duration=200ms"]))
            let response = try client.readResponse()
            #expect(response.status.code == 200)
            #expect(Self.seconds(since: start) >= 0.19)
        }
    }

    @Test func reset_isAConnectionError() async throws {
        try await Self.live({ _, client, id in
            try client.send(Raw.get("/api/public/v1/agents/\(id)"))
            #expect(client.waitForEnd() == .reset)
        }, setUp: { app in
            await app.addFault(#"{"kind":"reset","target":{"route":"/api/public/v1/agents/*"}}"#)
        })
    }

    @Test func empty_closesWithoutAByte() async throws {
        try await Self.live { _, client, id in
            try client.send(Raw.get("/api/public/v1/agents/\(id)", headers: ["X-Buildermock-Fault: empty"]))
            #expect(try client.readUntilClose() == [])
        }
    }

    @Test func malformed_isA200ThatIsNotJSON() async throws {
        try await Self.live { _, client, id in
            try client.send(Raw.get("/api/public/v1/agents/\(id)", headers: ["X-Buildermock-Fault: malformed"]))
            let response = try client.readResponse()
            #expect(response.status.code == 200)
            #expect(response.headers["Content-Type"] == "application/json")
            #expect(!response.body.isEmpty)
            #expect(JSONValue.parse(response.body) == nil)
        }
    }

    @Test func truncate_isAShortRead() async throws {
        try await Self.live { _, client, id in
            try client.send(Raw.get("/api/public/v1/agents/\(id)", headers: ["X-Buildermock-Fault: truncate;bytes=20"]))
            let raw = try client.readUntilClose()
            let text = String(decoding: raw, as: UTF8.self)
            let headEnd = try #require(text.range(of: "\r\n\r\n"))
            let head = text[..<headEnd.lowerBound]
            let lengthLine = try #require(head.split(separator: "\r\n").first { $0.lowercased().hasPrefix("content-length:") })
            let promised = try #require(Int(lengthLine.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)))
            let received = text[headEnd.upperBound...].utf8.count
            #expect(received == 20)
            #expect(promised > received)
        }
    }

    @Test func truncate_failsAClientThatReadsTheResponse() async throws {
        try await Self.live { _, client, id in
            try client.send(Raw.get("/api/public/v1/agents/\(id)", headers: ["X-Buildermock-Fault: truncate"]))
            #expect(throws: RawSocketClient.Failure.self) { _ = try client.readResponse() }
        }
    }

    @Test func drip_takesAtLeastItsDelay() async throws {
        try await Self.live { _, client, id in
            let start = DispatchTime.now()
            try client.send(Raw.get("/api/public/v1/agents/\(id)", headers: ["X-Buildermock-Fault: drip;chunk=256;interval=40ms"]))
            let response = try client.readResponse()
            let elapsed = Self.seconds(since: start)
            #expect(response.status.code == 200)
            #expect(JSONValue.parse(response.body)?[path: "agentId"] == .string(id))
            // The first chunk follows the head after one interval, each later one after another.
            let chunks = (response.body.count + 255) / 256
            #expect(elapsed >= Double(chunks) * 0.04 - 0.005, "\(chunks) chunks in \(elapsed) s")
        }
    }

    @Test func hang_isStillSilentAfterAWhileAndAnHourOfManualTime() async throws {
        try await Self.live { app, client, id in
            try client.send(Raw.get("/api/public/v1/agents/\(id)", headers: ["X-Buildermock-Fault: hang;max=30s"]))
            #expect(client.waitForEnd(timeout: 0.3) == .stillOpen)
            // Virtual time does not end a hang: it is the network's, measured on the wall clock.
            let advanced = DispatchSemaphore(value: 0)
            Task {
                _ = try? await app.advance("1h", namespace: testNamespace)
                advanced.signal()
            }
            advanced.wait()
            #expect(client.waitForEnd(timeout: 0.3) == .stillOpen)
        }
    }
}
