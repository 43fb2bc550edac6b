import Dispatch

/// A serial queue shared by many connections, with the one read buffer they take turns using, the
/// epoll set that watches their sockets, and a task executor on that queue so responder tasks start
/// and finish without leaving it.
///
/// `@unchecked Sendable`: `readBuffer`, the event set and the watch table are only touched on `queue`.
/// The queue is serial, so one connection reads into the buffer at a time, and no connection keeps
/// bytes in it beyond one event handler (the parser copies what it keeps). Ten thousand idle
/// connections therefore hold no read buffers at all.
final class IOQueue: TaskExecutor, @unchecked Sendable {
    let queue: DispatchQueue
    let readBuffer: UnsafeMutableRawBufferPointer
    /// Made on the first `watch`, with the Dispatch read source that drains it.
    private var events: EventSet?
    private var source: (any DispatchSourceRead)?
    private var watched: [UInt64: Connection] = [:]
    private var nextToken: UInt64 = 0

    /// Full batches handled per source event before the queue gets a turn for other work (the
    /// responder tasks the reads just started); what is left is reported again at once.
    private static let batchRounds = 4

    init(label: String, readBufferBytes: Int = 64 << 10) {
        queue = DispatchQueue(label: label)
        readBuffer = .allocate(byteCount: readBufferBytes, alignment: 16)
    }

    deinit {
        // The cancel handler holds the event set, so its descriptor closes only after libdispatch has
        // stopped watching it.
        source?.cancel()
        readBuffer.deallocate()
    }

    /// Runs task jobs on `queue` (SE-0417). A responder task that prefers this executor runs its
    /// nonisolated code here and resumes here after awaiting an actor, so its answer reaches the
    /// connection without two thread hops through the cooperative pool.
    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        queue.async { [self] in
            job.runSynchronously(on: asUnownedTaskExecutor())
        }
    }

    // MARK: Watching sockets (on `queue`)

    /// Calls `connection.inputReady()` whenever `descriptor` has input, an error or a hang-up, until
    /// `unwatch(_:)` with the returned token.
    func watch(_ descriptor: Int32, for connection: Connection) throws(SocketError) -> UInt64 {
        dispatchPrecondition(condition: .onQueue(queue))
        let events = try eventSet()
        nextToken &+= 1
        try events.add(descriptor, token: nextToken)
        watched[nextToken] = connection
        return nextToken
    }

    /// Stops reporting `descriptor`, known as `token`; the descriptor may be closed afterwards.
    func unwatch(_ descriptor: Int32, token: UInt64) {
        dispatchPrecondition(condition: .onQueue(queue))
        guard watched.removeValue(forKey: token) != nil else { return }
        events?.remove(descriptor)
    }

    private func eventSet() throws(SocketError) -> EventSet {
        if let events { return events }
        let events = try EventSet()
        let source = DispatchSource.makeReadSource(fileDescriptor: events.fileDescriptor, queue: queue)
        // Weak: the queue owns the source, and the server owns the queue.
        source.setEventHandler { [weak self] in self?.drain() }
        source.setCancelHandler { withExtendedLifetime(events) {} }
        source.activate()
        self.events = events
        self.source = source
        return events
    }

    private func drain() {
        guard let events else { return }
        for _ in 0..<Self.batchRounds {
            let count: Int
            do {
                count = try events.forEachReady { token in
                    // A connection closed by an earlier one in this batch is gone from the table.
                    watched[token]?.inputReady()
                }
            } catch {
                // epoll_wait fails only for a bad descriptor or buffer; the source reports again.
                return
            }
            // A batch short of capacity took everything that was ready.
            if count < EventSet.defaultCapacity { return }
        }
    }
}
