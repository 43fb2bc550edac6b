import HTTP
import Testing

@Suite struct SocketAddressTests {
    @Test func numericHosts_parseAndPrint() throws {
        #expect(try SocketAddress(host: "127.0.0.1", port: 80).description == "127.0.0.1:80")
        #expect(try SocketAddress(host: "::1", port: 8080).description == "[::1]:8080")
        #expect(try SocketAddress(host: "[::1]", port: 1).isIPv6)
        #expect(SocketAddress.loopbackIPv4(port: 5) == (try SocketAddress(host: "127.0.0.1", port: 5)))
        #expect(SocketAddress.loopbackIPv6(port: 5) == (try SocketAddress(host: "::1", port: 5)))
    }

    @Test func badHosts_areTypedErrors() {
        #expect(throws: SocketError.invalidAddress("localhost")) { try SocketAddress(host: "localhost", port: 1) }
        #expect(throws: SocketError.invalidAddress("1.2.3.4:70000")) { try SocketAddress(host: "1.2.3.4", port: 70000) }
    }
}

@Suite struct SocketTests {
    /// A connected pair over loopback: (client, server side).
    static func pair(_ address: SocketAddress = .loopbackIPv4(port: 0)) throws -> (Socket, Socket, Socket) {
        let listener = try Socket.listen(on: address, backlog: 8)
        let port = try listener.localAddress().port
        let target = address.isIPv6 ? SocketAddress.loopbackIPv6(port: port) : SocketAddress.loopbackIPv4(port: port)
        let (client, connected) = try Socket.connect(to: target)
        if !connected {
            #expect(try client.wait(for: .writable, timeout: 1))
            try client.finishConnect()
        }
        #expect(try listener.wait(for: .readable, timeout: 1))
        let server = try listener.accept()
        return (listener, client, server)
    }

    static func send(_ text: String, on socket: Socket) throws -> Int {
        try Array(text.utf8).withUnsafeBytes { try socket.write($0) }
    }

    static func read(_ socket: Socket) throws(SocketError) -> String {
        var buffer = [UInt8](repeating: 0, count: 1024)
        let result: Result<Int, SocketError> = buffer.withUnsafeMutableBytes { raw in
            do throws(SocketError) { return .success(try socket.read(into: raw)) } catch { return .failure(error) }
        }
        return String(decoding: buffer[0..<(try result.get())], as: UTF8.self)
    }

    @Test(arguments: [SocketAddress.loopbackIPv4(port: 0), .loopbackIPv6(port: 0)])
    func loopbackPair_carriesBytesBothWays(address: SocketAddress) throws {
        let (_, client, server) = try Self.pair(address)
        #expect(try Self.send("ping", on: client) == 4)
        #expect(try server.wait(for: .readable, timeout: 1))
        #expect(try Self.read(server) == "ping")
        #expect(try server.peerAddress().port == (try client.localAddress().port))
    }

    @Test func emptyNonBlockingRead_isWouldBlock() throws {
        let (_, client, server) = try Self.pair()
        #expect(throws: SocketError.wouldBlock) { try Self.read(server) }
        withExtendedLifetime(client) {}  // an open peer: no EOF
    }

    @Test func readAfterPeerClose_isClosed() throws {
        let (_, client, server) = try Self.pair()
        client.close()
        #expect(try server.wait(for: .readable, timeout: 1))
        #expect(throws: SocketError.closed) { try Self.read(server) }
    }

    @Test func reset_isSeenAsAConnectionResetByThePeer() throws {
        let (_, client, server) = try Self.pair()
        try server.reset()
        #expect(try client.wait(for: .readable, timeout: 1))
        do {
            _ = try Self.read(client)
            Issue.record("expected a reset")
        } catch {
            #expect(error.isConnectionReset)
        }
    }

    @Test func writeToAResetPeer_isATypedErrorNotSIGPIPE() throws {
        let (_, client, server) = try Self.pair()
        try server.reset()
        #expect(try client.wait(for: .readable, timeout: 1))
        #expect(throws: SocketError.self) {
            for _ in 0..<3 { _ = try Self.send("after reset", on: client) }
        }
    }

    @Test func connectToAClosedPort_fails() throws {
        let listener = try Socket.listen(on: .loopbackIPv4(port: 0), backlog: 1)
        let port = try listener.localAddress().port
        listener.close()
        do {
            let (client, connected) = try Socket.connect(to: .loopbackIPv4(port: port))
            #expect(!connected)
            #expect(try client.wait(for: .writable, timeout: 1))
            #expect(throws: SocketError.self) { try client.finishConnect() }
        } catch {
            guard case .failed(let call, _, _) = error else { throw error }
            #expect(call.hasPrefix("connect"))
        }
    }

    @Test func bindingAPortInUse_reportsTheCallAndErrno() throws {
        let first = try Socket.listen(on: .loopbackIPv4(port: 0), backlog: 1)
        let port = try first.localAddress().port
        do {
            _ = try Socket.listen(on: .loopbackIPv4(port: port), backlog: 1)
            Issue.record("expected EADDRINUSE")
        } catch {
            guard case let .failed(call, code, message) = error else { throw error }
            #expect(call.hasPrefix("bind"))
            #expect(code != 0)
            #expect(!message.isEmpty)
        }
    }
}
