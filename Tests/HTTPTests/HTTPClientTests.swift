import BuildermockTesting
import Dispatch
import HTTP
import Testing

@Suite struct HTTPClientTests {
    @Test func contentLengthResponse_fromOurServer() async throws {
        try await LiveServer.run(respond: { request in
            HTTPResponse(status: .created, contentType: "application/json",
                         text: #"{"got":"\#(String(decoding: request.body, as: UTF8.self))","ua":"\#(request.headers["User-Agent"] ?? "")"}"#)
        }) { _, port in
            let response = try await HTTPClient().send(
                ClientRequest(method: .post, target: "/hooks", headers: ["Content-Type": "text/plain"], body: Array("hi".utf8)),
                to: "127.0.0.1", port: port, timeout: 2)
            #expect(response.status.code == 201)
            #expect(response.text == #"{"got":"hi","ua":"buildermock"}"#)
            #expect(response.headers["Connection"] == "close")
        }
    }

    @Test func headResponse_hasNoBody() async throws {
        try await LiveServer.run(respond: { _ in HTTPResponse(contentType: "text/plain", text: "twelve bytes") }) { _, port in
            let response = try await HTTPClient().send(ClientRequest(method: .head), to: "127.0.0.1", port: port, timeout: 2)
            #expect(response.headers["Content-Length"] == "12")
            #expect(response.body.isEmpty)
        }
    }

    @Test func chunkedResponse_isDecoded() async throws {
        let reply = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;ext=1\r\nhello\r\n7\r\n, world\r\n0\r\nX-Trailer: yes\r\n\r\n"
        let port = try await CannedServer.start(reply: reply)
        let response = try await HTTPClient().send(ClientRequest(), to: "127.0.0.1", port: port, timeout: 2)
        #expect(response.text == "hello, world")
        #expect(response.trailers["X-Trailer"] == "yes")
    }

    @Test func bodyUntilClose_isReadToTheEnd() async throws {
        let port = try await CannedServer.start(reply: "HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\nuntil close")
        let response = try await HTTPClient().send(ClientRequest(), to: "127.0.0.1", port: port, timeout: 2)
        #expect(response.version == .http1_0)
        #expect(response.text == "until close")
    }

    @Test func interim100_isSkipped() async throws {
        let port = try await CannedServer.start(reply: "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 204 No Content\r\n\r\n")
        let response = try await HTTPClient().send(ClientRequest(method: .put, body: [1]), to: "127.0.0.1", port: port, timeout: 2)
        #expect(response.status.code == 204)
    }

    @Test func truncatedBody_isClosedEarly() async throws {
        let port = try await CannedServer.start(reply: "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc")
        await #expect(throws: HTTPClientError.self) {
            try await HTTPClient().send(ClientRequest(), to: "127.0.0.1", port: port, timeout: 2)
        }
    }

    @Test func silentServer_timesOutInTheReceivePhase() async throws {
        try await LiveServer.run(respond: { _ in
            var response = HTTPResponse()
            response.delivery = .hang(maxSeconds: 30)
            return response
        }) { _, port in
            let start = DispatchTime.now()
            await #expect(throws: HTTPClientError.timedOut(.receive)) {
                try await HTTPClient().send(ClientRequest(), to: "127.0.0.1", port: port, timeout: 0.2)
            }
            // `.timedOut(.receive)` can only come from the client's own timer (the hang would end in a
            // close, not a timeout), so this bound only has to stay below the server's 30 s hang: with
            // every suite running in parallel on two cores, resuming this task has been seen to lag 20 s.
            #expect(ServerTests.elapsed(since: start) < 29)
        }
    }

    /// The outcome of one exchange with the default client.
    static func attempt(_ request: ClientRequest = ClientRequest(), port: Int,
                        timeout: Double) async -> Result<ClientResponse, HTTPClientError> {
        do {
            return .success(try await HTTPClient().send(request, to: "127.0.0.1", port: port, timeout: timeout))
        } catch {
            return .failure(error)
        }
    }

    @Test func cancellation_endsTheExchange() async throws {
        try await LiveServer.run(respond: { _ in
            var response = HTTPResponse()
            response.delivery = .hang(maxSeconds: 5)
            return response
        }) { _, port in
            let task = Task { await Self.attempt(port: port, timeout: 5) }
            task.cancel()
            let result = await task.value
            guard case .failure(.cancelled) = result else {
                Issue.record("expected cancellation, got \(result)")
                return
            }
        }
    }

    @Test func refusedConnection_isAConnectFailure() async throws {
        let listener = try Socket.listen(on: .loopbackIPv4(port: 0), backlog: 1)
        let port = try listener.localAddress().port
        listener.close()
        let result = await Self.attempt(port: port, timeout: 1)
        guard case .failure(.connectFailed) = result else {
            Issue.record("expected a connect failure, got \(result)")
            return
        }
    }

    @Test func resetByTheServer_isAnIOError() async throws {
        let responder = ClosureResponder { _ in
            var response = HTTPResponse()
            response.delivery = .reset
            return response
        }
        let result = try await LiveServer.run(responder: responder) { _, port in
            await Self.attempt(port: port, timeout: 2)
        }
        guard case .failure(.io(.receive, let socketError)) = result else {
            Issue.record("expected a reset, got \(result)")
            return
        }
        #expect(socketError.isConnectionReset)
    }
}

/// A one-shot server that reads a request head and answers with fixed bytes, then closes: for
/// framings our own server never produces (chunked, read-to-close, interim responses).
enum CannedServer {
    static func start(reply: String) async throws -> Int {
        let listener = try Socket.listen(on: .loopbackIPv4(port: 0), backlog: 1)
        let port = try listener.localAddress().port
        let box = ListenerBox(listener)
        DispatchQueue.global().async {
            box.serveOnce(reply: Array(reply.utf8))
        }
        return port
    }

    /// `@unchecked Sendable`: the listener is handed to one background thread and used only there.
    final class ListenerBox: @unchecked Sendable {
        let listener: Socket
        init(_ listener: Socket) { self.listener = listener }

        func serveOnce(reply: [UInt8]) {
            do {
                guard try listener.wait(for: .readable, timeout: 5) else { return }
                let connection = try listener.accept()
                var head: [UInt8] = []
                var buffer = [UInt8](repeating: 0, count: 4096)
                while !head.containsHeadEnd {
                    guard try connection.wait(for: .readable, timeout: 5) else { return }
                    let count = try buffer.withUnsafeMutableBytes { try connection.read(into: $0) }
                    head += buffer[0..<count]
                }
                _ = try reply.withUnsafeBytes { try connection.write($0) }
                connection.close()
            } catch {
                // The test that started it fails on its own when no answer comes.
            }
            listener.close()
        }
    }
}

extension Array where Element == UInt8 {
    /// Whether the empty line that ends a request head has arrived.
    var containsHeadEnd: Bool {
        count >= 4 && (0...(count - 4)).contains { self[$0..<($0 + 4)].elementsEqual([13, 10, 13, 10]) }
    }
}
