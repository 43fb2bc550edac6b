import BuildermockTesting
import Dispatch
import Glibc
import HTTP
import Testing

/// Slow and hostile clients over real sockets (BRIEF §10, issue 9): each one is cut off within the
/// server's timeouts, and meanwhile other clients are served as usual. The timeouts are a fraction
/// of a second here, so the waits below are wall-time waits on purpose: what is under test is a
/// wall-time mechanism. Every wait is bounded.
@Suite struct HostileClientTests {
    /// The longest a well-behaved request may take while hostile clients are connected; generous,
    /// because CI runs the suites in parallel on two cores.
    static let responsive = 1.0
    /// How long a test waits for something the server should do within its (short) timeouts.
    static let bound = 5.0

    static let big = [UInt8](repeating: UInt8(ascii: "b"), count: 32 << 20)

    /// `/big` answers 32 MiB, more than the loopback socket buffers hold; anything else echoes.
    static let responder = ClosureResponder { request in
        if request.path == "/big" {
            return HTTPResponse(headers: ["Content-Type": "application/octet-stream"], body: big)
        }
        return HTTPResponse(contentType: "text/plain",
                            text: "\(request.method) \(request.path) \(String(decoding: request.body, as: UTF8.self))")
    }

    /// A request on a fresh connection must be answered promptly.
    static func expectServed(_ port: Int, _ path: String = "/ok", sourceLocation: SourceLocation = #_sourceLocation) throws {
        let start = DispatchTime.now()
        let client = try RawSocketClient(port: port)
        defer { client.close() }
        try client.send("GET \(path) HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n")
        let response = try client.readResponse()
        #expect(response.status.code == 200, sourceLocation: sourceLocation)
        #expect(response.text == "GET \(path) ", sourceLocation: sourceLocation)
        let took = ServerTests.elapsed(since: start)
        #expect(took < responsive, "a well-behaved request took \(took) s", sourceLocation: sourceLocation)
    }

    /// Polls `condition` every 10 ms for at most `timeout` seconds.
    static func eventually(timeout: Double = bound, _ condition: () -> Bool) -> Bool {
        let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(timeout * 1e9)
        while DispatchTime.now().uptimeNanoseconds < deadline {
            if condition() { return true }
            usleep(10_000)
        }
        return condition()
    }

    @Test func slowloris_headTrickledAByteAtATime_gets408AtTheHeaderTimeout() async throws {
        let configuration = LiveServer.configuration { $0.headerReadTimeout = 0.4 }
        try await LiveServer.run(configuration: configuration, responder: Self.responder) { server, port in
            try await blocking {
                let slow = try RawSocketClient(port: port)
                let head = Array("GET /slow HTTP/1.1\r\nHost: test\r\nUser-Agent: slowloris\r\n\r\n".utf8)
                let start = DispatchTime.now()
                var sent = 0
                // A byte every 50 ms would take 2.7 s for this head; each byte arriving must not
                // extend the deadline, which runs from the first byte.
                for byte in head {
                    try slow.send([byte])
                    sent += 1
                    if sent % 4 == 0 { try Self.expectServed(port) }
                    // Waiting on readability (not sleeping) stops the trickle as soon as the server
                    // answers, so we never write into a closed connection.
                    if try slow.socket.wait(for: .readable, timeout: 0.05) { break }
                }
                let response = try slow.readResponse()
                let waited = ServerTests.elapsed(since: start)
                #expect(response.status.code == 408)
                #expect(response.headers["Connection"] == "close")
                #expect(response.text.contains("request_timeout"))
                #expect(sent < head.count, "the whole head got through")
                #expect(waited >= 0.35 && waited < 0.4 + Self.responsive, "408 after \(waited) s")
                #expect(slow.waitForEnd(timeout: Self.bound) == .closed)
                #expect(Self.eventually { server.connectionCount == 0 })
                try Self.expectServed(port)
            }
        }
    }

    @Test func manyHalfOpenConnections_areFreedWithinTheTimeouts_whileOthersAreServed() async throws {
        let configuration = LiveServer.configuration {
            $0.headerReadTimeout = 1
            $0.idleTimeout = 1
        }
        try await LiveServer.run(configuration: configuration, responder: Self.responder) { server, port in
            try await blocking {
                // Connected and silent; a partial head and then silence; a partial head and then a
                // half-close (FIN) with the socket left open.
                let silent = try (0..<100).map { _ in try RawSocketClient(port: port) }
                let partial = try (0..<100).map { _ in try RawSocketClient(port: port) }
                for client in partial { try client.send("GET /partial HTTP/1.1\r\nHo") }
                let halfClosed = try (0..<20).map { _ in try RawSocketClient(port: port) }
                for client in halfClosed {
                    try client.send("POST /half HTTP/1.1\r\nHost: test\r\nContent-Length: 10\r\n\r\n01")
                    try client.socket.shutdownWrite()
                }
                let start = DispatchTime.now()
                #expect(Self.eventually(timeout: 0.8) { server.connectionCount >= 200 }, "\(server.connectionCount) open")
                for _ in 0..<5 { try Self.expectServed(port) }

                // A half-closed client can never finish its request: closed at once, not at a timeout.
                for client in halfClosed {
                    #expect(client.waitForEnd(timeout: 0.4) == .closed)
                }
                for client in partial {
                    let response = try client.readResponse()
                    #expect(response.status.code == 408)
                }
                for client in silent {
                    // An idle connection is closed without a word (RFC 9112 §9.6).
                    #expect(try client.readUntilClose() == [])
                }
                let freed = ServerTests.elapsed(since: start)
                #expect(freed < 1 + Self.bound, "freed after \(freed) s")
                #expect(Self.eventually { server.connectionCount == 0 }, "\(server.connectionCount) still open")
                try Self.expectServed(port)
            }
        }
    }

