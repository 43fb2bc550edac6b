import Dispatch
import Logging

/// One accepted connection: the I/O shell that carries out what its `ConnectionStateMachine` decides,
/// and the `Delivery` faults of the responses it writes.
///
/// `@unchecked Sendable`: every mutable property is confined to `io.queue`, a serial queue (shared with
/// other connections; see `IOQueue`). The queue reports input from its event set, the dispatch sources
/// target that queue, responder tasks run on it as their preferred executor, delayed work is scheduled
/// on it, and the server only reaches in through `queue.async`.
final class Connection: @unchecked Sendable {
    let io: IOQueue
    private let server: HTTPServer
    private let socket: Socket
    private var machine: ConnectionStateMachine
    private var mode = Mode.http

    /// The socket's token in `io`'s event set while its input is watched; nil while reading is paused
    /// (and before `start`, and after closing).
    private var watchToken: UInt64?
    private var started = false
    /// Created on the first write the kernel does not take at once; most connections never need it.
    private var writeSource: (any DispatchSourceWrite)?
    private var writePaused = false
    private var timer: (any DispatchSourceTimer)?
    /// Dispatch sources watching the descriptor whose cancel handler has not run yet; the socket may
    /// only be closed once this is zero, or a reused descriptor number could reach a stale source.
    private var liveSources = 0
    private var resetOnClose = false

    private var pending: [UInt8] = []
    private var pendingOffset = 0
    private var afterWrite = AfterWrite.nothing
    private var drip: Drip?
    private var remoteAddress: String?
    /// The task iterating a streamed response's chunks (`Mode.streaming`), and the chunk it waits to
    /// see written: one chunk at a time, so a client that reads slowly slows the producer down.
    private var streamTask: Task<Void, Never>?
    private var streamWaiter: CheckedContinuation<Bool, Never>?
    private var streamChunked = true

    private enum Mode {
        /// Reading requests and writing responses as the state machine says.
        case http
        /// Reading and dropping bytes until EOF or the timer: a `.hang` fault, or a lingering close.
        case discarding
        /// Writing a `ResponseStream`'s chunks as they come, and reading only to notice the client
        /// leaving (an SSE client sends nothing after its request).
        case streaming
        case closed
    }

    private enum AfterWrite {
        case nothing
        case responseDone
        case dripNext
        case streamChunkDone
        case close
    }

    private struct Drip {
        var bytes: [UInt8]
        var offset: Int
        var chunkBytes: Int
        var interval: Double
    }

