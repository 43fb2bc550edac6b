import Dispatch
import Glibc
public import Logging
import Synchronization

/// An HTTP/1.1 server on non-blocking sockets driven by dispatch sources (epoll underneath): a few
/// serial queues carry every connection, each with one read source over an epoll set of its sockets
/// (`IOQueue`, `EventSet`), so ten thousand idle keep-alive connections cost a few threads and no
/// read buffers.
///
/// The responder is called once per request, in order per connection, in a task whose preferred
/// executor is the connection's I/O queue: it should await rather than block, or it holds up the
/// other connections on that queue.
public final class HTTPServer: Sendable {
    let configuration: ServerConfiguration
    let responder: any HTTPResponder
    let logger: Logger
    let writer: ResponseWriter
    let timeouts: ConnectionStateMachine.Timeouts
    private let ioQueues: [IOQueue]
    private let acceptQueue = DispatchQueue(label: "buildermock.http.accept")
    private let state = Mutex(State())

    private struct State {
        var phase = Phase.idle
        var acceptor: Acceptor?
        var listenerOpen = false
        var connections: [ObjectIdentifier: Connection] = [:]
        var nextQueue = 0
        var drainWaiters: [CheckedContinuation<Void, Never>] = []
        var forceClose: DispatchWorkItem?
    }

    private enum Phase {
        case idle, running, shuttingDown, stopped
    }

    public init(configuration: ServerConfiguration, responder: any HTTPResponder, logger: Logger) {
        self.configuration = configuration
        self.responder = responder
        self.logger = logger
        writer = ResponseWriter(serverName: configuration.serverName, gzipMinimumBytes: configuration.gzipMinimumBytes)
        timeouts = .init(headerReadSeconds: configuration.headerReadTimeout, idleSeconds: configuration.idleTimeout)
        // One serial queue per core: enough to keep every core busy, few enough that each stays hot.
        let cores = max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        ioQueues = (0..<cores).map { IOQueue(label: "buildermock.http.io.\($0)") }
    }

    /// Binds, listens and starts accepting; returns the bound port (the kernel's choice for port 0).
    public func start() throws(SocketError) -> Int {
        let address = try Socket.resolve(host: configuration.host, port: configuration.port)
        let listener = try Socket.listen(on: address, backlog: configuration.backlog)
        let port = try listener.localAddress().port
        let acceptor = Acceptor(listener: listener, queue: acceptQueue, server: self)
        let started = state.withLock { state in
            guard state.phase == .idle else { return false }
            state.phase = .running
            state.acceptor = acceptor
            state.listenerOpen = true
            return true
        }
        precondition(started, "HTTPServer.start() called twice")
        acceptQueue.async { acceptor.start() }
        logger.debug("listening", metadata: ["http.address": "\(address.hostText)", "http.port": "\(port)"])
        return port
    }

    /// Open connections, including those finishing a response during shutdown.
    public var connectionCount: Int {
        state.withLock { $0.connections.count }
    }

