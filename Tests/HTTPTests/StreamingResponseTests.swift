import BuildermockTesting
import HTTP
import Synchronization
import Testing

/// `ResponseStream` over real loopback sockets: chunks go out as they are produced, and the
/// producer is released when the client leaves, the body ends, or the server shuts down.
@Suite struct StreamingResponseTests {
    /// A responder whose `/stream` answers with a stream the test feeds, and that records when the
    /// connection stopped reading it.
    final class Producer: Sendable {
        let chunks: AsyncStream<[UInt8]>
        let continuation: AsyncStream<[UInt8]>.Continuation
        private let ended = Flag()

        init() {
            (chunks, continuation) = AsyncStream.makeStream(of: [UInt8].self)
            continuation.onTermination = { [ended] _ in ended.set() }
        }

        var isTerminated: Bool { ended.isSet }

        func send(_ text: String) { continuation.yield(Array(text.utf8)) }

        var responder: ClosureResponder {
            ClosureResponder { [chunks] request in
                guard request.path == "/stream" else { return HTTPResponse(contentType: "text/plain", text: "plain") }
                var headers = HTTPHeaders()
                headers.set("Content-Type", "text/event-stream")
                return HTTPResponse(headers: headers, stream: ResponseStream(chunks))
            }
        }
    }

    final class Flag: Sendable {
        private let value = Mutex(false)
        func set() { value.withLock { $0 = true } }
        var isSet: Bool { value.withLock { $0 } }
    }

    static let get = "GET /stream HTTP/1.1\r\nHost: test\r\n\r\n"

    @Test func chunks_areWrittenAsTheyAreProduced_andTheEndClosesTheConnection() async throws {
        let producer = Producer()
        try await LiveServer.run(responder: producer.responder) { server, port in
            let reader = try await blocking {
                let reader = StreamReader(client: try RawSocketClient(port: port))
                try reader.client.send(Self.get)
                let head = try reader.read(until: "\r\n\r\n")
                #expect(head.hasPrefix("HTTP/1.1 200 OK\r\n"))
                #expect(head.contains("Transfer-Encoding: chunked\r\n"))
                #expect(head.contains("Connection: close\r\n"))
                #expect(!head.contains("Content-Length"))
                return reader
            }
            // Nothing is produced yet, so nothing but the head has come; each chunk then arrives alone.
            producer.send("first")
            _ = try await blocking { try reader.read(until: "5\r\nfirst\r\n") }
            producer.send("second event")
            _ = try await blocking { try reader.read(until: "c\r\nsecond event\r\n") }
            producer.continuation.finish()
            let all = try await blocking { try reader.readToEnd() }
            #expect(String(decoding: all, as: UTF8.self).hasSuffix("c\r\nsecond event\r\n0\r\n\r\n"))
            #expect(await eventually { server.connectionCount == 0 })
        }
    }

    @Test func clientLeaving_releasesTheProducer() async throws {
        let producer = Producer()
        try await LiveServer.run(responder: producer.responder) { server, port in
            try await blocking {
                let reader = StreamReader(client: try RawSocketClient(port: port))
                try reader.client.send(Self.get)
                try reader.read(until: "\r\n\r\n")
                reader.client.close()
            }
            // The producer never wrote again: the server noticed the close by reading, not by a
            // failed write.
            #expect(await eventually { producer.isTerminated })
            #expect(await eventually { server.connectionCount == 0 })
        }
    }

    @Test func shutdown_endsTheBodyWithTheLastChunk_andReleasesTheProducer() async throws {
        let producer = Producer()
        try await LiveServer.run(responder: producer.responder) { server, port in
            let reader = try await blocking {
                let reader = StreamReader(client: try RawSocketClient(port: port))
                try reader.client.send(Self.get)
                try reader.read(until: "\r\n\r\n")
                return reader
            }
            producer.send("tick")
            _ = try await blocking { try reader.read(until: "tick\r\n") }
            await server.shutdown()
            let all = String(decoding: try await blocking { try reader.readToEnd() }, as: UTF8.self)
            #expect(all.hasSuffix("4\r\ntick\r\n0\r\n\r\n"))
            #expect(producer.isTerminated)
            #expect(server.connectionCount == 0)
        }
    }

    @Test func http10Client_getsACloseDelimitedBody() async throws {
        let producer = Producer()
        try await LiveServer.run(responder: producer.responder) { _, port in
            let reader = try await blocking {
                let reader = StreamReader(client: try RawSocketClient(port: port))
                try reader.client.send("GET /stream HTTP/1.0\r\n\r\n")
                let head = try reader.read(until: "\r\n\r\n")
                #expect(!head.contains("Transfer-Encoding"))
                return reader
            }
            producer.send("raw bytes")
            producer.continuation.finish()
            let all = String(decoding: try await blocking { try reader.readToEnd() }, as: UTF8.self)
            #expect(all.hasSuffix("\r\n\r\nraw bytes"))
        }
    }

    @Test func headRequest_getsTheHeadOnly_andReleasesTheProducer() async throws {
        let producer = Producer()
        try await LiveServer.run(responder: producer.responder) { _, port in
            let all = try await blocking {
                let reader = StreamReader(client: try RawSocketClient(port: port))
                try reader.client.send("HEAD /stream HTTP/1.1\r\nHost: test\r\n\r\n")
                return String(decoding: try reader.readToEnd(), as: UTF8.self)
            }
            #expect(all.hasPrefix("HTTP/1.1 200 OK\r\n"))
            #expect(all.hasSuffix("\r\n\r\n"))
            #expect(await eventually { producer.isTerminated })
        }
    }

    @Test func requestsBeforeTheStream_onTheSameConnection_areServedNormally() async throws {
        let producer = Producer()
        try await LiveServer.run(responder: producer.responder) { _, port in
            let reader = try await blocking {
                let client = try RawSocketClient(port: port)
                try client.send("GET /plain HTTP/1.1\r\nHost: test\r\n\r\n")
                #expect(try client.readResponse().text == "plain")
                let reader = StreamReader(client: client)
                try client.send(Self.get)
                try reader.read(until: "\r\n\r\n")
                return reader
            }
            producer.send("after keep-alive")
            _ = try await blocking { try reader.read(until: "after keep-alive") }
            producer.continuation.finish()
        }
    }
}