    /// RFC 9110 §15.2.1; always HTTP/1.1 because the parser only emits `.expectContinue` for 1.1.
    private static let continueBytes = Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)
    /// How long a closing connection keeps reading (and dropping) what the client still sends, so
    /// that our close is a FIN the client sees after the response rather than a RST that destroys it.
    private static let lingerSeconds = 2.0
    private static let timerLeeway = DispatchTimeInterval.milliseconds(10)

    init(socket: Socket, io: IOQueue, server: HTTPServer) {
        self.socket = socket
        self.io = io
        self.server = server
        machine = ConnectionStateMachine(limits: server.configuration.limits, timeouts: server.timeouts)
    }

    deinit {
        assert(mode == .closed || !started, "a started connection was released without closing")
    }

    // MARK: Entry points (all on io.queue)

    func start() {
        started = true
        let timer = DispatchSource.makeTimerSource(queue: io.queue)
        timer.setEventHandler { [self] in timerFired() }
        self.timer = timer
        timer.activate()
        do {
            watchToken = try io.watch(socket.fileDescriptor, for: self)
        } catch {
            fail(error)
            return
        }
        apply(machine.start(now: Self.now()))
    }

    /// Server shutdown: idle connections close, in-flight requests finish with `Connection: close`.
    func beginShutdown() {
        switch mode {
        case .http: apply(machine.shutdown())
        // A hang never finishes and a lingering close has nothing left to deliver.
        case .discarding: closeNow()
        // A stream would never finish by itself: end its body properly, then close.
        case .streaming: endStream()
        case .closed: break
        }
    }

    /// The grace period is over.
    func forceClose() {
        closeNow()
    }

    // MARK: Events

    /// The socket has input, an error or a hang-up (called by `io` while the socket is watched).
    func inputReady() {
        switch mode {
        case .http:
            guard machine.isReading else {
                // Pipelined bytes while a response is pending: leave them in the kernel (backpressure)
                // until the machine wants the next request.
                pauseReading()
                return
            }
            let buffer = io.readBuffer
            let count: Int
            do {
                count = try socket.read(into: buffer)
            } catch {
                switch error {
                case .wouldBlock: return
                case .closed: apply(machine.endOfInput())
                default: fail(error)
                }
                return
            }
            apply(machine.received(UnsafeRawBufferPointer(rebasing: buffer[0..<count]), now: Self.now()))
        case .discarding, .streaming:
            // Bounded, so a client that keeps sending cannot hold the queue its neighbours share.
            for _ in 0..<16 {
                do {
                    _ = try socket.read(into: io.readBuffer)
                } catch {
                    if error != .wouldBlock { closeNow() }
                    return
                }
            }
        case .closed:
            return
        }
    }

    private func timerFired() {
        switch mode {
        case .http, .streaming: apply(machine.timerFired(now: Self.now()))
        case .discarding: closeNow()
        case .closed: break
        }
    }

    private func responseReady(_ response: HTTPResponse) {
        guard mode == .http else { return }
        apply(machine.responseReady(response, now: Self.now()))
    }

    // MARK: Carrying out the machine's decisions

    private func apply(_ output: ConnectionStateMachine.Output) {
        if let deadline = output.scheduleTimeout {
            timer?.schedule(deadline: DispatchTime(uptimeNanoseconds: deadline), leeway: Self.timerLeeway)
        }
        switch output.action {
        case .none:
            break
        case .callResponder(var request):
            request.remoteAddress = peerDescription()
            let responder = server.responder
            // The task prefers this connection's queue as its executor: nonisolated responder code runs
            // there, and after any await of an actor it comes back there, so the answer is handed over
            // on the queue that owns the connection's state.
            Task(executorPreference: io) {
                let response = await responder.respond(to: request)
                dispatchPrecondition(condition: .onQueue(self.io.queue))
                self.responseReady(response)
            }
        case .writeContinue:
            write(Self.continueBytes, then: .nothing)
        case let .respond(response, summary, keepAlive):
            deliver(response, for: summary, keepAlive: keepAlive)
        case .close:
            closeGracefully()
        }
        if watchToken == nil, mode == .http, machine.isReading {
            resumeReading()
        }
    }

    /// Writes `response` the way its `delivery` says: normally, or as an injected fault.
    private func deliver(_ response: HTTPResponse, for summary: RequestSummary, keepAlive: Bool) {
        let writer = server.writer
        switch response.delivery {
        case .normal, .delay: break
        default:
            // Any other fault bends the response as if its body were empty; the producer is released.
            response.stream?.discard()
        }
        switch response.delivery {
        case .normal where response.stream != nil:
            deliverStream(response, for: summary)
        case .normal:
            write(writer.serialize(response, for: summary, keepAlive: keepAlive).bytes, then: .responseDone)
        case .delay(let seconds):
            var copy = response
            copy.delivery = .normal
            let delayed = copy
            apply(machine.writePaused(for: Self.nanoseconds(seconds), now: Self.now()))
            io.queue.asyncAfter(deadline: .now() + max(0, seconds)) { [self] in
                guard mode == .http else { return }
                deliver(delayed, for: summary, keepAlive: keepAlive)
            }
        case .reset:
            resetOnClose = true
            closeNow()
        case .emptyClose:
            closeNow()
        case .truncate(let bytes):
            // The head announces the full Content-Length; the close says the rest will never come.
            let serialized = writer.serialize(response, for: summary, keepAlive: false)
            let end = min(serialized.bytes.count, serialized.headCount + max(0, bytes))
            write(Array(serialized.bytes[0..<end]), then: .close)
        case let .drip(chunkBytes, interval):
            let serialized = writer.serialize(response, for: summary, keepAlive: keepAlive)
            drip = Drip(bytes: serialized.bytes, offset: serialized.headCount, chunkBytes: max(1, chunkBytes),
                        interval: max(0, interval))
            write(Array(serialized.bytes[0..<serialized.headCount]), then: .dripNext)
        case .hang(let maxSeconds):
            // Keep reading only to notice the client giving up.
            mode = .discarding
            resumeReading()
            timer?.schedule(deadline: .now() + max(0, maxSeconds), leeway: Self.timerLeeway)
        }
    }

    // MARK: Streamed responses

    /// Writes the head, then each chunk the producer yields, one at a time; see `ResponseStream`.
    private func deliverStream(_ response: HTTPResponse, for summary: RequestSummary) {
        guard let stream = response.stream else { return }
        let head = server.writer.serializeStreamHead(response, for: summary, chunked: !summary.isHTTP10)
        guard ResponseWriter.streamHasBody(response, for: summary) else {
            stream.discard()
            write(head, then: .close)
            return
        }
        mode = .streaming
        streamChunked = !summary.isHTTP10
        resumeReading()
        write(head, then: .streamChunkDone)
        // Prefers this connection's queue, like responder tasks; every touch of connection state
        // still goes through `io.queue.async`, so correctness does not rest on that preference.
        streamTask = Task(executorPreference: io) { [self] in
            for await chunk in stream.chunks {
                guard await sendStreamChunk(chunk) else { break }
            }
            io.queue.async { [self] in endStream() }
        }
    }

    /// Hands one chunk to the socket and waits until it is written. - Returns: false once the
    /// stream is over (client gone, timeout, shutdown), so the producer loop stops.
    private func sendStreamChunk(_ chunk: [UInt8]) async -> Bool {
        // An empty chunk would read as the end of the body.
        guard !chunk.isEmpty else { return true }
        return await withCheckedContinuation { (continuation: CheckedContinuation<Bool, Never>) in
            io.queue.async { [self] in
                guard mode == .streaming else {
                    continuation.resume(returning: false)
                    return
                }
                streamWaiter = continuation
                apply(machine.streamWriteStarted(now: Self.now()))
                write(streamChunked ? ResponseWriter.chunk(chunk) : chunk, then: .streamChunkDone)
            }
        }
    }

    /// The producer finished, or the server shuts down: the body ends (the last chunk, or the close
    /// for an HTTP/1.0 client), then the connection closes.
    private func endStream() {
        guard mode == .streaming else { return }
        mode = .http
        stopStreamProducer()
        if streamChunked {
            apply(machine.streamWriteStarted(now: Self.now()))
            write(ResponseWriter.lastChunk, then: .close)
        } else {
            closeGracefully()
        }
    }

    /// Cancels the chunk iteration (which runs the stream's `onTermination`) and wakes a producer
    /// waiting on a write.
    private func stopStreamProducer() {
        streamTask?.cancel()
        streamTask = nil
        if let waiter = streamWaiter {
            streamWaiter = nil
            waiter.resume(returning: false)
        }
    }

    private func writeNextDripChunk() {
        guard mode == .http, var drip else { return }
        let end = min(drip.bytes.count, drip.offset + drip.chunkBytes)
        let chunk = Array(drip.bytes[drip.offset..<end])
        drip.offset = end
        let finished = end == drip.bytes.count
        self.drip = finished ? nil : drip
        write(chunk, then: finished ? .responseDone : .dripNext)
    }

    // MARK: Writing

    /// Sends `bytes` now if the kernel takes them all (the usual case: one send per response), else
    /// keeps the rest and lets the write source finish the job.
    private func write(_ bytes: [UInt8], then next: AfterWrite) {
        guard mode != .closed else { return }
        if pendingOffset < pending.count {
            pending.append(contentsOf: bytes)
            afterWrite = next
            return
        }
        let result: Result<Int, SocketError> = bytes.withUnsafeBytes { raw in
            do throws(SocketError) { return .success(try socket.write(raw)) } catch { return .failure(error) }
        }
        var written = 0
        switch result {
        case .success(let count): written = count
        case .failure(.wouldBlock): break
        case .failure(let error):
            fail(error)
            return
        }
        if written == bytes.count {
            finishedWriting(next)
            return
        }
        pending = bytes
        pendingOffset = written
        afterWrite = next
        armWriteSource()
    }

    private func writable() {
        while pendingOffset < pending.count {
            let result: Result<Int, SocketError> = pending.withUnsafeBytes { raw in
                do throws(SocketError) {
                    return .success(try socket.write(UnsafeRawBufferPointer(rebasing: raw[pendingOffset...])))
                } catch {
                    return .failure(error)
                }
            }
            switch result {
            case .success(let count): pendingOffset += count
            case .failure(.wouldBlock): return
            case .failure(let error):
                fail(error)
                return
            }
        }
        pending = []
        pendingOffset = 0
        if !writePaused {
            writePaused = true
            writeSource?.suspend()
        }
        finishedWriting(afterWrite)
    }

    private func armWriteSource() {
        if let writeSource {
            if writePaused {
                writePaused = false
                writeSource.resume()
            }
            return
        }
        let source = DispatchSource.makeWriteSource(fileDescriptor: socket.fileDescriptor, queue: io.queue)
        source.setEventHandler { [self] in writable() }
        source.setCancelHandler { [self] in sourceCancelled() }
        writeSource = source
        liveSources += 1
        source.activate()
    }

    private func finishedWriting(_ next: AfterWrite) {
        switch next {
        case .nothing:
            break
        case .responseDone:
            apply(machine.writeCompleted(now: Self.now()))
        case .streamChunkDone:
            machine.streamWriteFinished()
            if let waiter = streamWaiter {
                streamWaiter = nil
                waiter.resume(returning: true)
            }
        case .dripNext:
            guard let interval = drip?.interval else { return }
            apply(machine.writePaused(for: Self.nanoseconds(interval), now: Self.now()))
            io.queue.asyncAfter(deadline: .now() + interval) { [self] in writeNextDripChunk() }
        case .close:
            closeGracefully()
        }
    }

    // MARK: Closing

    /// Closes after the response is out. If the client has sent bytes we will never read, closing now
    /// would send a RST that can destroy the response in the client's receive buffer (RFC 9112 §9.6);
    /// then half-close and drop its bytes until it closes too, for at most `lingerSeconds`.
    private func closeGracefully() {
        guard mode != .closed else { return }
        stopStreamProducer()
        machine.closed()
        do {
            _ = try socket.read(into: io.readBuffer)
        } catch {
            closeNow()  // nothing unread (would block), or the client is already gone
            return
        }
        do {
            try socket.shutdownWrite()
        } catch {
            fail(error)
            return
        }
        mode = .discarding
        resumeReading()
        timer?.schedule(deadline: .now() + Self.lingerSeconds, leeway: Self.timerLeeway)
    }

    private func fail(_ error: SocketError) {
        if error.isConnectionReset {
            server.logger.trace("connection reset by peer", metadata: ["http.peer": "\(peerDescription() ?? "?")"])
        } else {
            server.logger.debug("connection failed", metadata: ["error": "\(error)"])
        }
        closeNow()
    }

    /// Stops everything; the socket itself is closed once the sources watching it are cancelled.
    private func closeNow() {
        guard mode != .closed else { return }
        mode = .closed
        machine.closed()
        stopStreamProducer()
        drip = nil
        pending = []
        timer?.cancel()
        pauseReading()
        if let writeSource {
            if writePaused { writeSource.resume() }
            writeSource.cancel()
        }
        writePaused = false
        if liveSources == 0 { finishClose() }
    }

    private func sourceCancelled() {
        liveSources -= 1
        if liveSources == 0 { finishClose() }
    }

    private func finishClose() {
        if resetOnClose {
            do {
                try socket.reset()
            } catch {
                server.logger.debug("reset fault fell back to an orderly close", metadata: ["error": "\(error)"])
            }
        } else {
            socket.close()
        }
        server.connectionClosed(self)
    }

    // MARK: Helpers

    /// Stops watching the socket's input: for backpressure, and before it closes.
    private func pauseReading() {
        guard let watchToken else { return }
        self.watchToken = nil
        io.unwatch(socket.fileDescriptor, token: watchToken)
    }

    private func resumeReading() {
        guard watchToken == nil, mode != .closed else { return }
        do {
            watchToken = try io.watch(socket.fileDescriptor, for: self)
        } catch {
            fail(error)
        }
    }

    private func peerDescription() -> String? {
        if let remoteAddress { return remoteAddress }
        if let peer = socket.knownPeer {
            remoteAddress = peer.description
            return remoteAddress
        }
        do {
            remoteAddress = try socket.peerAddress().description
        } catch {
            server.logger.trace("no peer address", metadata: ["error": "\(error)"])
        }
        return remoteAddress
    }

    private static func nanoseconds(_ seconds: Double) -> UInt64 {
        UInt64(max(0, min(seconds, 86_400)) * 1e9)
    }

    private static func now() -> UInt64 {
        DispatchTime.now().uptimeNanoseconds
    }
}
