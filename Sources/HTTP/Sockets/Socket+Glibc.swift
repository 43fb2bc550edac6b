import Glibc

// Every socket system call of the program is made in this file, the epoll calls in EventSet.swift
// (STYLE habit 2): errno is read on the line after the call that set it and turned into a
// `SocketError` there (habit 3).

extension SocketError {
    /// Captures `errno` now, before anything else can overwrite it.
    static func lastError(_ call: String) -> SocketError {
        let code = errno
        if code == EAGAIN || code == EWOULDBLOCK || code == EINPROGRESS { return .wouldBlock }
        return .failed(call: call, errno: code, message: String(cString: strerror(code)))
    }

    static let resetErrnos: [Int32] = [ECONNRESET, EPIPE, ECONNABORTED]
}

extension Socket {
    static func closeDescriptor(_ fd: Int32) {
        // POSIX leaves the descriptor state unspecified after EINTR from close; on Linux it is always
        // released, so retrying could close a descriptor another thread just received.
        _ = Glibc.close(fd)
    }

    /// A new non-blocking, close-on-exec TCP socket for `address`'s family.
    static func makeTCP(for address: SocketAddress) throws(SocketError) -> Socket {
        let type = Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue)
        let fd = Glibc.socket(address.family, type, 0)
        guard fd >= 0 else { throw .lastError("socket") }
        return Socket(fileDescriptor: fd)
    }

    /// A listening socket bound to `address` with SO_REUSEADDR, so a restarted server can rebind a
    /// port whose old connections are still in TIME_WAIT.
    public static func listen(on address: SocketAddress, backlog: Int) throws(SocketError) -> Socket {
        let socket = try makeTCP(for: address)
        try socket.setOption(SOL_SOCKET, SO_REUSEADDR, 1, "setsockopt(SO_REUSEADDR)")
        if address.isIPv6 {
            // Keep an IPv6 listener to IPv6 so that it does not also claim the IPv4 port.
            try socket.setOption(Int32(IPPROTO_IPV6), IPV6_V6ONLY, 1, "setsockopt(IPV6_V6ONLY)")
        }
        let bound = address.withSockAddr { Glibc.bind(socket.fileDescriptor, $0, $1) }
        guard bound == 0 else { throw .lastError("bind(\(address))") }
        guard Glibc.listen(socket.fileDescriptor, Int32(clamping: backlog)) == 0 else { throw .lastError("listen") }
        return socket
    }

    /// Starts a non-blocking connect. Throws `.wouldBlock` while it is in progress: wait until the
    /// socket is writable, then call `finishConnect()`.
    public static func connect(to address: SocketAddress) throws(SocketError) -> (Socket, connected: Bool) {
        let socket = try makeTCP(for: address)
        try socket.setNoDelay()
        while true {
            let result = address.withSockAddr { Glibc.connect(socket.fileDescriptor, $0, $1) }
            if result == 0 { return (socket, true) }
            let error = SocketError.lastError("connect(\(address))")
            if error == .wouldBlock { return (socket, false) }
            if case .failed(_, EINTR, _) = error { continue }
            throw error
        }
    }

    /// The outcome of a non-blocking connect, read from SO_ERROR once the socket is writable.
    public func finishConnect() throws(SocketError) {
        var code: Int32 = 0
        var length = socklen_t(MemoryLayout<Int32>.size)
        guard getsockopt(fileDescriptor, SOL_SOCKET, SO_ERROR, &code, &length) == 0 else {
            throw .lastError("getsockopt(SO_ERROR)")
        }
        if code != 0 {
            throw .failed(call: "connect", errno: code, message: String(cString: strerror(code)))
        }
    }

    /// Accepts one pending connection as a non-blocking socket, or throws `.wouldBlock` when the
    /// backlog is empty.
    public func accept() throws(SocketError) -> Socket {
        while true {
            // accept4(SOCK_NONBLOCK) would save the fcntl, but Glibc's Swift module does not export it
            // (it is behind _GNU_SOURCE); accepted sockets do not inherit O_NONBLOCK on Linux.
            var storage = sockaddr_storage()
            var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
            let fd = withUnsafeMutablePointer(to: &storage) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.accept(fileDescriptor, $0, &length) }
            }
            if fd >= 0 {
                let socket = Socket(fileDescriptor: fd)
                socket.knownPeer = SocketAddress(storage: storage)
                guard fcntl(fd, F_SETFL, O_NONBLOCK) == 0 else { throw .lastError("fcntl(O_NONBLOCK)") }
                return socket
            }
            let error = SocketError.lastError("accept4")
            // A connection reset while in the backlog is not the listener's failure: try the next one.
            if case .failed(_, let code, _) = error, code == EINTR || code == ECONNABORTED { continue }
            throw error
        }
    }

    /// Reads what is available into `buffer`; never returns 0 (that is `.closed`).
    public func read(into buffer: UnsafeMutableRawBufferPointer) throws(SocketError) -> Int {
        while true {
            let n = Glibc.recv(fileDescriptor, buffer.baseAddress, buffer.count, 0)
            if n > 0 { return n }
            if n == 0 { throw .closed }
            let error = SocketError.lastError("recv")
            if case .failed(_, EINTR, _) = error { continue }
            throw error
        }
    }

    /// Writes as much of `bytes` as the kernel takes now and returns how many it took. MSG_NOSIGNAL turns
    /// a write to a closed peer into EPIPE instead of a process-killing SIGPIPE.
    public func write(_ bytes: UnsafeRawBufferPointer) throws(SocketError) -> Int {
        guard bytes.count > 0 else { return 0 }
        while true {
            let n = Glibc.send(fileDescriptor, bytes.baseAddress, bytes.count, Int32(MSG_NOSIGNAL))
            if n >= 0 { return n }
            let error = SocketError.lastError("send")
            if case .failed(_, EINTR, _) = error { continue }
            throw error
        }
    }

    /// Waits up to `timeout` seconds (negative: forever) for readiness; false on timeout. For blocking
    /// callers (tests, the raw client); the server is driven by dispatch sources instead.
    public func wait(for readiness: SocketReadiness, timeout: Double) throws(SocketError) -> Bool {
        let events: Int16 = readiness == .readable ? Int16(POLLIN) : Int16(POLLOUT)
        var entry = pollfd(fd: fileDescriptor, events: events, revents: 0)
        let milliseconds: Int32 = timeout < 0 ? -1 : Int32(clamping: Int((timeout * 1000).rounded(.up)))
        while true {
            let n = poll(&entry, 1, milliseconds)
            if n > 0 { return true }
            if n == 0 { return false }
            let error = SocketError.lastError("poll")
            if case .failed(_, EINTR, _) = error { continue }
            throw error
        }
    }

    /// Disables Nagle's algorithm: responses go out in one write, and waiting to coalesce them with
    /// later data would only meet the peer's delayed ACK (the 40 ms stall of issue 2's lessons).
    public func setNoDelay() throws(SocketError) {
        try setOption(Int32(IPPROTO_TCP), TCP_NODELAY, 1, "setsockopt(TCP_NODELAY)")
    }

    /// Makes the next `close()` send RST and discard unsent data.
    public func setLingerZero() throws(SocketError) {
        var value = linger(l_onoff: 1, l_linger: 0)
        guard setsockopt(fileDescriptor, SOL_SOCKET, SO_LINGER, &value, socklen_t(MemoryLayout<linger>.size)) == 0 else {
            throw .lastError("setsockopt(SO_LINGER)")
        }
    }

    /// Half-closes the sending side (FIN) while still reading: lets the peer see the end of our
    /// response before we close, so its unread request bytes do not turn our close into a RST.
    public func shutdownWrite() throws(SocketError) {
        guard Glibc.shutdown(fileDescriptor, Int32(SHUT_WR)) == 0 else { throw .lastError("shutdown(SHUT_WR)") }
    }

    /// The address this socket is bound to (after binding to port 0: the port the kernel chose).
    public func localAddress() throws(SocketError) -> SocketAddress {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let result = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fileDescriptor, $0, &length) }
        }
        guard result == 0 else { throw .lastError("getsockname") }
        guard let address = SocketAddress(storage: storage) else { throw .invalidAddress("family \(storage.ss_family)") }
        return address
    }

    /// The address of the connected peer.
    public func peerAddress() throws(SocketError) -> SocketAddress {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let result = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getpeername(fileDescriptor, $0, &length) }
        }
        guard result == 0 else { throw .lastError("getpeername") }
        guard let address = SocketAddress(storage: storage) else { throw .invalidAddress("family \(storage.ss_family)") }
        return address
    }

    /// Resolves `host` to an address: numeric hosts directly, names through getaddrinfo (which blocks;
    /// callers keep it off latency-sensitive queues).
    public static func resolve(host: String, port: Int) throws(SocketError) -> SocketAddress {
        // Not numeric is not an error here: it means "a name", which getaddrinfo resolves below.
        if let numeric = try? SocketAddress(host: host, port: port) { return numeric }
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, String(port), &hints, &list)
        guard status == 0, let list else {
            throw .failed(call: "getaddrinfo(\(host))", errno: status, message: String(cString: gai_strerror(status)))
        }
        defer { freeaddrinfo(list) }
        var entry: UnsafeMutablePointer<addrinfo>? = list
        while let current = entry {
            if let raw = current.pointee.ai_addr {
                var storage = sockaddr_storage()
                withUnsafeMutableBytes(of: &storage) { dst in
                    dst.copyMemory(from: UnsafeRawBufferPointer(start: raw, count: Int(current.pointee.ai_addrlen)))
                }
                if let address = SocketAddress(storage: storage) { return address }
            }
            entry = current.pointee.ai_next
        }
        throw .invalidAddress(host)
    }

    private func setOption(_ level: Int32, _ name: Int32, _ value: Int32, _ call: String) throws(SocketError) {
        var value = value
        guard setsockopt(fileDescriptor, level, name, &value, socklen_t(MemoryLayout<Int32>.size)) == 0 else {
            throw .lastError(call)
        }
    }
}
