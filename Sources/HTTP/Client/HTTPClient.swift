import Dispatch

/// A small HTTP/1.1 client on the same socket layer as the server (for webhooks): one request per
/// connection, `Connection: close`, responses framed by Content-Length, chunked coding or close.
public struct HTTPClient: Sendable {
    /// Seconds allowed to establish the TCP connection (within the overall timeout).
    public var connectTimeout: Double
    public var maxResponseBytes: Int
    public var userAgent: String

    public init(connectTimeout: Double = 5, maxResponseBytes: Int = 16 << 20, userAgent: String = "buildermock") {
        self.connectTimeout = connectTimeout
        self.maxResponseBytes = maxResponseBytes
        self.userAgent = userAgent
    }

    /// Sends `request` to `host:port` and returns the complete response.
    /// - Parameter timeout: seconds for the whole exchange, from connect to the last response byte.
    public func send(_ request: ClientRequest, to host: String, port: Int,
                     timeout: Double) async throws(HTTPClientError) -> ClientResponse {
        let exchange = ClientExchange(request: serialize(request, host: host, port: port), method: request.method,
                                      host: host, port: port, client: self, timeout: timeout)
        let result = await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                exchange.begin(continuation)
            }
        } onCancel: {
            exchange.cancel()
        }
        return try result.get()
    }

    func serialize(_ request: ClientRequest, host: String, port: Int) -> [UInt8] {
        var head = "\(request.method.rawValue) \(request.target) HTTP/1.1\r\n"
        let headers = request.headers
        if !headers.contains("Host") {
            // RFC 9110 §7.2: Host is the authority; IPv6 literals go in brackets.
            let name = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
            head += "Host: \(name):\(port)\r\n"
        }
        if !headers.contains("User-Agent") { head += "User-Agent: \(userAgent)\r\n" }
        if !headers.contains("Content-Length") && !headers.contains("Transfer-Encoding")
            && (!request.body.isEmpty || [.post, .put, .patch].contains(request.method)) {
            head += "Content-Length: \(request.body.count)\r\n"
        }
        head += "Connection: close\r\n"
        for field in headers where !HTTPHeaders.namesEqual(field.name, "Connection") {
            head += "\(field.name): \(field.value)\r\n"
        }
        head += "\r\n"
        var bytes = Array(head.utf8)
        bytes.append(contentsOf: request.body)
        return bytes
    }
}

/// One client request/response over one connection, driven by dispatch sources.
///
/// `@unchecked Sendable`: every mutable property is confined to `queue`, a private serial queue that
/// its sources and timer target; `begin` and `cancel` only enqueue work on it.
final class ClientExchange: @unchecked Sendable {
    typealias Completion = CheckedContinuation<Result<ClientResponse, HTTPClientError>, Never>

