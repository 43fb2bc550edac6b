import BuildermockTesting
import Dispatch
import Glibc
import HTTP
import Synchronization
import Testing

/// End-to-end over real loopback sockets: `HTTPServer` on port 0, spoken to byte by byte.
@Suite struct ServerTests {
    static func get(_ path: String, _ extraHeaders: String = "") -> String {
        "GET \(path) HTTP/1.1\r\nHost: test\r\n\(extraHeaders)\r\n"
    }

    /// Echoes method, path and body; `/slow` takes a little longer so ordering is really tested.
    static let echo = ClosureResponder { request in
        HTTPResponse(contentType: "text/plain",
                     text: "\(request.method) \(request.path) \(String(decoding: request.body, as: UTF8.self))")
    }

    static func elapsed(since start: DispatchTime) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    }

    @Test func keepAlive_servesTwoRequestsOnOneConnection() async throws {
        let peers = Mutex<[String]>([])
        try await LiveServer.run(respond: { request in
            peers.withLock { $0.append(request.remoteAddress ?? "?") }
            return HTTPResponse(contentType: "text/plain", text: request.path)
        }) { server, port in
            try await blocking {
                let client = try RawSocketClient(port: port)
                try client.send(Self.get("/one"))
                let first = try client.readResponse()
                try client.send(Self.get("/two"))
                let second = try client.readResponse()
                #expect(first.text == "/one")
                #expect(second.text == "/two")
                #expect(first.headers["Connection"] == nil)
                #expect(server.connectionCount == 1)
            }
        }
        let seen = peers.withLock { $0 }
        #expect(seen.count == 2 && seen[0] == seen[1])
    }

    /// Each I/O queue holds an epoll descriptor and a read source: a server that stayed alive after
    /// shutdown would leak them, and a test process starts hundreds of servers.
    @Test func serverThatWasShutDown_isReleased() async throws {
        weak var released: HTTPServer?
        do {
            let server = HTTPServer(configuration: LiveServer.configuration(), responder: Self.echo,
                                    logger: LiveServer.silentLogger)
            let port = try server.start()
            try await blocking {
                let client = try RawSocketClient(port: port)
                try client.send(Self.get("/one"))
                #expect(try client.readResponse().text == "GET /one ")
            }
            await server.shutdown()
            released = server
        }
        // Dispatch lets go of cancelled sources' handlers on its own threads, a moment after shutdown.
        // Well below the 2 s grace period, whose timer must not keep the server alive.
        var waits = 0
        while released != nil, waits < 100 {
            try await Task.sleep(for: .milliseconds(10))
            waits += 1
        }
        #expect(released == nil)
    }

    @Test func pipelinedRequests_areAnsweredInOrder() async throws {
        try await LiveServer.run(respond: { request in
            // The first answer is the slowest: order must come from the server, not from timing.
            if request.path == "/a" { try? await Task.sleep(for: .milliseconds(50)) }
            return HTTPResponse(contentType: "text/plain", text: request.path)
        }) { _, port in
            try await blocking {
                let client = try RawSocketClient(port: port)
                try client.send(Self.get("/a") + Self.get("/b") + Self.get("/c"))
                let bodies = try (0..<3).map { _ in try client.readResponse().text }
                #expect(bodies == ["/a", "/b", "/c"])
            }
        }
    }

    @Test func expectContinue_gets100BeforeTheBodyIsSent() async throws {
        try await LiveServer.run(responder: Self.echo) { _, port in
            try await blocking {
                let client = try RawSocketClient(port: port)
                try client.send("POST /upload HTTP/1.1\r\nHost: test\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n")
                let interim = try client.readExactly(25)
                #expect(String(decoding: interim, as: UTF8.self) == "HTTP/1.1 100 Continue\r\n\r\n")
                try client.send("hello")
                let response = try client.readResponse()
                #expect(response.status.code == 200)
                #expect(response.text == "POST /upload hello")
            }
        }
    }

    @Test func gzipRequestBody_isDecodedBeforeTheResponder() async throws {
        let text = String(repeating: "buildermock ", count: 200)
        let compressed = try Gzip.compress(Array(text.utf8))
        try await LiveServer.run(responder: Self.echo) { _, port in
            try await blocking {
                let client = try RawSocketClient(port: port)
                try client.send(Array("POST /z HTTP/1.1\r\nHost: test\r\nContent-Encoding: gzip\r\nContent-Length: \(compressed.count)\r\n\r\n".utf8) + compressed)
                #expect(try client.readResponse().text == "POST /z " + text)
            }
        }
    }

    @Test func acceptEncodingGzip_compressesALargeResponse() async throws {
        let json = "[" + Array(repeating: #"{"id":"job_123","status":"running"}"#, count: 100).joined(separator: ",") + "]"
        try await LiveServer.run(respond: { _ in .json(.ok, json) }) { _, port in
            try await blocking {
                let client = try RawSocketClient(port: port)
                try client.send(Self.get("/jobs", "Accept-Encoding: gzip, deflate\r\n"))
                let response = try client.readResponse()
                #expect(response.headers["Content-Encoding"] == "gzip")
                #expect(response.body.count < json.utf8.count)
                #expect(try Gzip.decompress(response.body, limit: 1 << 20) == Array(json.utf8))
                try client.send(Self.get("/jobs"))
                let plain = try client.readResponse()
                #expect(plain.headers["Content-Encoding"] == nil)
                #expect(plain.text == json)
            }
        }
    }

    @Test func largeResponse_toAClientThatIsNotReadingYet_isWrittenCompletely() async throws {
        // More than the loopback send and receive buffers hold together, so the server's first send
        // is partial and the rest goes out through the write source as the client drains it.
        var body = [UInt8](repeating: UInt8(ascii: "a"), count: 16 << 20)
        for index in stride(from: 0, to: body.count, by: 4096) { body[index] = UInt8(truncatingIfNeeded: index >> 12) }
        let expected = body
        try await LiveServer.run(respond: { _ in
            HTTPResponse(headers: ["Content-Type": "application/octet-stream"], body: expected)
        }) { _, port in
            try await blocking {
                let client = try RawSocketClient(port: port)
                try client.send(Self.get("/big") + Self.get("/next"))
                usleep(100_000)  // socket behaviour under test: let the buffers fill before reading
                let big = try client.readResponse()
                #expect(big.body == expected)
                let second = try client.readResponse()
                #expect(second.body.count == expected.count)
            }
        }
    }

    @Test func largeAndChunkedRequestBodies_arriveWhole() async throws {
        let payload = String(repeating: "0123456789abcdef", count: 1 << 16)  // 1 MiB over many reads
        try await LiveServer.run(respond: { request in
            HTTPResponse(contentType: "text/plain", text: "\(request.body.count) \(request.body == Array(payload.utf8))")
        }) { _, port in
            try await blocking {
                let client = try RawSocketClient(port: port)
                try client.send("POST /up HTTP/1.1\r\nHost: test\r\nContent-Length: \(payload.utf8.count)\r\n\r\n" + payload)
                #expect(try client.readResponse().text == "1048576 true")
                try client.send("POST /up HTTP/1.1\r\nHost: test\r\nTransfer-Encoding: chunked\r\n\r\n")
                for chunk in stride(from: 0, to: payload.utf8.count, by: 100_000) {
                    let piece = payload.utf8.dropFirst(chunk).prefix(100_000)
                    try client.send("\(String(piece.count, radix: 16))\r\n" + String(decoding: piece, as: UTF8.self) + "\r\n")
                }
                try client.send("0\r\n\r\n")
                #expect(try client.readResponse().text == "1048576 true")
            }
        }
    }

    @Test func head_getsHeadersOnlyAndTheConnectionStaysUsable() async throws {
        try await LiveServer.run(responder: Self.echo) { _, port in
            try await blocking {
                let client = try RawSocketClient(port: port)
                try client.send("HEAD /h HTTP/1.1\r\nHost: test\r\n\r\n")
                let head = try client.readResponse(for: .head)
                #expect(head.body.isEmpty)
                #expect(head.headers["Content-Length"] == "8")
                try client.send(Self.get("/g"))
                #expect(try client.readResponse().text == "GET /g ")
            }
        }
    }

    @Test func router_answers404And405OverTheWire() async throws {
        var router = Router()
        router.add(.get, "/things/:id") { request in
            HTTPResponse(contentType: "text/plain", text: request.pathParameters["id"] ?? "")
        }
        try await LiveServer.run(responder: router) { _, port in
            try await blocking {
                let client = try RawSocketClient(port: port)
                try client.send(Self.get("/things/42"))
                #expect(try client.readResponse().text == "42")
                try client.send(Self.get("/nothing"))
                let missing = try client.readResponse()
                #expect(missing.status.code == 404)
                #expect(missing.text.contains(#""error""#))
                try client.send("DELETE /things/42 HTTP/1.1\r\nHost: test\r\n\r\n")
                let wrongMethod = try client.readResponse()
                #expect(wrongMethod.status.code == 405)
                #expect(wrongMethod.headers["Allow"]?.contains("GET") == true)
            }
        }
    }

    @Test func bodyOverTheLimit_is413AndCloses() async throws {
        let configuration = LiveServer.configuration { $0.limits.maxBodyBytes = 10 }
        try await LiveServer.run(configuration: configuration, responder: Self.echo) { _, port in
            try await blocking {
                let client = try RawSocketClient(port: port)
                try client.send("POST / HTTP/1.1\r\nHost: test\r\nContent-Length: 20\r\n\r\n01234567890123456789")
                let response = try client.readResponse()
                #expect(response.status.code == 413)
                #expect(response.headers["Connection"] == "close")
                #expect(response.text.contains("body_too_large"))
                #expect(client.waitForEnd() == .closed)
            }
        }
    }

    @Test func headersOverTheLimit_is431AndCloses() async throws {
        try await LiveServer.run(responder: Self.echo) { _, port in
            try await blocking {
                let client = try RawSocketClient(port: port)
                try client.send(Self.get("/", "X-Big: \(String(repeating: "a", count: 20_000))\r\n"))
                let response = try client.readResponse()
                #expect(response.status.code == 431)
                #expect(response.headers["Connection"] == "close")
                #expect(client.waitForEnd() == .closed)
            }
        }
    }

    @Test func idleKeepAliveConnection_isClosedAfterTheIdleTimeout() async throws {
        let configuration = LiveServer.configuration { $0.idleTimeout = 0.2 }
        try await LiveServer.run(configuration: configuration, responder: Self.echo) { _, port in
            try await blocking {
                let client = try RawSocketClient(port: port)
                try client.send(Self.get("/"))
                _ = try client.readResponse()
                let start = DispatchTime.now()
                #expect(client.waitForEnd(timeout: 2) == .closed)
                let waited = Self.elapsed(since: start)
                #expect(waited >= 0.15 && waited < 1)
            }
        }
    }

    @Test func slowHead_isAnswered408AfterTheHeaderTimeout() async throws {
        let configuration = LiveServer.configuration { $0.headerReadTimeout = 0.2 }
        try await LiveServer.run(configuration: configuration, responder: Self.echo) { _, port in
            try await blocking {
                let client = try RawSocketClient(port: port)
                try client.send("GET / HTTP/1.1\r\nHost: te")
                let start = DispatchTime.now()
                let response = try client.readResponse()
                #expect(response.status.code == 408)
                #expect(response.headers["Connection"] == "close")
                #expect(Self.elapsed(since: start) < 1)
                #expect(client.waitForEnd() == .closed)
            }
        }
    }

    @Test func malformedRequest_is400AndDoesNotDisturbAnotherConnection() async throws {
        try await LiveServer.run(responder: Self.echo) { _, port in
            try await blocking {
                let good = try RawSocketClient(port: port)
                try good.send(Self.get("/before"))
                #expect(try good.readResponse().status.code == 200)

                let bad = try RawSocketClient(port: port)
                try bad.send("GET / HTTP/1.1\r\nHost test\r\n\r\n")
                let response = try bad.readResponse()
                #expect(response.status.code == 400)
                #expect(response.headers["Connection"] == "close")
                #expect(response.text.contains(#""code""#))
                #expect(bad.waitForEnd() == .closed)

                try good.send(Self.get("/after"))
                #expect(try good.readResponse().text == "GET /after ")
            }
        }
    }

    @Test func http10WithoutKeepAlive_closesAfterTheResponse() async throws {
        try await LiveServer.run(responder: Self.echo) { _, port in
            try await blocking {
                let client = try RawSocketClient(port: port)
                try client.send("GET /old HTTP/1.0\r\n\r\n")
                let response = try client.readResponse()
                #expect(response.text == "GET /old ")
                #expect(response.headers["Connection"] == "close")
                #expect(client.waitForEnd() == .closed)
            }
        }
    }

    @Test func connectionClose_isHonoured() async throws {
        try await LiveServer.run(responder: Self.echo) { _, port in
            try await blocking {
                let client = try RawSocketClient(port: port)
                try client.send(Self.get("/", "Connection: close\r\n"))
                #expect(try client.readResponse().headers["Connection"] == "close")
                #expect(client.waitForEnd() == .closed)
            }
        }
    }

    @Test func shutdown_letsAnInFlightRequestFinish() async throws {
        let entered = Gate()
        let release = Gate()
        let server = HTTPServer(configuration: LiveServer.configuration(), responder: ClosureResponder { request in
            entered.open()
            await release.wait()
            return HTTPResponse(contentType: "text/plain", text: "finished \(request.path)")
        }, logger: LiveServer.silentLogger)
        let port = try server.start()
        let client = try RawSocketClient(port: port)
        let idle = try RawSocketClient(port: port)
        try client.send(Self.get("/work"))
        await entered.wait()

        let shutdown = Task { await server.shutdown() }
        // The idle connection is closed at once, the listener stops accepting…
        let idleEnding = try await blocking { [idle] in idle.waitForEnd(timeout: 2) }
        #expect(idleEnding == .closed)
        // …and the in-flight request is answered, with Connection: close, once it is released.
        release.open()
        let response = try await blocking { [client] in try client.readResponse() }
        #expect(response.text == "finished /work")
        #expect(response.headers["Connection"] == "close")
        await shutdown.value
        #expect(server.connectionCount == 0)
        #expect(throws: RawSocketClient.Failure.self) { try RawSocketClient(port: port) }
    }

    @Test func shutdown_closesAStuckRequestAfterTheGracePeriod() async throws {
        let release = Gate()
        let entered = Gate()
        let configuration = LiveServer.configuration { $0.shutdownGracePeriod = 0.2 }
        let server = HTTPServer(configuration: configuration, responder: ClosureResponder { _ in
            entered.open()
            await release.wait()
            return HTTPResponse()
        }, logger: LiveServer.silentLogger)
        let port = try server.start()
        let client = try RawSocketClient(port: port)
        try client.send(Self.get("/stuck"))
        await entered.wait()
        let start = DispatchTime.now()
        await server.shutdown()
        let waited = Self.elapsed(since: start)
        #expect(waited >= 0.15 && waited < 1)
        #expect(server.connectionCount == 0)
        let received = try await blocking { [client] in try client.readUntilClose() }
        #expect(received.isEmpty)
        release.open()
    }

    @Test func ipv6Loopback_servesRequests() async throws {
        let configuration = LiveServer.configuration { $0.host = "::1" }
        try await LiveServer.run(configuration: configuration, responder: Self.echo) { _, port in
            try await blocking {
                let client = try RawSocketClient(port: port, host: "::1")
                try client.send(Self.get("/six"))
                let response = try client.readResponse()
                #expect(response.text == "GET /six ")
            }
        }
    }

    @Test func connectionsBeyondTheCap_get503() async throws {
        let configuration = LiveServer.configuration { $0.maxConnections = 1 }
        try await LiveServer.run(configuration: configuration, responder: Self.echo) { server, port in
            try await blocking {
                let first = try RawSocketClient(port: port)
                try first.send(Self.get("/"))
                _ = try first.readResponse()

                let second = try RawSocketClient(port: port)
                let response = try second.readResponse()
                #expect(response.status.code == 503)
                #expect(response.text.contains("too_many_connections"))
                #expect(response.headers["Connection"] == "close")
                #expect(second.waitForEnd() == .closed)

                try first.send(Self.get("/still"))
                #expect(try first.readResponse().status.code == 200)
                #expect(server.connectionCount == 1)
            }
        }
    }
}

