@testable import HTTP
import Testing

@Suite struct EventSetTests {
    /// A connected loopback pair: `client` writes, `server` is what the set watches.
    private static func pair() throws -> (client: Socket, server: Socket) {
        let listener = try Socket.listen(on: .loopbackIPv4(port: 0), backlog: 4)
        let port = try listener.localAddress().port
        let (client, connected) = try Socket.connect(to: .loopbackIPv4(port: port))
        #expect(try listener.wait(for: .readable, timeout: 2))
        let server = try listener.accept()
        if !connected {
            #expect(try client.wait(for: .writable, timeout: 2))
            try client.finishConnect()
        }
        return (client, server)
    }

    private static func ready(_ set: EventSet) throws -> [UInt64] {
        var tokens: [UInt64] = []
        try set.forEachReady { tokens.append($0) }
        return tokens
    }

    private static func send(_ text: String, on socket: Socket) throws {
        let bytes = Array(text.utf8)
        #expect(try bytes.withUnsafeBytes { try socket.write($0) } == bytes.count)
    }

    @Test func socketWithInput_isReportedWithItsToken_untilItIsRead() throws {
        let set = try EventSet()
        let (client, server) = try Self.pair()
        try set.add(server.fileDescriptor, token: 42)
        #expect(try Self.ready(set).isEmpty)
        try Self.send("GET / HTTP/1.1\r\n", on: client)
        #expect(try server.wait(for: .readable, timeout: 2))
        #expect(try Self.ready(set) == [42])
        // Level-triggered: unread input is reported again.
        #expect(try Self.ready(set) == [42])
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 256, alignment: 1)
        defer { buffer.deallocate() }
        #expect(try server.read(into: buffer) == 16)
        #expect(try Self.ready(set).isEmpty)
    }

    @Test func removedSocket_isNotReported_andCanBeAddedAgain() throws {
        let set = try EventSet()
        let (client, server) = try Self.pair()
        try set.add(server.fileDescriptor, token: 7)
        try Self.send("x", on: client)
        #expect(try server.wait(for: .readable, timeout: 2))
        set.remove(server.fileDescriptor)
        #expect(try Self.ready(set).isEmpty)
        try set.add(server.fileDescriptor, token: 8)
        #expect(try Self.ready(set) == [8])
    }

    @Test func peerClosing_isReported() throws {
        let set = try EventSet()
        let (client, server) = try Self.pair()
        try set.add(server.fileDescriptor, token: 1)
        client.close()
        #expect(try server.wait(for: .readable, timeout: 2))
        #expect(try Self.ready(set) == [1])
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 16, alignment: 1)
        defer { buffer.deallocate() }
        #expect(throws: SocketError.closed) { try server.read(into: buffer) }
    }

    @Test func oneCall_reportsAtMostTheCapacity() throws {
        let set = try EventSet(capacity: 1)
        let first = try Self.pair(), second = try Self.pair()
        try set.add(first.server.fileDescriptor, token: 1)
        try set.add(second.server.fileDescriptor, token: 2)
        try Self.send("a", on: first.client)
        try Self.send("b", on: second.client)
        #expect(try first.server.wait(for: .readable, timeout: 2))
        #expect(try second.server.wait(for: .readable, timeout: 2))
        var seen: Set<UInt64> = []
        for _ in 0..<2 {
            let tokens = try Self.ready(set)
            #expect(tokens.count == 1)
            seen.formUnion(tokens)
        }
        // epoll moves a reported socket to the back of its ready list, so both get a turn.
        #expect(seen == [1, 2])
    }

    @Test func addingTheSameDescriptorTwice_isAnError() throws {
        let set = try EventSet()
        let (_, server) = try Self.pair()
        try set.add(server.fileDescriptor, token: 1)
        #expect(throws: SocketError.self) { try set.add(server.fileDescriptor, token: 2) }
    }
}
