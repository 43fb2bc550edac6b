import App
import Engine
import BuildermockTesting
import HTTP
import JSON
import Testing
@testable import Admin

/// `GET /__admin/events/stream` over real sockets: server-sent events of committed transitions,
/// moved by the manual clock; the subscription ends with the client or the server.
@Suite struct EventStreamRoutesTests {
    static func open(_ port: Int, _ query: String) throws -> StreamReader {
        let reader = StreamReader(client: try RawSocketClient(port: port))
        try reader.client.send("GET /__admin/events/stream?\(query) HTTP/1.1\r\nHost: test\r\n\r\n")
        return reader
    }

    /// The data of the next event of `type`, skipping anything before it (a heartbeat on a slow run).
    static func next(_ type: String, _ reader: StreamReader) throws -> String {
        try reader.read(until: "event: \(type)\n")
        return try reader.read(until: "\n\n")
    }

    @Test func transitionsArrive_asTheManualClockMoves() async throws {
        let app = try TestApp()
        try await app.live { port in
            let reader = try await blocking {
                let reader = try Self.open(port, "namespace=sse")
                let head = try reader.read(until: "\r\n\r\n")
                #expect(head.hasPrefix("HTTP/1.1 200 OK"))
                #expect(head.contains("Content-Type: text/event-stream; charset=utf-8"))
                #expect(head.contains("Cache-Control: no-cache"))
                #expect(head.contains("Transfer-Encoding: chunked"))
                try reader.read(until: "retry: 2000\n\n")
                let hello = try Self.next("hello", reader)
                #expect(hello.contains(#""namespace":"sse""#))
                return reader
            }
            #expect(app.engine.events.subscriberCount == 1)
            let id = try await app.createBuild(namespace: "sse")
            // Another namespace's build is not this stream's business.
            _ = try await app.createBuild(namespace: "elsewhere")
            let created = try await blocking { try Self.next("transition", reader) }
            #expect(created.contains(#""job":"\#(id)""#) && created.contains(#""to":"queued""#) && created.contains(#""from":null"#))
            // A free slot starts it at once: provisioning, still queued to the API.
            let started = try await blocking { try Self.next("transition", reader) }
            #expect(started.contains(#""from":"queued""#) && started.contains(#""trigger":"event:start""#))
            try await app.advance("10s", namespace: "sse")
            let building = try await blocking { try Self.next("transition", reader) }
            #expect(building.contains(#""from":"queued""#) && building.contains(#""to":"building""#))
            #expect(building.contains(#""at":"2026-01-01T00:00:10.000Z""#))
            let clock = try await blocking { try Self.next("clock", reader) }
            #expect(clock.contains(#""now":"2026-01-01T00:00:10.000Z""#))
            try await app.advance("3m", namespace: "sse")
            let success = try await blocking { try Self.next("transition", reader) }
            #expect(success.contains(#""to":"success""#))
            let moved = try await blocking { try Self.next("clock", reader) }
            #expect(moved.contains(#""now":"2026-01-01T00:03:10.000Z""#))
            #expect(!reader.text.contains("elsewhere"))
            // Ids count up without gaps for a reader that keeps up.
            // CRLF of the chunk framing is one Character, so both separators are named.
            let ids = reader.text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" }).filter { $0.hasPrefix("id: ") }.compactMap { Int($0.dropFirst(4)) }
            #expect(ids.count == 6 && zip(ids, ids.dropFirst()).allSatisfy { $1 == $0 + 1 }, "\(ids)")
            reader.client.close()
        }
    }

    @Test func clientLeaving_endsTheSubscription() async throws {
        let app = try TestApp()
        try await app.live { port in
            try await blocking {
                let reader = try Self.open(port, "namespace=gone")
                try reader.read(until: "event: hello")
                reader.client.close()
            }
            #expect(await eventually { app.engine.events.subscriberCount == 0 })
        }
    }

    @Test func shutdown_endsTheStream_withTheLastChunk() async throws {
        let app = try TestApp()
        let port = try app.application.start()
        let reader = try await blocking {
            let reader = try Self.open(port, "all=true")
            try reader.read(until: "event: hello")
            return reader
        }
        await app.application.shutdown()
        let all = String(decoding: try await blocking { try reader.readToEnd() }, as: UTF8.self)
        #expect(all.hasSuffix("0\r\n\r\n"))
        #expect(app.engine.events.subscriberCount == 0)
    }

    @Test func allNamespaces_streamSeesEveryNamespace() async throws {
        let app = try TestApp()
        try await app.live { port in
            let reader = try await blocking {
                let reader = try Self.open(port, "all=true")
                try reader.read(until: "event: hello")
                return reader
            }
            _ = try await app.createBuild(namespace: "one")
            _ = try await app.createBuild(namespace: "two")
            let text = try await blocking { try reader.read(until: #""namespace":"two""#) }
            #expect(text.contains(#""namespace":"one""#))
            reader.client.close()
        }
    }

    @Test func heartbeats_keepAQuietStreamVisiblyAlive() async throws {
        let app = try TestApp()
        var router = Router()
        EventStreamRoutes(engine: app.engine, heartbeatSeconds: 0.05).register(on: &router)
        try await LiveServer.run(responder: router) { _, port in
            try await blocking {
                let reader = try Self.open(port, "namespace=quiet")
                try reader.read(until: "event: hello")
                try reader.read(until: ": heartbeat\n\n")
                try reader.read(until: ": heartbeat\n\n")
                reader.client.close()
            }
        }
    }

    @Test(arguments: ["all=yes", "namespace=bad%20name"])
    func badQuery_isA400InTheAdminShape(_ query: String) async throws {
        let app = try TestApp()
        let response = await app.request(.get, "/__admin/events/stream?\(query)")
        #expect(response.status.code == 400)
        #expect(response.json?[path: "error.code"] != nil)
        #expect(response.stream == nil)
        #expect(app.engine.events.subscriberCount == 0)
    }

    @Test func eventFormat_isOneDataLinePerLine() {
        let event = ServerSentEvent(id: "7", event: "transition\nx", data: "a\nb\r\nc\rd")
        #expect(String(decoding: event.bytes, as: UTF8.self) == "id: 7\nevent: transition x\ndata: a\ndata: b\ndata: c\ndata: d\n\n")
        #expect(String(decoding: ServerSentEvent(id: nil, event: nil, data: "").bytes, as: UTF8.self) == "data: \n\n")
        #expect(String(decoding: ServerSentEvent.comment("hi\nthere"), as: UTF8.self) == ": hi there\n\n")
    }
}