/// Each `Delivery` fault, as a raw client sees it.
@Suite struct DeliveryFaultTests {
    static func serve(_ delivery: Delivery, body: String = String(repeating: "x", count: 100),
                      _ check: @escaping @Sendable (RawSocketClient) throws -> Void) async throws {
        try await LiveServer.run(respond: { _ in
            var response = HTTPResponse(contentType: "text/plain", text: body)
            response.delivery = delivery
            return response
        }) { _, port in
            try await blocking {
                let client = try RawSocketClient(port: port)
                try client.send(ServerTests.get("/"))
                try check(client)
            }
        }
    }

    @Test func reset_abortsTheConnection() async throws {
        try await Self.serve(.reset) { client in
            #expect(client.waitForEnd() == .reset)
        }
    }

    @Test func emptyClose_closesWithoutAByte() async throws {
        try await Self.serve(.emptyClose) { client in
            let received = try client.readUntilClose()
            #expect(received == [])
        }
    }

    @Test func truncate_sendsTheHeadAndPartOfTheBody() async throws {
        try await Self.serve(.truncate(bytes: 5)) { client in
            let raw = String(decoding: try client.readUntilClose(), as: UTF8.self)
            #expect(raw.hasPrefix("HTTP/1.1 200 OK\r\n"))
            #expect(raw.contains("Content-Length: 100\r\n"))
            #expect(raw.hasSuffix("\r\n\r\nxxxxx"))
        }
    }

