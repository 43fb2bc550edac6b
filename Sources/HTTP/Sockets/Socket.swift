/// One non-blocking TCP socket: the single owner of its file descriptor, which it closes exactly once,
/// in `close()` or else in `deinit`.
///
/// Not `Sendable`: a socket is used from one place at a time (a connection's serial queue, one client
/// exchange, one test thread). Every system call lives in `Socket+Glibc.swift` (epoll's in `EventSet.swift`).
public final class Socket {
    /// The descriptor, valid until `close()`; dispatch sources and event sets watch it, so they must
    /// let go of it (sources: their cancel handlers have run) before the socket is closed.
    public let fileDescriptor: Int32
    public private(set) var isOpen = true
    /// The peer, when the kernel told us for free (accept); `peerAddress()` asks it otherwise.
    public internal(set) var knownPeer: SocketAddress?

    init(fileDescriptor: Int32) {
        self.fileDescriptor = fileDescriptor
    }

    deinit {
        if isOpen { Self.closeDescriptor(fileDescriptor) }
    }

    /// Closes the descriptor; later calls do nothing.
    public func close() {
        guard isOpen else { return }
        isOpen = false
        Self.closeDescriptor(fileDescriptor)
    }

    /// Aborts the connection with a TCP RST instead of an orderly FIN: SO_LINGER with a zero timeout,
    /// then close (the `Delivery.reset` fault, and what a crashed peer looks like). The socket is
    /// closed even when setting the option fails; the error then says the close was an orderly one.
    public func reset() throws(SocketError) {
        guard isOpen else { return }
        defer { close() }
        try setLingerZero()
    }
}

/// Readiness a caller can wait for with `Socket.wait(for:timeout:)`.
public enum SocketReadiness: Sendable {
    case readable
    case writable
}