    @Test func bodyThatNeverFinishes_gets408_inEveryFraming() async throws {
        let configuration = LiveServer.configuration {
            $0.headerReadTimeout = 0.4
            $0.idleTimeout = 0.6
        }
        try await LiveServer.run(configuration: configuration, responder: Self.responder) { server, port in
            try await blocking {
                let fixed = try RawSocketClient(port: port)
                try fixed.send("POST /f HTTP/1.1\r\nHost: test\r\nContent-Length: 1000\r\n\r\n0123456789")
                let chunked = try RawSocketClient(port: port)
                try chunked.send("POST /c HTTP/1.1\r\nHost: test\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n")
                let continued = try RawSocketClient(port: port)
                try continued.send("POST /e HTTP/1.1\r\nHost: test\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n")
                let interim = try continued.readExactly(25)
                #expect(String(decoding: interim, as: UTF8.self) == "HTTP/1.1 100 Continue\r\n\r\n")
                let start = DispatchTime.now()

                // A body trickled a byte at a time does not push the deadline either.
                let trickle = try RawSocketClient(port: port)
                try trickle.send("POST /t HTTP/1.1\r\nHost: test\r\nContent-Length: 100\r\n\r\n")
                var sent = 0
                while sent < 100 {
                    try trickle.send("x")
                    sent += 1
                    if try trickle.socket.wait(for: .readable, timeout: 0.05) { break }
                }
                #expect(sent < 100)
                try Self.expectServed(port)

                for client in [fixed, chunked, trickle, continued] {
                    let response = try client.readResponse()
                    #expect(response.status.code == 408)
                    #expect(client.waitForEnd(timeout: Self.bound) == .closed)
                }
                // After `100 Continue` the body is bounded by the idle timeout; the others by the
                // header timeout, counted from their first byte.
                let waited = ServerTests.elapsed(since: start)
                #expect(waited < 0.6 + Self.bound)
                #expect(Self.eventually { server.connectionCount == 0 }, "\(server.connectionCount) still open")
                try Self.expectServed(port)
            }
        }
    }

    @Test func clientThatNeverReadsItsLargeResponse_isClosedAfterTheIdleTimeout() async throws {
        let configuration = LiveServer.configuration { $0.idleTimeout = 0.5 }
        try await LiveServer.run(configuration: configuration, responder: Self.responder) { server, port in
            try await blocking {
                let stalled = try RawSocketClient(port: port)
                // Pipelined too: the second request must not be read while the first answer is stuck.
                try stalled.send("GET /big HTTP/1.1\r\nHost: test\r\n\r\nGET /after HTTP/1.1\r\nHost: test\r\n\r\n")
                let start = DispatchTime.now()
                #expect(Self.eventually(timeout: 0.4) { server.connectionCount == 1 })
                try Self.expectServed(port)
                try Self.expectServed(port)
                #expect(Self.eventually { server.connectionCount == 0 }, "the stalled connection is still open")
                let freed = ServerTests.elapsed(since: start)
                #expect(freed >= 0.4, "closed after \(freed) s, before the idle timeout")
                try Self.expectServed(port)

                // What the client finds when it finally reads: part of the body, then the end.
                var received = 0
                var ending = RawSocketClient.Ending.stillOpen
                let readDeadline = DispatchTime.now().uptimeNanoseconds + UInt64(Self.bound * 1e9)
                var buffer = [UInt8](repeating: 0, count: 1 << 20)
                reading: while DispatchTime.now().uptimeNanoseconds < readDeadline {
                    let result: Result<Int, SocketError> = buffer.withUnsafeMutableBytes { raw in
                        do throws(SocketError) {
                            guard try stalled.socket.wait(for: .readable, timeout: 1) else { return .success(-1) }
                            return .success(try stalled.socket.read(into: raw))
                        } catch {
                            return .failure(error)
                        }
                    }
                    switch result {
                    case .success(-1): continue
                    case .success(let count): received += count
                    case .failure(.closed): ending = .closed; break reading
                    case .failure(let error) where error.isConnectionReset: ending = .reset; break reading
                    case .failure(.wouldBlock): continue
                    case .failure: ending = .closed; break reading
                    }
                }
                #expect(ending != .stillOpen)
                #expect(received < Self.big.count, "the whole body arrived although the client stalled")
            }
        }
    }
}