    @Test func drip_sendsTheBodyInTimedChunks() async throws {
        try await Self.serve(.drip(chunkBytes: 40, intervalSeconds: 0.05)) { client in
            let start = DispatchTime.now()
            let response = try client.readResponse()
            #expect(response.text == String(repeating: "x", count: 100))
            // Three chunks after the head: at least three intervals.
            #expect(ServerTests.elapsed(since: start) >= 0.14)
        }
    }

    @Test func delay_holdsTheResponseBack() async throws {
        try await Self.serve(.delay(seconds: 0.1)) { client in
            let start = DispatchTime.now()
            let response = try client.readResponse()
            #expect(response.status.code == 200)
            #expect(ServerTests.elapsed(since: start) >= 0.09)
        }
    }

    @Test func delayAndDrip_longerThanTheIdleTimeout_areStillDelivered() async throws {
        // Injected stalls are not a client that stopped reading: the write deadline starts after them.
        // Idle long enough that a loaded machine still gets the request in before it.
        let configuration = LiveServer.configuration { $0.idleTimeout = 0.5 }
        for delivery in [Delivery.delay(seconds: 1.2), .drip(chunkBytes: 50, intervalSeconds: 0.6)] {
            try await LiveServer.run(configuration: configuration, respond: { _ in
                var response = HTTPResponse(contentType: "text/plain", text: String(repeating: "y", count: 100))
                response.delivery = delivery
                return response
            }) { _, port in
                try await blocking {
                    let client = try RawSocketClient(port: port)
                    try client.send(ServerTests.get("/"))
                    let response = try client.readResponse()
                    #expect(response.text == String(repeating: "y", count: 100), "\(delivery)")
                }
            }
        }
    }

    @Test func hang_sendsNothingAndClosesAfterMaxSeconds() async throws {
        try await Self.serve(.hang(maxSeconds: 0.2)) { client in
            let start = DispatchTime.now()
            let received = try client.readUntilClose()
            #expect(received == [])
            let waited = ServerTests.elapsed(since: start)
            #expect(waited >= 0.15 && waited < 1.5)
        }
    }
}
