/// Why a socket call did not do what was asked. Would-block and end-of-stream are kept apart from real
/// failures because the I/O loop treats each differently: wait, close quietly, or log and close.
public enum SocketError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The call would block (EAGAIN/EWOULDBLOCK/EINPROGRESS): wait for readiness and retry.
    case wouldBlock
    /// The peer closed its side: a read returned 0.
    case closed
    /// A system call failed; `errno` and its `strerror` text were captured on the failing line.
    case failed(call: String, errno: Int32, message: String)
    /// A host string that is not a numeric IPv4/IPv6 address and could not be resolved.
    case invalidAddress(String)

    public var description: String {
        switch self {
        case .wouldBlock: "operation would block"
        case .closed: "connection closed by peer"
        case let .failed(call, errno, message): "\(call) failed: \(message) (errno \(errno))"
        case let .invalidAddress(host): "invalid address: \(host)"
        }
    }

    /// The peer aborted the connection (TCP RST) rather than closing it in order.
    public var isConnectionReset: Bool {
        if case let .failed(_, code, _) = self { return Self.resetErrnos.contains(code) }
        return false
    }
}