    /// Stops accepting, closes idle connections, lets in-flight requests finish and their responses be
    /// written (with `Connection: close`), then closes the rest once `shutdownGracePeriod` has passed.
    /// Returns when the listener and every connection are closed.
    public func shutdown() async {
        let grace = configuration.shutdownGracePeriod
        let (acceptor, connections) = state.withLock { state -> (Acceptor?, [Connection]) in
            guard state.phase == .running else { return (nil, []) }
            state.phase = .shuttingDown
            // Weak: a server that drained before the grace period ends is released at once, not when
            // this timer would have fired.
            let force = DispatchWorkItem { [weak self] in self?.forceCloseAll() }
            state.forceClose = force
            acceptQueue.asyncAfter(deadline: .now() + max(0, grace), execute: force)
            return (state.acceptor, Array(state.connections.values))
        }
        if let acceptor { acceptQueue.async { acceptor.stop() } }
        for connection in connections {
            connection.io.queue.async { connection.beginShutdown() }
        }
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let done = state.withLock { state -> Bool in
                if state.phase == .idle || state.phase == .stopped { return true }
                state.drainWaiters.append(continuation)
                return false
            }
            if done { continuation.resume() }
            else { finishShutdownIfDrained() }
        }
    }

    // MARK: Called by Acceptor and Connection

    /// Takes over an accepted socket, or turns it away when shutting down or at `maxConnections`.
    func adopt(_ socket: Socket) {
        do {
            try socket.setNoDelay()
        } catch {
            logger.debug("accepted socket unusable", metadata: ["error": "\(error)"])
            return
        }
        // Checked and registered under one lock, so shutdown either sees the connection or refuses it.
        let connection = state.withLock { state -> Connection? in
            guard state.phase == .running, state.connections.count < configuration.maxConnections else { return nil }
            state.nextQueue &+= 1
            let connection = Connection(socket: socket, io: ioQueues[state.nextQueue % ioQueues.count], server: self)
            state.connections[ObjectIdentifier(connection)] = connection
            return connection
        }
        guard let connection else {
            reject(socket)
            return
        }
        connection.io.queue.async { connection.start() }
    }

    func connectionClosed(_ connection: Connection) {
        finishShutdownIfDrained { _ = $0.connections.removeValue(forKey: ObjectIdentifier(connection)) }
    }

    func listenerClosed() {
        finishShutdownIfDrained { $0.listenerOpen = false }
    }

    // MARK: Private

    /// Answers 503 without reading the request, then closes: one small write on a fresh socket, which
    /// the kernel takes whole, so it cannot block the accept queue.
    private func reject(_ socket: Socket) {
        let response = HTTPResponse.coreError(.serviceUnavailable, code: "too_many_connections",
                                              message: "The server has too many open connections; retry later.")
        let bytes = writer.serialize(response, for: ConnectionStateMachine.unknownRequest, keepAlive: false).bytes
        let result: Result<Int, SocketError> = bytes.withUnsafeBytes { raw in
            do throws(SocketError) { return .success(try socket.write(raw)) } catch { return .failure(error) }
        }
        if case .failure(let error) = result {
            logger.debug("could not answer 503", metadata: ["error": "\(error)"])
        }
        socket.close()
    }

    private func forceCloseAll() {
        let connections = state.withLock { state -> [Connection] in
            guard state.phase == .shuttingDown else { return [] }
            return Array(state.connections.values)
        }
        if !connections.isEmpty {
            logger.info("shutdown grace period over; closing connections", metadata: ["count": "\(connections.count)"])
        }
        for connection in connections {
            connection.io.queue.async { connection.forceClose() }
        }
    }

    /// Applies `change`, then resumes the shutdown waiters if nothing is left open.
    private func finishShutdownIfDrained(after change: (inout State) -> Void = { _ in }) {
        let waiters = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            change(&state)
            guard state.phase == .shuttingDown, !state.listenerOpen, state.connections.isEmpty else { return [] }
            state.phase = .stopped
            state.acceptor = nil
            state.forceClose?.cancel()
            state.forceClose = nil
            defer { state.drainWaiters = [] }
            return state.drainWaiters
        }
        for waiter in waiters { waiter.resume() }
    }
}

/// The listening socket and its read source.
///
/// `@unchecked Sendable`: its mutable state is only touched on the server's accept queue, which is
/// serial and the target of its source.
private final class Acceptor: @unchecked Sendable {
    private let listener: Socket
    private let queue: DispatchQueue
    private let server: HTTPServer
    private var source: (any DispatchSourceRead)?
    private var suspended = false
    private var stopped = false

    /// Pause after EMFILE/ENFILE: the source is level-triggered, so retrying at once would spin.
    private static let descriptorExhaustionPause = 0.1

    init(listener: Socket, queue: DispatchQueue, server: HTTPServer) {
        self.listener = listener
        self.queue = queue
        self.server = server
    }

    func start() {
        guard !stopped else { return }
        let source = DispatchSource.makeReadSource(fileDescriptor: listener.fileDescriptor, queue: queue)
        source.setEventHandler { [self] in acceptBatch() }
        source.setCancelHandler { [self] in
            listener.close()
            server.listenerClosed()
        }
        self.source = source
        source.activate()
    }

    func stop() {
        guard !stopped else { return }
        stopped = true
        guard let source else {
            listener.close()
            server.listenerClosed()
            return
        }
        if suspended { source.resume() }
        source.cancel()
    }

    /// Accepts until the backlog is empty: one wakeup serves a burst of connections.
    private func acceptBatch() {
        while !stopped {
            let socket: Socket
            do {
                socket = try listener.accept()
            } catch {
                if error == .wouldBlock { return }
                server.logger.warning("accept failed", metadata: ["error": "\(error)"])
                if case .failed(_, let code, _) = error, code == EMFILE || code == ENFILE, let source, !suspended {
                    suspended = true
                    source.suspend()
                    queue.asyncAfter(deadline: .now() + Self.descriptorExhaustionPause) { [self] in
                        guard suspended, !stopped else { return }
                        suspended = false
                        self.source?.resume()
                    }
                }
                return
            }
            server.adopt(socket)
        }
    }
}