    private let queue = DispatchQueue(label: "buildermock.http.client")
    private let request: [UInt8]
    private let host: String
    private let port: Int
    private let connectTimeout: Double
    private let timeout: Double
    private var parser: ResponseParser
    private var completion: Completion?
    private var phase = HTTPClientError.Phase.connect
    private var socket: Socket?
    private var readSource: (any DispatchSourceRead)?
    private var writeSource: (any DispatchSourceWrite)?
    private var writePaused = false
    private var timer: (any DispatchSourceTimer)?
    private var liveSources = 0
    private var written = 0
    private var finished = false
    private var deadline = DispatchTime.now()
    private let readBuffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 16 << 10, alignment: 16)

    init(request: [UInt8], method: HTTPMethod, host: String, port: Int, client: HTTPClient, timeout: Double) {
        self.request = request
        self.host = host
        self.port = port
        connectTimeout = client.connectTimeout
        self.timeout = timeout
        parser = ResponseParser(requestMethod: method, maxBodyBytes: client.maxResponseBytes)
    }

    deinit {
        readBuffer.deallocate()
    }

    func begin(_ completion: Completion) {
        queue.async { [self] in
            self.completion = completion
            start()
        }
    }

    func cancel() {
        queue.async { [self] in finish(.failure(.cancelled)) }
    }

    private func start() {
        guard !finished else {
            // Cancelled before it began: `finish` ran without a continuation to resume.
            completion?.resume(returning: .failure(.cancelled))
            completion = nil
            return
        }
        deadline = .now() + max(0, timeout)
        let timer = DispatchSource.makeTimerSource(queue: queue)
        timer.setEventHandler { [self] in finish(.failure(.timedOut(phase))) }
        timer.schedule(deadline: .now() + max(0, min(connectTimeout, timeout)))
        self.timer = timer
        timer.activate()

        let address: SocketAddress
        do {
            // Names go through getaddrinfo, which blocks: acceptable on this exchange's own queue.
            address = try Socket.resolve(host: host, port: port)
        } catch {
            finish(.failure(.invalidAddress("\(host): \(error)")))
            return
        }
        let connected: Bool
        do {
            let (socket, done) = try Socket.connect(to: address)
            self.socket = socket
            connected = done
        } catch {
            finish(.failure(.connectFailed(error)))
            return
        }
        guard let socket else { return }

        let read = DispatchSource.makeReadSource(fileDescriptor: socket.fileDescriptor, queue: queue)
        read.setEventHandler { [self] in readable() }
        read.setCancelHandler { [self] in sourceCancelled() }
        readSource = read
        liveSources += 1
        let write = DispatchSource.makeWriteSource(fileDescriptor: socket.fileDescriptor, queue: queue)
        write.setEventHandler { [self] in writable() }
        write.setCancelHandler { [self] in sourceCancelled() }
        writeSource = write
        liveSources += 1
        read.activate()
        if connected { connectionEstablished() }
        // Either the connect completes (writable) or the rest of the request goes out.
        write.activate()
    }

    private func connectionEstablished() {
        phase = .send
        timer?.schedule(deadline: deadline)
    }

    private func writable() {
        guard !finished, let socket else { return }
        if phase == .connect {
            do {
                try socket.finishConnect()
            } catch {
                finish(.failure(.connectFailed(error)))
                return
            }
            connectionEstablished()
        }
        while written < request.count {
            let result: Result<Int, SocketError> = request.withUnsafeBytes { raw in
                do throws(SocketError) {
                    return .success(try socket.write(UnsafeRawBufferPointer(rebasing: raw[written...])))
                } catch {
                    return .failure(error)
                }
            }
            switch result {
            case .success(let count): written += count
            case .failure(.wouldBlock): return
            case .failure(let error):
                // The server may answer (e.g. 413) and close before reading the whole body: read on.
                if error.isConnectionReset { break }
                finish(.failure(.io(.send, error)))
                return
            }
            if case .failure = result { break }
        }
        if phase == .send { phase = .receive }
        if !writePaused {
            writePaused = true
            writeSource?.suspend()
        }
    }

    private func readable() {
        guard !finished, let socket else { return }
        // A refused connect shows up as readable too; report it as the connect failure it is.
        if phase == .connect {
            writable()
            return
        }
        do {
            let count = try socket.read(into: readBuffer)
            parser.append(UnsafeRawBufferPointer(rebasing: readBuffer[0..<count]))
            if let response = try parser.next() { finish(.success(response)) }
        } catch let error as SocketError {
            switch error {
            case .wouldBlock:
                return
            case .closed:
                do {
                    finish(.success(try parser.finish()))
                } catch {
                    finish(.failure(error))
                }
            default:
                finish(.failure(.io(.receive, error)))
            }
        } catch let error as HTTPClientError {
            finish(.failure(error))
        } catch {
            finish(.failure(.malformedResponse("\(error)")))
        }
    }

    private func finish(_ result: Result<ClientResponse, HTTPClientError>) {
        guard !finished else { return }
        finished = true
        completion?.resume(returning: result)
        completion = nil
        timer?.cancel()
        if let writeSource {
            if writePaused { writeSource.resume() }
            writeSource.cancel()
        }
        readSource?.cancel()
        if liveSources == 0 { socket?.close() }
    }

    private func sourceCancelled() {
        liveSources -= 1
        if liveSources == 0 { socket?.close() }
    }
}
