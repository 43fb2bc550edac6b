public import HTTP

/// A blocking loopback client for byte-exact tests: it sends exactly the bytes it is given and reads
/// what comes back, each read bounded by `timeout`.
///
/// `@unchecked Sendable` so a test can hand it to a `blocking` closure: it has no locks, and holds
/// only because a test uses it from one thread at a time (each hand-off completes before the next).
public final class RawSocketClient: @unchecked Sendable {
    /// How a connection ended, as seen by the client.
    public enum Ending: Sendable, Equatable {
        /// An orderly close (FIN).
        case closed
        /// The server aborted the connection (RST).
        case reset
        /// Still open when the timeout passed.
        case stillOpen
    }

    /// Why a read did not produce what was asked.
    public enum Failure: Error, Sendable, Equatable {
        case timedOut(received: [UInt8])
        case closed(received: [UInt8])
        case socket(SocketError)
        case response(HTTPClientError)
    }

    public let socket: Socket
    public var timeout: Double
    private var parser = ResponseParser()

    /// Connects to `host:port` (blocking, at most `timeout` seconds).
    public init(port: Int, host: String = "127.0.0.1", timeout: Double = 2) throws(Failure) {
        self.timeout = timeout
        do {
            let address = try SocketAddress(host: host, port: port)
            let (socket, connected) = try Socket.connect(to: address)
            self.socket = socket
            if !connected {
                guard try socket.wait(for: .writable, timeout: timeout) else { throw Failure.timedOut(received: []) }
                try socket.finishConnect()
            }
        } catch let error as SocketError {
            throw .socket(error)
        } catch let error as Failure {
            throw error
        } catch {
            throw .socket(.invalidAddress("\(error)"))
        }
    }

    /// Sends every byte, waiting for the socket to drain when the kernel buffer is full.
    public func send(_ bytes: [UInt8]) throws(Failure) {
        var offset = 0
        while offset < bytes.count {
            let result: Result<Int, SocketError> = bytes.withUnsafeBytes { raw in
                do throws(SocketError) {
                    return .success(try socket.write(UnsafeRawBufferPointer(rebasing: raw[offset...])))
                } catch {
                    return .failure(error)
                }
            }
            switch result {
            case .success(let count):
                offset += count
            case .failure(.wouldBlock):
                do {
                    guard try socket.wait(for: .writable, timeout: timeout) else { throw Failure.timedOut(received: []) }
                } catch let error as Failure {
                    throw error
                } catch {
                    throw .socket(error as? SocketError ?? .closed)
                }
            case .failure(let error):
                throw .socket(error)
            }
        }
    }

    public func send(_ text: String) throws(Failure) {
        try send(Array(text.utf8))
    }

    /// Reads one complete response (the next one, when several were pipelined).
    /// - Parameter method: the method of the request it answers (HEAD answers have no body).
    public func readResponse(for method: HTTPMethod = .get) throws(Failure) -> ClientResponse {
        parser.requestMethod = method
        while true {
            do {
                if let response = try parser.next() { return response }
            } catch {
                throw .response(error)
            }
            let chunk: [UInt8]
            do {
                chunk = try readChunk()
            } catch .closed(let received) {
                do {
                    return try parser.finish()
                } catch {
                    throw .closed(received: received)
                }
            }
            parser.append(chunk)
        }
    }

    /// Exactly `count` raw bytes (e.g. an interim `100 Continue`); extra bytes stay for `readResponse`.
    public func readExactly(_ count: Int) throws(Failure) -> [UInt8] {
        var received: [UInt8] = []
        while received.count < count {
            do {
                received += try readChunk()
            } catch .closed {
                throw .closed(received: received)
            } catch .timedOut {
                throw .timedOut(received: received)
            }
        }
        parser.append(Array(received[count...]))
        return Array(received[..<count])
    }

    /// Everything the server sends until it closes; throws `.timedOut` (with what came) otherwise.
    public func readUntilClose() throws(Failure) -> [UInt8] {
        var received: [UInt8] = []
        while true {
            do {
                received += try readChunk()
            } catch .closed {
                return received
            } catch .timedOut(let partial) {
                throw .timedOut(received: received + partial)
            }
        }
    }

    /// Waits up to `timeout` seconds for the server to end the connection, dropping any bytes.
    public func waitForEnd(timeout: Double? = nil) -> Ending {
        let saved = self.timeout
        self.timeout = timeout ?? saved
        defer { self.timeout = saved }
        while true {
            do {
                _ = try readChunk()
            } catch {
                switch error {
                case .closed: return .closed
                case .timedOut: return .stillOpen
                case .socket(let error) where error.isConnectionReset: return .reset
                default: return .closed
                }
            }
        }
    }

    public func close() {
        socket.close()
    }

    /// One read of whatever is available, waiting up to `timeout` for it.
    private func readChunk() throws(Failure) -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: 64 << 10)
        let result: Result<Int, SocketError> = buffer.withUnsafeMutableBytes { raw in
            do throws(SocketError) {
                guard try socket.wait(for: .readable, timeout: timeout) else { return .success(-1) }
                return .success(try socket.read(into: raw))
            } catch {
                return .failure(error)
            }
        }
        switch result {
        case .success(-1): throw .timedOut(received: [])
        case .success(let count): return Array(buffer[0..<count])
        case .failure(.closed): throw .closed(received: [])
        case .failure(let error): throw .socket(error)
        }
    }
}
